/**
 * The CronJob controller's sync (cronjob_controllerv2.go, v1.32) as a pure function: a CronJob,
 * the Jobs it controls and the time → job deletions, at most one Job to create, events, the new
 * status and when to wake up next. History cleanup runs first, then syncCronJob.
 */
import type { KObject } from '../../api/types';
import { loadLocation } from '../../apiserver/resources/workloads/cronSchedule';
import { rfc3339 } from '../../sim/clock';
import { parseTime } from '../util/time';
import { finishedConditionType, isJobSucceeded } from '../job/conditions';
import { formatSchedule, parseSchedule, rfc1123z, rfc3339InZone, type Schedule } from './schedule';
import { nextScheduleTime, nextScheduleTimeDuration } from './times';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

export const SCHEDULED_TIMESTAMP = 'batch.kubernetes.io/cronjob-scheduled-timestamp';

export type CronStep = { kind: 'event'; type: 'Normal' | 'Warning'; reason: string; message: string } | { kind: 'delete'; job: KObject };

export interface CronPlan {
  /** Events and Job deletions (Background), in order. */
  steps: CronStep[];
  /** The working status (active list, last times); written when `updateStatus`. */
  status: Json;
  updateStatus: boolean;
  /** The Job to create for `scheduledTime`; its reference then joins status.active. */
  create?: { job: KObject; scheduledTime: number };
  /** When to sync again (absent: only when something changes). */
  requeueAfterMs?: number;
}

export interface CronInput {
  cj: KObject;
  jobs: KObject[];
  now: number;
}

const ev = (type: 'Normal' | 'Warning', reason: string, message: string): CronStep => ({ kind: 'event', type, reason, message });

const inActive = (status: Json, uid: string) => (status.active ?? []).some((r: Json) => r.uid === uid);
const dropActive = (status: Json, uid: string) => {
  status.active = (status.active ?? []).filter((r: Json) => r.uid !== uid);
};

/** byJobStartTime: jobs without a start time last, ties by name. */
function byStartTime(a: KObject, b: KObject): number {
  const sa = parseTime(a.status?.startTime);
  const sb = parseTime(b.status?.startTime);
  if (sa === undefined || sb === undefined) return sa === sb ? 0 : sa === undefined ? 1 : -1;
  if (sa !== sb) return sa - sb;
  return (a.metadata.name ?? '') < (b.metadata.name ?? '') ? -1 : (a.metadata.name ?? '') > (b.metadata.name ?? '') ? 1 : 0;
}

/** cleanupFinishedJobs: keep the newest successfulJobsHistoryLimit / failedJobsHistoryLimit. */
function cleanupFinished(cj: KObject, jobs: KObject[], plan: CronPlan): void {
  const spec = cj.spec ?? {};
  const prune = (list: KObject[], limit: number | undefined) => {
    if (limit == null || list.length <= limit) return;
    for (const job of [...list].sort(byStartTime).slice(0, list.length - limit)) {
      plan.steps.push({ kind: 'delete', job });
      dropActive(plan.status, job.metadata.uid!);
      plan.updateStatus = true;
    }
  };
  prune(jobs.filter((j) => finishedConditionType(j) === 'Complete'), spec.successfulJobsHistoryLimit);
  prune(jobs.filter((j) => finishedConditionType(j) === 'Failed'), spec.failedJobsHistoryLimit);
}

/** getJobName: `<cronjob>-<scheduled time in minutes since the epoch>`. */
export const jobName = (cj: KObject, scheduledTime: number) => `${cj.metadata.name}-${Math.floor(scheduledTime / 60_000)}`;

/** getJobFromTemplate2. */
export function jobFromTemplate(cj: KObject, scheduledTime: number): KObject {
  const tmpl = cj.spec?.jobTemplate ?? {};
  const labels = { ...(tmpl.metadata?.labels ?? {}) };
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: {
      name: jobName(cj, scheduledTime),
      namespace: cj.metadata.namespace,
      ...(Object.keys(labels).length ? { labels } : {}),
      annotations: { ...(tmpl.metadata?.annotations ?? {}), [SCHEDULED_TIMESTAMP]: rfc3339InZone(scheduledTime, cj.spec?.timeZone) },
      ownerReferences: [{ apiVersion: 'batch/v1', kind: 'CronJob', name: cj.metadata.name!, uid: cj.metadata.uid!, controller: true, blockOwnerDeletion: true }],
    },
    spec: structuredClone(tmpl.spec ?? {}),
  };
}

/** getRef: the ObjectReference status.active keeps. */
export function jobRef(job: KObject): Json {
  return { kind: 'Job', namespace: job.metadata.namespace, name: job.metadata.name, uid: job.metadata.uid, apiVersion: 'batch/v1', resourceVersion: job.metadata.resourceVersion };
}

/** The status after `job` was created (or found) for `scheduledTime`. */
export function withCreated(status: Json, job: KObject, scheduledTime: number): Json {
  return { ...status, active: [...(status.active ?? []), jobRef(job)], lastScheduleTime: rfc3339(scheduledTime) };
}

/** CronJobStatus as encoding/json writes it: an empty active list is omitted. */
export function normalizeCronStatus(s: Json): Json {
  const out: Json = {};
  if (s.active?.length) out.active = s.active;
  if (s.lastScheduleTime) out.lastScheduleTime = s.lastScheduleTime;
  if (s.lastSuccessfulTime) out.lastSuccessfulTime = s.lastSuccessfulTime;
  return out;
}

// The jobs part of syncCronJob: forget finished and missing jobs, flag strangers.
function reconcileJobs(jobs: KObject[], plan: CronPlan): void {
  const status = plan.status;
  const children = new Set<string>();
  for (const j of jobs) {
    const uid = j.metadata.uid!;
    children.add(uid);
    const found = inActive(status, uid);
    const finished = finishedConditionType(j);
    if (!found && !finished) plan.steps.push(ev('Warning', 'UnexpectedJob', `Saw a job that the controller did not create or forgot: ${j.metadata.name}`));
    else if (finished) {
      if (found) {
        dropActive(status, uid);
        plan.steps.push(ev('Normal', 'SawCompletedJob', `Saw completed job: ${j.metadata.name}, condition: ${finished}`));
        plan.updateStatus = true;
      }
      if (isJobSucceeded(j)) {
        const done = parseTime(j.status?.completionTime);
        const last = parseTime(status.lastSuccessfulTime);
        if (last === undefined || (done !== undefined && done > last)) {
          status.lastSuccessfulTime = j.status?.completionTime;
          plan.updateStatus = true;
        }
      }
    }
  }
  for (const ref of [...(status.active ?? [])]) {
    if (children.has(ref.uid)) continue;
    plan.steps.push(ev('Normal', 'MissingJob', `Active job went missing: ${ref.name}`));
    dropActive(status, ref.uid);
    plan.updateStatus = true;
  }
}

/** cleanupFinishedJobs + syncCronJob. */
export function reconcileCronJob({ cj, jobs, now }: CronInput): CronPlan {
  const plan: CronPlan = { steps: [], status: structuredClone(cj.status ?? {}), updateStatus: false };
  cleanupFinished(cj, jobs, plan);
  reconcileJobs(jobs, plan);
  if (cj.metadata.deletionTimestamp) return plan;

  const spec = cj.spec ?? {};
  if (spec.timeZone != null) {
    const err = loadLocation(spec.timeZone);
    if (err) {
      plan.steps.push(ev('Warning', 'UnknownTimeZone', `invalid timeZone: ${JSON.stringify(spec.timeZone)}: ${err}`));
      return plan;
    }
  }
  if (spec.suspend === true) return plan;
  const schedule: string = spec.schedule ?? '';
  if (schedule.includes('TZ'))
    plan.steps.push(
      ev('Warning', 'UnsupportedSchedule', `CRON_TZ or TZ used in schedule ${JSON.stringify(schedule)} is not officially supported, see https://kubernetes.io/docs/concepts/workloads/controllers/cron-jobs/ for more details`),
    );
  let sched: Schedule;
  try {
    sched = parseSchedule(formatSchedule(schedule, spec.timeZone));
  } catch (e) {
    plan.steps.push(ev('Warning', 'UnparseableSchedule', `unparseable schedule: ${JSON.stringify(schedule)} : ${(e as Error).message}`));
    return plan;
  }
  const working = { ...cj, status: plan.status };
  const next = nextScheduleTime(working, now, sched);
  if (next.tooMany) plan.steps.push(ev('Warning', 'TooManyMissedTimes', 'too many missed start times. Set or decrease .spec.startingDeadlineSeconds or check clock skew'));
  if (next.error) {
    plan.steps.push(ev('Warning', 'InvalidSchedule', `invalid schedule: ${schedule} : ${next.error}`));
    return plan;
  }
  const wake = () => nextScheduleTimeDuration(working, now, sched);
  const scheduled = next.time;
  if (scheduled === undefined) return { ...plan, requeueAfterMs: wake() };
  const sds = spec.startingDeadlineSeconds;
  if (sds != null && scheduled + sds * 1000 < now) {
    plan.steps.push(ev('Warning', 'MissSchedule', `Missed scheduled time to start a job: ${rfc1123z(scheduled)}`));
    return { ...plan, requeueAfterMs: wake() };
  }
  const name = jobName(cj, scheduled);
  if ((plan.status.active ?? []).some((r: Json) => r.name === name) || parseTime(plan.status.lastScheduleTime) === scheduled)
    return { ...plan, requeueAfterMs: wake() };
  if (spec.concurrencyPolicy === 'Forbid' && (plan.status.active ?? []).length > 0) {
    plan.steps.push(ev('Normal', 'JobAlreadyActive', 'Not starting job because prior execution is running and concurrency policy is Forbid'));
    return { ...plan, requeueAfterMs: wake() };
  }
  if (spec.concurrencyPolicy === 'Replace') {
    for (const ref of [...(plan.status.active ?? [])]) {
      const job = jobs.find((j) => j.metadata.uid === ref.uid);
      if (!job) continue;
      plan.steps.push({ kind: 'delete', job });
      dropActive(plan.status, ref.uid);
      plan.updateStatus = true;
    }
  }
  plan.create = { job: jobFromTemplate(cj, scheduled), scheduledTime: scheduled };
  const after = { ...cj, status: { ...plan.status, lastScheduleTime: rfc3339(scheduled) } };
  plan.requeueAfterMs = nextScheduleTimeDuration(after, now, sched);
  return plan;
}
