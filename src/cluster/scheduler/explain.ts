/**
 * "Why is my pod Pending / why did it land there?": the scheduler's own account of each pod's last
 * attempt — every evaluated node's filter verdict (plugin + reasons), every feasible node's
 * weighted score per plugin, the choice, and the FitError. Stored per pod uid by ExplainStore
 * (explainStore.ts), bounded in memory and dropped when the pod is deleted.
 */
import type { NodeToStatus } from './framework/nodeToStatus';
import type { ScoreTable } from './framework/runner';
import type { Status } from './framework/types';

export { ExplainStore } from './explainStore';

export interface NodeVerdict {
  node: string;
  /** Passed every filter. */
  feasible: boolean;
  /** The rejecting plugin and its reasons. */
  plugin?: string;
  code?: string;
  reasons?: string[];
  /**
   * Weighted score per plugin (normalized score × weight) and their total — for every feasible
   * node when at most 100 passed, otherwise for the 20 best and the chosen one.
   */
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
  /**
   * Rejected nodes, then feasible nodes best first. When more than 100 nodes passed, only the 20
   * best and the chosen one are listed (feasibleNodes still counts them all).
   */
  nodes: NodeVerdict[];
  /** Per-node detail dropped to keep memory bounded (the summary and the chosen node remain). */
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
  feasible?: readonly { name: string }[];
  /** The chosen node's index in `feasible`, when known. */
  hostIndex?: number;
  table?: ScoreTable;
  preFilter?: Status;
  nominatedNode?: string;
  victims?: string[];
  skippedFilter?: ReadonlySet<string>;
  skippedScore?: ReadonlySet<string>;
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
