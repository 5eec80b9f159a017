import { describe, expect, it } from 'vitest';
import { makeNode, makePod } from '../plugins/testing';
import { Cache } from './cache';
import { ALLOC_CPU, FLAGS, F_HARD_TAINT, F_NODE, F_PREFER_TAINT, F_UNSCHEDULABLE, NZ_MEM, POD_COUNT, REQ_CPU, ROW } from './nodeTable';

const zone = 'topology.kubernetes.io/zone';

describe('the cache’s node table (one row per node)', () => {
  it('holds each node’s allocatable, requests and pod count in its row, updated on assume and forget', () => {
    const c = new Cache();
    c.addNode(makeNode('n1', { cpu: '4' }));
    const n = c.get('n1')!;
    const d = () => c.table.data.subarray(n.row * ROW, n.row * ROW + ROW);
    expect([d()[ALLOC_CPU], d()[REQ_CPU], d()[POD_COUNT], d()[FLAGS]]).toEqual([4000, 0, 0, F_NODE]);
    const p = makePod('p', { node: 'n1', cpu: '500m' });
    c.assumePod(p);
    expect([d()[REQ_CPU], d()[NZ_MEM], d()[POD_COUNT], n.reqCpu]).toEqual([500, 200 * 2 ** 20, 1, 500]);
    c.forgetPod(p);
    expect([d()[REQ_CPU], d()[POD_COUNT], n.reqCpu]).toEqual([0, 0, 0]);
  });

  it('lists the rows of list() in the same order', () => {
    const c = new Cache();
    for (const [n, z] of [['a1', 'a'], ['a2', 'a'], ['b1', 'b']]) c.addNode(makeNode(n!, { labels: { [zone]: z! } }));
    expect([...c.listRows()]).toEqual(c.list().map((n) => n.row));
  });

  it('counts cordoned and tainted nodes through their flags, as nodes change and go', () => {
    const c = new Cache();
    c.addNode(makeNode('n1', { unschedulable: true }));
    c.addNode(makeNode('n2', { taints: [{ key: 'k', effect: 'NoSchedule' }, { key: 'p', effect: 'PreferNoSchedule' }] }));
    const t = c.table;
    expect([t.flagged(F_UNSCHEDULABLE), t.flagged(F_HARD_TAINT), t.flagged(F_PREFER_TAINT), t.flagged(F_NODE)]).toEqual([1, 1, 1, 2]);
    c.updateNode(c.get('n1')!.node!, makeNode('n1'));
    c.removeNode(makeNode('n2'));
    expect([t.flagged(F_UNSCHEDULABLE), t.flagged(F_HARD_TAINT), t.flagged(F_PREFER_TAINT), t.flagged(F_NODE)]).toEqual([0, 0, 0, 1]);
    expect([c.anyUnschedulable, c.anyHardTaint, c.anyPreferNoSchedule]).toEqual([false, false, false]);
  });

  it('reuses the rows of nodes that went, and grows past its first capacity', () => {
    const c = new Cache();
    for (let i = 0; i < 100; i++) c.addNode(makeNode(`n${i}`, { cpu: String(i + 1) }));
    expect(c.list().every((n) => n.allocCpu === 1000 * (Number(n.name.slice(1)) + 1))).toBe(true);
    const row = c.get('n7')!.row;
    c.removeNode(makeNode('n7'));
    c.addNode(makeNode('fresh', { cpu: '2' }));
    expect([c.get('fresh')!.row, c.get('fresh')!.allocCpu, c.get('fresh')!.reqCpu]).toEqual([row, 2000, 0]);
  });

  it('interns topology values per key, for columns made before or after the nodes', () => {
    const c = new Cache();
    c.addNode(makeNode('a1', { labels: { [zone]: 'a' } }));
    const col = c.table.topology(zone);
    c.addNode(makeNode('b1', { labels: { [zone]: 'b' } }));
    c.addNode(makeNode('bare'));
    const value = (n: string) => {
      const id = col.ids[c.get(n)!.row]!;
      return id < 0 ? undefined : col.values[id];
    };
    expect([value('a1'), value('b1'), value('bare')]).toEqual(['a', 'b', undefined]);
    c.updateNode(c.get('a1')!.node!, makeNode('a1', { labels: { [zone]: 'b' } }));
    expect(value('a1')).toBe('b');
    expect([col.distinct, col.without, col.rowsPerValue]).toEqual([2, 1, [0, 2]]);
    c.removeNode(makeNode('bare'));
    expect([col.distinct, col.without]).toEqual([1, 0]);
    const late = c.table.topology('kubernetes.io/hostname');
    expect([late.values[late.ids[c.get('b1')!.row]!], late.distinct]).toEqual(['b1', 2]);
  });

  it('gives clones their own row: what-if pods leave the cache untouched', () => {
    const c = new Cache();
    c.addNode(makeNode('n1'));
    const copy = c.get('n1')!.clone();
    copy.addPod(makePod('p', { node: 'n1', cpu: '1' }));
    expect([copy.reqCpu, c.get('n1')!.reqCpu, copy.table === c.table]).toEqual([1000, 0, false]);
  });
});
