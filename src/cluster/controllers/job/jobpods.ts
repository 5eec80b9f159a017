/**
 * What the Job controller asks of a pod and of a Job spec (job_controller.go, indexed_job_utils.go,
 * backoff_utils.go, v1.32): completion index, tracking finalizer, "failed" as the replacement policy
 * sees it, and when a pod finished.
 */
import type { KObject } from '../../api/types';
import { parseTime } from '../util/time';
import { JOB_COMPLETION_INDEX, JOB_TRACKING_FINALIZER } from './constants';

export const isIndexedJob = (job: KObject): boolean => job.spec?.completionMode === 'Indexed';
export const hasBackoffLimitPerIndex = (job: KObject): boolean => isIndexedJob(job) && job.spec?.backoffLimitPerIndex != null;
export const jobSuspended = (job: KObject): boolean => job.spec?.suspend === true;
export const hasTrackingFinalizer = (p: KObject): boolean => (p.metadata.finalizers ?? []).includes(JOB_TRACKING_FINALIZER);
export const isTerminal = (p: KObject): boolean => p.status?.phase === 'Succeeded' || p.status?.phase === 'Failed';

/** IsPodTerminating: being deleted but not yet Succeeded/Failed. */
export const isTerminating = (p: KObject): boolean => !isTerminal(p) && !!p.metadata.deletionTimestamp;

/** getCompletionIndex: the annotation as a non-negative int, else -1. */
export function completionIndex(p: KObject): number {
  const v = p.metadata.annotations?.[JOB_COMPLETION_INDEX];
  if (v === undefined || !/^[+-]?\d+$/.test(v)) return -1;
  const i = Number.parseInt(v, 10);
  return i < 0 ? -1 : i;
}

/** onlyReplaceFailedPods: podReplacementPolicy Failed, or any podFailurePolicy. */
export function onlyReplaceFailedPods(job: KObject): boolean {
  return job.spec?.podReplacementPolicy === 'Failed' || job.spec?.podFailurePolicy != null;
}

/** isPodFailed: Failed, or (unless only failed pods are replaced) deleted before it succeeded. */
export function isPodFailed(p: KObject, job: KObject): boolean {
  if (p.status?.phase === 'Failed') return true;
  if (onlyReplaceFailedPods(job)) return false;
  return !!p.metadata.deletionTimestamp && p.status?.phase !== 'Succeeded';
}

/** countReadyPods / IsPodReady. */
export const isReady = (p: KObject): boolean =>
  (p.status?.conditions ?? []).some((c: { type?: string; status?: string }) => c.type === 'Ready' && c.status === 'True');

/**
 * getFinishedTime: the latest container finish (if all finished), else the Ready=False transition,
 * else deletionTimestamp − grace, else the creation time.
 */
export function finishedTime(p: KObject): number {
  const statuses: { state?: { terminated?: { finishedAt?: string } } }[] = p.status?.containerStatuses ?? [];
  let latest: number | undefined;
  let all = statuses.length > 0;
  for (const s of statuses) {
    const t = parseTime(s.state?.terminated?.finishedAt);
    if (t === undefined) {
      all = false;
      break;
    }
    if (latest === undefined || t > latest) latest = t;
  }
  if (all && latest !== undefined) return latest;
  const ready = (p.status?.conditions ?? []).find((c: { type?: string }) => c.type === 'Ready');
  const readyFalse = ready?.status === 'False' ? parseTime(ready.lastTransitionTime) : undefined;
  if (readyFalse !== undefined) return readyFalse;
  const del = parseTime(p.metadata.deletionTimestamp);
  if (del !== undefined) return del - (p.metadata.deletionGracePeriodSeconds ?? 0) * 1000;
  return parseTime(p.metadata.creationTimestamp) ?? 0;
}

/** Sorted by finish time, earliest first (sort.Slice is not stable; ties keep input order here). */
export function byFinishedTime(pods: KObject[]): KObject[] {
  return [...pods].sort((a, b) => finishedTime(a) - finishedTime(b));
}
