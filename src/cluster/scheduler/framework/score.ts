/**
 * RunScorePlugins: each plugin scores every feasible node, NormalizeScore scales the column,
 * scores must then lie in 0..100, and the weighted columns add up to each node's total.
 * Buffers are reused from cycle to cycle (the hot path allocates nothing).
 */
import type { NodeInfo } from './nodeInfo';
import type { PodInfo } from './podInfo';
import { Code, MAX_NODE_SCORE, Status, type CycleState, type ScorePlugin } from './types';

/** Per-plugin weighted scores of one cycle: scores[p][i] is node i's for plugins[p]. */
export interface ScoreTable {
  plugins: ScorePlugin[];
  weights: number[];
  scores: Float64Array[];
  totals: Float64Array;
  n: number;
}

export function newScoreTable(): ScoreTable {
  return { plugins: [], weights: [], scores: [], totals: new Float64Array(0), n: 0 };
}

export function runScorePlugins(
  t: ScoreTable,
  plugins: ScorePlugin[],
  weights: ReadonlyMap<string, number>,
  state: CycleState,
  pod: PodInfo,
  nodes: readonly NodeInfo[],
): ScoreTable | Status {
  const n = nodes.length;
  t.plugins = plugins;
  t.weights = plugins.map((p) => weights.get(p.name) ?? 1);
  t.n = n;
  if (t.totals.length < n) t.totals = new Float64Array(Math.max(n, 2 * t.totals.length));
  t.totals.fill(0, 0, n);
  for (let pi = 0; pi < plugins.length; pi++) {
    const p = plugins[pi]!;
    let buf = t.scores[pi];
    if (!buf || buf.length < n) t.scores[pi] = buf = new Float64Array(Math.max(n, 2 * (buf?.length ?? 0)));
    if (p.scoreAll) p.scoreAll(state, pod, nodes, buf, n);
    else for (let i = 0; i < n; i++) buf[i] = p.score(state, pod, nodes[i]!);
    if (p.normalizeScore) {
      const s = p.normalizeScore(state, pod, buf, n, nodes);
      if (s && !s.isSuccess()) return new Status(Code.Error, [`running NormalizeScore plugin "${p.name}": ${s.message()}`], p.name);
    }
    const w = t.weights[pi]!;
    for (let i = 0; i < n; i++) {
      const v = buf[i]!;
      if (v > MAX_NODE_SCORE || v < 0)
        return new Status(Code.Error, [`plugin "${p.name}" returns an invalid score ${v}, it should in the range of [0, ${MAX_NODE_SCORE}] after normalizing`]);
      buf[i] = v * w;
      t.totals[i] += v * w;
    }
  }
  return t;
}
