import { describe, expect, it } from 'vitest';
import type { KObject } from '../../api/types';
import { reconcileCronJob, type CronPlan } from './reconcile';
import { parseSchedule, rfc1123z, rfc3339InZone } from './schedule';
import { mostRecentScheduleTime } from './times';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

const T0 = Date.UTC(2025, 0, 1); // 2025-01-01T00:00:00Z = minute 29,430,720
const at = (s: number) => T0 + s * 1000;
const iso = (s: number) => new Date(at(s)).toISOString().replace('.000Z', 'Z');

function cron(spec: Json = {}, status: Json = {}, meta: Json = {}): KObject {
  return {
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata: { name: 'hello', namespace: 'default', uid: 'cj-uid', creationTimestamp: iso(-30), ...meta },
    spec: {
      schedule: '*/1 * * * *',
      concurrencyPolicy: 'Allow',
      suspend: false,
      successfulJobsHistoryLimit: 3,
      failedJobsHistoryLimit: 1,
      jobTemplate: { metadata: { labels: { team: 'a' } }, spec: { template: { spec: { restartPolicy: 'OnFailure', containers: [{ name: 'c', image: 'busybox' }] } } } },
      ...spec,
    },
    status,
  };
}

function job(minute: number, state: 'active' | 'Complete' | 'Failed', startS?: number): KObject {
  const t = `${new Date(minute * 60_000).toISOString().replace('.000Z', 'Z')}`;
  const conds = state === 'active' ? [] : [{ type: state, status: 'True', lastTransitionTime: t }];
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name: `hello-${minute}`, namespace: 'default', uid: `job-${minute}`, resourceVersion: '7', ownerReferences: [{ apiVersion: 'batch/v1', kind: 'CronJob', name: 'hello', uid: 'cj-uid', controller: true }] },
    status: { startTime: startS !== undefined ? iso(startS) : t, conditions: conds, ...(state === 'Complete' ? { completionTime: t } : {}) },
  };
}

const ref = (minute: number) => ({ kind: 'Job', namespace: 'default', name: `hello-${minute}`, uid: `job-${minute}`, apiVersion: 'batch/v1', resourceVersion: '7' });
const run = (cj: KObject, jobs: KObject[] = [], nowS = 0.2): CronPlan => reconcileCronJob({ cj, jobs, now: at(nowS) });
const events = (p: CronPlan) => p.steps.filter((s) => s.kind === 'event').map((s) => (s.kind === 'event' ? `${s.reason}: ${s.message}` : ''));
const deletes = (p: CronPlan) => p.steps.flatMap((s) => (s.kind === 'delete' ? [s.job.metadata.name] : []));
const M0 = T0 / 60_000;

describe('reconcileCronJob', () => {
  it('creates hello-<minutes> at the fire time with the scheduled-timestamp annotation and a controllerRef', () => {
    const p = run(cron());
    expect(p.create?.job.metadata).toMatchObject({
      name: `hello-${M0}`,
      labels: { team: 'a' },
      annotations: { 'batch.kubernetes.io/cronjob-scheduled-timestamp': '2025-01-01T00:00:00Z' },
      ownerReferences: [{ apiVersion: 'batch/v1', kind: 'CronJob', name: 'hello', uid: 'cj-uid', controller: true, blockOwnerDeletion: true }],
    });
    expect(p.create?.job.spec.template.spec.restartPolicy).toBe('OnFailure');
    expect(p.create?.scheduledTime).toBe(T0);
    // next fire 00:01:00 + 100 ms padding, from now 00:00:00.2
    expect(p.requeueAfterMs).toBe(59_900);
  });

  it('before the first fire time it only sleeps until then', () => {
    const p = run(cron({}, {}, { creationTimestamp: iso(5) }), [], 20);
    expect(p.create).toBeUndefined();
    expect(p.requeueAfterMs).toBe(40_100);
  });

  it('does not create the same scheduled job twice', () => {
    const p = run(cron({}, { active: [ref(M0)], lastScheduleTime: iso(0) }), [job(M0, 'active')], 30);
    expect(p.create).toBeUndefined();
    expect(p.updateStatus).toBe(false);
  });

  it('a finished job leaves the active list with SawCompletedJob and sets lastSuccessfulTime', () => {
    const p = run(cron({}, { active: [ref(M0)], lastScheduleTime: iso(0) }), [job(M0, 'Complete')], 30);
    expect(events(p)).toEqual([`SawCompletedJob: Saw completed job: hello-${M0}, condition: Complete`]);
    expect(p.status.active).toEqual([]);
    expect(p.status.lastSuccessfulTime).toBe(iso(0));
    expect(p.updateStatus).toBe(true);
  });

  it('keeps only successfulJobsHistoryLimit successful jobs, deleting the oldest first', () => {
    const jobs = [1, 2, 3, 4, 5].map((i) => job(M0 - 6 + i, 'Complete'));
    const p = run(cron({}, { lastScheduleTime: iso(-60) }), jobs, 0.2);
    expect(deletes(p)).toEqual([`hello-${M0 - 5}`, `hello-${M0 - 4}`]);
  });

  it('keeps failedJobsHistoryLimit (1) failed jobs', () => {
    const p = run(cron({}, { lastScheduleTime: iso(0) }), [job(M0 - 2, 'Failed'), job(M0 - 1, 'Failed')], 10);
    expect(deletes(p)).toEqual([`hello-${M0 - 2}`]);
  });

  it('Forbid skips the run while a job is active', () => {
    const p = run(cron({ concurrencyPolicy: 'Forbid' }, { active: [ref(M0 - 1)], lastScheduleTime: iso(-60) }), [job(M0 - 1, 'active')], 0.2);
    expect(p.create).toBeUndefined();
    expect(events(p)).toEqual(['JobAlreadyActive: Not starting job because prior execution is running and concurrency policy is Forbid']);
  });

  it('Replace deletes the running job before creating the new one', () => {
    const p = run(cron({ concurrencyPolicy: 'Replace' }, { active: [ref(M0 - 1)], lastScheduleTime: iso(-60) }), [job(M0 - 1, 'active')], 0.2);
    expect(deletes(p)).toEqual([`hello-${M0 - 1}`]);
    expect(p.create?.job.metadata.name).toBe(`hello-${M0}`);
    expect(p.status.active).toEqual([]);
  });

  it('a run later than startingDeadlineSeconds is skipped with MissSchedule', () => {
    const p = run(cron({ schedule: '0 * * * *', startingDeadlineSeconds: 10 }, { lastScheduleTime: iso(-3600) }), [], 30);
    expect(p.create).toBeUndefined();
    expect(events(p)).toEqual([]);
    // deadline 10 s: the window ends at 00:00:10; the earliest considered is now − 10 s, so no run is due
    const q = run(cron({ schedule: '*/1 * * * *', startingDeadlineSeconds: 100 }, { lastScheduleTime: iso(-120) }), [], 95);
    expect(q.create?.scheduledTime).toBe(at(60));
  });

  it('more than 100 missed runs are reported as TooManyMissedTimes and only the latest runs', () => {
    const p = run(cron({}, { lastScheduleTime: iso(-3 * 3600) }), [], 0.2);
    expect(events(p)).toEqual(['TooManyMissedTimes: too many missed start times. Set or decrease .spec.startingDeadlineSeconds or check clock skew']);
    expect(p.create?.scheduledTime).toBe(T0);
  });

  it('a suspended CronJob creates nothing and sets no timer', () => {
    const p = run(cron({ suspend: true }));
    expect(p.create).toBeUndefined();
    expect(p.requeueAfterMs).toBeUndefined();
  });

  it('an unparsable schedule in storage gives an UnparseableSchedule warning, not a crash', () => {
    const p = run(cron({ schedule: '61 * * * *' }));
    expect(events(p)).toEqual(['UnparseableSchedule: unparseable schedule: "61 * * * *" : end of range (61) above maximum (59): 61']);
    expect(p.create).toBeUndefined();
  });

  it('a schedule that never fires gives InvalidSchedule', () => {
    const p = run(cron({ schedule: '0 0 31 2 *' }));
    expect(events(p)).toEqual(['InvalidSchedule: invalid schedule: 0 0 31 2 * : time difference between two schedules is less than 1 second']);
  });

  it('an active job that disappeared is dropped with MissingJob', () => {
    const p = run(cron({}, { active: [ref(M0)], lastScheduleTime: iso(0) }), [], 10);
    expect(events(p)).toEqual([`MissingJob: Active job went missing: hello-${M0}`]);
    expect(p.updateStatus).toBe(true);
  });

  it('a running job it does not know about is reported as UnexpectedJob', () => {
    const p = run(cron({}, { lastScheduleTime: iso(0) }), [job(M0, 'active')], 10);
    expect(events(p)).toEqual([`UnexpectedJob: Saw a job that the controller did not create or forgot: hello-${M0}`]);
  });

  it('timeZone sets the zone of the schedule and of the annotation', () => {
    // 09:00 in Berlin (UTC+1 in winter) is 08:00Z
    const cj = cron({ schedule: '0 9 * * *', timeZone: 'Europe/Berlin' }, { lastScheduleTime: iso(0) });
    const p = run(cj, [], 8 * 3600 + 1);
    expect(p.create?.scheduledTime).toBe(at(8 * 3600));
    expect(p.create?.job.metadata.annotations!['batch.kubernetes.io/cronjob-scheduled-timestamp']).toBe('2025-01-01T09:00:00+01:00');
  });

  it('an unknown timeZone in storage is reported as UnknownTimeZone', () => {
    const p = run(cron({ timeZone: 'Mars/Olympus' }));
    expect(events(p)).toEqual(['UnknownTimeZone: invalid timeZone: "Mars/Olympus": unknown time zone Mars/Olympus']);
  });
});

describe('schedule helpers', () => {
  it.each([
    ['@hourly', 0, 3600],
    ['@daily', 60, 86400],
    ['*/15 * * * *', 1, 900],
    ['@every 90s', 10.5, 100],
    ['30 6 * * 1-5', 0, 6.5 * 3600], // 2025-01-01 is a Wednesday
    ['0 0 * * SAT', 0, 3 * 86400],
    ['0 0 1 * MON', 0, 5 * 86400], // day-of-month OR day-of-week, as cron does
  ])('%s after +%ss fires at +%ss', (spec, fromS, wantS) => {
    expect(parseSchedule(spec).next(at(fromS))).toBe(at(wantS));
  });

  it('formats times as the events and annotations print them', () => {
    expect(rfc1123z(T0)).toBe('Wed, 01 Jan 2025 00:00:00 +0000');
    expect(rfc3339InZone(T0, 'America/New_York')).toBe('2024-12-31T19:00:00-05:00');
    expect(rfc3339InZone(T0, undefined)).toBe('2025-01-01T00:00:00Z');
  });

  it('counts missed runs roughly by the interval between two fire times', () => {
    const cj = cron({ schedule: '*/5 * * * *' }, { lastScheduleTime: iso(0) });
    const r = mostRecentScheduleTime(cj, at(17 * 60), parseSchedule('*/5 * * * *'), false);
    expect(r).toMatchObject({ mostRecent: at(15 * 60), missed: 'few' });
  });
});
