/**
 * InterPodAffinity PreScore/Score/NormalizeScore: topology scores from the incoming pod's
 * preferred terms (matching existing pods add/subtract their weight) and from existing pods'
 * required (weight hardPodAffinityWeight = 1) and preferred terms matching the incoming pod.
 */
import { affinityTermMatches, type AffinityTerm, type WeightedAffinityTerm } from '../../framework/affinity';
import type { Handle } from '../../framework/handle';
import type { NodeInfo } from '../../framework/nodeInfo';
import type { PodInfo } from '../../framework/podInfo';
import { MAX_NODE_SCORE } from '../../framework/types';
import { mergeNamespaces, namespaceLabels } from './filtering';

export const HARD_POD_AFFINITY_WEIGHT = 1;

/** topology key → value → score. */
export type TopologyScore = Map<string, Map<string, number>>;

function add(m: TopologyScore, key: string, node: NodeInfo, delta: number): void {
  const v = node.labels[key];
  if (v === undefined) return;
  let byValue = m.get(key);
  if (!byValue) m.set(key, (byValue = new Map()));
  byValue.set(v, (byValue.get(v) ?? 0) + delta);
}

function processTerm(m: TopologyScore, t: AffinityTerm, weight: number, pod: PodInfo, nsLabels: Record<string, string> | undefined, node: NodeInfo, sign: number): void {
  if (affinityTermMatches(t, pod.namespace, pod.labels, nsLabels)) add(m, t.topologyKey, node, weight * sign);
}

/** PreScore; null = nothing scores (Skip). */
export function preScoreState(pod: PodInfo, h: Handle): TopologyScore | null {
  const preferred = pod.preferredAffinityTerms.length > 0 || pod.preferredAntiAffinityTerms.length > 0;
  if (!preferred && h.cache.nodesWithAffinityPods.size === 0) return null;
  const m: TopologyScore = new Map();
  const nsLabels = namespaceLabels(h, pod.namespace);
  // The incoming pod's soft terms against existing pods: candidates from the label index.
  const soft = (terms: readonly WeightedAffinityTerm[], sign: number) => {
    for (const wt of terms) {
      const t = mergeNamespaces(h, wt);
      for (const p of h.cache.candidates(t.selector, t.namespaces)) {
        const n = h.cache.get(p.nodeName);
        if (!n || Object.keys(n.labels).length === 0) continue;
        processTerm(m, t, wt.weight, p, undefined, n, sign);
      }
    }
  };
  soft(pod.preferredAffinityTerms, 1);
  soft(pod.preferredAntiAffinityTerms, -1);
  // Existing pods' terms against the incoming pod: only pods that have affinity.
  for (const n of h.cache.nodesWithAffinityPods) {
    if (!n.node || Object.keys(n.labels).length === 0) continue;
    for (const ep of n.podsWithAffinity) {
      for (const t of ep.requiredAffinityTerms) processTerm(m, t, HARD_POD_AFFINITY_WEIGHT, pod, nsLabels, n, 1);
      for (const t of ep.preferredAffinityTerms) processTerm(m, t, t.weight, pod, nsLabels, n, 1);
      for (const t of ep.preferredAntiAffinityTerms) processTerm(m, t, t.weight, pod, nsLabels, n, -1);
    }
  }
  return m.size ? m : null;
}

export function scoreNode(m: TopologyScore, node: NodeInfo): number {
  let score = 0;
  for (const [key, values] of m) {
    const v = node.labels[key];
    if (v !== undefined) score += values.get(v) ?? 0;
  }
  return score;
}

/** NormalizeScore: min–max scaling to 0..100 (all 0 when every node scored the same). */
export function normalize(scores: Float64Array, n: number): null {
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < n; i++) {
    if (scores[i]! > max) max = scores[i]!;
    if (scores[i]! < min) min = scores[i]!;
  }
  const diff = max - min;
  for (let i = 0; i < n; i++) scores[i] = diff > 0 ? Math.trunc(MAX_NODE_SCORE * ((scores[i]! - min) / diff)) : 0;
  return null;
}
