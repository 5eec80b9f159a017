/** The state one Job sync works on, and the plan it hands to the shell. */
import type { KObject } from '../../api/types';
import type { BackoffRecord } from './backoff';
import type { JobCondition } from './conditions';
import type { Intervals } from './intervals';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

export interface JobEvent {
  type: 'Normal' | 'Warning';
  reason: string;
  message: string;
}

/** What syncJob reads: the job, its (claimed) pods, the remembered back-off and the time. */
export interface JobInput {
  job: KObject;
  pods: KObject[];
  backoff: BackoffRecord;
  now: number;
}

/** syncJobCtx: the working state of one sync. `status` is a mutable copy of job.status. */
export interface SyncCtx {
  job: KObject;
  status: Json;
  pods: KObject[];
  activePods: KObject[];
  now: number;
  succeeded: number;
  failed: number;
  ready: number;
  terminating: number;
  uncounted: { succeeded: Set<string>; failed: Set<string> };
  prevSucceededIndexes: Intervals;
  succeededIndexes: Intervals;
  failedIndexes?: Intervals;
  delayed: Map<number, KObject>;
  backoff: BackoffRecord;
  finished?: JobCondition;
}

/**
 * The writes of one sync, in order: pod deletions and creations, a first status write (new
 * uncounted pods, interim conditions), tracking-finalizer removals, a final status write (counters,
 * terminal condition) and the events that follow it.
 */
export interface JobPlan {
  /** `dropFinalizer`: remove the tracking finalizer before deleting (excess/suspended pods). */
  deletes: { pod: KObject; dropFinalizer: boolean }[];
  creates: KObject[];
  /** Events recorded during the sync (Suspended, Resumed, UnknownCompletionMode). */
  events: JobEvent[];
  flush?: Json;
  removeFinalizers: KObject[];
  final?: Json;
  /** Events recorded after the final write (Completed, BackoffLimitExceeded…). */
  finishEvents: JobEvent[];
  /** The back-off record to remember (set when the first status write happens). */
  storeBackoff?: BackoffRecord;
  dropBackoff: boolean;
  requeueAfterMs?: number;
}

export function emptyPlan(): JobPlan {
  return { deletes: [], creates: [], events: [], removeFinalizers: [], finishEvents: [], dropBackoff: false };
}

/** Keeps the earliest requeue. */
export function requeue(plan: JobPlan, ms: number): void {
  plan.requeueAfterMs = plan.requeueAfterMs === undefined ? ms : Math.min(plan.requeueAfterMs, ms);
}
