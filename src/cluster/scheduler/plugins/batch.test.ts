/**
 * The batch forms (filterAll / scoreAll reading the cache's table rows, uniformScore) must give
 * exactly what the per-node forms give, for every plugin of the default profile.
 */
import { describe, expect, it } from 'vitest';
import { CycleState, Status, type FilterPlugin, type NodeRows, type ScorePlugin } from '../framework/types';
import { buildProfile } from './registry';
import { makeNode, makePod, testHandle, verdict } from './testing';

const zone = 'topology.kubernetes.io/zone';
const web = { app: 'web' };
const rs = { apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'web-1', namespace: 'default', uid: 'rs' }, spec: { selector: { matchLabels: web } } };
const owner = [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web-1', uid: 'rs', controller: true }];

function cluster() {
  const nodes = [
    makeNode('a1', { labels: { [zone]: 'a' } }),
    makeNode('a2', { labels: { [zone]: 'a' }, cpu: '1' }),
    makeNode('b1', { labels: { [zone]: 'b' }, unschedulable: true }),
    makeNode('b2', { labels: { [zone]: 'b' }, taints: [{ key: 'gpu', value: 'yes', effect: 'NoSchedule' }] }),
    makeNode('c1', { labels: { [zone]: 'c' }, taints: [{ key: 'slow', effect: 'PreferNoSchedule' }], pods: 2 }),
    makeNode('bare', { memory: '1Gi', allocatable: { 'example.com/gpu': '1' } }),
  ];
  const pods = [
    makePod('w1', { node: 'a1', labels: web, cpu: '1', memory: '2Gi' }),
    makePod('w2', { node: 'a1', labels: web }),
    makePod('w3', { node: 'c1', labels: web, cpu: '500m' }),
    makePod('w4', { node: 'c1', labels: web }),
    makePod('o1', { node: 'a2', labels: { app: 'other' }, cpu: '900m' }),
  ];
  return testHandle(nodes, pods, { 'apps/replicasets': [rs] });
}

const incoming = {
  'a plain replica': makePod('p', { labels: web, ownerReferences: owner, cpu: '200m', memory: '512Mi' }),
  'a pod asking for a GPU': makePod('g', { labels: web, ownerReferences: owner, containers: [{ 'example.com/gpu': '1', cpu: '100m' }] }),
  'a pod tolerating everything': makePod('t', { labels: web, ownerReferences: owner, tolerations: [{ operator: 'Exists' }] }),
  'a pod requesting nothing': makePod('z', { labels: { app: 'x' } }),
};

describe('batch forms agree with per-node forms', () => {
  it.each(Object.entries(incoming))('Filter verdicts for %s', (_name, pod) => {
    const h = cluster();
    const nodes = h.cache.list();
    const rows: NodeRows = { table: h.cache.table, idx: h.cache.listRows() };
    let rejected = 0;
    for (const { plugin } of buildProfile(h)) {
      if (!plugin.filterAll) continue;
      const p = plugin as FilterPlugin;
      const state = new CycleState();
      const pre = plugin.preFilter?.(state, pod);
      if (pre instanceof Status && !pre.isSuccess()) continue;
      const batch: (Status | null)[] = nodes.map(() => null);
      p.filterAll!(state, pod, nodes, batch, nodes.length, rows);
      expect([plugin.name, batch.map(verdict)]).toEqual([plugin.name, nodes.map((n) => verdict(p.filter(state, pod, n)))]);
      rejected += batch.filter((s) => s !== null).length;
    }
    // The cluster is built so that every pod is rejected somewhere (cordoned b1 at least).
    expect(rejected).toBeGreaterThan(0);
  });

  it.each(Object.entries(incoming))('Score columns for %s', (_name, pod) => {
    const h = cluster();
    const nodes = h.cache.list();
    const rows: NodeRows = { table: h.cache.table, idx: h.cache.listRows() };
    for (const { plugin } of buildProfile(h)) {
      if (!plugin.score) continue;
      const p = plugin as ScorePlugin;
      const state = new CycleState();
      plugin.preFilter?.(state, pod);
      const pre = plugin.preScore?.(state, pod, nodes, rows);
      if (pre instanceof Status && pre.code === 5) continue;
      const one = Float64Array.from(nodes, (n) => p.score(state, pod, n));
      p.normalizeScore?.(state, pod, one, nodes.length, nodes);
      const batch = new Float64Array(nodes.length);
      if (p.scoreAll) p.scoreAll(state, pod, nodes, batch, nodes.length, rows);
      else batch.set(nodes.map((n) => p.score(state, pod, n)));
      p.normalizeScore?.(state, pod, batch, nodes.length, nodes);
      expect([plugin.name, [...batch]]).toEqual([plugin.name, [...one]]);
      const u = p.uniformScore?.(state, pod) ?? null;
      if (u !== null) expect([plugin.name, [...one]]).toEqual([plugin.name, nodes.map(() => u)]);
    }
  });

  it.each([
    ['on some nodes, too small to count', [{ names: ['registry.k8s.io/pause:3.10'], sizeBytes: 320_000 }], [], 'registry.k8s.io/pause:3.10', 0],
    ['on every node', [{ names: ['nginx:1.27'], sizeBytes: 500 * 2 ** 20 }], [{ names: ['nginx:1.27'], sizeBytes: 500 * 2 ** 20 }], 'nginx:1.27', 48],
    ['on some nodes, large', [{ names: ['nginx:1.27'], sizeBytes: 500 * 2 ** 20 }], [], 'nginx:1.27', null],
    ['on no node', [{ names: ['redis:7'], sizeBytes: 500 * 2 ** 20 }], [], 'nginx:1.27', 0],
  ])('ImageLocality with the image %s is uniform exactly when every node scores the same', (_what, onFirst, onSecond, image, expected) => {
    const h = testHandle([makeNode('n1', { images: onFirst }), makeNode('n2', { images: onSecond })]);
    const il = buildProfile(h).find(({ plugin }) => plugin.name === 'ImageLocality')!.plugin as ScorePlugin;
    const pod = makePod('p', { image });
    const state = new CycleState();
    const perNode = h.cache.list().map((n) => il.score(state, pod, n));
    expect(il.uniformScore!(state, pod)).toBe(expected);
    if (expected !== null) expect(perNode).toEqual([expected, expected]);
    else expect(new Set(perNode).size).toBe(2);
    const batch = new Float64Array(2);
    il.scoreAll!(state, pod, h.cache.list(), batch, 2, { table: h.cache.table, idx: h.cache.listRows() });
    expect([...batch]).toEqual(perNode);
  });

  it('a cluster without PreferNoSchedule taints or images scores TaintToleration and ImageLocality uniformly', () => {
    const h = testHandle([makeNode('n1'), makeNode('n2')]);
    const byName = Object.fromEntries(buildProfile(h).map(({ plugin }) => [plugin.name, plugin as ScorePlugin]));
    const pod = makePod('p');
    expect([byName.TaintToleration!.uniformScore!(new CycleState(), pod), byName.ImageLocality!.uniformScore!(new CycleState(), pod)]).toEqual([100, 0]);
  });

  it('LeastAllocated and BalancedAllocation columns stay exact as pods come and go and nodes change (their per-row memo)', () => {
    const h = cluster();
    const byName = Object.fromEntries(buildProfile(h).map(({ plugin }) => [plugin.name, plugin as ScorePlugin]));
    const scorers = [byName.NodeResourcesFit!, byName.NodeResourcesBalancedAllocation!];
    const check = (pod: ReturnType<typeof makePod>) => {
      const nodes = h.cache.list();
      const rows: NodeRows = { table: h.cache.table, idx: h.cache.listRows() };
      for (const p of scorers) {
        const batch = new Float64Array(nodes.length);
        p.scoreAll!(new CycleState(), pod, nodes, batch, nodes.length, rows);
        expect([p.name, [...batch]]).toEqual([p.name, nodes.map((n) => p.score(new CycleState(), pod, n))]);
      }
    };
    const replica = incoming['a plain replica'];
    check(replica);
    // Pods land on a node, one after the other, as in a burst of one ReplicaSet.
    for (let i = 0; i < 3; i++) {
      h.cache.addPod(makePod(`n${i}`, { node: 'a1', labels: web, cpu: '300m', memory: '1Gi' }));
      check(replica);
    }
    h.cache.removePod(h.cache.list().find((n) => n.name === 'a1')!.pods.find((p) => p.name === 'w1')!.uid);
    check(replica);
    // Other requests, then the first ones again.
    check(incoming['a pod requesting nothing']);
    check(replica);
    // A node's allocatable changes; a node goes and comes back (its row is reused).
    h.cache.updateNode(makeNode('a2', { labels: { [zone]: 'a' }, cpu: '1' }), makeNode('a2', { labels: { [zone]: 'a' }, cpu: '3' }));
    check(replica);
    h.cache.removeNode(makeNode('b1'));
    h.cache.addNode(makeNode('b3', { labels: { [zone]: 'b' }, cpu: '8' }));
    check(replica);
  });
});
