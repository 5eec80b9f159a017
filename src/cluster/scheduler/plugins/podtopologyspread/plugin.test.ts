import { describe, expect, it } from 'vitest';
import type { KObject } from '../../../api/types';
import { filterVerdicts, makeNode, makePod, scores, testHandle } from '../testing';
import { newPodTopologySpread } from './plugin';

const zone = 'topology.kubernetes.io/zone';
const REJECT = "Unschedulable: node(s) didn't match pod topology spread constraints";
const web = { app: 'web' };
const hard = (o: object = {}) => [{ maxSkew: 1, topologyKey: zone, whenUnsatisfiable: 'DoNotSchedule', labelSelector: { matchLabels: web }, ...o }];

function cluster(podsPerNode: Record<string, number | undefined>, extraNodes: KObject[] = []) {
  const nodes = [makeNode('a1', { labels: { [zone]: 'a' } }), makeNode('a2', { labels: { [zone]: 'a' } }), makeNode('b1', { labels: { [zone]: 'b' } }), ...extraNodes];
  const pods = Object.entries(podsPerNode).flatMap(([n, k]) => Array.from({ length: k ?? 0 }, (_, i) => makePod(`web-${n}-${i}`, { node: n, labels: web })));
  return testHandle(nodes, pods);
}

describe('PodTopologySpread Filter', () => {
  it.each([
    { name: 'placing into the crowded zone would exceed maxSkew', pods: { a1: 1, a2: 1 }, spread: hard(), node: 'a1', want: REJECT },
    { name: 'placing into the emptiest zone is fine', pods: { a1: 1, a2: 1 }, spread: hard(), node: 'b1', want: 'Success' },
    { name: 'a skew within maxSkew is fine', pods: { a1: 1 }, spread: hard({ maxSkew: 2 }), node: 'a2', want: 'Success' },
    { name: 'pods of other apps do not count', pods: {}, spread: hard(), node: 'a1', want: 'Success' },
    {
      name: 'with fewer domains than minDomains the global minimum is 0',
      pods: { b1: 1 },
      spread: hard({ minDomains: 3 }),
      node: 'b1',
      want: REJECT,
    },
    {
      name: 'a pod not matching its own selector does not add itself',
      pods: { a1: 1 },
      spread: [{ maxSkew: 1, topologyKey: zone, whenUnsatisfiable: 'DoNotSchedule', labelSelector: { matchLabels: { app: 'db' } } }],
      node: 'a1',
      want: 'Success',
    },
  ])('$name', ({ pods, spread, node, want }) => {
    const h = cluster(pods);
    const pl = newPodTopologySpread(h);
    expect(filterVerdicts(pl, makePod('p', { labels: web, spread }), [h.cache.get(node)!])).toEqual([want]);
  });

  it('a node without the topology label is rejected as unresolvable', () => {
    const h = cluster({}, [makeNode('bare')]);
    expect(filterVerdicts(newPodTopologySpread(h), makePod('p', { labels: web, spread: hard() }), [h.cache.get('bare')!])).toEqual([
      "UnschedulableAndUnresolvable: node(s) didn't match pod topology spread constraints (missing required label)",
    ]);
  });

  it('nodes outside the pod’s nodeSelector are no domains (nodeAffinityPolicy Honor)', () => {
    // Zone b (empty) is not eligible, so the global minimum is zone a's 1: skew 1 + 1 − 1 = 1.
    const h = cluster({ a1: 1 });
    const pl = newPodTopologySpread(h);
    expect(filterVerdicts(pl, makePod('p', { labels: web, spread: hard(), nodeSelector: { [zone]: 'a' } }), [h.cache.get('a2')!])).toEqual(['Success']);
    expect(filterVerdicts(pl, makePod('p', { labels: web, spread: hard() }), [h.cache.get('a2')!])).toEqual([REJECT]);
  });
});

describe('PodTopologySpread Score', () => {
  it('a bare pod behind no Service or controller gets no default spreading (PreScore skips)', () => {
    const h = cluster({ a1: 2 });
    expect(scores(newPodTopologySpread(h), makePod('p', { labels: web }), h.cache.list())).toBeNull();
  });

  it('system defaults spread replicas of a ReplicaSet: fewer matching pods, higher score', () => {
    const rs = { apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'web-1', namespace: 'default', uid: 'rs' }, spec: { selector: { matchLabels: web } } };
    const owner = [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web-1', uid: 'rs', controller: true }];
    const nodes = [makeNode('a1', { labels: { [zone]: 'a' } }), makeNode('a2', { labels: { [zone]: 'a' } }), makeNode('b1', { labels: { [zone]: 'b' } })];
    const pods = [makePod('w1', { node: 'a1', labels: web }), makePod('w2', { node: 'a1', labels: web })];
    const h = testHandle(nodes, pods, { 'apps/replicasets': [rs] });
    const s = scores(newPodTopologySpread(h), makePod('p', { labels: web, ownerReferences: owner }), ['a1', 'a2', 'b1'].map((n) => h.cache.get(n)!))!;
    expect(s[2]).toBe(100);
    expect(s[0]).toBeLessThan(s[1]!);
    expect(s[1]).toBeLessThan(s[2]!);
  });

  it('a Service selecting the pod also gives default spreading', () => {
    const svc = { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'default' }, spec: { selector: web } };
    const h = testHandle([makeNode('n1'), makeNode('n2')], [makePod('w1', { node: 'n1', labels: web })], { services: [svc] });
    // hostname: 1 × log(4) + (3 − 1) → 3 vs 2; normalized 100 × (3 + 2 − s) / 3 → 66, 100
    expect(scores(newPodTopologySpread(h), makePod('p', { labels: web }), [h.cache.get('n1')!, h.cache.get('n2')!])).toEqual([66, 100]);
  });

  it('explicit ScheduleAnyway constraints ignore nodes missing the key', () => {
    const spread = [{ maxSkew: 1, topologyKey: zone, whenUnsatisfiable: 'ScheduleAnyway', labelSelector: { matchLabels: web } }];
    const h = cluster({ a1: 1 }, [makeNode('bare')]);
    const s = scores(newPodTopologySpread(h), makePod('p', { labels: web, spread }), ['a1', 'b1', 'bare'].map((n) => h.cache.get(n)!))!;
    expect(s[2]).toBe(0);
    expect(s[1]).toBe(100);
    expect(s[0]).toBeLessThan(100);
  });
});
