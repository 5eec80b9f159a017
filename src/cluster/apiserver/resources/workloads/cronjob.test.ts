import { describe, expect, it } from 'vitest';
import type { KObject } from '../../../api/types';
import { cronjobs } from './cronjob';
import { loadLocation, parseStandardSchedule } from './cronSchedule';
import { workloadServer } from './testkit';

const cronJob = (mut: (c: KObject) => void = () => {}): KObject => {
  const c: KObject = {
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata: { name: 'hello' },
    spec: {
      schedule: '* * * * *',
      jobTemplate: { spec: { template: { spec: { containers: [{ name: 'hello', image: 'busybox:1.28' }], restartPolicy: 'OnFailure' } } } },
    },
  };
  mut(c);
  return c;
};

describe('CronJob schedule parsing (robfig/cron ParseStandard)', () => {
  it.each([
    ['*/5 * * * *', ''],
    ['0 9-17 * JAN-jun mon-FRI', ''],
    ['@hourly', ''],
    ['@every 1h30m', ''],
    ['1,2,,3 * * * *', ''],
    ['', 'empty spec string'],
    ['* * * *', 'expected exactly 5 fields, found 4: [* * * *]'],
    ['* * * * * *', 'expected exactly 5 fields, found 6: [* * * * * *]'],
    ['60 * * * *', 'end of range (60) above maximum (59): 60'],
    ['* * 0 * *', 'beginning of range (0) below minimum (1): 0'],
    ['5-1 * * * *', 'beginning of range (5) beyond end of range (1): 5-1'],
    ['*/0 * * * *', 'step of range should be a positive number: */0'],
    ['x * * * *', 'failed to parse int from x: strconv.Atoi: parsing "x": invalid syntax'],
    ['1-2-3 * * * *', 'too many hyphens: 1-2-3'],
    ['1/2/3 * * * *', 'too many slashes: 1/2/3'],
    ['@fortnightly', 'unrecognized descriptor: @fortnightly'],
    ['@every 5', 'failed to parse duration @every 5: time: missing unit in duration "5"'],
    ['@every 5x', 'failed to parse duration @every 5x: time: unknown unit "x" in duration "5x"'],
    ['TZ=Mars/Olympus 0 * * * *', 'provided bad location Mars/Olympus: unknown time zone Mars/Olympus'],
  ])('%j → %j', (schedule, message) => {
    let got = '';
    try {
      parseStandardSchedule(schedule);
    } catch (e) {
      got = (e as Error).message;
    }
    expect(got).toBe(message);
  });

  it.each([
    ['Europe/Berlin', undefined],
    ['UTC', undefined],
    ['US/Pacific', undefined],
    ['europe/berlin', 'unknown time zone europe/berlin'],
    ['Mars/Olympus', 'unknown time zone Mars/Olympus'],
  ])('loads time zone %s', (zone, err) => {
    expect(loadLocation(zone)).toBe(err);
  });
});

describe('CronJob', () => {
  it('defaults policy, suspend and history limits but not the job template spec', () => {
    const { create } = workloadServer();
    const c = create(cronJob());
    expect(c.spec).toMatchObject({ concurrencyPolicy: 'Allow', suspend: false, successfulJobsHistoryLimit: 3, failedJobsHistoryLimit: 1 });
    expect(c.spec.jobTemplate.spec.backoffLimit).toBeUndefined();
    expect(c.spec.jobTemplate.spec.template.spec.dnsPolicy).toBe('ClusterFirst');
    expect([c.status, c.metadata.generation]).toEqual([{}, 1]);
  });

  it.each<[string, (c: KObject) => void, string]>([
    ['requires a schedule', (c) => delete c.spec.schedule, 'CronJob.batch "hello" is invalid: spec.schedule: Required value'],
    [
      'reports the cron parser error',
      (c) => (c.spec.schedule = '61 * * * *'),
      'CronJob.batch "hello" is invalid: spec.schedule: Invalid value: "61 * * * *": end of range (61) above maximum (59): 61',
    ],
    [
      'forbids TZ in the schedule',
      (c) => (c.spec.schedule = 'CRON_TZ=UTC 0 * * * *'),
      'CronJob.batch "hello" is invalid: spec.schedule: Invalid value: "CRON_TZ=UTC 0 * * * *": cannot use TZ or CRON_TZ in schedule, use timeZone field instead',
    ],
    [
      'rejects an unknown time zone',
      (c) => (c.spec.timeZone = 'Mars/Olympus'),
      'CronJob.batch "hello" is invalid: spec.timeZone: Invalid value: "Mars/Olympus": unknown time zone Mars/Olympus',
    ],
    [
      'rejects a malformed time zone',
      (c) => (c.spec.timeZone = 'Europe/../Paris'),
      'CronJob.batch "hello" is invalid: spec.timeZone: Invalid value: "Europe/../Paris": unknown time zone Europe/../Paris',
    ],
    [
      'rejects Local',
      (c) => (c.spec.timeZone = 'Local'),
      'CronJob.batch "hello" is invalid: spec.timeZone: Invalid value: "Local": timeZone must be an explicit time zone as defined in https://www.iana.org/time-zones',
    ],
    ['rejects an empty time zone', (c) => (c.spec.timeZone = ''), 'CronJob.batch "hello" is invalid: spec.timeZone: Invalid value: "": timeZone must be nil or non-empty string'],
    [
      'rejects an unknown concurrency policy',
      (c) => (c.spec.concurrencyPolicy = 'Sometimes'),
      'CronJob.batch "hello" is invalid: spec.concurrencyPolicy: Unsupported value: "Sometimes": supported values: "Allow", "Forbid", "Replace"',
    ],
    [
      'requires OnFailure or Never in the job template',
      (c) => delete c.spec.jobTemplate.spec.template.spec.restartPolicy,
      'CronJob.batch "hello" is invalid: spec.jobTemplate.spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"',
    ],
    [
      'refuses a selector in the job template',
      (c) => (c.spec.jobTemplate.spec.selector = { matchLabels: { a: 'b' } }),
      'CronJob.batch "hello" is invalid: spec.jobTemplate.spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"a":"b"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: `selector` will be auto-generated',
    ],
    [
      'refuses manualSelector in the job template',
      (c) => (c.spec.jobTemplate.spec.manualSelector = true),
      'CronJob.batch "hello" is invalid: spec.jobTemplate.spec.manualSelector: Unsupported value: true: supported values: "nil", "false"',
    ],
    [
      'limits the name to 52 characters',
      (c) => (c.metadata.name = 'c'.repeat(53)),
      `CronJob.batch "${'c'.repeat(53)}" is invalid: metadata.name: Invalid value: "${'c'.repeat(53)}": must be no more than 52 characters`,
    ],
  ])('%s', (_n, mut, message) => {
    const { create, errorOf } = workloadServer();
    expect(errorOf(() => create(cronJob(mut)))).toBe(message);
  });

  it.each<[string, (c: KObject) => void, unknown[]]>([
    ['a new cron job', () => {}, ['hello', '* * * * *', '<none>', 'False', 0, '<none>', '2m', 'hello', 'busybox:1.28', '<none>']],
    [
      'a scheduled, zoned, suspended one',
      (c) => {
        Object.assign(c.spec, { timeZone: 'Europe/Berlin', suspend: true });
        c.status = { active: [{ name: 'hello-1' }], lastScheduleTime: '2025-01-01T00:01:00Z' };
      },
      ['hello', '* * * * *', 'Europe/Berlin', 'True', 1, '60s', '2m', 'hello', 'busybox:1.28', '<none>'],
    ],
  ])('prints %s', (_n, mut, cells) => {
    const c = cronJob(mut);
    c.spec.suspend ??= false;
    c.metadata.creationTimestamp = '2025-01-01T00:00:00Z';
    expect(cronjobs.row!(c, Date.parse('2025-01-01T00:02:00Z'))).toEqual(cells);
    expect(cronjobs.columns!.filter((x) => x.priority === 0).map((x) => x.name)).toEqual([
      'Name', 'Schedule', 'Timezone', 'Suspend', 'Active', 'Last Schedule', 'Age',
    ]);
  });
});
