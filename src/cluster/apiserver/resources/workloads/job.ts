import { humanDuration, translateTimestampSince } from '../../../api/duration';
import { formatLabelSelector } from '../../../api/labels';
import type { KObject } from '../../../api/types';
import { ageColumn, col, defineResource, nameColumn } from '../common';
import { defaultPodTemplateSpec } from '../pod/specDefaults';
import { CONTROLLER_UID, JOB_NAME, LEGACY_CONTROLLER_UID, LEGACY_JOB_NAME, validateJob, validateJobUpdate } from './jobValidation';
import { containerCells, containersColumn, imagesColumn, ownerIndexer } from './shared';

const MAX_INT32 = 2147483647;

/** SetDefaults_Job (batch/v1, 1.32 gates). Job labels copy the template labels when empty. */
export function defaultJob(o: KObject): void {
  const spec = (o.spec ??= {});
  if (spec.completions == null && spec.parallelism == null) {
    spec.completions = 1;
    spec.parallelism = 1;
  }
  spec.parallelism ??= 1;
  spec.backoffLimit ??= spec.backoffLimitPerIndex != null ? MAX_INT32 : 6;
  const templateLabels = spec.template?.metadata?.labels;
  if (templateLabels != null && Object.keys(o.metadata.labels ?? {}).length === 0) o.metadata.labels = { ...templateLabels };
  spec.completionMode ??= 'NonIndexed';
  spec.suspend ??= false;
  for (const rule of spec.podFailurePolicy?.rules ?? [])
    for (const pattern of rule?.onPodConditions ?? []) if (pattern && !pattern.status) pattern.status = 'True';
  spec.podReplacementPolicy ??= spec.podFailurePolicy != null ? 'Failed' : 'TerminatingOrFailed';
  spec.manualSelector ??= false;
  defaultPodTemplateSpec((spec.template ??= {}));
}

/**
 * generateSelector (PrepareForCreate): unless manualSelector, label the template with the job's
 * name and uid and select on batch.kubernetes.io/controller-uid. Existing keys are left alone so
 * validation can report conflicts.
 */
export function generateJobSelector(o: KObject): void {
  const spec = (o.spec ??= {});
  if (spec.manualSelector === true) return;
  const tmpl = (spec.template ??= {});
  const labels = ((tmpl.metadata ??= {}).labels ??= {});
  const uid = o.metadata.uid ?? '';
  for (const key of [LEGACY_JOB_NAME, JOB_NAME]) if (!Object.hasOwn(labels, key)) labels[key] = o.metadata.name ?? '';
  for (const key of [LEGACY_CONTROLLER_UID, CONTROLLER_UID]) if (!Object.hasOwn(labels, key)) labels[key] = uid;
  const selector = (spec.selector ??= {});
  const matchLabels = (selector.matchLabels ??= {});
  if (!Object.hasOwn(matchLabels, CONTROLLER_UID)) matchLabels[CONTROLLER_UID] = uid;
}

// hasJobCondition: the first condition of the type decides.
const hasCondition = (o: KObject, type: string): boolean =>
  (o.status?.conditions ?? []).find((c: { type?: string }) => c.type === type)?.status === 'True';

/** printJob's STATUS cell. */
export function jobStatusText(o: KObject): string {
  if (hasCondition(o, 'Complete')) return 'Complete';
  if (hasCondition(o, 'Failed')) return 'Failed';
  if (o.metadata.deletionTimestamp) return 'Terminating';
  if (hasCondition(o, 'Suspended')) return 'Suspended';
  if (hasCondition(o, 'FailureTarget')) return 'FailureTarget';
  return 'Running';
}

function completionsText(o: KObject): string {
  const succeeded = o.status?.succeeded ?? 0;
  if (o.spec?.completions != null) return `${succeeded}/${o.spec.completions}`;
  const parallelism = o.spec?.parallelism ?? 0;
  return parallelism > 1 ? `${succeeded}/1 of ${parallelism}` : `${succeeded}/1`;
}

function durationText(o: KObject, now: number): string {
  const start = o.status?.startTime ? Date.parse(o.status.startTime) : NaN;
  if (Number.isNaN(start)) return '';
  const end = o.status?.completionTime ? Date.parse(o.status.completionTime) : now;
  return humanDuration(end - start);
}

/** batch/v1 Job; indexed by owner so the CronJob controller finds its Jobs. */
export const jobs = defineResource({
  group: 'batch',
  version: 'v1',
  kind: 'Job',
  plural: 'jobs',
  singular: 'job',
  namespaced: true,
  categories: ['all'],
  subresources: ['status'],
  hasStatus: true,
  tracksGeneration: true,
  defaults: defaultJob,
  prepareForCreate(o) {
    generateJobSelector(o);
    o.status = {};
  },
  validate: (o) => validateJob(o),
  validateUpdate: validateJobUpdate,
  indexers: ownerIndexer,
  fieldSelectors: { 'status.successful': (o) => String(o.status?.succeeded ?? 0) },
  columns: [
    nameColumn,
    col('Status', 'string', 0, 'Status of the job.'),
    col('Completions', 'string', 0, 'The number of pods which reached phase Succeeded. The value increases monotonically for a given spec. However, it may decrease in reaction to scale down of elastic indexed jobs.'),
    col('Duration', 'string', 0, 'Time required to complete the job.'),
    ageColumn,
    containersColumn,
    imagesColumn,
    col('Selector', 'string', 1, 'A label query over pods that should match the pod count. Normally, the system sets this field for you. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#label-selectors'),
  ],
  row: (o, now) => {
    const [names, images] = containerCells(o.spec?.template?.spec?.containers);
    return [
      o.metadata.name,
      jobStatusText(o),
      completionsText(o),
      durationText(o, now),
      translateTimestampSince(o.metadata.creationTimestamp, now),
      names,
      images,
      formatLabelSelector(o.spec?.selector),
    ];
  },
});
