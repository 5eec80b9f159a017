/**
 * When should a CronJob have started, and when to look again (pkg/controller/cronjob/utils.go,
 * v1.32). The controller never polls: after each sync it sleeps until the next fire time + 100 ms.
 */
import type { KObject } from '../../api/types';
import { parseTime } from '../util/time';
import type { Schedule } from './schedule';

export type Missed = 'none' | 'few' | 'many';

/** nextScheduleDelta: the padding after a fire time, against clock skew. */
export const NEXT_SCHEDULE_DELTA_MS = 100;

export interface MostRecent {
  earliest: number;
  mostRecent?: number;
  missed: Missed;
  error?: string;
}

const TOO_CLOSE = 'time difference between two schedules is less than 1 second';

/**
 * mostRecentScheduleTime: the latest fire time in (lastScheduleTime or creation, now] — bounded
 * below by now − startingDeadlineSeconds when `withDeadline` — and how many were missed.
 *
 * Worked example: every 5 minutes, last scheduled 10:00, now 10:17 → t1 10:05, t2 10:10, interval
 * 300 s, missed = (720 s / 300 s) + 1 = 3, most recent 10:15.
 */
export function mostRecentScheduleTime(cj: KObject, now: number, sched: Schedule, withDeadline: boolean): MostRecent {
  let earliest = parseTime(cj.status?.lastScheduleTime) ?? parseTime(cj.metadata.creationTimestamp) ?? 0;
  const sds = cj.spec?.startingDeadlineSeconds;
  if (withDeadline && sds != null) earliest = Math.max(earliest, now - sds * 1000);
  const t1 = sched.next(earliest);
  if (t1 !== undefined && now < t1) return { earliest, missed: 'none' };
  const t2 = t1 === undefined ? undefined : sched.next(t1);
  if (t1 !== undefined && t2 !== undefined && now < t2) return { earliest, mostRecent: t1, missed: 'none' };
  const between = t1 === undefined || t2 === undefined ? 0 : Math.round((t2 - t1) / 1000);
  if (between < 1) return { earliest, missed: 'none', error: TOO_CLOSE };
  const elapsed = Math.trunc((now - t1!) / 1000);
  const missedCount = Math.trunc(elapsed / between) + 1;
  // Start one interval early and let the schedule walk forward (irregular schedules, @every).
  let mostRecent: number | undefined;
  for (let t = sched.next(t1! + (missedCount - 2) * between * 1000); t !== undefined && t <= now; t = sched.next(t)) mostRecent = t;
  const missed: Missed = missedCount > 100 ? 'many' : missedCount > 0 ? 'few' : 'none';
  return { earliest, mostRecent, missed };
}

/** nextScheduleTime: the fire time to act on now (if any), and whether too many were missed. */
export function nextScheduleTime(cj: KObject, now: number, sched: Schedule): { time?: number; error?: string; tooMany: boolean } {
  const r = mostRecentScheduleTime(cj, now, sched, true);
  if (r.mostRecent === undefined || r.mostRecent > now) return { error: r.error, tooMany: false };
  return { time: r.mostRecent, error: r.error, tooMany: r.missed === 'many' };
}

/** nextScheduleTimeDuration: ms until the fire time after the most recent one, plus 100 ms. */
export function nextScheduleTimeDuration(cj: KObject, now: number, sched: Schedule): number | undefined {
  const r = mostRecentScheduleTime(cj, now, sched, false);
  let from: number;
  if (r.error) from = now;
  else if (r.mostRecent === undefined) from = r.missed === 'none' ? r.earliest : now;
  else from = r.mostRecent;
  const next = sched.next(from);
  return next === undefined ? undefined : next + NEXT_SCHEDULE_DELTA_MS - now;
}
