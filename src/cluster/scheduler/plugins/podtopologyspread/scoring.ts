/**
 * PodTopologySpread PreScore/Score/NormalizeScore: soft (ScheduleAnyway) constraints, including
 * the system defaults. A node scores the matching pods already in its domains (weighted by
 * log(domains + 2), plus maxSkew − 1); normalization turns "fewest" into 100.
 *
 * Counts are kept by table row and by interned topology value (the cache's NodeTable), so Score
 * is a few array reads per node; matching pods come from the cache's label index.
 */
import type { Handle } from '../../framework/handle';
import type { NodeInfo } from '../../framework/nodeInfo';
import type { TopologyColumn } from '../../framework/nodeTable';
import type { SelectorCounts } from '../../framework/selectorCounts';
import type { PodInfo } from '../../framework/podInfo';
import { MAX_NODE_SCORE, type NodeRows } from '../../framework/types';
import { LabelHostname, getConstraints, includesNode, requiredMatcher, type Constraint } from './constraints';

export interface SpreadScoreState {
  constraints: readonly Constraint[];
  /** Explicit constraints: nodes missing a topology key are ignored (score 0, left out of normalization). */
  requireAll: boolean;
  /** Per constraint, the topology value column of the cache's table. */
  columns: TopologyColumn[];
  /**
   * Non-hostname constraints: matching pods per domain slot (domainSlot); -1 marks values no
   * candidate node has. null for hostname constraints.
   */
  domainCounts: (number[] | null)[];
  /** Hostname constraints: matching pods per table row (null for the others). */
  hostCounts: (Float64Array | null)[];
  weights: number[];
  /** Per constraint, ids of the topology column (the columns' `ids`, read per node). */
  ids: Int32Array[];
  /** Non-hostname constraints: each domain's score term, count × weight + (maxSkew − 1). */
  domainScores: (number[] | null)[];
}

/** topologyNormalizingWeight: log(size + 2). */
export const normalizingWeight = (size: number): number => Math.log(size + 2);

/** Per-plugin scratch: matching pods per row for a hostname constraint, zeroed lazily. */
export class HostCounts {
  counts = new Float64Array(0);
  // Rows written since the last reset (a typed array: truncating a JS array would free its store).
  private touched = new Int32Array(64);
  private nTouched = 0;

  reset(rows: number): Float64Array {
    if (this.counts.length < rows) this.counts = new Float64Array(Math.max(rows, 2 * this.counts.length));
    for (let i = 0; i < this.nTouched; i++) this.counts[this.touched[i]!] = 0;
    this.nTouched = 0;
    return this.counts;
  }

  add(row: number, k: number): void {
    if (this.counts[row] === 0) {
      if (this.nTouched === this.touched.length) {
        const grown = new Int32Array(2 * this.touched.length);
        grown.set(this.touched);
        this.touched = grown;
      }
      this.touched[this.nTouched++] = row;
    }
    this.counts[row]! += k;
  }
}

/**
 * A node's domain slot: its value's id; a node without the label has value "" as upstream's
 * node.Labels[key] does (the id of "" if some node carries it, else the extra last slot).
 */
function domainSlot(col: TopologyColumn, row: number): number {
  const v = row >= 0 ? col.ids[row]! : -1;
  return v >= 0 ? v : (col.byValue.get('') ?? col.values.length);
}

/** Whether the row lacks one of the constraints' topology keys (explicit constraints then ignore it). */
function missingKey(s: SpreadScoreState, row: number): boolean {
  for (const c of s.columns) if (c.ids[row]! < 0) return true;
  return false;
}

/** Matching pods per node (parallel arrays; ghost nodes included, callers skip them). */
interface PerNode {
  nodes: readonly NodeInfo[];
  counts: readonly number[];
  /** The cache's incremental counts, when the selector has them. */
  kept: SelectorCounts | null;
}

/** The cache's incremental counts, or (a selector without an equality term) a count over the pods. */
function matchingPerNode(h: Handle, sel: Constraint['selector'], ns: string): PerNode {
  const kept = sel.length ? h.cache.countsFor(sel, ns) : null;
  if (kept) return { nodes: kept.nodes, counts: kept.counts, kept };
  const m = new Map<NodeInfo, number>();
  const list: NodeInfo[] = [];
  h.cache.matchingPodNodes(sel, ns, list);
  for (const n of list) m.set(n, (m.get(n) ?? 0) + 1);
  return { nodes: [...m.keys()], counts: [...m.values()], kept: null };
}

/** initPreScoreState + the all-node count; null = no soft constraints (Skip). */
export function preScoreState(pod: PodInfo, filtered: readonly NodeInfo[], rows: NodeRows, h: Handle, scratch: HostCounts): SpreadScoreState | null {
  const constraints = getConstraints(pod, h, 'ScheduleAnyway');
  if (!constraints.length) return null;
  const table = rows.table;
  const idx = rows.idx;
  const n = filtered.length;
  const s: SpreadScoreState = {
    constraints,
    // System-default spreading tolerates nodes without a zone label; explicit constraints don't.
    requireAll: (pod.pod.spec?.topologySpreadConstraints ?? []).length > 0,
    columns: constraints.map((c) => table.topology(c.topologyKey)),
    domainCounts: [],
    hostCounts: [],
    weights: [],
    ids: [],
    domainScores: [],
  };
  s.ids = s.columns.map((c) => c.ids);
  let considered = n;
  const ignored = s.requireAll ? new Uint8Array(n) : null;
  if (ignored)
    for (let i = 0; i < n; i++)
      if (missingKey(s, idx[i]!)) {
        ignored[i] = 1;
        considered--;
      }
  // Domains: the values of the candidate (non-ignored) nodes.
  for (let ci = 0; ci < constraints.length; ci++) {
    if (constraints[ci]!.topologyKey === LabelHostname) {
      s.domainCounts.push(null);
      s.weights.push(normalizingWeight(considered));
      continue;
    }
    const col = s.columns[ci]!;
    // Plain arrays: a few zones each, and cheaper to allocate than typed arrays.
    const counts: number[] = new Array<number>(col.values.length + 1).fill(-1);
    const ids = col.ids;
    const none = domainSlot(col, -1);
    let size = 0;
    for (let i = 0; i < n; i++) {
      if (ignored !== null && ignored[i]) continue;
      const v = ids[idx[i]!]!;
      const d = v >= 0 ? v : none;
      if (counts[d] === -1) {
        counts[d] = 0;
        // Every domain the cluster has is present: the remaining nodes can add none.
        if (++size === col.distinct) break;
      }
    }
    s.domainCounts.push(counts);
    s.weights.push(normalizingWeight(size));
  }
  // Matching pods per constraint (constraints sharing a selector, like the two defaults, share it).
  const aff = requiredMatcher(pod);
  let scratchUsed = false;
  let listed: Constraint['selector'] | undefined;
  let perNode: PerNode = { nodes: [], counts: [], kept: null };
  for (let ci = 0; ci < constraints.length; ci++) {
    const c = constraints[ci]!;
    if (c.selector !== listed) {
      perNode = matchingPerNode(h, c.selector, pod.namespace);
      listed = c.selector;
    }
    const { nodes, counts: per } = perNode;
    if (c.topologyKey === LabelHostname) {
      // Score counts a node's own matching pods, whatever the inclusion policies.
      const prev = constraints.findIndex((o, j) => j < ci && o.topologyKey === LabelHostname && o.selector === c.selector);
      if (prev >= 0) {
        s.hostCounts.push(s.hostCounts[prev]!);
        continue;
      }
      let counts: Float64Array;
      if (!scratchUsed) {
        scratchUsed = true;
        counts = scratch.reset(table.size);
        for (let i = 0; i < nodes.length; i++) if (nodes[i]!.node) scratch.add(nodes[i]!.row, per[i]!);
      } else {
        counts = new Float64Array(table.size);
        for (let i = 0; i < nodes.length; i++) if (nodes[i]!.node) counts[nodes[i]!.row]! += per[i]!;
      }
      s.hostCounts.push(counts);
      continue;
    }
    s.hostCounts.push(null);
    const col = s.columns[ci]!;
    const counts = s.domainCounts[ci]!;
    if (perNode.kept && aff === null && !c.honorTaints && !s.requireAll) {
      // Every node counts: the cache's per-domain totals (kept as pods come and go) are the counts.
      const dt = perNode.kept.domainTotals(col);
      const none = domainSlot(col, -1);
      for (let d = 0; d < counts.length; d++)
        if (counts[d]! >= 0) counts[d] = (d < dt.totals.length ? dt.totals[d]! : 0) + (d === none ? dt.missing : 0);
      continue;
    }
    for (let i = 0; i < nodes.length; i++) {
      const node = nodes[i]!;
      const r = node.row;
      if (!node.node || (s.requireAll && missingKey(s, r))) continue;
      if (!includesNode(c, pod, node.node, aff)) continue;
      const d = domainSlot(col, r);
      if (counts[d]! >= 0) counts[d]! += per[i]!;
    }
  }
  // Score terms per domain, so Score reads one number per constraint and node.
  for (let ci = 0; ci < constraints.length; ci++) {
    const counts = s.domainCounts[ci];
    if (!counts) {
      s.domainScores.push(null);
      continue;
    }
    const w = s.weights[ci]!;
    const k = constraints[ci]!.maxSkew - 1;
    const scores: number[] = new Array<number>(counts.length);
    for (let d = 0; d < counts.length; d++) scores[d] = (counts[d]! > 0 ? counts[d]! : 0) * w + k;
    s.domainScores.push(scores);
  }
  return s;
}

/** Score of the node in table row `row`: Σ over constraints of count × weight + (maxSkew − 1), rounded. */
export function scoreRow(s: SpreadScoreState, row: number): number {
  if (s.requireAll && missingKey(s, row)) return 0;
  let score = 0;
  const ids = s.ids;
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i]![row]!;
    if (id < 0) continue; // the node lacks the key
    const host = s.hostCounts[i];
    score += host ? host[row]! * s.weights[i]! + (s.constraints[i]!.maxSkew - 1) : s.domainScores[i]![id]!;
  }
  return Math.round(score);
}

/** scoreRow for rows idx[0..n) into out, constraint by constraint (the same sums, in the same order). */
export function scoreRows(s: SpreadScoreState, idx: Int32Array, out: Float64Array, n: number): void {
  out.fill(0, 0, n);
  for (let c = 0; c < s.ids.length; c++) {
    const ids = s.ids[c]!;
    const host = s.hostCounts[c];
    if (host) {
      const w = s.weights[c]!;
      const k = s.constraints[c]!.maxSkew - 1;
      for (let i = 0; i < n; i++) {
        const r = idx[i]!;
        if (ids[r]! >= 0) out[i] += host[r]! * w + k;
      }
    } else {
      const terms = s.domainScores[c]!;
      for (let i = 0; i < n; i++) {
        const id = ids[idx[i]!]!;
        if (id >= 0) out[i] += terms[id]!;
      }
    }
  }
  for (let i = 0; i < n; i++) out[i] = s.requireAll && missingKey(s, idx[i]!) ? 0 : Math.round(out[i]!);
}

/** NormalizeScore: MaxNodeScore × (max + min − score) / max; ignored nodes get 0. */
export function normalize(s: SpreadScoreState, scores: Float64Array, n: number, nodes: readonly NodeInfo[]): null {
  let ignored: Uint8Array | null = null;
  if (s.requireAll) {
    ignored = new Uint8Array(n);
    for (let i = 0; i < n; i++) if (missingKey(s, nodes[i]!.row)) ignored[i] = 1;
  }
  let min = Infinity;
  let max = 0;
  for (let i = 0; i < n; i++) {
    if (ignored !== null && ignored[i]) continue;
    const v = scores[i]!;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  for (let i = 0; i < n; i++) {
    if (ignored !== null && ignored[i]) scores[i] = 0;
    else if (max === 0) scores[i] = MAX_NODE_SCORE;
    else scores[i] = Math.trunc((MAX_NODE_SCORE * (max + min - scores[i]!)) / max);
  }
  return null;
}
