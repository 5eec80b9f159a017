import { describe, expect, it } from 'vitest';
import type { KObject } from '../../api/types';
import { pod } from '../endpoints/testkit';
import { checkEviction } from './eviction';
import { countHealthy, disruptedPodMap, expectedPodCount, pdbStatus, scaledValue } from './reconcile';

const NOW = Date.UTC(2025, 0, 1, 0, 10);
const at = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');
const pdb = (spec: Record<string, unknown>, status: Record<string, unknown> = {}, generation = 1): KObject => ({
  metadata: { name: 'web', namespace: 'default', generation },
  spec: { selector: { matchLabels: { app: 'web' } }, ...spec },
  status: { observedGeneration: 1, ...status },
});

describe('expected pods and desired healthy', () => {
  const three = [pod({ name: 'a' }), pod({ name: 'b' }), pod({ name: 'c' })];
  const scale = (count: number) => () => ({ count, unmanaged: [] });
  const cases: [string, Record<string, unknown>, number, { expected: number; desiredHealthy: number }][] = [
    ['minAvailable as a number: desired = it, expected = matching pods', { minAvailable: 2 }, 5, { expected: 3, desiredHealthy: 2 }],
    ['minAvailable as a percent of the controllers scale, rounded up', { minAvailable: '50%' }, 5, { expected: 5, desiredHealthy: 3 }],
    ['maxUnavailable: desired = scale − maxUnavailable', { maxUnavailable: 1 }, 5, { expected: 5, desiredHealthy: 4 }],
    ['maxUnavailable percent rounds up the unavailable count', { maxUnavailable: '30%' }, 5, { expected: 5, desiredHealthy: 3 }],
    ['maxUnavailable above the scale leaves desired at 0', { maxUnavailable: 9 }, 5, { expected: 5, desiredHealthy: 0 }],
  ];
  for (const [name, spec, n, want] of cases)
    it(name, () => {
      const r = expectedPodCount(pdb(spec), three, scale(n));
      expect({ expected: r.expected, desiredHealthy: r.desiredHealthy }).toEqual(want);
    });
  it('percent strings must end in %', () => expect(() => scaledValue('50', 4)).toThrow('string is not a percentage'));
});

describe('healthy pods', () => {
  it('counts Ready pods that are not being deleted nor recently evicted', () => {
    const pods = [pod({ name: 'a' }), pod({ name: 'b', ready: false }), pod({ name: 'c', deleting: true }), pod({ name: 'd' })];
    expect(countHealthy(pods, { d: at(NOW - 60_000) }, NOW)).toBe(1);
  });
  it('forgets evictions older than 2 minutes and rechecks at the earliest expiry', () => {
    const pods = [pod({ name: 'a' }), pod({ name: 'b' })];
    const r = disruptedPodMap(pdb({}, { disruptedPods: { a: at(NOW - 180_000), b: at(NOW - 30_000) } }), pods, NOW);
    expect(r.map).toEqual({ b: at(NOW - 30_000) });
    expect(r.overdue).toEqual(['a']);
    expect(r.recheckAt).toBe(NOW + 90_000);
  });
});

describe('pdbStatus', () => {
  it('allows currentHealthy − desiredHealthy disruptions with SufficientPods', () => {
    const s = pdbStatus(pdb({}), 3, 2, 3, {}, 'T')!;
    expect(s).toMatchObject({ disruptionsAllowed: 1, currentHealthy: 3, desiredHealthy: 2, expectedPods: 3, observedGeneration: 1 });
    expect(s.conditions).toEqual([{ type: 'DisruptionAllowed', status: 'True', observedGeneration: 1, reason: 'SufficientPods', message: '', lastTransitionTime: 'T' }]);
  });
  it('allows nothing while no pods are expected', () => expect(pdbStatus(pdb({}), 0, 0, 0, {}, 'T')!.disruptionsAllowed).toBe(0));
  it('writes nothing when the status is current', () => {
    const s = pdbStatus(pdb({}), 3, 2, 3, {}, 'T')!;
    expect(pdbStatus({ ...pdb({}), status: s }, 3, 2, 3, {}, 'later')).toBeUndefined();
  });
});

describe('checkEviction', () => {
  const healthy = pdb({}, { disruptionsAllowed: 1, currentHealthy: 3, desiredHealthy: 2 });
  const spent = pdb({}, { disruptionsAllowed: 0, currentHealthy: 2, desiredHealthy: 2 });
  it('a pod without a budget may go', () => expect(checkEviction(pod({ name: 'a', labels: { app: 'x' } }), [healthy], NOW)).toEqual({ allowed: true }));
  it('terminal, pending and terminating pods ignore budgets', () => {
    for (const p of [pod({ name: 'a', phase: 'Succeeded' }), pod({ name: 'a', phase: 'Pending' }), pod({ name: 'a', deleting: true })]) expect(checkEviction(p, [spent], NOW)).toEqual({ allowed: true });
  });
  it('a budget with room is decremented and records the pod in disruptedPods', () => {
    const r = checkEviction(pod({ name: 'a' }), [healthy], NOW);
    expect(r.allowed && r.pdb?.status).toMatchObject({ disruptionsAllowed: 0, disruptedPods: { a: at(NOW) } });
    expect(r.allowed && r.pdb?.status.conditions[0]).toMatchObject({ status: 'False', reason: 'InsufficientPods' });
  });
  it('a spent budget refuses with 429 TooManyRequests', () => {
    const r = checkEviction(pod({ name: 'a' }), [spent], NOW);
    expect(!r.allowed && [r.error.code, r.error.message]).toEqual([429, "Cannot evict pod as it would violate the pod's disruption budget."]);
  });
  it('a budget not yet observed at its generation refuses', () => {
    const r = checkEviction(pod({ name: 'a' }), [pdb({}, { disruptionsAllowed: 1 }, 2)], NOW);
    expect(!r.allowed && r.error.status.details?.causes?.[0].message).toBe('The disruption budget web is still being processed by the server.');
  });
  it('an unready pod may go while the budget is healthy (IfHealthyBudget)', () => {
    expect(checkEviction(pod({ name: 'a', ready: false }), [spent], NOW)).toEqual({ allowed: true });
    expect(checkEviction(pod({ name: 'a', ready: false }), [pdb({}, { disruptionsAllowed: 0, currentHealthy: 1, desiredHealthy: 2 })], NOW).allowed).toBe(false);
  });
  it('AlwaysAllow lets unready pods go regardless', () =>
    expect(checkEviction(pod({ name: 'a', ready: false }), [pdb({ unhealthyPodEvictionPolicy: 'AlwaysAllow' }, { disruptionsAllowed: 0, currentHealthy: 0, desiredHealthy: 2 })], NOW)).toEqual({ allowed: true }));
  it('two budgets for one pod is an error', () => {
    const r = checkEviction(pod({ name: 'a' }), [healthy, { ...healthy, metadata: { ...healthy.metadata, name: 'other' } }], NOW);
    expect(!r.allowed && r.error.code).toBe(500);
  });
});
