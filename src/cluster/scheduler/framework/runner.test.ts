import { describe, expect, it } from 'vitest';
import { frameworkFor, makeNode, makePod, testHandle, verdict } from '../plugins/testing';
import type { NodeInfo } from './nodeInfo';
import { Framework } from './runner';
import { Code, CycleState, SKIP, Status, type AnyPlugin } from './types';

const reject = (name: string, reason: string, code: Code = Code.Unschedulable): AnyPlugin => ({
  name,
  filter: () => new Status(code, [reason], name),
});
const scorer = (name: string, f: (n: NodeInfo) => number, normalize = false): AnyPlugin => ({
  name,
  score: (_s, _p, n) => f(n),
  ...(normalize ? { normalizeScore: (_s: CycleState, _p: unknown, sc: Float64Array, n: number) => (sc.fill(100, 0, n), null) } : {}),
});

describe('framework runner', () => {
  const h = testHandle([makeNode('n1'), makeNode('n2')]);
  const n1 = h.cache.get('n1')!;

  it('the first failing filter decides the node’s status', () => {
    const fw = frameworkFor(h, [{ name: 'Pass', filter: () => null }, reject('A', 'a'), reject('B', 'b')]);
    const s = fw.runFilter(new CycleState(), makePod('p'), n1);
    expect([s?.plugin, verdict(s)]).toEqual(['A', 'Unschedulable: a']);
  });

  it('a PreFilter Skip disables that plugin’s Filter', () => {
    const fw = frameworkFor(h, [{ name: 'A', preFilter: () => SKIP, filter: () => new Status(Code.Unschedulable, ['a']) }]);
    const state = new CycleState();
    expect(fw.runPreFilter(state, makePod('p')).status).toBeNull();
    expect(fw.runFilter(state, makePod('p'), n1)).toBeNull();
  });

  it('an unresolvable PreFilter stops at once; an unschedulable one lets the rest run', () => {
    const seen: string[] = [];
    const pre = (name: string, code?: Code): AnyPlugin => ({ name, preFilter: () => (seen.push(name), code === undefined ? null : new Status(code, [name])) });
    const fw = frameworkFor(h, [pre('A', Code.Unschedulable), pre('B'), pre('C', Code.UnschedulableAndUnresolvable), pre('D')]);
    const r = fw.runPreFilter(new CycleState(), makePod('p'));
    expect([seen, r.status?.plugin]).toEqual([['A', 'B', 'C'], 'C']);
  });

  it('PreFilter results intersect, and an empty intersection names the plugins', () => {
    const names = (n: string[]) => ({ nodeNames: new Set(n) });
    const fw = frameworkFor(h, [
      { name: 'A', preFilter: () => names(['n1', 'n2']) },
      { name: 'B', preFilter: () => names(['n2']) },
    ]);
    expect([...(fw.runPreFilter(new CycleState(), makePod('p')).result?.nodeNames ?? [])]).toEqual(['n2']);
    const none = frameworkFor(h, [{ name: 'A', preFilter: () => names(['n1']) }, { name: 'B', preFilter: () => names(['n2']) }]);
    expect(verdict(none.runPreFilter(new CycleState(), makePod('p')).status)).toBe(
      "UnschedulableAndUnresolvable: node(s) didn't satisfy plugin(s) [A B] simultaneously",
    );
  });

  it('scores are normalized, multiplied by the weight and summed', () => {
    const table = (entries: [AnyPlugin, number][]) => {
      const f = new Framework('t', [{ plugin: { name: 'Sort', less: () => true } }, ...entries.map(([plugin, weight]) => ({ plugin, weight }))], h);
      return f.runScore(new CycleState(), makePod('p'), [n1, h.cache.get('n2')!]);
    };
    const t = table([
      [scorer('A', (n) => (n.name === 'n1' ? 10 : 20)), 2],
      [scorer('B', () => 7, true), 3],
    ]);
    if (t instanceof Status) throw new Error(t.message());
    expect([...t.totals.subarray(0, 2)]).toEqual([2 * 10 + 3 * 100, 2 * 20 + 3 * 100]);
    const bad = table([[scorer('C', () => 101), 1]]);
    expect(verdict(bad as Status)).toBe('Error: plugin "C" returns an invalid score 101, it should in the range of [0, 100] after normalizing');
  });
});
