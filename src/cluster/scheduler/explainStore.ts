/**
 * The explanations' storage: per pod uid, compact (node names are shared strings, plugin lists and
 * histograms interned), bounded by a budget of node entries past which the oldest keep only their
 * summary and chosen node, and dropped when the pod is deleted.
 */
import { rfc3339 } from '../sim/clock';
import type { AttemptReport, Explanation, NodeVerdict } from './explain';
import { reasonHistogram } from './framework/fitError';
import type { NodeToStatus } from './framework/nodeToStatus';
import { CODE_NAMES } from './framework/types';

type Base = Omit<Explanation, 'nodes' | 'histogram' | 'truncated' | 'time'>;

interface Stored extends Base {
  time: number;
  /** The attempt's own (fresh) status map, kept by reference until compacted. */
  failed?: NodeToStatus;
  plugins: readonly string[];
  /** Feasible nodes kept with a breakdown: all when few passed, else the best (chosen first). */
  names: string[];
  totals: number[];
  /** names.length × plugins weighted scores, row-major. */
  scores: number[];
  /** The filter-verdict histogram (FitError arithmetic), interned. */
  histogram?: readonly string[];
  truncated: boolean;
  entries: number;
}

/** Feasible nodes up to which every node keeps its per-plugin breakdown. */
const DETAIL_ALL = 100;
/** Otherwise: the best nodes kept with a breakdown (plus the chosen one). */
const DETAIL_TOP = 20;
/** What one record costs against the budget besides its node entries. */
const RECORD_COST = 16;
const NO_NODES: readonly { name: string }[] = [];

export class ExplainStore {
  private byUid = new Map<string, Stored>();
  /** Records still holding per-node lists, oldest first. */
  private detailed = new Map<string, Stored>();
  private entries = 0;
  /** Interned lists: plugin names, skipped sets and histograms repeat across pods. */
  private interned = new Map<string, readonly string[]>();
  private skippedSets = new Map<string, Base['skipped']>();
  private namesByList = new WeakMap<readonly object[], readonly string[]>();
  private skippedByIdentity = new WeakMap<ReadonlySet<string>, WeakMap<ReadonlySet<string>, Base['skipped']>>();

  /**
   * `budget`: node entries (plus a fixed cost per pod) kept in full; beyond it the oldest
   * explanations keep their summary and the chosen node only. Deleted pods are dropped.
   */
  constructor(private readonly budget = 400_000) {}

  record(r: AttemptReport): void {
    this.drop(r.uid);
    const feasible = r.feasible ?? NO_NODES;
    const n = feasible.length;
    const t = r.table;
    const plugins = t && n > 1 ? this.pluginNames(t.plugins) : [];
    const np = plugins.length;
    // Large attempts keep only their best nodes: retaining 500-entry lists per pod would make
    // every explanation a long-lived allocation the garbage collector keeps copying.
    let picked: number[] = [];
    if (n <= DETAIL_ALL) for (let i = 0; i < n; i++) picked.push(i);
    else if (np) picked = bestIndexes(t!.totals, n, DETAIL_TOP, r.hostIndex ?? (r.node ? feasible.findIndex((f) => f.name === r.node) : -1));
    const totals: number[] = new Array(np ? picked.length : 0);
    const scores: number[] = new Array(np * picked.length);
    if (np)
      for (let k = 0; k < picked.length; k++) {
        const i = picked[k]!;
        totals[k] = t!.totals[i]!;
        for (let p = 0; p < np; p++) scores[k * np + p] = t!.scores[p]![i]!;
      }
    const failedCount = r.failed?.size ?? 0;
    const s: Stored = {
      namespace: r.namespace,
      name: r.name,
      uid: r.uid,
      attempts: r.attempts,
      result: r.result,
      node: r.node,
      message: r.message,
      totalNodes: r.totalNodes,
      evaluatedNodes: failedCount + n,
      feasibleNodes: n,
      preFilter: r.preFilter ? { plugin: r.preFilter.plugin, message: r.preFilter.message() } : undefined,
      nominatedNode: r.nominatedNode,
      victims: r.victims,
      skipped: this.skipped(r.skippedFilter, r.skippedScore),
      time: r.now,
      failed: r.failed,
      plugins,
      names: picked.map((i) => feasible[i]!.name),
      totals,
      scores,
      truncated: false,
      entries: failedCount + picked.length + RECORD_COST,
    };
    // Nodes never examined only count when the pod was not placed (the FitError's arithmetic).
    if (r.failed && r.result !== 'Scheduled') s.histogram = this.intern(reasonHistogram(r.failed, r.totalNodes));
    this.byUid.set(r.uid, s);
    this.detailed.set(r.uid, s);
    this.entries += s.entries;
    if (this.entries > this.budget) this.enforceBudget();
  }

  /** The plugins' names, shared per plugin list (runners reuse their lists). */
  private pluginNames(plugins: readonly { name: string }[]): readonly string[] {
    let names = this.namesByList.get(plugins);
    if (!names) this.namesByList.set(plugins, (names = this.intern(plugins.map((p) => p.name))));
    return names;
  }

  private intern(list: string[]): readonly string[] {
    const key = list.join('\n');
    let l = this.interned.get(key);
    if (!l) {
      if (this.interned.size >= 10_000) return list;
      this.interned.set(key, (l = list));
    }
    return l;
  }

  private skipped(filter?: ReadonlySet<string>, score?: ReadonlySet<string>): Base['skipped'] {
    // Runners share skip sets between cycles: look them up by identity first.
    if (filter && score) {
      let byScore = this.skippedByIdentity.get(filter);
      if (!byScore) this.skippedByIdentity.set(filter, (byScore = new WeakMap()));
      let v = byScore.get(score);
      if (!v) byScore.set(score, (v = this.skippedByContent(filter, score)));
      return v;
    }
    return this.skippedByContent(filter, score);
  }

  private skippedByContent(filter?: ReadonlySet<string>, score?: ReadonlySet<string>): Base['skipped'] {
    const f = [...(filter ?? [])];
    const sc = [...(score ?? [])];
    const key = `${f.join(',')}|${sc.join(',')}`;
    let v = this.skippedSets.get(key);
    if (!v) {
      v = { filter: f, score: sc };
      if (this.skippedSets.size < 1000) this.skippedSets.set(key, v);
    }
    return v;
  }

  /** Forget a deleted pod. */
  drop(uid: string): void {
    const s = this.byUid.get(uid);
    if (!s) return;
    this.entries -= s.entries;
    this.byUid.delete(uid);
    this.detailed.delete(uid);
  }

  get size(): number {
    return this.byUid.size;
  }

  /** The explanation of the pod with this uid (callers resolve names through the API). */
  explain(uid: string): Explanation | undefined {
    const s = this.byUid.get(uid);
    return s ? render(s) : undefined;
  }

  // Oldest first (Map order = insertion order; a new attempt re-inserts).
  private enforceBudget(): void {
    for (const [uid, s] of this.detailed) {
      if (this.entries <= this.budget * 0.9) return;
      this.compact(s);
      this.detailed.delete(uid);
    }
  }

  /** Keep the summary and the chosen (or best) node's breakdown; drop the per-node lists. */
  private compact(s: Stored): void {
    s.histogram ??= this.intern(histogramOf(s));
    const np = s.plugins.length;
    const k = Math.max(0, s.node ? s.names.indexOf(s.node) : 0);
    if (s.names.length > 1) {
      s.names = s.names.slice(k, k + 1);
      s.totals = s.totals.slice(k, k + 1);
      s.scores = s.scores.slice(k * np, k * np + np);
    }
    s.failed = undefined;
    s.truncated = true;
    this.entries -= s.entries - s.names.length - RECORD_COST;
    s.entries = s.names.length + RECORD_COST;
  }
}

function histogramOf(s: Stored): string[] {
  const counts = new Map<string, number>();
  for (const [, st] of s.failed?.entries() ?? []) for (const r of st.reasons) counts.set(r, (counts.get(r) ?? 0) + 1);
  return [...counts].map(([r, c]) => `${c} ${r}`).sort();
}

/** The best `k` indexes by total (one linear pass, insertion into a fixed array), the chosen one first. */
function bestIndexes(totals: Float64Array, n: number, k: number, chosen: number): number[] {
  const top: number[] = new Array(k);
  let len = 0;
  for (let i = 0; i < n; i++) {
    if (i === chosen) continue;
    const t = totals[i]!;
    if (len === k && t <= totals[top[k - 1]!]!) continue;
    let j = len < k ? len++ : k - 1;
    while (j > 0 && totals[top[j - 1]!]! < t) {
      top[j] = top[j - 1]!;
      j--;
    }
    top[j] = i;
  }
  top.length = len;
  if (chosen >= 0) top.unshift(chosen);
  return top;
}

function render(s: Stored): Explanation {
  const nodes: NodeVerdict[] = [];
  for (const [node, st] of s.failed?.entries() ?? [])
    nodes.push({ node, feasible: false, plugin: st.plugin || undefined, code: CODE_NAMES[st.code], reasons: [...st.reasons] });
  const np = s.plugins.length;
  const rows = s.names.map((_, k) => k);
  if (np) rows.sort((a, b) => s.totals[b]! - s.totals[a]!);
  for (const k of rows) {
    const v: NodeVerdict = { node: s.names[k]!, feasible: true };
    if (np) {
      v.scores = {};
      s.plugins.forEach((p, j) => (v.scores![p] = s.scores[k * np + j]!));
      v.total = s.totals[k]!;
    }
    nodes.push(v);
  }
  return {
    namespace: s.namespace,
    name: s.name,
    uid: s.uid,
    attempts: s.attempts,
    time: rfc3339(s.time),
    result: s.result,
    node: s.node,
    message: s.message,
    totalNodes: s.totalNodes,
    evaluatedNodes: s.evaluatedNodes,
    feasibleNodes: s.feasibleNodes,
    preFilter: s.preFilter,
    nominatedNode: s.nominatedNode,
    victims: s.victims,
    skipped: { filter: [...s.skipped.filter], score: [...s.skipped.score] },
    histogram: [...(s.histogram ?? histogramOf(s))],
    nodes,
    ...(s.truncated ? { truncated: true } : {}),
  };
}
