/**
 * The pod-failure back-off of a Job (backoff_utils.go, v1.32). The controller remembers, per Job,
 * how many pods failed since the last success and when the last one finished; a replacement pod
 * waits 10 s × 2^(failures−1), capped at 10 min, counted from that finish.
 *
 * Worked example: pods fail at t=0, 11 s, 32 s → failures 1, 2, 3 → replacements at 10 s, 31 s
 * (11 + 20) and 72 s (32 + 40).
 */
import type { KObject } from '../../api/types';
import { byFinishedTime, finishedTime } from './jobpods';

export interface BackoffRecord {
  failuresAfterLastSuccess: number;
  lastFailureTime?: number;
}

export const NO_BACKOFF: BackoffRecord = { failuresAfterLastSuccess: 0 };

/** newBackoffRecord: fold the newly finished pods into the previous record. */
export function nextBackoffRecord(prev: BackoffRecord, newSucceeded: KObject[], newFailed: KObject[]): BackoffRecord {
  const failed = byFinishedTime(newFailed);
  if (!newSucceeded.length) {
    if (!failed.length) return prev;
    return { failuresAfterLastSuccess: prev.failuresAfterLastSuccess + failed.length, lastFailureTime: finishedTime(failed[failed.length - 1]!) };
  }
  const rec: BackoffRecord = { failuresAfterLastSuccess: 0 };
  if (!failed.length) return rec;
  const succeeded = byFinishedTime(newSucceeded);
  const lastSuccess = finishedTime(succeeded[succeeded.length - 1]!);
  for (let i = failed.length - 1; i >= 0; i--) {
    const t = finishedTime(failed[i]!);
    if (t <= lastSuccess) break;
    rec.lastFailureTime ??= t;
    rec.failuresAfterLastSuccess++;
  }
  return rec;
}

/** getRemainingTimeForFailuresCount: how long a replacement must still wait (0 = now). */
export function remainingBackoff(failures: number, lastFailureTime: number | undefined, now: number, baseMs: number, maxMs: number): number {
  if (failures === 0 || lastFailureTime === undefined) return 0;
  let d = baseMs;
  for (let i = 1; i < failures; i++) {
    d *= 2;
    if (d >= maxMs) {
      d = maxMs;
      break;
    }
  }
  const elapsed = now - lastFailureTime;
  return d < elapsed ? 0 : d - elapsed;
}
