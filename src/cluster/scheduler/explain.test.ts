import { describe, expect, it } from 'vitest';
import { ExplainStore, type AttemptReport } from './explain';
import { NodeToStatus } from './framework/nodeToStatus';
import { newScoreTable, type ScoreTable } from './framework/score';
import { Code, Status, type ScorePlugin } from './framework/types';

const plugin = (name: string) => ({ name }) as ScorePlugin;

/** An attempt over `n` feasible nodes where node i totals i (one plugin, weight 1). */
function attempt(uid: string, n: number, failed = 0): AttemptReport {
  const t: ScoreTable = newScoreTable();
  t.plugins = [plugin('A')];
  t.weights = [1];
  t.scores = [Float64Array.from({ length: n }, (_, i) => i % 101)];
  t.totals = Float64Array.from({ length: n }, (_, i) => i % 101);
  t.n = n;
  const statuses = new NodeToStatus();
  for (let i = 0; i < failed; i++) statuses.set(`bad-${i}`, new Status(Code.Unschedulable, ['Insufficient cpu'], 'NodeResourcesFit'));
  const best = n > 1 ? `n-${Math.min(n - 1, 100)}` : undefined;
  return {
    uid,
    namespace: 'default',
    name: uid,
    attempts: 1,
    now: 0,
    result: 'Scheduled',
    node: best,
    totalNodes: n + failed,
    failed: statuses,
    feasible: Array.from({ length: n }, (_, i) => ({ name: `n-${i}` })),
    table: t,
  };
}

describe('explanations', () => {
  it('keep every feasible node’s breakdown for small clusters', () => {
    const s = new ExplainStore();
    s.record(attempt('p', 3, 1));
    const e = s.explain('p')!;
    expect(e.nodes.map((v) => [v.node, v.feasible, v.total])).toEqual([
      ['bad-0', false, undefined],
      ['n-2', true, 2],
      ['n-1', true, 1],
      ['n-0', true, 0],
    ]);
    expect(e.nodes[1]!.scores).toEqual({ A: 2 });
  });

  it('keep only the 20 best nodes (and the chosen one) of a large attempt', () => {
    const s = new ExplainStore();
    s.record(attempt('p', 500));
    const e = s.explain('p')!;
    expect([e.feasibleNodes, e.nodes.length, e.nodes[0]!.total]).toEqual([500, 21, 100]);
  });

  it('past the memory budget, the oldest keep a summary only', () => {
    const s = new ExplainStore(100);
    s.record(attempt('old', 30, 10));
    s.record(attempt('new', 30, 10));
    const old = s.explain('old')!;
    expect([old.truncated, old.histogram, old.nodes.length, old.nodes[0]!.node, old.feasibleNodes]).toEqual([true, ['10 Insufficient cpu'], 1, 'n-29', 30]);
    expect(s.explain('new')!.truncated).toBeUndefined();
  });

  it('forget deleted pods', () => {
    const s = new ExplainStore();
    s.record(attempt('p', 3));
    s.drop('p');
    expect([s.explain('p'), s.size]).toEqual([undefined, 0]);
  });
});
