/**
 * "Why is my pod Pending / why did it land there?": the scheduler's own account of each pod's last
 * attempt — every evaluated node's filter verdict (plugin + reasons), every feasible node's
 * weighted score per plugin, the choice, and the FitError. Kept in memory per pod uid, compactly
 * (node names are shared strings, scores a Uint16Array), dropped when the pod is deleted, and
 * bounded: past a budget of stored node entries the oldest explanations keep only a summary.
 */
import { rfc3339 } from '../sim/clock';
import { reasonHistogram } from './framework/fitError';
import type { NodeToStatus } from './framework/nodeToStatus';
import type { NodeInfo } from './framework/nodeInfo';
import type { ScoreTable } from './framework/runner';
import { CODE_NAMES, type Status } from './framework/types';

export interface NodeVerdict {
  node: string;
  /** Passed every filter. */
  feasible: boolean;
  /** The rejecting plugin and its reasons. */
  plugin?: string;
  code?: string;
  reasons?: string[];
  /** Weighted score per plugin (normalized score × weight) and their sum. */
  scores?: Record<string, number>;
  total?: number;
}

export interface Explanation {
  namespace: string;
  name: string;
  uid: string;
  attempts: number;
  /** When the last attempt ran (RFC 3339). */
  time: string;
  result: 'Scheduled' | 'Unschedulable' | 'Error' | 'Gated';
  node?: string;
  /** The FitError (or error) message of a failed attempt; the gate message of a gated pod. */
  message?: string;
  totalNodes: number;
  /** Nodes examined (percentageOfNodesToScore may stop early) and how many passed. */
  evaluatedNodes: number;
  feasibleNodes: number;
  preFilter?: { plugin: string; message: string };
  nominatedNode?: string;
  victims?: string[];
  /** Plugins that took no part in this pod's attempt (PreFilter / PreScore returned Skip). */
  skipped: { filter: string[]; score: string[] };
  /** Filter verdict histogram, as in the FitError. */
  histogram: string[];
  /** Rejected nodes, then feasible nodes best first. */
  nodes: NodeVerdict[];
  /** Per-node detail dropped to keep memory bounded (summary and top nodes remain). */
  truncated?: boolean;
}

/** What the scheduler reports after each attempt. */
export interface AttemptReport {
  uid: string;
  namespace: string;
  name: string;
  attempts: number;
  now: number;
  result: Explanation['result'];
  node?: string;
  message?: string;
  totalNodes: number;
  failed?: NodeToStatus;
  feasible?: readonly NodeInfo[];
  table?: ScoreTable;
  preFilter?: Status;
  nominatedNode?: string;
  victims?: string[];
  skippedFilter?: ReadonlySet<string>;
  skippedScore?: ReadonlySet<string>;
}

interface Stored {
  base: Omit<Explanation, 'nodes' | 'histogram' | 'truncated'>;
  failedNames: string[];
  failedStatuses: Status[];
  absent?: Status;
  feasibleNames: string[];
  plugins: string[];
  /** feasible × plugins weighted scores, row-major. */
  scores: Uint16Array;
  histogram?: string[];
  truncated: boolean;
  entries: number;
}

const TOP_KEPT = 5;

export class ExplainStore {
  private byUid = new Map<string, Stored>();
  private byName = new Map<string, string>();
  private entries = 0;

  /** `budget`: node entries kept in full across all pods. */
  constructor(private readonly budget = 1_000_000) {}

  record(r: AttemptReport): void {
    this.drop(r.uid);
    const feasible = r.feasible ?? [];
    const t = r.table;
    const plugins = t && feasible.length > 1 ? t.plugins.map((p) => p.name) : [];
    const scores = new Uint16Array(plugins.length * feasible.length);
    for (let p = 0; p < plugins.length; p++) {
      const col = t!.scores[p]!;
      for (let i = 0; i < feasible.length; i++) scores[i * plugins.length + p] = col[i]!;
    }
    const failedNames: string[] = [];
    const failedStatuses: Status[] = [];
    if (r.failed) for (const [n, s] of r.failed.entries()) (failedNames.push(n), failedStatuses.push(s));
    const s: Stored = {
      base: {
        namespace: r.namespace,
        name: r.name,
        uid: r.uid,
        attempts: r.attempts,
        time: rfc3339(r.now),
        result: r.result,
        node: r.node,
        message: r.message,
        totalNodes: r.totalNodes,
        evaluatedNodes: failedNames.length + feasible.length,
        feasibleNodes: feasible.length,
        preFilter: r.preFilter ? { plugin: r.preFilter.plugin, message: r.preFilter.message() } : undefined,
        nominatedNode: r.nominatedNode,
        victims: r.victims,
        skipped: { filter: [...(r.skippedFilter ?? [])], score: [...(r.skippedScore ?? [])] },
      },
      failedNames,
      failedStatuses,
      absent: r.failed && r.failed.size < r.totalNodes && r.result !== 'Scheduled' ? r.failed.absent : undefined,
      feasibleNames: feasible.map((n) => n.name),
      plugins,
      scores,
      truncated: false,
      entries: failedNames.length + feasible.length,
    };
    if (s.absent) s.histogram = reasonHistogram(r.failed!, r.totalNodes);
    this.byUid.set(r.uid, s);
    this.byName.set(`${r.namespace}/${r.name}`, r.uid);
    this.entries += s.entries;
    this.enforceBudget();
  }

  /** Forget a deleted pod. */
  drop(uid: string): void {
    const s = this.byUid.get(uid);
    if (!s) return;
    this.entries -= s.entries;
    this.byUid.delete(uid);
    const key = `${s.base.namespace}/${s.base.name}`;
    if (this.byName.get(key) === uid) this.byName.delete(key);
  }

  get size(): number {
    return this.byUid.size;
  }

  explain(namespace: string, name: string): Explanation | undefined {
    const uid = this.byName.get(`${namespace}/${name}`);
    const s = uid ? this.byUid.get(uid) : undefined;
    return s ? render(s) : undefined;
  }

  // Oldest first (Map order = insertion order; a new attempt re-inserts).
  private enforceBudget(): void {
    if (this.entries <= this.budget) return;
    for (const s of this.byUid.values()) {
      if (this.entries <= this.budget * 0.9) return;
      if (!s.truncated) this.compact(s);
    }
  }

  private compact(s: Stored): void {
    s.histogram ??= histogramOf(s);
    const keep = topIndexes(s, TOP_KEPT);
    const np = s.plugins.length;
    const scores = new Uint16Array(keep.length * np);
    keep.forEach((i, k) => scores.set(s.scores.subarray(i * np, i * np + np), k * np));
    s.feasibleNames = keep.map((i) => s.feasibleNames[i]!);
    s.scores = scores;
    s.failedNames = [];
    s.failedStatuses = [];
    s.truncated = true;
    this.entries -= s.entries - keep.length;
    s.entries = keep.length;
  }
}

function histogramOf(s: Stored): string[] {
  const counts = new Map<string, number>();
  for (const st of s.failedStatuses) for (const r of st.reasons) counts.set(r, (counts.get(r) ?? 0) + 1);
  return [...counts].map(([r, c]) => `${c} ${r}`).sort();
}

function totalOf(s: Stored, i: number): number {
  let t = 0;
  for (let p = 0; p < s.plugins.length; p++) t += s.scores[i * s.plugins.length + p]!;
  return t;
}

/** Indexes of the best `k` feasible nodes (the chosen node always first). */
function topIndexes(s: Stored, k: number): number[] {
  const idx = s.feasibleNames.map((_, i) => i).sort((a, b) => totalOf(s, b) - totalOf(s, a));
  const chosen = s.feasibleNames.indexOf(s.base.node ?? '');
  const out = chosen >= 0 ? [chosen, ...idx.filter((i) => i !== chosen)] : idx;
  return out.slice(0, k);
}

function render(s: Stored): Explanation {
  const nodes: NodeVerdict[] = [];
  s.failedNames.forEach((node, i) => {
    const st = s.failedStatuses[i]!;
    nodes.push({ node, feasible: false, plugin: st.plugin || undefined, code: CODE_NAMES[st.code], reasons: [...st.reasons] });
  });
  const order = s.feasibleNames.map((_, i) => i);
  if (s.plugins.length) order.sort((a, b) => totalOf(s, b) - totalOf(s, a));
  for (const i of order) {
    const v: NodeVerdict = { node: s.feasibleNames[i]!, feasible: true };
    if (s.plugins.length) {
      v.scores = {};
      s.plugins.forEach((p, j) => (v.scores![p] = s.scores[i * s.plugins.length + j]!));
      v.total = totalOf(s, i);
    }
    nodes.push(v);
  }
  return { ...s.base, histogram: s.histogram ?? histogramOf(s), nodes, ...(s.truncated ? { truncated: true } : {}) };
}

/** One scheduler's explanations, as the lead serves them over the API. */
export interface SchedulerExplainer {
  explainPod(namespace: string, name: string): Explanation | undefined;
}

// Keyed by the cluster's ApiServer, so several clusters in one process (tests) stay apart.
const explainers = new WeakMap<object, SchedulerExplainer>();
let latest: SchedulerExplainer | undefined;

/** Called by the scheduler when it starts. */
export function registerExplainer(api: object, e: SchedulerExplainer): void {
  explainers.set(api, e);
  latest = e;
}

/** The explainer of the scheduler running against `api` (a Cluster's `api`), if one runs. */
export function getSchedulerExplainer(api: object): SchedulerExplainer | undefined {
  return explainers.get(api);
}

/**
 * The explanation of a pod's last scheduling attempt: from the scheduler of `api` when given,
 * otherwise from the most recently started scheduler.
 */
export function explainPod(namespace: string, name: string, api?: object): Explanation | undefined {
  return (api ? explainers.get(api) : latest)?.explainPod(namespace, name);
}
