/**
 * ttl-after-finished-controller's decision (ttlafterfinished_controller.go, v1.32): a finished Job
 * with spec.ttlSecondsAfterFinished is deleted that many seconds after its Complete/Failed
 * condition's lastTransitionTime; before then the controller only sets a timer.
 */
import type { KObject } from '../../api/types';
import { parseTime } from '../util/time';

export type TtlDecision = { action: 'none' } | { action: 'wait'; afterMs: number } | { action: 'delete' };

/** needsCleanup: a TTL and a True Complete/Failed condition. */
export function needsCleanup(job: KObject): boolean {
  return job.spec?.ttlSecondsAfterFinished != null && finishTime(job) !== null;
}

/** jobFinishTime: lastTransitionTime of the first True Complete/Failed condition (undefined if unset). */
export function finishTime(job: KObject): number | undefined | null {
  for (const c of job.status?.conditions ?? [])
    if ((c.type === 'Complete' || c.type === 'Failed') && c.status === 'True') return parseTime(c.lastTransitionTime);
  return null;
}

/** processTTL: delete now, wait until the TTL expires, or nothing to do. */
export function reconcileTtl(job: KObject | undefined, now: number): TtlDecision {
  if (!job || job.metadata.deletionTimestamp || !needsCleanup(job)) return { action: 'none' };
  const finishedAt = finishTime(job);
  // A finished condition without a time cannot be timed; upstream logs and retries.
  if (finishedAt == null) return { action: 'none' };
  const left = finishedAt + job.spec.ttlSecondsAfterFinished * 1000 - now;
  return left <= 0 ? { action: 'delete' } : { action: 'wait', afterMs: left };
}
