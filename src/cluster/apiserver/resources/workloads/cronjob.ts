import { translateTimestampSince } from '../../../api/duration';
import { fieldErr, type FieldError } from '../../../api/errors';
import { formatLabelSelector } from '../../../api/labels';
import type { KObject } from '../../../api/types';
import { ageColumn, col, defineResource, nameColumn } from '../common';
import { defaultPodTemplateSpec } from '../pod/specDefaults';
import { loadLocation, parseStandardSchedule } from './cronSchedule';
import { goLabelSelector, rawErr } from './goValues';
import { validateJobSpec } from './jobValidation';
import { boolPtrText, containerCells, containersColumn, imagesColumn, nonNegative } from './shared';

/** SetDefaults_CronJob: Allow, not suspended, keep 3 successful / 1 failed job (job template spec itself is not defaulted). */
export function defaultCronJob(o: KObject): void {
  const spec = (o.spec ??= {});
  if (!spec.concurrencyPolicy) spec.concurrencyPolicy = 'Allow';
  spec.suspend ??= false;
  spec.successfulJobsHistoryLimit ??= 3;
  spec.failedJobsHistoryLimit ??= 1;
  const jobSpec = ((spec.jobTemplate ??= {}).spec ??= {});
  defaultPodTemplateSpec((jobSpec.template ??= {}));
}

const validZonePart = /^[A-Za-z.\-_0-9+]{1,14}$/;

/** validateTimeZone: an IANA name Go can load; empty and "Local" are refused. */
export function validateTimeZone(tz: string | undefined | null, path: string): FieldError[] {
  if (tz === undefined || tz === null) return [];
  if (tz === '') return [fieldErr.invalid(path, tz, 'timeZone must be nil or non-empty string')];
  for (const part of tz.split('/'))
    if (part === '.' || part === '..' || part.startsWith('-') || !validZonePart.test(part))
      return [fieldErr.invalid(path, tz, `unknown time zone ${tz}`)];
  const errs: FieldError[] = [];
  if (tz.toLowerCase() === 'local')
    errs.push(fieldErr.invalid(path, tz, 'timeZone must be an explicit time zone as defined in https://www.iana.org/time-zones'));
  const err = loadLocation(tz);
  if (err) errs.push(fieldErr.invalid(path, tz, err));
  return errs;
}

/** validateScheduleFormat on create: robfig syntax, and no TZ= prefix (use spec.timeZone). */
export function validateSchedule(schedule: string, path: string): FieldError[] {
  const errs: FieldError[] = [];
  try {
    parseStandardSchedule(schedule);
  } catch (e) {
    errs.push(fieldErr.invalid(path, schedule, (e as Error).message));
  }
  if (schedule.includes('TZ')) errs.push(fieldErr.invalid(path, schedule, 'cannot use TZ or CRON_TZ in schedule, use timeZone field instead'));
  return errs;
}

/**
 * ValidateCronJobCreate. The update variant only relaxes rules for objects that could not have
 * been created here (TZ in the schedule, names over 52 characters), so it is the same check.
 */
export function validateCronJob(o: KObject): FieldError[] {
  const spec = o.spec ?? {};
  const errs: FieldError[] = [];
  if (!spec.schedule) errs.push(fieldErr.required('spec.schedule'));
  else errs.push(...validateSchedule(spec.schedule, 'spec.schedule'));
  errs.push(...nonNegative(spec.startingDeadlineSeconds, 'spec.startingDeadlineSeconds'));
  errs.push(...validateTimeZone(spec.timeZone, 'spec.timeZone'));
  const cp = spec.concurrencyPolicy ?? '';
  if (cp === '') errs.push(fieldErr.required('spec.concurrencyPolicy'));
  else if (!['Allow', 'Forbid', 'Replace'].includes(cp)) errs.push(fieldErr.notSupported('spec.concurrencyPolicy', cp, ['Allow', 'Forbid', 'Replace']));
  const jobSpec = spec.jobTemplate?.spec ?? {};
  errs.push(...validateJobSpec(jobSpec, 'spec.jobTemplate.spec'));
  if (jobSpec.selector != null)
    errs.push(rawErr('spec.jobTemplate.spec.selector', goLabelSelector(jobSpec.selector), '`selector` will be auto-generated'));
  if (jobSpec.manualSelector === true) errs.push(fieldErr.notSupported('spec.jobTemplate.spec.manualSelector', true, ['nil', 'false']));
  errs.push(...nonNegative(spec.successfulJobsHistoryLimit, 'spec.successfulJobsHistoryLimit'));
  errs.push(...nonNegative(spec.failedJobsHistoryLimit, 'spec.failedJobsHistoryLimit'));
  // the controller appends an 11-character suffix to job names, which must stay within 63
  if ((o.metadata.name ?? '').length > 52) errs.push(fieldErr.invalid('metadata.name', o.metadata.name, 'must be no more than 52 characters'));
  return errs;
}

/** batch/v1 CronJob. */
export const cronjobs = defineResource({
  group: 'batch',
  version: 'v1',
  kind: 'CronJob',
  plural: 'cronjobs',
  singular: 'cronjob',
  shortNames: ['cj'],
  namespaced: true,
  categories: ['all'],
  subresources: ['status'],
  hasStatus: true,
  tracksGeneration: true,
  defaults: defaultCronJob,
  prepareForCreate(o) {
    o.status = {};
  },
  validate: validateCronJob,
  columns: [
    nameColumn,
    col('Schedule', 'string', 0, 'The schedule in Cron format, see https://en.wikipedia.org/wiki/Cron.'),
    col('Timezone', 'string', 0, 'The time zone name for the given schedule, see https://en.wikipedia.org/wiki/List_of_tz_database_time_zones. If not specified, this will default to the time zone of the kube-controller-manager process. The set of valid time zone names and the time zone offset is loaded from the system-wide time zone database by the API server during CronJob validation and the controller manager during execution. If no system-wide time zone database can be found a bundled version of the database is used instead. If the time zone name becomes invalid during the lifetime of a CronJob or due to a change in host configuration, the controller will stop creating new new Jobs and will create a system event with the reason UnknownTimeZone. More information can be found in https://kubernetes.io/docs/concepts/workloads/controllers/cron-jobs/#time-zones'),
    col('Suspend', 'boolean', 0, 'This flag tells the controller to suspend subsequent executions, it does not apply to already started executions.  Defaults to false.'),
    col('Active', 'integer', 0, 'A list of pointers to currently running jobs.'),
    col('Last Schedule', 'string', 0, 'Information when was the last time the job was successfully scheduled.'),
    ageColumn,
    containersColumn,
    imagesColumn,
    col('Selector', 'string', 1, 'A label query over pods that should match the pod count. Normally, the system sets this field for you. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#label-selectors'),
  ],
  row: (o, now) => {
    const spec = o.spec ?? {};
    const [names, images] = containerCells(spec.jobTemplate?.spec?.template?.spec?.containers);
    const last = o.status?.lastScheduleTime;
    return [
      o.metadata.name,
      spec.schedule ?? '',
      spec.timeZone ?? '<none>',
      boolPtrText(spec.suspend),
      (o.status?.active ?? []).length,
      last ? translateTimestampSince(last, now) : '<none>',
      translateTimestampSince(o.metadata.creationTimestamp, now),
      names,
      images,
      formatLabelSelector(spec.jobTemplate?.spec?.selector),
    ];
  },
});
