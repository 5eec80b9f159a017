import { describe, expect, it } from 'vitest';
import { selectorFromLabelSelector, type Selector } from '../../api/labels';
import { makeNode, makePod } from '../plugins/testing';
import { Cache } from './cache';
import { withNodeName } from './podInfo';

const web = selectorFromLabelSelector({ matchLabels: { app: 'web', tier: 'front' } }) as Selector;

/** What a scan over every pod would count, per node name. */
function scan(c: Cache, sel: Selector, ns: string): Record<string, number> {
  const m = new Map();
  c.countMatching(sel, ns, m);
  return Object.fromEntries([...m].map(([n, k]) => [n.name, k]).sort());
}

function kept(c: Cache, sel: Selector, ns: string): Record<string, number> {
  const k = c.countsFor(sel, ns)!;
  return Object.fromEntries(k.nodes.map((n, i) => [n, k.counts[i]!] as const).filter(([n]) => n.node).map(([n, v]) => [n.name, v]).sort());
}

describe('incremental matching-pod counts (topology spreading)', () => {
  it('start from the pods already cached and follow binds, updates and deletions', () => {
    const c = new Cache();
    for (const n of ['n1', 'n2', 'n3']) c.addNode(makeNode(n));
    const labels = { app: 'web', tier: 'front' };
    c.addPod(makePod('a', { uid: 'a', node: 'n1', labels }));
    expect(kept(c, web, 'default')).toEqual({ n1: 1 });
    const b = makePod('b', { uid: 'b', labels });
    c.assumePod(withNodeName(b, 'n2'));
    c.addPod(makePod('c', { uid: 'c', node: 'n2', labels: { app: 'web' } }));
    c.addPod(makePod('d', { uid: 'd', node: 'n3', labels, namespace: 'other' }));
    expect(kept(c, web, 'default')).toEqual({ n1: 1, n2: 1 });
    c.forgetPod(withNodeName(b, 'n2'));
    c.updatePod(makePod('c', { uid: 'c', node: 'n2', labels }));
    c.updatePod(makePod('a', { uid: 'a', node: 'n1', labels, deleting: true }));
    expect(kept(c, web, 'default')).toEqual({ n2: 1 });
    c.removePod('c');
    expect([kept(c, web, 'default'), kept(c, web, 'other')]).toEqual([{}, { n3: 1 }]);
    for (const ns of ['default', 'other']) expect(kept(c, web, ns)).toEqual(scan(c, web, ns));
  });

  it('agree with a scan after many random changes', () => {
    const c = new Cache();
    for (let i = 0; i < 5; i++) c.addNode(makeNode(`n${i}`));
    c.countsFor(web, 'default');
    let seed = 7;
    const rnd = (k: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) % k);
    for (let step = 0; step < 300; step++) {
      const uid = `p${rnd(40)}`;
      const op = rnd(3);
      if (op === 0) c.removePod(uid);
      else {
        const labels: Record<string, string> = rnd(2) ? { app: 'web', tier: rnd(2) ? 'front' : 'back' } : { app: 'db' };
        c.updatePod(makePod(uid, { uid, node: `n${rnd(5)}`, labels, deleting: rnd(10) === 0 }));
      }
    }
    expect(kept(c, web, 'default')).toEqual(scan(c, web, 'default'));
  });

  it('are found again by an equal selector parsed anew (a ReplicaSet updated)', () => {
    const c = new Cache();
    c.addNode(makeNode('n1'));
    const first = c.countsFor(web, 'default');
    const again = selectorFromLabelSelector({ matchLabels: { tier: 'front', app: 'web' } }) as Selector;
    expect(c.countsFor(again, 'default')).toBe(first);
  });

  it('keep per-zone totals as pods come and go, nodes change zone and nodes go', () => {
    const zone = 'topology.kubernetes.io/zone';
    const c = new Cache();
    c.addNode(makeNode('a1', { labels: { [zone]: 'a' } }));
    c.addNode(makeNode('b1', { labels: { [zone]: 'b' } }));
    c.addNode(makeNode('bare'));
    const col = c.table.topology(zone);
    const labels = { app: 'web', tier: 'front' };
    const k = c.countsFor(web, 'default')!;
    const totals = () => {
      const d = k.domainTotals(col);
      return { ...Object.fromEntries(col.values.map((v, id) => [v, d.totals[id] ?? 0])), missing: d.missing };
    };
    c.addPod(makePod('x', { uid: 'x', node: 'a1', labels }));
    expect(totals()).toEqual({ a: 1, b: 0, missing: 0 });
    c.addPod(makePod('y', { uid: 'y', node: 'b1', labels }));
    c.addPod(makePod('z', { uid: 'z', node: 'bare', labels }));
    expect(totals()).toEqual({ a: 1, b: 1, missing: 1 });
    c.updateNode(c.get('a1')!.node!, makeNode('a1', { labels: { [zone]: 'b' } }));
    expect(totals()).toEqual({ a: 0, b: 2, missing: 1 });
    c.removeNode(makeNode('b1', { labels: { [zone]: 'b' } }));
    c.removePod('z');
    expect(totals()).toEqual({ a: 0, b: 1, missing: 0 });
  });

  it('need an equality term to register under', () => {
    const c = new Cache();
    const exists = selectorFromLabelSelector({ matchExpressions: [{ key: 'app', operator: 'Exists' }] }) as Selector;
    expect(c.countsFor(exists, 'default')).toBeNull();
  });
});
