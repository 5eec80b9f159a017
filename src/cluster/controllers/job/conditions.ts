/**
 * JobStatus conditions and the JSON shape of a JobStatus (job_controller.go and batch/v1 json tags,
 * v1.32). Terminal conditions are reached in two steps: an interim SuccessCriteriaMet or
 * FailureTarget first, then Complete or Failed once no pod is left uncounted or terminating.
 */
import type { KObject } from '../../api/types';
import { rfc3339 } from '../../sim/clock';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

export interface JobCondition {
  type: string;
  status: string;
  lastProbeTime?: string;
  lastTransitionTime?: string;
  reason?: string;
  message?: string;
}

/** newCondition: both timestamps now; empty reason/message are omitted (omitempty). */
export function newCondition(type: string, status: string, reason: string, message: string, now: number): JobCondition {
  const c: JobCondition = { type, status, lastProbeTime: rfc3339(now), lastTransitionTime: rfc3339(now) };
  if (reason) c.reason = reason;
  if (message) c.message = message;
  return c;
}

export function findCondition(list: JobCondition[] | undefined, type: string): JobCondition | undefined {
  return (list ?? []).find((c) => c.type === type);
}

/** IsJobFinished: Complete or Failed is True. */
export function isJobFinished(job: KObject): boolean {
  return finishedConditionType(job) !== undefined;
}

/** FinishedCondition: the type of the first True Complete/Failed condition. */
export function finishedConditionType(job: KObject): 'Complete' | 'Failed' | undefined {
  for (const c of (job.status?.conditions ?? []) as JobCondition[])
    if ((c.type === 'Complete' || c.type === 'Failed') && c.status === 'True') return c.type;
  return undefined;
}

export const isJobSucceeded = (job: KObject): boolean =>
  ((job.status?.conditions ?? []) as JobCondition[]).some((c) => c.type === 'Complete' && c.status === 'True');

/** hasSuccessCriteriaMetCondition. */
export function successCriteriaMet(job: KObject): JobCondition | undefined {
  const c = findCondition(job.status?.conditions, 'SuccessCriteriaMet');
  return c?.status === 'True' ? c : undefined;
}

/**
 * ensureJobConditionStatus: update the condition of that type if status/reason/message differ, or
 * append it unless it would be a new False one. Returns whether the list changed.
 */
export function ensureCondition(list: JobCondition[], type: string, status: string, reason: string, message: string, now: number): boolean {
  const i = list.findIndex((c) => c.type === type);
  if (i >= 0) {
    const c = list[i]!;
    if (c.status === status && (c.reason ?? '') === reason && (c.message ?? '') === message) return false;
    list[i] = newCondition(type, status, reason, message, now);
    return true;
  }
  if (status === 'False') return false;
  list.push(newCondition(type, status, reason, message, now));
  return true;
}

/**
 * The JobStatus as encoding/json writes it: zero counters, empty strings and empty lists dropped
 * (omitempty), pointer fields (ready, terminating, failedIndexes, uncountedTerminatedPods) kept.
 */
export function normalizeStatus(s: Json): Json {
  const out: Json = {};
  if (s.conditions?.length) out.conditions = s.conditions;
  if (s.startTime) out.startTime = s.startTime;
  if (s.completionTime) out.completionTime = s.completionTime;
  for (const k of ['active', 'succeeded', 'failed']) if (s[k]) out[k] = s[k];
  if (s.terminating != null) out.terminating = s.terminating;
  if (s.completedIndexes) out.completedIndexes = s.completedIndexes;
  if (s.failedIndexes != null) out.failedIndexes = s.failedIndexes;
  if (s.uncountedTerminatedPods) {
    const u: Json = {};
    if (s.uncountedTerminatedPods.succeeded?.length) u.succeeded = s.uncountedTerminatedPods.succeeded;
    if (s.uncountedTerminatedPods.failed?.length) u.failed = s.uncountedTerminatedPods.failed;
    out.uncountedTerminatedPods = u;
  }
  if (s.ready != null) out.ready = s.ready;
  return out;
}
