import { describe, expect, it } from 'vitest';
import type { KObject } from '../../api/types';
import { rfc3339 } from '../../sim/clock';
import { deploymentComplete, deploymentProgressing, deploymentTimedOut, setCondition, type DeploymentStatus } from './conditions';
import { reconcile } from './reconcile';
import { deploy, rsFor, T0 } from './testworld';

const at = (s: number) => rfc3339(T0 + s * 1000);
const progressing = (reason: string, status = 'True', updated = 0, transition = 0) => ({
  type: 'Progressing',
  status,
  lastUpdateTime: at(updated),
  lastTransitionTime: at(transition),
  reason,
  message: 'm',
});

/** A Deployment mid-rollout: new RS (revision 2) with `newAvailable` of 3 available. */
function midRollout(status: DeploymentStatus, newAvailable: number, o: Parameters<typeof deploy>[0] = {}) {
  const d = deploy({ replicas: 3, generation: 2, annotations: { 'deployment.kubernetes.io/revision': '2' }, ...o, status: { observedGeneration: 2, ...status } });
  const old = rsFor(d, { name: 'old', replicas: 0, image: 'nginx:1.26' });
  const fresh = rsFor(d, { name: 'web-new', replicas: 3, revision: 2, available: newAvailable, annotations: { 'deployment.kubernetes.io/max-replicas': '4' } });
  return { d, rss: [old, fresh] };
}

function statusAfter(d: KObject, rss: KObject[], now: number) {
  const plan = reconcile({ deployment: d, replicaSets: rss, now });
  const writes = plan.actions.filter((a) => a.type === 'updateStatus');
  const last = writes.at(-1);
  return { status: (last?.type === 'updateStatus' ? last.deployment.status : d.status) as DeploymentStatus, plan };
}

const cond = (s: DeploymentStatus, type: string) => s.conditions?.find((c) => c.type === type);

describe('Progressing condition (syncRolloutStatus)', () => {
  it('becomes ReplicaSetUpdated "ReplicaSet \\"x\\" is progressing." when more replicas are available, keeping lastTransitionTime', () => {
    const { d, rss } = midRollout({ replicas: 3, updatedReplicas: 3, readyReplicas: 1, availableReplicas: 1, conditions: [progressing('NewReplicaSetCreated', 'True', 0, 0)] }, 2);
    const { status } = statusAfter(d, rss, T0 + 30_000);
    expect(cond(status, 'Progressing')).toEqual({
      type: 'Progressing',
      status: 'True',
      lastUpdateTime: at(30),
      lastTransitionTime: at(0),
      reason: 'ReplicaSetUpdated',
      message: 'ReplicaSet "web-new" is progressing.',
    });
  });

  it('becomes NewReplicaSetAvailable "ReplicaSet \\"x\\" has successfully progressed." when complete', () => {
    const { d, rss } = midRollout({ replicas: 3, updatedReplicas: 3, availableReplicas: 2, conditions: [progressing('ReplicaSetUpdated')] }, 3);
    const { status, plan } = statusAfter(d, rss, T0 + 30_000);
    expect(cond(status, 'Progressing')).toMatchObject({ status: 'True', reason: 'NewReplicaSetAvailable', message: 'ReplicaSet "web-new" has successfully progressed.' });
    expect(plan.requeueAfterMs).toBeUndefined();
  });

  it('becomes ProgressDeadlineExceeded "ReplicaSet \\"x\\" has timed out progressing." after progressDeadlineSeconds without progress', () => {
    const st = { replicas: 3, updatedReplicas: 3, availableReplicas: 1, readyReplicas: 1, conditions: [progressing('ReplicaSetUpdated', 'True', 0, 0)] };
    const { d, rss } = midRollout(st, 1, { progressDeadlineSeconds: 60 });
    expect(cond(statusAfter(d, rss, T0 + 60_000).status, 'Progressing')?.reason).toBe('ReplicaSetUpdated');
    const { status } = statusAfter(d, rss, T0 + 60_001);
    expect(cond(status, 'Progressing')).toMatchObject({
      status: 'False',
      reason: 'ProgressDeadlineExceeded',
      message: 'ReplicaSet "web-new" has timed out progressing.',
      lastTransitionTime: at(60.001).replace(/\.\d+/, ''),
    });
  });

  it('asks to be looked at again one second after the deadline (lastUpdateTime + deadline − now + 1s)', () => {
    const st = { replicas: 3, updatedReplicas: 3, availableReplicas: 1, readyReplicas: 1, conditions: [progressing('ReplicaSetUpdated', 'True', 0, 0)] };
    const { d, rss } = midRollout(st, 1, { progressDeadlineSeconds: 600 });
    // The first sync writes the status (Available, unavailableReplicas); the next one finds nothing to write.
    const written = statusAfter(d, rss, T0 + 180_000).status;
    // Updated at 0, now 180 s: 420 s left, plus one second.
    expect(reconcile({ deployment: { ...d, status: written }, replicaSets: rss, now: T0 + 180_000 })).toEqual({ actions: [], requeueAfterMs: 421_000 });
  });

  it('does not look again once complete or timed out', () => {
    const done = midRollout({ replicas: 3, updatedReplicas: 3, readyReplicas: 3, availableReplicas: 3, conditions: [progressing('NewReplicaSetAvailable')] }, 3);
    expect(reconcile({ deployment: done.d, replicaSets: done.rss, now: T0 + 1000 }).requeueAfterMs).toBeUndefined();
    const stuck = midRollout({ replicas: 3, updatedReplicas: 3, readyReplicas: 1, availableReplicas: 1, conditions: [progressing('ProgressDeadlineExceeded', 'False')] }, 1);
    expect(reconcile({ deployment: stuck.d, replicaSets: stuck.rss, now: T0 + 1000 }).requeueAfterMs).toBeUndefined();
  });

  it('drops the Progressing condition when progressDeadlineSeconds is unset', () => {
    const { d, rss } = midRollout({ replicas: 3, updatedReplicas: 3, availableReplicas: 2, conditions: [progressing('ReplicaSetUpdated')] }, 3, { progressDeadlineSeconds: null });
    expect(cond(statusAfter(d, rss, T0).status, 'Progressing')).toBeUndefined();
  });

  it('lifts the new ReplicaSet’s ReplicaFailure condition onto the Deployment', () => {
    const { d, rss } = midRollout({ replicas: 3, updatedReplicas: 3, availableReplicas: 3, conditions: [progressing('NewReplicaSetAvailable')] }, 3);
    rss[1].status.conditions = [{ type: 'ReplicaFailure', status: 'True', lastTransitionTime: at(5), reason: 'FailedCreate', message: 'quota' }];
    expect(cond(statusAfter(d, rss, T0 + 10_000).status, 'ReplicaFailure')).toEqual({
      type: 'ReplicaFailure',
      status: 'True',
      lastUpdateTime: at(5),
      lastTransitionTime: at(5),
      reason: 'FailedCreate',
      message: 'quota',
    });
  });
});

describe('progress predicates', () => {
  const d = deploy({ replicas: 3, generation: 2, status: { replicas: 4, updatedReplicas: 1, readyReplicas: 3, availableReplicas: 3 } });
  it.each<[string, DeploymentStatus, boolean]>([
    ['more updated replicas is progress', { replicas: 4, updatedReplicas: 2, readyReplicas: 3, availableReplicas: 3 }, true],
    ['fewer old replicas is progress', { replicas: 3, updatedReplicas: 1, readyReplicas: 3, availableReplicas: 3 }, true],
    ['more ready replicas is progress', { replicas: 4, updatedReplicas: 1, readyReplicas: 4, availableReplicas: 3 }, true],
    ['more available replicas is progress', { replicas: 4, updatedReplicas: 1, readyReplicas: 3, availableReplicas: 4 }, true],
    ['the same numbers are no progress', { replicas: 4, updatedReplicas: 1, readyReplicas: 3, availableReplicas: 3 }, false],
  ])('%s', (_n, s, want) => expect(deploymentProgressing(d, s)).toBe(want));

  it('complete needs all updated, total, available = replicas and the generation observed', () => {
    expect(deploymentComplete(d, { replicas: 3, updatedReplicas: 3, availableReplicas: 3, observedGeneration: 2 })).toBe(true);
    expect(deploymentComplete(d, { replicas: 3, updatedReplicas: 3, availableReplicas: 3, observedGeneration: 1 })).toBe(false);
    expect(deploymentComplete(d, { replicas: 4, updatedReplicas: 3, availableReplicas: 3, observedGeneration: 2 })).toBe(false);
  });

  it('never times out after NewReplicaSetAvailable', () => {
    expect(deploymentTimedOut(deploy({ progressDeadlineSeconds: 10 }), { conditions: [progressing('NewReplicaSetAvailable')] }, T0 + 3600_000)).toBe(false);
  });
});

describe('SetDeploymentCondition', () => {
  it('keeps lastTransitionTime when only the reason changes, and moves the condition to the end', () => {
    const s: DeploymentStatus = { conditions: [progressing('NewReplicaSetCreated', 'True', 0, 0), { type: 'Available', status: 'False' }] };
    setCondition(s, progressing('ReplicaSetUpdated', 'True', 9, 9));
    expect(s.conditions!.map((c) => c.type)).toEqual(['Available', 'Progressing']);
    expect(s.conditions![1]).toMatchObject({ reason: 'ReplicaSetUpdated', lastUpdateTime: at(9), lastTransitionTime: at(0) });
  });
  it('changes nothing when status and reason are the same', () => {
    const s: DeploymentStatus = { conditions: [progressing('ReplicaSetUpdated', 'True', 0, 0)] };
    setCondition(s, progressing('ReplicaSetUpdated', 'True', 9, 9));
    expect(s.conditions![0].lastUpdateTime).toBe(at(0));
  });
});
