/**
 * PodTopologySpread PreFilter/Filter: for each DoNotSchedule constraint, matching pods per
 * topology domain over the eligible nodes; a node fails when placing the pod there would make its
 * domain exceed the global minimum by more than maxSkew. Counts come from the cache's label index
 * (pods matching the selector), never from scanning every node's pods.
 */
import { matches } from '../../../api/labels';
import type { Handle } from '../../framework/handle';
import type { NodeInfo } from '../../framework/nodeInfo';
import type { PodInfo } from '../../framework/podInfo';
import { Code, Status, type Cloneable } from '../../framework/types';
import { getConstraints, hasAllKeys, includesNode, requiredMatcher, type Constraint } from './constraints';

export const ErrReasonConstraintsNotMatch = "node(s) didn't match pod topology spread constraints";
export const ErrReasonNodeLabelNotMatch = `${ErrReasonConstraintsNotMatch} (missing required label)`;

export const REJECT = new Status(Code.Unschedulable, [ErrReasonConstraintsNotMatch], 'PodTopologySpread');
export const REJECT_LABEL = new Status(Code.UnschedulableAndUnresolvable, [ErrReasonNodeLabelNotMatch], 'PodTopologySpread');

/** preFilterState: per constraint, matching pods per topology value (every eligible domain present). */
export class SpreadFilterState implements Cloneable {
  private mins: (number | undefined)[];

  constructor(
    readonly constraints: Constraint[],
    readonly counts: Map<string, number>[],
  ) {
    this.mins = constraints.map(() => undefined);
  }

  /** minMatchNum: the smallest domain count, or 0 while there are fewer domains than minDomains. */
  minMatch(i: number): number {
    const counts = this.counts[i]!;
    if (counts.size < this.constraints[i]!.minDomains) return 0;
    let m = this.mins[i];
    if (m === undefined) {
      m = Infinity;
      for (const v of counts.values()) if (v < m) m = v;
      this.mins[i] = m;
    }
    return m;
  }

  /** updateWithPod (AddPod / RemovePod): only for pods in the incoming pod's namespace. */
  update(pod: PodInfo, other: PodInfo, node: NodeInfo, delta: number): void {
    if (other.namespace !== pod.namespace || !node.node || !hasAllKeys(node.labels, this.constraints)) return;
    const aff = requiredMatcher(pod);
    this.constraints.forEach((c, i) => {
      if (!matches(c.selector, other.labels) || !includesNode(c, pod, node.node!, aff)) return;
      const v = node.labels[c.topologyKey]!;
      this.counts[i]!.set(v, (this.counts[i]!.get(v) ?? 0) + delta);
      this.mins[i] = undefined;
    });
  }

  clone(): SpreadFilterState {
    return new SpreadFilterState(
      this.constraints,
      this.counts.map((m) => new Map(m)),
    );
  }
}

/** calPreFilterState; null when the pod has no hard constraints (the plugin then skips). */
export function preFilterState(pod: PodInfo, h: Handle): SpreadFilterState | null {
  const constraints = getConstraints(pod, h, 'DoNotSchedule');
  if (!constraints.length) return null;
  const aff = requiredMatcher(pod);
  const counts = constraints.map(() => new Map<string, number>());
  // Every eligible node opens its domain, even with no matching pod in it.
  const eligible = constraints.map(() => new Set<NodeInfo>());
  for (const n of h.cache.list()) {
    if (!hasAllKeys(n.labels, constraints)) continue;
    constraints.forEach((c, i) => {
      if (!includesNode(c, pod, n.node!, aff)) return;
      eligible[i]!.add(n);
      const v = n.labels[c.topologyKey]!;
      if (!counts[i]!.has(v)) counts[i]!.set(v, 0);
    });
  }
  constraints.forEach((c, i) => {
    const perNode = new Map<NodeInfo, number>();
    h.cache.countMatching(c.selector, pod.namespace, perNode);
    for (const [n, k] of perNode) {
      if (!eligible[i]!.has(n)) continue;
      const v = n.labels[c.topologyKey]!;
      counts[i]!.set(v, counts[i]!.get(v)! + k);
    }
  });
  return new SpreadFilterState(constraints, counts);
}

/** Filter: 'existing matching' + 'self-match' − 'global minimum' ≤ maxSkew, per constraint. */
export function filterNode(s: SpreadFilterState, pod: PodInfo, node: NodeInfo): Status | null {
  for (let i = 0; i < s.constraints.length; i++) {
    const c = s.constraints[i]!;
    const v = node.labels[c.topologyKey];
    if (v === undefined) return REJECT_LABEL;
    const self = matches(c.selector, pod.labels) ? 1 : 0;
    const skew = (s.counts[i]!.get(v) ?? 0) + self - s.minMatch(i);
    if (skew > c.maxSkew) return REJECT;
  }
  return null;
}
