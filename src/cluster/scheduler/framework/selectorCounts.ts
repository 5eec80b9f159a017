/**
 * Matching-pod counts per node for (namespace, label selector) pairs — what PodTopologySpread
 * scores with — kept current as the cache places and removes pods, instead of re-matching every
 * pod of an app for every pod scheduled. An index is built on first use (from the label index)
 * and registered under one equality term of its selector (`app=web`): a placed pod only visits
 * the indexes registered under its own labels. Counts cover pods that are not terminating; whether
 * a node still exists is the reader's check (ghost nodes keep their pods until they go).
 */
import { equalityTerms, formatSelector, matches, type Selector } from '../../api/labels';
import type { NodeInfo } from './nodeInfo';
import type { NodeTable, TopologyColumn } from './nodeTable';
import type { PodInfo } from './podInfo';

/** Matching pods per topology value of existing nodes: totals[id], and nodes lacking the key. */
export interface DomainTotals {
  version: number;
  totals: Float64Array;
  missing: number;
}

export class SelectorCounts {
  /** Nodes with at least one matching pod, and how many (parallel arrays, unordered). */
  readonly nodes: NodeInfo[] = [];
  readonly counts: number[] = [];
  private at = new Map<NodeInfo, number>();
  total = 0;
  /** Per topology column asked about: totals kept current by add() while the table's labels hold. */
  private domains = new Map<TopologyColumn, DomainTotals>();

  constructor(
    readonly namespace: string,
    readonly selector: Selector,
    /** The `key=value` term this index is registered under. */
    readonly term: string,
    private readonly table: NodeTable,
    /** The index's key: namespace and selector string. */
    readonly name: string,
  ) {}

  /**
   * Matching pods per value of `col` over existing nodes. Example: zone a holds 3 matching pods,
   * zone b none → totals[id(a)] = 3, totals[id(b)] = 0. Rebuilt only after a node's value changed.
   */
  domainTotals(col: TopologyColumn): DomainTotals {
    let d = this.domains.get(col);
    if (d && d.version === this.table.labelVersion) return d;
    if (!d) this.domains.set(col, (d = { version: 0, totals: new Float64Array(0), missing: 0 }));
    d.version = this.table.labelVersion;
    d.totals = new Float64Array(col.values.length);
    d.missing = 0;
    for (let i = 0; i < this.nodes.length; i++) {
      const node = this.nodes[i]!;
      if (!node.node) continue;
      const id = col.ids[node.row]!;
      if (id < 0) d.missing += this.counts[i]!;
      else d.totals[id]! += this.counts[i]!;
    }
    return d;
  }

  matches(pi: PodInfo): boolean {
    return pi.namespace === this.namespace && !pi.terminating && matches(this.selector, pi.labels);
  }

  add(node: NodeInfo, delta: number): void {
    this.total += delta;
    if (this.domains.size && node.node)
      for (const [col, d] of this.domains) {
        if (d.version !== this.table.labelVersion) continue; // rebuilt when next read
        const id = col.ids[node.row]!;
        if (id < 0) d.missing += delta;
        else d.totals[id]! += delta;
      }
    const i = this.at.get(node);
    if (i === undefined) {
      this.at.set(node, this.nodes.length);
      this.nodes.push(node);
      this.counts.push(delta);
      return;
    }
    const n = this.counts[i]! + delta;
    if (n !== 0) {
      this.counts[i] = n;
      return;
    }
    // Swap-remove: order carries no meaning.
    const last = this.nodes.length - 1;
    const moved = this.nodes[last]!;
    this.nodes[i] = moved;
    this.counts[i] = this.counts[last]!;
    this.at.set(moved, i);
    this.nodes.pop();
    this.counts.pop();
    this.at.delete(node);
  }

  /** Matching pods on `node` (0 when none). */
  countOn(node: NodeInfo): number {
    const i = this.at.get(node);
    return i === undefined ? 0 : this.counts[i]!;
  }
}

/** Index names are the selector's string form, so a re-parsed (equal) selector finds its index. */
const selectorStrings = new WeakMap<Selector, string>();
function selectorString(sel: Selector): string {
  let s = selectorStrings.get(sel);
  if (s === undefined) selectorStrings.set(sel, (s = formatSelector(sel)));
  return s;
}

export class SelectorCountIndex {
  private byName = new Map<string, SelectorCounts>();
  private byTerm = new Map<string, SelectorCounts[]>();
  private bySelector = new WeakMap<Selector, SelectorCounts>();

  /** Indexes kept at most; past it the least useful (emptiest) are dropped and rebuilt on demand. */
  constructor(
    private readonly table: NodeTable,
    private readonly limit = 20_000,
  ) {}

  get size(): number {
    return this.byName.size;
  }

  /**
   * The counts for `sel` in `ns`, built from `candidates` (pods that may match, with their nodes)
   * on first use; null when the selector has no equality term to register under (callers count
   * by scanning then).
   */
  get(sel: Selector, ns: string, build: (sel: Selector) => Iterable<[PodInfo, NodeInfo]>): SelectorCounts | null {
    // Shared selectors (one per ReplicaSet object) find their index by identity, without a string key.
    const known = this.bySelector.get(sel);
    if (known && known.namespace === ns && this.byName.get(known.name) === known) return known;
    const name = `${ns}\n${selectorString(sel)}`;
    let c = this.byName.get(name);
    if (c) {
      this.bySelector.set(sel, c);
      return c;
    }
    const terms = equalityTerms(sel);
    if (terms.length === 0) return null;
    if (this.byName.size >= this.limit) this.evict();
    c = new SelectorCounts(ns, sel, `${terms[0]![0]}=${terms[0]![1]}`, this.table, name);
    for (const [pi, node] of build(sel)) if (c.matches(pi)) c.add(node, 1);
    this.byName.set(name, c);
    this.bySelector.set(sel, c);
    let list = this.byTerm.get(c.term);
    if (!list) this.byTerm.set(c.term, (list = []));
    list.push(c);
    return c;
  }

  /** A pod was placed on (+1) or removed from (−1) `node`. */
  onPod(pi: PodInfo, node: NodeInfo, delta: 1 | -1): void {
    if (this.byName.size === 0) return;
    for (const k in pi.labels) {
      const list = this.byTerm.get(`${k}=${pi.labels[k]}`);
      if (list) for (const c of list) if (c.matches(pi)) c.add(node, delta);
    }
  }

  // Empty indexes go first, then the oldest; a dropped index is rebuilt when next asked for.
  private evict(): void {
    for (const [name, c] of this.byName) if (c.total === 0) this.drop(name, c);
    for (const [name, c] of this.byName) {
      if (this.byName.size < this.limit * 0.9) return;
      this.drop(name, c);
    }
  }

  private drop(name: string, c: SelectorCounts): void {
    this.byName.delete(name);
    const list = this.byTerm.get(c.term)!;
    list.splice(list.indexOf(c), 1);
    if (list.length === 0) this.byTerm.delete(c.term);
  }
}
