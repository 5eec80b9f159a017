/**
 * backoffLimitPerIndex (indexed_job_utils.go, backoff_utils.go, v1.32): each index counts its own
 * failures in the `job-index-failure-count` annotation carried from a failed pod to its
 * replacement; an index whose count reaches the limit (or hit a FailIndex rule) is failed for good.
 */
import type { KObject } from '../../api/types';
import { JOB_INDEX_FAILURE_COUNT, JOB_INDEX_IGNORED_FAILURE_COUNT, MAX_POD_FAILURE_BACKOFF_MS, POD_FAILURE_BACKOFF_MS } from './constants';
import { has, parseIntervals, sortedUnique, withOrderedIndexes, type Intervals } from './intervals';
import { completionIndex, finishedTime, hasTrackingFinalizer, isPodFailed } from './jobpods';
import { remainingBackoff } from './backoff';
import { matchPodFailurePolicy } from './policies';

function annotationCount(p: KObject, key: string): number {
  const v = p.metadata.annotations?.[key];
  if (v === undefined || !/^\d+$/.test(v)) return 0;
  return Number.parseInt(v, 10);
}

export const indexFailureCount = (p: KObject): number => annotationCount(p, JOB_INDEX_FAILURE_COUNT);
const absoluteFailureCount = (p: KObject): number => indexFailureCount(p) + annotationCount(p, JOB_INDEX_IGNORED_FAILURE_COUNT);

/** isIndexFailed: a FailIndex rule matched, or the index used up its backoffLimitPerIndex. */
export function isIndexFailed(job: KObject, p: KObject): boolean {
  let counted = false;
  if (isPodFailed(p, job)) {
    if (job.spec?.podFailurePolicy != null) {
      const m = matchPodFailurePolicy(job.spec.podFailurePolicy, p);
      if (m.action === 'FailIndex') return true;
      counted = m.countFailed;
    } else counted = true;
  }
  return counted && indexFailureCount(p) >= (job.spec?.backoffLimitPerIndex ?? 0);
}

/** calculateFailedIndexes: status.failedIndexes plus indexes whose last pod just failed for good. */
export function calculateFailedIndexes(job: KObject, pods: KObject[]): Intervals {
  const completions = job.spec?.completions ?? 0;
  const prev = parseIntervals(job.status?.failedIndexes, completions);
  const fresh: number[] = [];
  for (const p of pods) {
    if (!hasTrackingFinalizer(p) || !isIndexFailed(job, p)) continue;
    const ix = completionIndex(p);
    if (ix >= 0 && ix < completions) fresh.push(ix);
  }
  return withOrderedIndexes(prev, sortedUnique(fresh));
}

/**
 * getPodsWithDelayedDeletionPerIndex: per pending index, the last failed pod (still holding the
 * finalizer) whose counts the replacement pod inherits.
 */
export function podsWithDelayedDeletion(job: KObject, pods: KObject[], active: KObject[], succeeded: Intervals, failed: Intervals): Map<number, KObject> {
  const completions = job.spec?.completions ?? 0;
  const activeIx = new Set(active.map(completionIndex));
  const out = new Map<number, KObject>();
  for (const p of pods) {
    if (!hasTrackingFinalizer(p) || !isPodFailed(p, job)) continue;
    const ix = completionIndex(p);
    if (ix < 0 || ix >= completions || has(succeeded, ix) || has(failed, ix) || activeIx.has(ix)) continue;
    const prev = out.get(ix);
    if (!prev || (absoluteFailureCount(prev) <= absoluteFailureCount(p) && finishedTime(p) >= finishedTime(prev))) out.set(ix, p);
  }
  return out;
}

/** getNewIndexFailureCounts: the annotations a replacement of `replaced` starts with. */
export function replacementFailureCounts(job: KObject, replaced: KObject | undefined): { failures: number; ignored: number } {
  if (!replaced) return { failures: 0, ignored: 0 };
  let failures = indexFailureCount(replaced);
  let ignored = annotationCount(replaced, JOB_INDEX_IGNORED_FAILURE_COUNT);
  if (job.spec?.podFailurePolicy != null && !matchPodFailurePolicy(job.spec.podFailurePolicy, replaced).countFailed) ignored++;
  else failures++;
  return { failures, ignored };
}

/** getRemainingTimePerIndex: the index's own back-off from its last failed pod. */
export function remainingForIndex(replaced: KObject | undefined, now: number): number {
  if (!replaced) return 0;
  return remainingBackoff(absoluteFailureCount(replaced) + 1, finishedTime(replaced), now, POD_FAILURE_BACKOFF_MS, MAX_POD_FAILURE_BACKOFF_MS);
}
