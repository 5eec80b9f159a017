/**
 * PodTopologySpread PreScore/Score/NormalizeScore: soft (ScheduleAnyway) constraints, including
 * the system defaults. A node scores the matching pods already in its domains (weighted by
 * log(domains + 2), plus maxSkew − 1); normalization turns "fewest" into 100.
 */
import type { Handle } from '../../framework/handle';
import type { NodeInfo } from '../../framework/nodeInfo';
import type { PodInfo } from '../../framework/podInfo';
import { MAX_NODE_SCORE } from '../../framework/types';
import { LabelHostname, getConstraints, hasAllKeys, includesNode, requiredMatcher, type Constraint } from './constraints';

export interface SpreadScoreState {
  constraints: Constraint[];
  ignored: Set<NodeInfo>;
  /** Non-hostname constraints: matching pods per topology value (only values of candidate nodes). */
  pairCounts: Map<string, number>[];
  /** Matching pods per node, per constraint (hostname constraints score per node). */
  perNode: Map<NodeInfo, number>[];
  weights: number[];
}

/** topologyNormalizingWeight: log(size + 2). */
export const normalizingWeight = (size: number): number => Math.log(size + 2);

/** initPreScoreState + the all-node count; null = no soft constraints (Skip). */
export function preScoreState(pod: PodInfo, filtered: readonly NodeInfo[], h: Handle): SpreadScoreState | null {
  const own = (pod.pod.spec?.topologySpreadConstraints ?? []).length > 0;
  const constraints = getConstraints(pod, h, 'ScheduleAnyway');
  if (!constraints.length) return null;
  // System-default spreading tolerates nodes without a zone label; explicit constraints don't.
  const requireAll = own;
  const ignored = new Set<NodeInfo>();
  const pairCounts = constraints.map(() => new Map<string, number>());
  for (const n of filtered) {
    if (requireAll && !hasAllKeys(n.labels, constraints)) {
      ignored.add(n);
      continue;
    }
    constraints.forEach((c, i) => {
      if (c.topologyKey === LabelHostname) return;
      const v = n.labels[c.topologyKey] ?? '';
      if (!pairCounts[i]!.has(v)) pairCounts[i]!.set(v, 0);
    });
  }
  const weights = constraints.map((c, i) =>
    normalizingWeight(c.topologyKey === LabelHostname ? filtered.length - ignored.size : pairCounts[i]!.size),
  );
  // Count matching pods once per distinct selector (the two default constraints share one).
  const perNode: Map<NodeInfo, number>[] = [];
  const aff = requiredMatcher(pod);
  constraints.forEach((c, i) => {
    const same = constraints.findIndex((o, j) => j < i && o.selector === c.selector);
    let counts = same >= 0 ? perNode[same] : undefined;
    if (!counts) h.cache.countMatching(c.selector, pod.namespace, (counts = new Map()));
    perNode.push(counts);
    if (c.topologyKey === LabelHostname) return;
    const pc = pairCounts[i]!;
    for (const [n, k] of counts) {
      if (requireAll && !hasAllKeys(n.labels, constraints)) continue;
      if (!includesNode(c, pod, n.node!, aff)) continue;
      const v = n.labels[c.topologyKey] ?? '';
      const cur = pc.get(v);
      if (cur !== undefined) pc.set(v, cur + k);
    }
  });
  return { constraints, ignored, pairCounts, perNode, weights };
}

/** Score: Σ over constraints of count × weight + (maxSkew − 1), rounded. */
export function scoreNode(s: SpreadScoreState, node: NodeInfo): number {
  if (s.ignored.size && s.ignored.has(node)) return 0;
  let score = 0;
  for (let i = 0; i < s.constraints.length; i++) {
    const c = s.constraints[i]!;
    const v = node.labels[c.topologyKey];
    if (v === undefined) continue;
    const cnt = c.topologyKey === LabelHostname ? (s.perNode[i]!.get(node) ?? 0) : (s.pairCounts[i]!.get(v) ?? 0);
    score += cnt * s.weights[i]! + (c.maxSkew - 1);
  }
  return Math.round(score);
}

/** NormalizeScore: MaxNodeScore × (max + min − score) / max; ignored nodes get 0. */
export function normalize(s: SpreadScoreState, scores: Float64Array, n: number, nodes: readonly NodeInfo[]): null {
  let min = Infinity;
  let max = 0;
  for (let i = 0; i < n; i++) {
    if (s.ignored.size && s.ignored.has(nodes[i]!)) continue;
    const v = scores[i]!;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  for (let i = 0; i < n; i++) {
    if (s.ignored.size && s.ignored.has(nodes[i]!)) scores[i] = 0;
    else if (max === 0) scores[i] = MAX_NODE_SCORE;
    else scores[i] = Math.trunc((MAX_NODE_SCORE * (max + min - scores[i]!)) / max);
  }
  return null;
}
