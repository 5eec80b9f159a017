import { describe, expect, it } from 'vitest';
import { applyPatch } from '../../apiserver/patch';
import { newTestCluster, type TestCluster } from '../../testing/testCluster';
import { markAllReady, markReady } from '../deployment/testkit';

const rsYaml = (replicas: number, extra = '') => `
apiVersion: apps/v1
kind: ReplicaSet
metadata: {name: web}
spec:
  replicas: ${replicas}
${extra}  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec: {containers: [{name: nginx, image: nginx:1.27}]}
`;

function cluster(): TestCluster {
  return newTestCluster({ controllers: ['replicaset-controller'] });
}

const rs = (t: TestCluster) => t.get('replicasets', 'web')!;
const podsDef = (t: TestCluster) => t.api.registry.resolve('pods')!;

describe('ReplicaSet controller (scenarios)', () => {
  it('creates the pods with a controller ownerReference, names from generateName, one event each', () => {
    const t = cluster();
    t.apply(rsYaml(3));
    const pods = t.pods('app=web');
    expect(pods).toHaveLength(3);
    for (const p of pods) {
      expect(p.metadata.name).toMatch(/^web-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
      expect(p.metadata.generateName).toBe('web-');
      expect(p.metadata.ownerReferences).toEqual([
        { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web', uid: rs(t).metadata.uid, controller: true, blockOwnerDeletion: true },
      ]);
    }
    expect(t.events('web').sort()).toEqual(pods.map((p) => `SuccessfulCreate: Created pod: ${p.metadata.name}`).sort());
    expect(rs(t).status).toEqual({ replicas: 3, fullyLabeledReplicas: 3, observedGeneration: 1 });
  });

  it('replaces a deleted pod', () => {
    const t = cluster();
    t.apply(rsYaml(2));
    const [victim] = t.pods('app=web');
    t.api.delete(podsDef(t), 'default', victim.metadata.name!);
    t.settle();
    const pods = t.pods('app=web');
    expect(pods).toHaveLength(2);
    expect(pods.map((p) => p.metadata.name)).not.toContain(victim.metadata.name);
    expect(t.events('web').filter((e) => e.startsWith('SuccessfulCreate'))).toHaveLength(3);
  });

  it('scales down deleting not-ready pods before ready ones', () => {
    const t = cluster();
    t.apply(rsYaml(4));
    const pods = t.pods('app=web');
    markReady(t, pods.slice(0, 2));
    t.apply(rsYaml(2));
    expect(t.pods('app=web').map((p) => p.metadata.name).sort()).toEqual(pods.slice(0, 2).map((p) => p.metadata.name).sort());
    expect(t.events('web').filter((e) => e.startsWith('SuccessfulDelete')).sort()).toEqual(
      pods.slice(2).map((p) => `SuccessfulDelete: Deleted pod: ${p.metadata.name}`).sort(),
    );
  });

  it('adopts a matching orphan pod instead of creating one, and releases a pod whose labels stop matching', () => {
    const t = cluster();
    t.apply(`
apiVersion: v1
kind: Pod
metadata: {name: stray, labels: {app: web}}
spec: {containers: [{name: nginx, image: nginx:1.27}]}
`);
    t.apply(rsYaml(2));
    expect(t.pods('app=web')).toHaveLength(2);
    expect(t.get('pods', 'stray')!.metadata.ownerReferences?.[0]).toMatchObject({ kind: 'ReplicaSet', name: 'web', controller: true });
    t.api.patch(podsDef(t), 'default', 'stray', { metadata: { labels: { app: 'gone' } } }, 'application/merge-patch+json', {}, '', applyPatch);
    t.settle();
    expect(t.get('pods', 'stray')!.metadata.ownerReferences ?? []).toEqual([]);
    expect(t.pods('app=web')).toHaveLength(2);
  });

  it('counts ready pods as available only after minReadySeconds, looking again when they are due', () => {
    const t = cluster();
    t.apply(rsYaml(2, '  minReadySeconds: 10\n'));
    markAllReady(t, 'app=web');
    expect(rs(t).status).toMatchObject({ replicas: 2, readyReplicas: 2 });
    expect(rs(t).status.availableReplicas).toBeUndefined();
    t.advance('10s');
    expect(rs(t).status.availableReplicas).toBeUndefined();
    t.advance('1s');
    expect(rs(t).status.availableReplicas).toBe(2);
  });

  it('reports FailedCreate with the API error and a ReplicaFailure condition when a quota refuses pods', () => {
    const t = cluster();
    t.apply(`
apiVersion: v1
kind: ResourceQuota
metadata: {name: pods}
spec: {hard: {pods: "2"}}
`);
    t.apply(rsYaml(3));
    expect(t.pods('app=web')).toHaveLength(2);
    const failed = t.events('web').filter((e) => e.startsWith('FailedCreate'));
    expect(failed.length).toBeGreaterThan(0);
    expect(failed[0]).toMatch(/^FailedCreate: Error creating: pods "web-[a-z0-9]{5}" is forbidden: exceeded quota: pods, requested: pods=1, used: pods=2, limited: pods=2$/);
    const cond = rs(t).status.conditions?.[0];
    expect(cond).toMatchObject({ type: 'ReplicaFailure', status: 'True', reason: 'FailedCreate' });
    expect(cond.message).toMatch(/exceeded quota: pods/);
    // Raising the quota lets the next attempt through and clears the condition.
    t.apply(`
apiVersion: v1
kind: ResourceQuota
metadata: {name: pods}
spec: {hard: {pods: "3"}}
`);
    t.advance('1m');
    expect(t.pods('app=web')).toHaveLength(3);
    expect(rs(t).status.conditions).toBeUndefined();
  });

  it('paces status-only syncs under a burst of readiness changes, and the final status is exact', () => {
    const t = cluster();
    t.apply(rsYaml(40));
    const rsDef = t.api.registry.resolve('replicasets')!;
    let statusWrites = 0;
    t.store.watch(t.api.registry.key(rsDef), {}, (type, o, _rv, prev) => {
      if (type === 'MODIFIED' && JSON.stringify(prev?.status) !== JSON.stringify(o.status)) statusWrites++;
    });
    // One pod turns Ready every millisecond: 40 readiness changes in 40 ms.
    for (const p of t.pods('app=web')) {
      markReady(t, [p]);
      t.advance(1);
    }
    // Ten syncs in hand, then one per 100 ms: far fewer writes than pods, none lost.
    expect(statusWrites).toBeLessThanOrEqual(11);
    expect(rs(t).status.readyReplicas).toBeLessThan(40);
    t.advance('100ms');
    expect(rs(t).status).toMatchObject({ replicas: 40, readyReplicas: 40, availableReplicas: 40 });
  });

  it('writes the status at once for isolated readiness changes', () => {
    const t = cluster();
    t.apply(rsYaml(3));
    for (const [i, p] of t.pods('app=web').entries()) {
      markReady(t, [p]);
      expect(rs(t).status.readyReplicas).toBe(i + 1);
    }
  });

  it('creates pods in slow-start batches up to 500 per sync', () => {
    const t = cluster();
    t.apply(rsYaml(600));
    expect(t.pods('app=web')).toHaveLength(600);
    expect(rs(t).status.replicas).toBe(600);
  });
});
