import { describe, expect, it } from 'vitest';
import type { KObject } from '../../api/types';
import { claimObjects } from './claim';
import { Expectations, EXPECTATIONS_TIMEOUT_MS } from './expectations';
import { roundHalfAwayFromZero, scaledValue } from './intstr';
import { isPodAvailable } from './pods';
import { bySizeNewer, bySizeOlder, byCreationTimestamp } from './replicasets';
import { slowStartBatch } from './slowStart';

describe('scaledValue (GetScaledValueFromIntOrPercent)', () => {
  it.each([
    ['an int is taken as is', 3, 10, true, 3],
    ['25% of 10 rounds up to 3', '25%', 10, true, 3],
    ['25% of 10 rounds down to 2', '25%', 10, false, 2],
    ['1% of 2 rounds up to 1', '1%', 2, true, 1],
    ['1% of 2 rounds down to 0', '1%', 2, false, 0],
    ['100% of 7 is 7', '100%', 7, false, 7],
    ['absent is 0', undefined, 10, true, 0],
  ])('%s', (_n, v, total, up, want) => expect(scaledValue(v as never, total, up)).toBe(want));

  it('refuses a string that is not a percentage', () => expect(() => scaledValue('5', 10, true)).toThrow('string is not a percentage'));

  it.each([
    [2.5, 3],
    [-2.5, -3],
    [1.4, 1],
    [-1.6, -2],
  ])('rounds %d half away from zero to %d, as Go math.Round', (x, want) => expect(roundHalfAwayFromZero(x)).toBe(want));
});

const obj = (name: string, extra: Partial<KObject['metadata']> = {}, spec: Record<string, unknown> = {}): KObject => ({
  metadata: { name, namespace: 'default', uid: `uid-${name}`, ...extra },
  spec,
});

describe('claimObjects (ClaimObject)', () => {
  const owner = obj('owner');
  const mine = { controller: true, uid: 'uid-owner', kind: 'ReplicaSet', name: 'owner', apiVersion: 'apps/v1' };
  const theirs = { ...mine, uid: 'uid-other' };
  const match = (o: KObject) => o.metadata.labels?.app === 'web';
  const web = { labels: { app: 'web' } };

  it.each([
    ['keeps an owned object that matches', obj('a', { ...web, ownerReferences: [mine] }), ['a'], [], []],
    ['releases an owned object that no longer matches', obj('a', { ownerReferences: [mine] }), [], [], ['a']],
    ['adopts a matching orphan', obj('a', web), ['a'], ['a'], []],
    ['ignores a non-matching orphan', obj('a'), [], [], []],
    ['ignores an object owned by another controller', obj('a', { ...web, ownerReferences: [theirs] }), [], [], []],
    ['ignores an orphan being deleted', obj('a', { ...web, deletionTimestamp: '2025-01-01T00:00:00Z' }), [], [], []],
    ['ignores an orphan in another namespace', obj('a', { ...web, namespace: 'other' }), [], [], []],
  ])('%s', (_n, o, claimed, adopt, release) => {
    const r = claimObjects(owner, [o], match);
    expect(r.claimed.map((x) => x.metadata.name)).toEqual(claimed);
    expect(r.adopt.map((x) => x.metadata.name)).toEqual(adopt);
    expect(r.release.map((x) => x.metadata.name)).toEqual(release);
  });

  it('neither adopts nor releases while the owner is being deleted, but keeps what it owns', () => {
    const dying = obj('owner', { deletionTimestamp: '2025-01-01T00:00:00Z' });
    const r = claimObjects(dying, [obj('a', web), obj('b', { ownerReferences: [mine] }), obj('c', { ...web, ownerReferences: [mine] })], match);
    expect(r.claimed.map((x) => x.metadata.name)).toEqual(['c']);
    expect(r.adopt).toEqual([]);
    expect(r.release).toEqual([]);
  });

  it('counts an object listed twice once', () => {
    const a = obj('a', web);
    expect(claimObjects(owner, [a, a], match).claimed).toHaveLength(1);
  });
});

describe('Expectations', () => {
  it('are satisfied with no record, unsatisfied until every expected create is observed', () => {
    const e = new Expectations(() => 0);
    expect(e.satisfied('k')).toBe(true);
    e.expectCreations('k', 2);
    expect(e.satisfied('k')).toBe(false);
    e.creationObserved('k');
    expect(e.satisfied('k')).toBe(false);
    e.creationObserved('k');
    expect(e.satisfied('k')).toBe(true);
  });

  it('count each expected deletion once, by pod key', () => {
    const e = new Expectations(() => 0);
    e.expectDeletions('k', ['ns/a', 'ns/b']);
    e.deletionObserved('k', 'ns/a');
    e.deletionObserved('k', 'ns/a');
    e.deletionObserved('k', 'ns/other');
    expect(e.satisfied('k')).toBe(false);
    e.deletionObserved('k', 'ns/b');
    expect(e.satisfied('k')).toBe(true);
  });

  it('expire after five minutes', () => {
    let now = 0;
    const e = new Expectations(() => now);
    e.expectCreations('k', 1);
    now = EXPECTATIONS_TIMEOUT_MS;
    expect(e.satisfied('k')).toBe(false);
    now += 1;
    expect(e.satisfied('k')).toBe(true);
  });
});

describe('slowStartBatch', () => {
  it('calls in batches of 1, 2, 4, 8… until done', () => {
    let calls = 0;
    expect(slowStartBatch(10, 1, () => void calls++)).toEqual({ successes: 10 });
    expect(calls).toBe(10);
  });

  it('stops after the first batch with a failure, counting that batch’s successes', () => {
    // Batches 1, 2, 4: the 5th call (second of the batch of 4) fails; the batch still finishes.
    let n = 0;
    const r = slowStartBatch(20, 1, () => (++n === 5 ? 'quota' : undefined));
    expect(n).toBe(7);
    expect(r).toEqual({ successes: 6, error: 'quota' });
  });

  it('a first call that fails costs one request', () => {
    let n = 0;
    expect(slowStartBatch(500, 1, () => (n++, 'denied'))).toEqual({ successes: 0, error: 'denied' });
    expect(n).toBe(1);
  });
});

describe('isPodAvailable', () => {
  const pod = (ready: string | undefined): KObject => ({
    metadata: { name: 'p' },
    status: ready ? { conditions: [{ type: 'Ready', status: 'True', lastTransitionTime: ready }] } : {},
  });
  const t0 = Date.UTC(2025, 0, 1);
  it.each([
    ['not ready is not available', undefined, 0, t0, false],
    ['ready with minReadySeconds 0 is available at once', '2025-01-01T00:00:00Z', 0, t0, true],
    ['ready for exactly minReadySeconds is not yet available', '2025-01-01T00:00:00Z', 10, t0 + 10_000, false],
    ['ready for longer than minReadySeconds is available', '2025-01-01T00:00:00Z', 10, t0 + 10_001, true],
  ])('%s', (_n, ready, minReady, now, want) => expect(isPodAvailable(pod(ready), minReady, now)).toBe(want));
});

describe('ReplicaSet sort orders', () => {
  const rs = (name: string, replicas: number, created: string): KObject => ({ metadata: { name, creationTimestamp: created }, spec: { replicas } });
  const a = rs('a', 2, '2025-01-01T00:00:00Z');
  const b = rs('b', 2, '2025-01-01T00:01:00Z');
  const c = rs('c', 5, '2025-01-01T00:02:00Z');
  const d = rs('d', 2, '2025-01-01T00:01:00Z');
  const names = (l: KObject[]) => l.map((x) => x.metadata.name);
  it('by creation time: older first, name breaks ties', () => expect(names([d, c, b, a].sort(byCreationTimestamp))).toEqual(['a', 'b', 'd', 'c']));
  it('by size, older first among equals', () => expect(names([a, b, c].sort(bySizeOlder))).toEqual(['c', 'a', 'b']));
  it('by size, newer first among equals', () => expect(names([a, b, c].sort(bySizeNewer))).toEqual(['c', 'b', 'a']));
});
