/**
 * Job validation (pkg/apis/batch/validation, v1.32): the JobSpec rules shared with CronJob job
 * templates, the generated-selector checks and the update rules.
 */
import { fieldErr, type FieldError } from '../../../api/errors';
import type { KObject } from '../../../api/types';
import { isDNS1123Label, isDNS1123Subdomain, regexError, validateLabelSelector } from '../../../api/validation';
import { validatePodTemplateSpec } from '../pod/specValidation';
import { goLabelSelector, goPodTemplateSpec, goStringMap, immutableRaw, rawErr } from './goValues';
import { validatePodFailurePolicy, validatePodReplacementPolicy, validateSuccessPolicy } from './jobPolicies';
import { asSelector, nonNegative, semanticEqual, templateLabelsMismatch } from './shared';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Obj = Record<string, any>;

export const JOB_NAME = 'batch.kubernetes.io/job-name';
export const CONTROLLER_UID = 'batch.kubernetes.io/controller-uid';
export const LEGACY_JOB_NAME = 'job-name';
export const LEGACY_CONTROLLER_UID = 'controller-uid';

const MAX_INDEXED_PARALLELISM = 100_000;
const COMPLETIONS_SOFT_LIMIT = 100_000;
const HIGH_COMPLETIONS_LIMIT = 10_000;
const httpPathRe = /^[A-Za-z0-9/\-._~%!$&'()*+,;=:]+$/;

// IsDomainPrefixedPath, as spec.managedBy uses it.
function domainPrefixedPath(path: string, v: string): FieldError[] {
  if (v === '') return [fieldErr.required(path)];
  const slash = v.indexOf('/');
  if (slash <= 0 || slash === v.length - 1)
    return [fieldErr.invalid(path, v, 'must be a domain-prefixed path (such as "acme.io/foo")')];
  const host = v.slice(0, slash);
  const rest = v.slice(slash + 1);
  const errs = isDNS1123Subdomain(host).map((m) => fieldErr.invalid(path, host, m));
  if (!httpPathRe.test(rest)) errs.push(fieldErr.invalid(path, rest, regexError('Invalid path', "[A-Za-z0-9/\\-._~%!$&'()*+,;=:]+")));
  return errs;
}

function validateIndexedLimits(spec: Obj, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (spec.completions == null) errs.push(fieldErr.required(`${path}.completions`, 'when completion mode is Indexed'));
  if (spec.parallelism != null && spec.parallelism > MAX_INDEXED_PARALLELISM)
    errs.push(fieldErr.invalid(`${path}.parallelism`, spec.parallelism, `must be less than or equal to ${MAX_INDEXED_PARALLELISM} when completion mode is Indexed`));
  if (spec.completions != null && spec.maxFailedIndexes != null && spec.maxFailedIndexes > spec.completions)
    errs.push(fieldErr.invalid(`${path}.maxFailedIndexes`, spec.maxFailedIndexes, 'must be less than or equal to completions'));
  if (spec.maxFailedIndexes != null && spec.maxFailedIndexes > 100_000)
    errs.push(fieldErr.invalid(`${path}.maxFailedIndexes`, spec.maxFailedIndexes, 'must be less than or equal to 100000'));
  if (spec.completions != null && spec.completions > COMPLETIONS_SOFT_LIMIT && spec.backoffLimitPerIndex != null) {
    const tail = `when completions are above ${COMPLETIONS_SOFT_LIMIT} and used with backoff limit per index`;
    if (spec.maxFailedIndexes == null)
      errs.push(fieldErr.required(`${path}.maxFailedIndexes`, `must be specified when completions is above ${COMPLETIONS_SOFT_LIMIT}`));
    if (spec.parallelism != null && spec.parallelism > HIGH_COMPLETIONS_LIMIT)
      errs.push(fieldErr.invalid(`${path}.parallelism`, spec.parallelism, `must be less than or equal to ${HIGH_COMPLETIONS_LIMIT} ${tail}`));
    if (spec.maxFailedIndexes != null && spec.maxFailedIndexes > HIGH_COMPLETIONS_LIMIT)
      errs.push(fieldErr.invalid(`${path}.maxFailedIndexes`, spec.maxFailedIndexes, `must be less than or equal to ${HIGH_COMPLETIONS_LIMIT} ${tail}`));
  }
  return errs;
}

/** validateJobSpec: everything but the selector (CronJob job templates use it as is). */
export function validateJobSpec(spec: Obj, path: string): FieldError[] {
  const errs: FieldError[] = [];
  for (const f of ['parallelism', 'completions', 'activeDeadlineSeconds', 'backoffLimit', 'ttlSecondsAfterFinished', 'backoffLimitPerIndex'])
    errs.push(...nonNegative(spec[f], `${path}.${f}`));
  if (spec.maxFailedIndexes != null) {
    errs.push(...nonNegative(spec.maxFailedIndexes, `${path}.maxFailedIndexes`));
    if (spec.backoffLimitPerIndex == null) errs.push(fieldErr.required(`${path}.backoffLimitPerIndex`, 'when maxFailedIndexes is specified'));
  }
  if (spec.managedBy != null) {
    errs.push(...domainPrefixedPath(`${path}.managedBy`, spec.managedBy));
    if (spec.managedBy.length > 63) errs.push(fieldErr.tooLong(`${path}.managedBy`, 63));
  }
  const mode = spec.completionMode;
  if (mode != null) {
    if (mode !== 'NonIndexed' && mode !== 'Indexed') errs.push(fieldErr.notSupported(`${path}.completionMode`, mode, ['NonIndexed', 'Indexed']));
    if (mode === 'Indexed') errs.push(...validateIndexedLimits(spec, path));
  }
  if (mode == null || mode === 'NonIndexed') {
    for (const f of ['backoffLimitPerIndex', 'maxFailedIndexes'])
      if (spec[f] != null) errs.push(fieldErr.invalid(`${path}.${f}`, spec[f], 'requires indexed completion mode'));
  }
  if (spec.podFailurePolicy != null) errs.push(...validatePodFailurePolicy(spec, `${path}.podFailurePolicy`));
  if (spec.successPolicy != null) errs.push(...validateSuccessPolicy(spec, `${path}.successPolicy`));
  errs.push(...validatePodReplacementPolicy(spec, `${path}.podReplacementPolicy`));
  errs.push(...validatePodTemplateSpec(spec.template ?? {}, `${path}.template`));
  const policy = spec.template?.spec?.restartPolicy ?? '';
  const rp = `${path}.template.spec.restartPolicy`;
  if (policy === 'Always' || policy === '') errs.push(fieldErr.required(rp, 'valid values: "OnFailure", "Never"'));
  else if (policy !== 'OnFailure' && policy !== 'Never') errs.push(fieldErr.notSupported(rp, policy, ['OnFailure', 'Never']));
  else if (spec.podFailurePolicy != null && policy !== 'Never')
    errs.push(fieldErr.invalid(rp, policy, 'only "Never" is supported when podFailurePolicy is specified'));
  return errs;
}

// ValidateHasLabel: the generated label must be present with the expected value.
function hasLabel(labels: Record<string, string> | undefined, key: string, expected: string): FieldError[] {
  const path = `spec.template.metadata.labels[${key}]`;
  if (!labels || !Object.hasOwn(labels, key)) return [fieldErr.required(path, `must be '${expected}'`)];
  return labels[key] === expected ? [] : [rawErr(path, goStringMap(labels), `must be '${expected}'`)];
}

// validateGeneratedSelector: a generated selector must select exactly this job's generated labels.
function validateGeneratedSelector(o: KObject, prefixed: boolean): FieldError[] {
  const spec = o.spec ?? {};
  if (spec.manualSelector === true || spec.selector == null) return [];
  const uid = o.metadata.uid ?? '';
  const name = o.metadata.name ?? '';
  const labels = spec.template?.metadata?.labels;
  const errs: FieldError[] = uid ? [] : [fieldErr.required('metadata.uid')];
  errs.push(...hasLabel(labels, LEGACY_CONTROLLER_UID, uid), ...hasLabel(labels, LEGACY_JOB_NAME, name));
  const expected: Record<string, string> = { [LEGACY_CONTROLLER_UID]: uid, [LEGACY_JOB_NAME]: name };
  if (prefixed) {
    errs.push(...hasLabel(labels, CONTROLLER_UID, uid), ...hasLabel(labels, JOB_NAME, name));
    Object.assign(expected, { [CONTROLLER_UID]: uid, [JOB_NAME]: name });
  }
  const sel = asSelector(spec.selector);
  if (sel !== 'error' && templateLabelsMismatch(sel, expected, '').length)
    errs.push(rawErr('spec.selector', goLabelSelector(spec.selector), '`selector` not auto-generated'));
  return errs;
}

/**
 * ValidateJob. Upstream relaxes the prefixed-label rule on updates of jobs created before 1.27;
 * every job here was created with them, so the rule always applies.
 */
export function validateJob(o: KObject): FieldError[] {
  const spec = o.spec ?? {};
  const errs = validateGeneratedSelector(o, true);
  errs.push(...validateJobSpec(spec, 'spec'));
  if (spec.selector == null) errs.push(fieldErr.required('spec.selector'));
  else errs.push(...validateLabelSelector(spec.selector, 'spec.selector'));
  const sel = asSelector(spec.selector);
  if (sel !== 'error') errs.push(...templateLabelsMismatch(sel, spec.template?.metadata?.labels, 'spec.template.metadata.labels'));
  if (spec.completionMode === 'Indexed' && spec.completions > 0) {
    const host = `${o.metadata.name}-${spec.completions - 1}`;
    if (isDNS1123Label(host).length)
      errs.push(fieldErr.invalid('metadata.name', o.metadata.name, `will not able to create pod with invalid DNS label: ${host}`));
  }
  return errs;
}

const goInt32Ptr = (v: unknown) => (typeof v === 'number' ? String(v) : '"null"');

// Scheduling directives of a suspended job that never started may change (KEP-2926).
function comparableTemplate(t: Obj | undefined, mutable: boolean): Obj | undefined {
  if (!mutable || !t) return t;
  const { labels: _l, annotations: _a, ...meta } = t.metadata ?? {};
  const { nodeSelector: _n, tolerations: _t, schedulingGates: _g, affinity, ...podSpec } = t.spec ?? {};
  const { nodeAffinity: _na, ...otherAffinity } = affinity ?? {};
  return { ...t, metadata: meta, spec: { ...podSpec, affinity: otherAffinity } };
}

/** ValidateJobSpecUpdate (ValidateJob itself runs as `validate`): what may not change. */
export function validateJobUpdate(o: KObject, old: KObject): FieldError[] {
  const errs: FieldError[] = [];
  const spec = o.spec ?? {};
  const prev = old.spec ?? {};
  if (!semanticEqual(spec.completions, prev.completions)) {
    // ElasticIndexedJob (GA): Indexed jobs may scale completions together with parallelism.
    if (spec.completionMode !== 'Indexed') errs.push(immutableRaw('spec.completions', goInt32Ptr(spec.completions)));
    else if (spec.completions != null && spec.completions !== spec.parallelism)
      errs.push(fieldErr.invalid('spec.completions', spec.completions, 'can only be modified in tandem with spec.parallelism'));
  }
  if (!semanticEqual(spec.selector, prev.selector)) errs.push(immutableRaw('spec.selector', goLabelSelector(spec.selector)));
  const mutable = prev.suspend === true && !old.status?.startTime;
  if (!semanticEqual(comparableTemplate(spec.template, mutable), comparableTemplate(prev.template, mutable)))
    errs.push(immutableRaw('spec.template', goPodTemplateSpec(spec.template)));
  if (!semanticEqual(spec.completionMode, prev.completionMode))
    errs.push(immutableRaw('spec.completionMode', spec.completionMode == null ? '"null"' : JSON.stringify(spec.completionMode)));
  for (const f of ['podFailurePolicy', 'backoffLimitPerIndex', 'managedBy', 'successPolicy'])
    if (!semanticEqual(spec[f], prev[f])) errs.push(immutableRaw(`spec.${f}`, goScalarOrStruct(spec[f])));
  return errs;
}

// Scalars print bare or quoted; structs are summarised (their full %#v is rarely useful).
function goScalarOrStruct(v: unknown): string {
  if (v === undefined || v === null) return '"null"';
  if (typeof v === 'number') return String(v);
  if (typeof v === 'string') return JSON.stringify(v);
  return `${JSON.stringify(v)}`;
}
