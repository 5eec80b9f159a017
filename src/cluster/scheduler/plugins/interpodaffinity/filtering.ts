/**
 * InterPodAffinity PreFilter/Filter: counts, per topology pair, the existing pods matching the
 * incoming pod's required (anti-)affinity terms and the existing pods whose required anti-affinity
 * matches the incoming pod. Candidates come from the cache's label index and the nodes known to
 * hold pods with anti-affinity — not from a scan of every pod.
 */
import { matches, type Selector } from '../../../api/labels';
import type { KObject } from '../../../api/types';
import { affinityTermMatches, matchesAllAffinityTerms, type AffinityTerm } from '../../framework/affinity';
import type { Handle } from '../../framework/handle';
import type { NodeInfo } from '../../framework/nodeInfo';
import type { PodInfo } from '../../framework/podInfo';
import { Code, Status, type Cloneable } from '../../framework/types';

export const ErrReasonExistingAntiAffinityRulesNotMatch = "node(s) didn't satisfy existing pods anti-affinity rules";
export const ErrReasonAffinityRulesNotMatch = "node(s) didn't match pod affinity rules";
export const ErrReasonAntiAffinityRulesNotMatch = "node(s) didn't match pod anti-affinity rules";

const REJECT_AFFINITY = new Status(Code.UnschedulableAndUnresolvable, [ErrReasonAffinityRulesNotMatch], 'InterPodAffinity');
const REJECT_ANTI = new Status(Code.Unschedulable, [ErrReasonAntiAffinityRulesNotMatch], 'InterPodAffinity');
const REJECT_EXISTING = new Status(Code.Unschedulable, [ErrReasonExistingAntiAffinityRulesNotMatch], 'InterPodAffinity');

/** topologyToMatchedTermCount, keyed `key\0value`. */
export type PairCounts = Map<string, number>;
const pair = (k: string, v: string) => `${k}\0${v}`;

function bump(m: PairCounts, node: KObject | undefined, key: string, delta: number): void {
  const v = node?.metadata.labels?.[key];
  if (v === undefined) return;
  const p = pair(key, v);
  const n = (m.get(p) ?? 0) + delta;
  if (n === 0) m.delete(p);
  else m.set(p, n);
}

/** GetNamespaceLabelsSnapshot. */
export function namespaceLabels(h: Handle, ns: string): Record<string, string> {
  try {
    return h.client.get('namespaces', undefined, ns)?.metadata.labels ?? {};
  } catch {
    return {};
  }
}

/** mergeAffinityTermNamespacesIfNotEmpty: resolve a namespaceSelector into namespace names now. */
export function mergeNamespaces(h: Handle, t: AffinityTerm): AffinityTerm {
  if (t.nsSelector === null) return t;
  const names = new Set(t.namespaces);
  let all: KObject[] = [];
  try {
    all = h.client.list('namespaces');
  } catch {
    /* no namespaces served */
  }
  for (const ns of all) if (matches(t.nsSelector as Selector, ns.metadata.labels ?? {})) names.add(ns.metadata.name!);
  return { ...t, namespaces: names, nsSelector: null };
}

/** Cached pods (on existing nodes) that match a term of the incoming pod. */
function* podsMatching(h: Handle, t: AffinityTerm): Iterable<[PodInfo, NodeInfo]> {
  for (const p of h.cache.candidates(t.selector, t.namespaces)) {
    if (!affinityTermMatches(t, p.namespace, p.labels, undefined)) continue;
    const n = h.cache.get(p.nodeName);
    if (n) yield [p, n];
  }
}

export class AffinityFilterState implements Cloneable {
  constructor(
    readonly pod: PodInfo,
    readonly affinityTerms: readonly AffinityTerm[],
    readonly antiTerms: readonly AffinityTerm[],
    readonly nsLabels: Record<string, string>,
    readonly existingAnti: PairCounts,
    readonly affinity: PairCounts,
    readonly anti: PairCounts,
  ) {}

  /** updateWithPod: AddPod (+1) / RemovePod (−1) of `other` on `node`. */
  update(other: PodInfo, node: NodeInfo, delta: number): void {
    for (const t of other.requiredAntiAffinityTerms)
      if (affinityTermMatches(t, this.pod.namespace, this.pod.labels, this.nsLabels)) bump(this.existingAnti, node.node, t.topologyKey, delta);
    if (matchesAllAffinityTerms(this.affinityTerms, other.namespace, other.labels))
      for (const t of this.affinityTerms) bump(this.affinity, node.node, t.topologyKey, delta);
    for (const t of this.antiTerms) if (affinityTermMatches(t, other.namespace, other.labels, undefined)) bump(this.anti, node.node, t.topologyKey, delta);
  }

  clone(): AffinityFilterState {
    return new AffinityFilterState(this.pod, this.affinityTerms, this.antiTerms, this.nsLabels, new Map(this.existingAnti), new Map(this.affinity), new Map(this.anti));
  }
}

/** PreFilter; null = nothing to check (Skip). */
export function preFilterState(pod: PodInfo, h: Handle): AffinityFilterState | null {
  const hasOwn = pod.requiredAffinityTerms.length > 0 || pod.requiredAntiAffinityTerms.length > 0;
  if (!hasOwn && h.cache.nodesWithRequiredAntiAffinityPods.size === 0) return null;
  const affinityTerms = pod.requiredAffinityTerms.map((t) => mergeNamespaces(h, t));
  const antiTerms = pod.requiredAntiAffinityTerms.map((t) => mergeNamespaces(h, t));
  const nsLabels = namespaceLabels(h, pod.namespace);
  const existingAnti: PairCounts = new Map();
  for (const n of h.cache.nodesWithRequiredAntiAffinityPods) {
    if (!n.node) continue;
    for (const ep of n.podsWithRequiredAntiAffinity)
      for (const t of ep.requiredAntiAffinityTerms) if (affinityTermMatches(t, pod.namespace, pod.labels, nsLabels)) bump(existingAnti, n.node, t.topologyKey, 1);
  }
  const affinity: PairCounts = new Map();
  const anti: PairCounts = new Map();
  if (affinityTerms.length)
    for (const [p, n] of podsMatching(h, affinityTerms[0]!))
      if (matchesAllAffinityTerms(affinityTerms, p.namespace, p.labels)) for (const t of affinityTerms) bump(affinity, n.node, t.topologyKey, 1);
  for (const t of antiTerms) for (const [, n] of podsMatching(h, t)) bump(anti, n.node, t.topologyKey, 1);
  if (existingAnti.size === 0 && !hasOwn) return null;
  return new AffinityFilterState(pod, affinityTerms, antiTerms, nsLabels, existingAnti, affinity, anti);
}

export function filterNode(s: AffinityFilterState, node: NodeInfo): Status | null {
  const labels = node.labels;
  // satisfyPodAffinity: every term's topology must hold a matching pod — unless no pod matches
  // anywhere and the pod matches its own terms (the first of a self-affine group).
  if (s.affinityTerms.length) {
    let podsExist = true;
    for (const t of s.affinityTerms) {
      const v = labels[t.topologyKey];
      if (v === undefined) return REJECT_AFFINITY;
      if ((s.affinity.get(pair(t.topologyKey, v)) ?? 0) <= 0) podsExist = false;
    }
    if (!podsExist && !(s.affinity.size === 0 && matchesAllAffinityTerms(s.affinityTerms, s.pod.namespace, s.pod.labels))) return REJECT_AFFINITY;
  }
  if (s.anti.size)
    for (const t of s.antiTerms) {
      const v = labels[t.topologyKey];
      if (v !== undefined && (s.anti.get(pair(t.topologyKey, v)) ?? 0) > 0) return REJECT_ANTI;
    }
  if (s.existingAnti.size) for (const k in labels) if ((s.existingAnti.get(pair(k, labels[k]!)) ?? 0) > 0) return REJECT_EXISTING;
  return null;
}
