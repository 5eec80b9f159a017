/**
 * RunScorePlugins: each plugin scores every feasible node, NormalizeScore scales the column,
 * scores must then lie in 0..100, and the weighted columns add up to each node's total.
 * Buffers are reused from cycle to cycle (the hot path allocates nothing).
 */
import type { NodeInfo } from './nodeInfo';
import type { PodInfo } from './podInfo';
import { Code, MAX_NODE_SCORE, Status, type CycleState, type NodeRows, type ScorePlugin } from './types';

/** Per-plugin weighted scores of one cycle: scores[p][i] is node i's for plugins[p]. */
export interface ScoreTable {
  plugins: ScorePlugin[];
  weights: number[];
  scores: Float64Array[];
  totals: Float64Array;
  n: number;
  /** Per plugin: the score every node got (its column is filled), or null. */
  uniform: (number | null)[];
}

export function newScoreTable(): ScoreTable {
  return { plugins: [], weights: [], scores: [], totals: new Float64Array(0), n: 0, uniform: [] };
}

// Weights per plugin list: profiles reuse the same lists from cycle to cycle.
const weightLists = new WeakMap<readonly ScorePlugin[], number[]>();

export function runScorePlugins(
  t: ScoreTable,
  plugins: ScorePlugin[],
  weights: ReadonlyMap<string, number>,
  state: CycleState,
  pod: PodInfo,
  nodes: readonly NodeInfo[],
  rows?: NodeRows,
): ScoreTable | Status {
  const n = nodes.length;
  let ws = weightLists.get(plugins);
  if (!ws) weightLists.set(plugins, (ws = plugins.map((p) => weights.get(p.name) ?? 1)));
  t.plugins = plugins;
  t.weights = ws;
  t.n = n;
  if (t.totals.length < n) t.totals = new Float64Array(Math.max(n, 2 * t.totals.length));
  const totals = t.totals;
  // Plugins scoring every node alike add a constant: their columns are filled, not computed.
  const uniform = t.uniform;
  let base = 0;
  for (let pi = 0; pi < plugins.length; pi++) {
    const v = plugins[pi]!.uniformScore?.(state, pod) ?? null;
    if (v !== null && (v > MAX_NODE_SCORE || v < 0)) return invalid(plugins[pi]!, v);
    uniform[pi] = v;
    if (v !== null) base += v * ws[pi]!;
  }
  totals.fill(base, 0, n);
  for (let pi = 0; pi < plugins.length; pi++) {
    const p = plugins[pi]!;
    let buf = t.scores[pi];
    if (!buf || buf.length < n) t.scores[pi] = buf = new Float64Array(Math.max(n, 2 * (buf?.length ?? 0)));
    const u = uniform[pi];
    if (u !== null && u !== undefined) {
      buf.fill(u * ws[pi]!, 0, n);
      continue;
    }
    if (p.scoreAll) p.scoreAll(state, pod, nodes, buf, n, rows);
    else for (let i = 0; i < n; i++) buf[i] = p.score(state, pod, nodes[i]!);
    if (p.normalizeScore) {
      const s = p.normalizeScore(state, pod, buf, n, nodes);
      if (s && !s.isSuccess()) return new Status(Code.Error, [`running NormalizeScore plugin "${p.name}": ${s.message()}`], p.name);
    }
    const w = ws[pi]!;
    for (let i = 0; i < n; i++) {
      const v = buf[i]!;
      if (v > MAX_NODE_SCORE || v < 0) return invalid(p, v);
      const x = v * w;
      buf[i] = x;
      totals[i] += x;
    }
  }
  return t;
}

const invalid = (p: ScorePlugin, v: number) =>
  new Status(Code.Error, [`plugin "${p.name}" returns an invalid score ${v}, it should in the range of [0, ${MAX_NODE_SCORE}] after normalizing`]);
