import { describe, expect, it } from 'vitest';
import type { KObject } from '../../api/types';
import { BURST_REPLICAS, calculateStatus, podFromTemplate, reconcile, statusUpdate } from './reconcile';

const NOW = Date.UTC(2025, 0, 1, 0, 1);

function rs(replicas: number, extra: Partial<KObject> = {}): KObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: { name: 'web', namespace: 'default', uid: 'rs-uid', generation: 2 },
    spec: {
      replicas,
      selector: { matchLabels: { app: 'web' } },
      template: { metadata: { labels: { app: 'web', tier: 'fe' }, annotations: { a: 'b' } }, spec: { containers: [{ name: 'nginx', image: 'nginx' }] } },
    },
    status: { replicas: 0, observedGeneration: 1 },
    ...extra,
  };
}

function pod(name: string, o: { ready?: string; labels?: Record<string, string>; node?: string } = {}): KObject {
  return {
    metadata: { name, namespace: 'default', uid: `u-${name}`, labels: o.labels ?? { app: 'web', tier: 'fe' }, creationTimestamp: '2025-01-01T00:00:00Z' },
    spec: { nodeName: o.node },
    status: { phase: o.ready ? 'Running' : 'Pending', conditions: o.ready ? [{ type: 'Ready', status: 'True', lastTransitionTime: o.ready }] : [] },
  };
}

const pods = (n: number) => Array.from({ length: n }, (_, i) => pod(`p${i}`));

describe('ReplicaSet reconcile (manageReplicas)', () => {
  it.each([
    ['creates the missing pods', 3, 1, 2, 0],
    ['deletes the surplus pods', 1, 3, 0, 2],
    ['does nothing when the count is right', 2, 2, 0, 0],
    ['creates at most burstReplicas (500) per sync', 800, 0, BURST_REPLICAS, 0],
    ['deletes at most burstReplicas (500) per sync', 0, 700, 0, BURST_REPLICAS],
  ])('%s', (_n, replicas, have, create, del) => {
    const plan = reconcile({ rs: rs(replicas), pods: pods(have), related: pods(have), expectationsSatisfied: true, now: NOW });
    expect(plan.create).toBe(create);
    expect(plan.delete).toHaveLength(del);
  });

  it('waits while earlier creates or deletes have not been observed (expectations)', () => {
    expect(reconcile({ rs: rs(3), pods: [], related: [], expectationsSatisfied: false, now: NOW })).toEqual({ create: 0, delete: [] });
  });

  it('does nothing for a ReplicaSet being deleted', () => {
    const dying = rs(3, { metadata: { name: 'web', uid: 'rs-uid', deletionTimestamp: '2025-01-01T00:00:00Z' } });
    expect(reconcile({ rs: dying, pods: [], related: [], expectationsSatisfied: true, now: NOW }).create).toBe(0);
  });

  it('deletes the lowest-ranked pods: unscheduled, then not ready', () => {
    const have = [pod('ready', { ready: '2025-01-01T00:00:00Z', node: 'w' }), pod('unscheduled'), pod('pending', { node: 'w' })];
    const plan = reconcile({ rs: rs(1), pods: have, related: have, expectationsSatisfied: true, now: NOW });
    expect(plan.delete.map((p) => p.metadata.name)).toEqual(['unscheduled', 'pending']);
  });
});

describe('podFromTemplate (GetPodFromTemplate)', () => {
  it('copies template labels, annotations and spec, names by generateName and points back with a controllerRef', () => {
    expect(podFromTemplate(rs(1))).toEqual({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        generateName: 'web-',
        namespace: 'default',
        labels: { app: 'web', tier: 'fe' },
        annotations: { a: 'b' },
        ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web', uid: 'rs-uid', controller: true, blockOwnerDeletion: true }],
      },
      spec: { containers: [{ name: 'nginx', image: 'nginx' }] },
    });
  });
});

describe('ReplicaSet status (calculateStatus)', () => {
  it('counts replicas, fully labeled, ready and available pods, omitting zeros', () => {
    const have = [pod('a', { ready: '2025-01-01T00:00:00Z' }), pod('b', { labels: { app: 'web' } }), pod('c')];
    expect(calculateStatus(rs(3), have, undefined, NOW)).toEqual({ replicas: 3, fullyLabeledReplicas: 2, readyReplicas: 1, availableReplicas: 1, observedGeneration: 1 });
  });

  it('counts a ready pod as available only once minReadySeconds have passed', () => {
    const slow = rs(1);
    slow.spec.minReadySeconds = 30;
    const have = [pod('a', { ready: '2025-01-01T00:00:45Z' })];
    expect(calculateStatus(slow, have, undefined, NOW)).toMatchObject({ readyReplicas: 1 });
    expect(calculateStatus(slow, have, undefined, NOW).availableReplicas).toBeUndefined();
    expect(calculateStatus(slow, have, undefined, NOW + 16_000).availableReplicas).toBe(1);
  });

  it('adds ReplicaFailure FailedCreate with the error when creating failed, and keeps its time after', () => {
    const s = calculateStatus(rs(3), [], 'pods "web-abcde" is forbidden: exceeded quota', NOW);
    expect(s.conditions).toEqual([
      { type: 'ReplicaFailure', status: 'True', lastTransitionTime: '2025-01-01T00:01:00Z', reason: 'FailedCreate', message: 'pods "web-abcde" is forbidden: exceeded quota' },
    ]);
    const again = calculateStatus({ ...rs(3), status: s }, [], 'another error', NOW + 60_000);
    expect(again.conditions).toEqual(s.conditions);
  });

  it('says FailedDelete when deleting failed', () => {
    expect((calculateStatus(rs(0), pods(1), 'unable to delete pods: boom', NOW).conditions as { reason: string }[])[0].reason).toBe('FailedDelete');
  });

  it('removes ReplicaFailure once a sync succeeds', () => {
    const failing = rs(1, { status: { replicas: 0, conditions: [{ type: 'ReplicaFailure', status: 'True', reason: 'FailedCreate', message: 'x' }] } });
    expect(calculateStatus(failing, pods(1), undefined, NOW).conditions).toBeUndefined();
  });

  it('writes nothing in the steady state, and sets observedGeneration when it writes', () => {
    const steady = rs(1, { metadata: { name: 'web', generation: 3 }, status: { replicas: 1, fullyLabeledReplicas: 1, observedGeneration: 3 } });
    expect(statusUpdate(steady, calculateStatus(steady, pods(1), undefined, NOW))).toBeUndefined();
    const bumped = { ...steady, metadata: { ...steady.metadata, generation: 4 } };
    expect(statusUpdate(bumped, calculateStatus(bumped, pods(1), undefined, NOW))).toEqual({ replicas: 1, fullyLabeledReplicas: 1, observedGeneration: 4 });
  });

  it('always reports replicas, even 0', () => {
    expect(statusUpdate(rs(0), calculateStatus(rs(0), [], undefined, NOW))).toEqual({ replicas: 0, observedGeneration: 2 });
  });
});
