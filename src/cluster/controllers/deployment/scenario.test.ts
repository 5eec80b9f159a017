import { describe, expect, it } from 'vitest';
import { newTestCluster, type TestCluster } from '../../testing/testCluster';
import {
  deploymentEvents,
  deploymentYaml,
  markAllReady,
  patchDeployment,
  replicaSetSizes,
  rolloutStatus,
  rolloutUndo,
  bind,
} from './testkit';
import { applyPatch } from '../../apiserver/patch';

const CONTROLLERS = ['deployment-controller', 'replicaset-controller'];

function cluster(): TestCluster {
  return newTestCluster({ controllers: CONTROLLERS });
}

const deployment = (t: TestCluster, name = 'web') => t.get('deployments', name)!;
const rsByRevision = (t: TestCluster, rev: number) =>
  t.list('replicasets', 'app=web').find((rs) => rs.metadata.annotations?.['deployment.kubernetes.io/revision'] === String(rev))!;
const condition = (t: TestCluster, type: string) => deployment(t).status?.conditions?.find((c: { type: string }) => c.type === type);

/** Marks pods ready until the rollout stops changing, collecting rollout-status lines on the way. */
function rollOut(t: TestCluster, rounds = 20): string[] {
  const lines = [rolloutStatus(deployment(t))];
  for (let i = 0; i < rounds; i++) {
    t.advance('1s');
    markAllReady(t, 'app=web');
    const line = rolloutStatus(deployment(t));
    if (line !== lines[lines.length - 1]) lines.push(line);
    if (line.includes('successfully rolled out')) break;
  }
  return lines;
}

describe('Deployment controller (scenarios)', () => {
  it('creates a ReplicaSet <deployment>-<pod-template-hash> that creates the pods', () => {
    const t = cluster();
    t.apply(deploymentYaml({ replicas: 3 }));
    const [rs] = t.list('replicasets', 'app=web');
    const hash = rs.metadata.labels!['pod-template-hash'];
    expect(hash).toMatch(/^[456789bcdf]{1,10}$/);
    expect(rs.metadata.name).toBe(`web-${hash}`);
    expect(rs.spec.selector.matchLabels).toEqual({ app: 'web', 'pod-template-hash': hash });
    expect(rs.spec.template.metadata.labels).toEqual({ app: 'web', 'pod-template-hash': hash });
    expect(rs.metadata.annotations).toEqual({
      'deployment.kubernetes.io/revision': '1',
      'deployment.kubernetes.io/desired-replicas': '3',
      'deployment.kubernetes.io/max-replicas': '4',
    });
    expect(rs.metadata.ownerReferences).toEqual([
      { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', uid: deployment(t).metadata.uid, controller: true, blockOwnerDeletion: true },
    ]);
    const pods = t.pods('app=web');
    expect(pods).toHaveLength(3);
    for (const p of pods) expect(p.metadata.name).toMatch(new RegExp(`^web-${hash}-[bcdfghjklmnpqrstvwxz2456789]{5}$`));
    expect(deploymentEvents(t)).toEqual([`ScalingReplicaSet: Scaled up replica set web-${hash} from 0 to 3`]);
    expect(t.events(rs.metadata.name).filter((e) => e.startsWith('SuccessfulCreate'))).toHaveLength(3);
  });

  it('reports status and conditions as the pods become available, as kubectl rollout status reads them', () => {
    const t = cluster();
    t.apply(deploymentYaml({ replicas: 3 }));
    const rsName = t.list('replicasets', 'app=web')[0].metadata.name;
    expect(deployment(t).status).toMatchObject({ observedGeneration: 1, replicas: 3, updatedReplicas: 3, unavailableReplicas: 3 });
    expect(condition(t, 'Available')).toMatchObject({ status: 'False', reason: 'MinimumReplicasUnavailable', message: 'Deployment does not have minimum availability.' });
    expect(rolloutStatus(deployment(t))).toBe('Waiting for deployment "web" rollout to finish: 0 of 3 updated replicas are available...');
    t.advance('5s');
    markAllReady(t, 'app=web');
    const d = deployment(t);
    expect(d.status).toMatchObject({ replicas: 3, updatedReplicas: 3, readyReplicas: 3, availableReplicas: 3 });
    expect(d.status.unavailableReplicas).toBeUndefined();
    expect(condition(t, 'Available')).toMatchObject({ status: 'True', reason: 'MinimumReplicasAvailable', message: 'Deployment has minimum availability.' });
    expect(condition(t, 'Progressing')).toMatchObject({ status: 'True', reason: 'NewReplicaSetAvailable', message: `ReplicaSet "${rsName}" has successfully progressed.` });
    expect(d.status.conditions.map((c: { type: string }) => c.type)).toEqual(['Available', 'Progressing']);
    expect(rolloutStatus(d)).toBe('deployment "web" successfully rolled out');
  });

  it('rolls nginx:1.27 to 1.28 in upstream steps: 10 replicas, maxSurge 3, maxUnavailable 2', () => {
    const t = cluster();
    const strategy = '  strategy:\n    rollingUpdate: {maxSurge: 3, maxUnavailable: 2}\n';
    t.apply(deploymentYaml({ replicas: 10, strategy }));
    markAllReady(t, 'app=web');
    t.advance('10s');
    const old = t.list('replicasets', 'app=web')[0].metadata.name;
    t.apply(deploymentYaml({ replicas: 10, strategy, image: 'nginx:1.28' }));
    const fresh = rsByRevision(t, 2).metadata.name;
    // New RS at 3 (13 pods), old to 8 (minAvailable 8), new to 5; then stuck until new pods are available.
    expect(replicaSetSizes(t)).toEqual([`${old}=8`, `${fresh}=5`]);
    expect(deploymentEvents(t).slice(1)).toEqual([
      `ScalingReplicaSet: Scaled up replica set ${fresh} from 0 to 3`,
      `ScalingReplicaSet: Scaled down replica set ${old} from 10 to 8`,
      `ScalingReplicaSet: Scaled up replica set ${fresh} from 3 to 5`,
    ]);
    expect(rolloutStatus(deployment(t))).toBe('Waiting for deployment "web" rollout to finish: 5 out of 10 new replicas have been updated...');
    const lines = rollOut(t);
    expect(lines[lines.length - 1]).toBe('deployment "web" successfully rolled out');
    expect(replicaSetSizes(t)).toEqual([`${old}=0`, `${fresh}=10`]);
    expect(t.pods('app=web').every((p) => p.spec.containers[0].image === 'nginx:1.28')).toBe(true);
    expect(deployment(t).status).toMatchObject({ observedGeneration: 2, replicas: 10, updatedReplicas: 10, availableReplicas: 10 });
  });

  it('shows the upstream sequence of kubectl rollout status messages during a default 25%/25% update', () => {
    const t = cluster();
    t.apply(deploymentYaml({ replicas: 3 }));
    markAllReady(t, 'app=web');
    t.advance('10s');
    t.apply(deploymentYaml({ replicas: 3, image: 'nginx:1.28' }));
    expect(rollOut(t)).toEqual([
      'Waiting for deployment "web" rollout to finish: 1 out of 3 new replicas have been updated...',
      'Waiting for deployment "web" rollout to finish: 2 out of 3 new replicas have been updated...',
      'Waiting for deployment "web" rollout to finish: 1 old replicas are pending termination...',
      'deployment "web" successfully rolled out',
    ]);
  });

  it('rolls back with kubectl rollout undo: the old ReplicaSet becomes new with revision 3 and history 1', () => {
    const t = cluster();
    t.apply(deploymentYaml({ replicas: 2 }));
    markAllReady(t, 'app=web');
    t.advance('10s');
    t.apply(deploymentYaml({ replicas: 2, image: 'nginx:1.28' }));
    rollOut(t);
    const first = rsByRevision(t, 1).metadata.name;
    const second = rsByRevision(t, 2).metadata.name;
    t.advance('10s');
    rolloutUndo(t);
    expect(t.list('replicasets', 'app=web')).toHaveLength(2);
    const reused = t.get('replicasets', first!)!;
    expect(reused.metadata.annotations!['deployment.kubernetes.io/revision']).toBe('3');
    expect(reused.metadata.annotations!['deployment.kubernetes.io/revision-history']).toBe('1');
    rollOut(t);
    expect(replicaSetSizes(t)).toEqual([`${second}=0`, `${first}=2`]);
    expect(t.pods('app=web').every((p) => p.spec.containers[0].image === 'nginx:1.27')).toBe(true);
    expect(deploymentEvents(t)).toContain(`ScalingReplicaSet: Scaled up replica set ${first} from 0 to 1`);
  });

  it('kubectl rollout restart (a restartedAt template annotation) starts a new revision', () => {
    const t = cluster();
    t.apply(deploymentYaml({ replicas: 2 }));
    markAllReady(t, 'app=web');
    t.advance('1m');
    patchDeployment(t, { spec: { template: { metadata: { annotations: { 'kubectl.kubernetes.io/restartedAt': '2025-01-01T00:01:00Z' } } } } });
    const next = rsByRevision(t, 2);
    expect(next.spec.template.metadata.annotations).toEqual({ 'kubectl.kubernetes.io/restartedAt': '2025-01-01T00:01:00Z' });
    rollOut(t);
    expect(t.pods('app=web').every((p) => p.metadata.annotations?.['kubectl.kubernetes.io/restartedAt'])).toBe(true);
  });

  it('keeps only revisionHistoryLimit old ReplicaSets', () => {
    const t = cluster();
    t.apply(deploymentYaml({ replicas: 1, extra: '  revisionHistoryLimit: 1\n' }));
    for (const image of ['nginx:1.28', 'nginx:1.29', 'nginx:1.30']) {
      markAllReady(t, 'app=web');
      t.advance('10s');
      t.apply(deploymentYaml({ replicas: 1, image, extra: '  revisionHistoryLimit: 1\n' }));
      rollOut(t);
    }
    const revisions = t.list('replicasets', 'app=web').map((rs) => rs.metadata.annotations!['deployment.kubernetes.io/revision']);
    expect(revisions.sort()).toEqual(['3', '4']);
  });

  it('scales the ReplicaSet with kubectl scale, deleting pods', () => {
    const t = cluster();
    t.apply(deploymentYaml({ replicas: 3 }));
    const rs = t.list('replicasets', 'app=web')[0].metadata.name;
    patchDeployment(t, { spec: { replicas: 5 } }, 'web', 'merge');
    expect(t.pods('app=web')).toHaveLength(5);
    patchDeployment(t, { spec: { replicas: 1 } }, 'web', 'merge');
    expect(t.pods('app=web')).toHaveLength(1);
    expect(deploymentEvents(t)).toEqual([
      `ScalingReplicaSet: Scaled up replica set ${rs} from 0 to 3`,
      `ScalingReplicaSet: Scaled up replica set ${rs} from 3 to 5`,
      `ScalingReplicaSet: Scaled down replica set ${rs} from 5 to 1`,
    ]);
    expect(t.get('replicasets', rs!)!.metadata.annotations!['deployment.kubernetes.io/desired-replicas']).toBe('1');
    expect(t.events(rs).filter((e) => e.startsWith('SuccessfulDelete'))).toHaveLength(4);
  });

  it('scales proportionally when replicas change in the middle of a rollout', () => {
    const t = cluster();
    const strategy = '  strategy:\n    rollingUpdate: {maxSurge: 3, maxUnavailable: 2}\n';
    t.apply(deploymentYaml({ replicas: 10, strategy }));
    markAllReady(t, 'app=web');
    t.advance('10s');
    t.apply(deploymentYaml({ replicas: 10, strategy, image: 'nginx:1.28' }));
    const old = rsByRevision(t, 1).metadata.name;
    const fresh = rsByRevision(t, 2).metadata.name;
    expect(replicaSetSizes(t)).toEqual([`${old}=8`, `${fresh}=5`]);
    // 20 replicas: allowed 20 + 3 = 23, 10 to add, larger first; old 8·23/13 → 14 (+6), new 5·23/13 → 9 (+4).
    patchDeployment(t, { spec: { replicas: 20 } }, 'web', 'merge');
    expect(replicaSetSizes(t)).toEqual([`${old}=14`, `${fresh}=9`]);
    expect(deploymentEvents(t).slice(-2)).toEqual([
      `ScalingReplicaSet: Scaled up replica set ${old} from 8 to 14`,
      `ScalingReplicaSet: Scaled up replica set ${fresh} from 5 to 9`,
    ]);
    for (const rs of t.list('replicasets', 'app=web')) expect(rs.metadata.annotations!['deployment.kubernetes.io/max-replicas']).toBe('23');
    // The rollout then carries on from there.
    rollOut(t, 40);
    expect(replicaSetSizes(t)).toEqual([`${old}=0`, `${fresh}=20`]);
  });

  it('pause holds a template change; resume rolls it out (DeploymentPaused / DeploymentResumed)', () => {
    const t = cluster();
    t.apply(deploymentYaml({ replicas: 2 }));
    markAllReady(t, 'app=web');
    t.advance('10s');
    patchDeployment(t, { spec: { paused: true } });
    expect(condition(t, 'Progressing')).toMatchObject({ status: 'Unknown', reason: 'DeploymentPaused', message: 'Deployment is paused' });
    patchDeployment(t, { spec: { template: { spec: { containers: [{ name: 'nginx', image: 'nginx:1.28' }] } } } });
    expect(t.list('replicasets', 'app=web')).toHaveLength(1);
    expect(deployment(t).status.observedGeneration).toBe(deployment(t).metadata.generation);
    t.advance('10s');
    patchDeployment(t, { spec: { paused: false } });
    expect(t.list('replicasets', 'app=web')).toHaveLength(2);
    rollOut(t);
    expect(condition(t, 'Progressing')).toMatchObject({ status: 'True', reason: 'NewReplicaSetAvailable' });
  });

  it('reports ProgressDeadlineExceeded when pods never become available, checked at the deadline', () => {
    const t = cluster();
    t.apply(deploymentYaml({ replicas: 2, extra: '  progressDeadlineSeconds: 30\n' }));
    const rs = t.list('replicasets', 'app=web')[0].metadata.name;
    t.advance('29s');
    expect(condition(t, 'Progressing')).toMatchObject({ status: 'True', reason: 'ReplicaSetUpdated' });
    t.advance('3s');
    expect(condition(t, 'Progressing')).toMatchObject({ status: 'False', reason: 'ProgressDeadlineExceeded', message: `ReplicaSet "${rs}" has timed out progressing.` });
    expect(rolloutStatus(deployment(t))).toBe('error: deployment "web" exceeded its progress deadline');
  });

  it('Recreate scales the old ReplicaSet to 0 and creates the new one only once the old pods are gone', () => {
    const t = cluster();
    const strategy = '  strategy: {type: Recreate}\n';
    t.apply(deploymentYaml({ replicas: 2, strategy }));
    for (const p of t.pods('app=web')) bind(t, p);
    markAllReady(t, 'app=web');
    const old = t.list('replicasets', 'app=web')[0].metadata.name;
    t.advance('10s');
    t.apply(deploymentYaml({ replicas: 2, strategy, image: 'nginx:1.28' }));
    // The old pods are terminating (no kubelet to finish them): no new ReplicaSet yet.
    expect(replicaSetSizes(t)).toEqual([`${old}=0`]);
    expect(t.pods('app=web').every((p) => p.metadata.deletionTimestamp)).toBe(true);
    expect(rolloutStatus(deployment(t))).toBe('Waiting for deployment "web" rollout to finish: 0 out of 2 new replicas have been updated...');
    const podsDef = t.api.registry.resolve('pods')!;
    for (const p of t.pods('app=web')) t.api.delete(podsDef, 'default', p.metadata.name!, { gracePeriodSeconds: 0 });
    t.settle();
    const fresh = rsByRevision(t, 2).metadata.name;
    expect(replicaSetSizes(t)).toEqual([`${old}=0`, `${fresh}=2`]);
    expect(deploymentEvents(t).slice(1)).toEqual([
      `ScalingReplicaSet: Scaled down replica set ${old} from 2 to 0`,
      `ScalingReplicaSet: Scaled up replica set ${fresh} from 0 to 2`,
    ]);
    rollOut(t);
    expect(condition(t, 'Available')).toMatchObject({ status: 'True' });
  });

  it('adopts a matching orphan ReplicaSet and releases one whose labels stop matching', () => {
    const t = cluster();
    t.apply(`
apiVersion: apps/v1
kind: ReplicaSet
metadata: {name: stray, labels: {app: web}}
spec:
  replicas: 0
  selector: {matchLabels: {app: web, tier: old}}
  template:
    metadata: {labels: {app: web, tier: old}}
    spec: {containers: [{name: nginx, image: nginx:1.20}]}
`);
    t.apply(deploymentYaml({ replicas: 1 }));
    const d = deployment(t);
    const owner = () => t.get('replicasets', 'stray')!.metadata.ownerReferences?.[0]?.uid;
    expect(owner()).toBe(d.metadata.uid);
    const rsDef = t.api.registry.resolve('replicasets')!;
    t.api.patch(rsDef, 'default', 'stray', { metadata: { labels: { app: 'other' } } }, 'application/merge-patch+json', {}, '', applyPatch);
    t.settle();
    expect(owner()).toBeUndefined();
  });

  it('goes quiet once rolled out: no more writes, no pending work', () => {
    const t = cluster();
    t.apply(deploymentYaml({ replicas: 3, extra: '  minReadySeconds: 5\n' }));
    t.advance('1s');
    markAllReady(t, 'app=web');
    t.advance('10s');
    expect(rolloutStatus(deployment(t))).toBe('deployment "web" successfully rolled out');
    const writes: string[] = [];
    t.store.onCommit = (e) => {
      // The rollout's Events expiring (an hour after they were written) is the API server's doing.
      if (e.resource === 'events' && e.type === 'DELETED') return;
      if (e.object.metadata.name?.startsWith('web')) writes.push(`${e.type} ${e.resource} ${e.object.metadata.name}`);
    };
    t.advance('1h');
    expect(writes).toEqual([]);
  });

  describe('with the scheduler and kubelets', () => {
    const live = () => newTestCluster({ controllers: [...CONTROLLERS, 'kubelet', 'default-scheduler'] });

    /** Advances in half-second steps, collecting each new kubectl rollout status line. */
    function watchRollout(t: TestCluster, seconds: number): string[] {
      const lines: string[] = [];
      for (let i = 0; i < seconds * 2; i++) {
        t.advance('500ms');
        const line = rolloutStatus(deployment(t));
        if (line !== lines[lines.length - 1]) lines.push(line);
      }
      return lines;
    }

    it('rolls nginx:1.26 to 1.27 on its own, with the kubectl rollout status sequence', () => {
      const t = live();
      t.apply(deploymentYaml({ replicas: 3, image: 'nginx:1.26' }));
      expect(watchRollout(t, 30).at(-1)).toBe('deployment "web" successfully rolled out');
      t.apply(deploymentYaml({ replicas: 3, image: 'nginx:1.27' }));
      expect(watchRollout(t, 60)).toEqual([
        'Waiting for deployment "web" rollout to finish: 1 out of 3 new replicas have been updated...',
        'Waiting for deployment "web" rollout to finish: 2 out of 3 new replicas have been updated...',
        'Waiting for deployment "web" rollout to finish: 1 old replicas are pending termination...',
        'deployment "web" successfully rolled out',
      ]);
      const pods = t.pods('app=web');
      expect(pods).toHaveLength(3);
      expect(pods.every((p) => p.status.phase === 'Running' && p.spec.containers[0].image === 'nginx:1.27')).toBe(true);
    });

    it('a rollout to an image that cannot be pulled stalls, keeps the old pods and exceeds its deadline', () => {
      const t = live();
      t.apply(deploymentYaml({ replicas: 3, extra: '  progressDeadlineSeconds: 60\n' }));
      watchRollout(t, 30);
      t.apply(deploymentYaml({ replicas: 3, image: 'nginx:no-such-tag', extra: '  progressDeadlineSeconds: 60\n' }));
      const lines = watchRollout(t, 90);
      expect(lines[0]).toBe('Waiting for deployment "web" rollout to finish: 1 out of 3 new replicas have been updated...');
      expect(lines.at(-1)).toBe('error: deployment "web" exceeded its progress deadline');
      expect(replicaSetSizes(t).map((s) => s.split('=')[1])).toEqual(['3', '1']);
      expect(deployment(t).status).toMatchObject({ replicas: 4, updatedReplicas: 1, availableReplicas: 3, unavailableReplicas: 1 });
      expect(condition(t, 'Available')).toMatchObject({ status: 'True' });
    });
  });
});
