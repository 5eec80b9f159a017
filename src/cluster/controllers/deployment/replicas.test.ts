import { describe, expect, it } from 'vitest';
import type { KObject } from '../../api/types';
import {
  equalIgnoreHash,
  findActiveOrLatest,
  findNewReplicaSet,
  getProportion,
  isSaturated,
  maxSurge,
  maxUnavailable,
  newRSNewReplicas,
  resolveFenceposts,
} from './replicas';
import { deploy, rsFor, T0 } from './testworld';

describe('ResolveFenceposts', () => {
  it.each([
    ['defaults 25%/25% with 1 replica: surge 1, unavailable 0', '25%', '25%', 1, [1, 0]],
    ['defaults with 3 replicas: surge 1, unavailable 0', '25%', '25%', 3, [1, 0]],
    ['defaults with 4 replicas: surge 1, unavailable 1', '25%', '25%', 4, [1, 1]],
    ['defaults with 10 replicas: surge 3, unavailable 2', '25%', '25%', 10, [3, 2]],
    ['absolute numbers are used as they are', 3, 2, 10, [3, 2]],
    ['both rounding to 0 makes maxUnavailable 1 (surge 0%, unavailable 1% of 2)', '0%', '1%', 2, [0, 1]],
    ['surge 1% of 2 rounds up to 1', '1%', '0%', 2, [1, 0]],
    ['0 replicas: surge 0, unavailable becomes 1', '25%', '25%', 0, [0, 1]],
  ])('%s', (_n, surge, unavailable, desired, want) => expect(resolveFenceposts(surge, unavailable, desired)).toEqual(want));
});

describe('MaxSurge / MaxUnavailable', () => {
  it('are 0 for Recreate', () => {
    const d = deploy({ strategy: 'Recreate', replicas: 10 });
    expect([maxSurge(d), maxUnavailable(d)]).toEqual([0, 0]);
  });
  it('maxUnavailable is 0 with 0 replicas and never above replicas', () => {
    expect(maxUnavailable(deploy({ replicas: 0 }))).toBe(0);
    expect(maxUnavailable(deploy({ replicas: 2, maxUnavailable: 5, maxSurge: 0 }))).toBe(2);
  });
});

describe('NewRSNewReplicas', () => {
  const d = deploy({ replicas: 10, maxSurge: 3, maxUnavailable: 2 });
  it.each([
    ['a fresh new ReplicaSet starts at the surge budget (10 + 3 − 10 = 3)', 10, 0, 3],
    ['no budget left: stays where it is', 8, 5, 5],
    ['grows by the budget (13 − 11 = 2)', 6, 5, 7],
    ['never beyond replicas', 0, 8, 10],
  ])('%s', (_n, oldReplicas, newReplicas, want) => {
    const old = rsFor(d, { name: 'old', replicas: oldReplicas, image: 'nginx:1.26' });
    const fresh = rsFor(d, { name: 'new', replicas: newReplicas, revision: 2 });
    expect(newRSNewReplicas(d, [old, fresh], fresh)).toBe(want);
  });
  it('Recreate goes straight to replicas', () => {
    const r = deploy({ strategy: 'Recreate', replicas: 4 });
    expect(newRSNewReplicas(r, [], rsFor(r, { replicas: 0 }))).toBe(4);
  });
});

describe('GetProportion (proportional scaling)', () => {
  const d = deploy({ replicas: 20, maxSurge: 3, maxUnavailable: 2, status: { replicas: 13 } });
  const rs = (replicas: number, max?: string) => rsFor(d, { replicas, annotations: max ? { 'deployment.kubernetes.io/max-replicas': max } : {} });
  it.each([
    ['share by size against max-replicas: 8 of 13 → round(8·23/13) − 8 = 6', rs(8, '13'), 10, 0, 6],
    ['never more than is left to add', rs(8, '13'), 10, 7, 3],
    ['nothing for an empty ReplicaSet', rs(0, '13'), 10, 0, 0],
    ['nothing once everything was added', rs(8, '13'), 10, 10, 0],
    ['falls back to status.replicas without the annotation', rsFor(d, { replicas: 8, annotations: { 'deployment.kubernetes.io/max-replicas': '' } }), 10, 0, 6],
  ])('%s', (_n, r, toAdd, added, want) => expect(getProportion(r, d, toAdd, added)).toBe(want));

  it('scaling to 0 takes the whole ReplicaSet', () => {
    const zero = deploy({ replicas: 0 });
    expect(getProportion(rsFor(zero, { replicas: 5 }), zero, -9, 0)).toBe(-5);
  });
});

describe('new and old ReplicaSets', () => {
  const d = deploy({ replicas: 3 });
  it('EqualIgnoreHash ignores only the pod-template-hash label', () => {
    const rs = rsFor(d, { replicas: 3 });
    expect(equalIgnoreHash(rs.spec.template, d.spec.template)).toBe(true);
    expect(equalIgnoreHash(rsFor(d, { replicas: 3, image: 'nginx:1.28' }).spec.template, d.spec.template)).toBe(false);
  });
  it('EqualIgnoreHash compares semantically: key order, null, empty lists and objects do not count', () => {
    const t = (spec: object, labels: Record<string, string> = { app: 'web' }): KObject => ({ metadata: { labels }, spec });
    const c = { name: 'web', image: 'nginx:1.27' };
    expect(equalIgnoreHash(t({ containers: [c], volumes: [] }), t({ containers: [{ image: 'nginx:1.27', name: 'web' }] }))).toBe(true);
    expect(equalIgnoreHash(t({ containers: [c], nodeSelector: {}, hostname: null }), t({ containers: [c] }))).toBe(true);
    expect(equalIgnoreHash(t({ containers: [c] }, { app: 'web', 'pod-template-hash': 'abc' }), t({ containers: [c] }))).toBe(true);
    expect(equalIgnoreHash(t({ containers: [c] }, { app: 'web', tier: 'x' }), t({ containers: [c] }))).toBe(false);
    expect(equalIgnoreHash(t({ containers: [c, c] }), t({ containers: [c] }))).toBe(false);
    expect(equalIgnoreHash(t({ containers: [{ ...c, args: ['1'] }] }), t({ containers: [{ ...c, args: [1] }] }))).toBe(false);
    expect(equalIgnoreHash(undefined, t({}, {}))).toBe(true);
  });
  it('EqualIgnoreHash on frozen (stored) templates: the cached form stays right for each object', () => {
    const a = Object.freeze(rsFor(d, { replicas: 3 }).spec.template);
    const b = Object.freeze(rsFor(d, { replicas: 3, image: 'nginx:1.28' }).spec.template);
    for (let i = 0; i < 2; i++) {
      expect(equalIgnoreHash(a, d.spec.template)).toBe(true);
      expect(equalIgnoreHash(b, d.spec.template)).toBe(false);
      expect(equalIgnoreHash(a, b)).toBe(false);
    }
  });
  it('FindNewReplicaSet picks the oldest ReplicaSet with the Deployment template', () => {
    const a = rsFor(d, { name: 'b-newer', replicas: 1, created: T0 + 1000 });
    const b = rsFor(d, { name: 'a-older', replicas: 1, created: T0 });
    expect(findNewReplicaSet(d, [a, b])?.metadata.name).toBe('a-older');
  });
  it('FindActiveOrLatest: the only active one, else the newest when none is active, else none', () => {
    const n = rsFor(d, { name: 'n', replicas: 0, created: T0 + 2000 });
    const o1 = rsFor(d, { name: 'o1', replicas: 0, created: T0 });
    const o2 = rsFor(d, { name: 'o2', replicas: 2, created: T0 + 1000 });
    expect(findActiveOrLatest(n, [o1, o2])?.metadata.name).toBe('o2');
    expect(findActiveOrLatest(undefined, [rsFor(d, { name: 'x', replicas: 0 }), rsFor(d, { name: 'y', replicas: 0, created: T0 + 5 * 1000 })])?.metadata.name).toBe('y');
    expect(findActiveOrLatest(rsFor(d, { name: 'n2', replicas: 1 }), [o2])).toBeUndefined();
  });
  it('IsSaturated: the new ReplicaSet runs and was asked for replicas, all available', () => {
    expect(isSaturated(d, rsFor(d, { replicas: 3 }))).toBe(true);
    expect(isSaturated(d, rsFor(d, { replicas: 3, available: 2 }))).toBe(false);
    expect(isSaturated(d, rsFor(d, { replicas: 3, annotations: { 'deployment.kubernetes.io/desired-replicas': '2' } }))).toBe(false);
  });
});
