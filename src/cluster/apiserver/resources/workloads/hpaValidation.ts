/**
 * HorizontalPodAutoscaler validation (pkg/apis/autoscaling/validation, v1.32 with HPAScaleToZero
 * off): replica bounds, scaleTargetRef, metric sources and targets, behavior rules.
 */
import { FieldErrorType, fieldErr, type FieldError } from '../../../api/errors';
import { parseQuantity } from '../../../api/quantity';
import type { KObject } from '../../../api/types';
import { isDNS1123Label } from '../../../api/validation';
import { rawErr } from './goValues';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Obj = Record<string, any>;

const MAX_PERIOD_SECONDS = 1800;
const MAX_STABILIZATION_SECONDS = 3600;
const SOURCE_TYPES = ['ContainerResource', 'External', 'Object', 'Pods', 'Resource'];
const FIELD_OF: Record<string, string> = {
  Object: 'object',
  Pods: 'pods',
  Resource: 'resource',
  External: 'external',
  ContainerResource: 'containerResource',
};

/** path.IsValidPathSegmentName. */
export function pathSegmentErrors(name: string): string[] {
  if (name === '.' || name === '..') return [`may not be '${name}'`];
  return ['/', '%'].filter((c) => name.includes(c)).map((c) => `may not contain '${c}'`);
}

function crossVersionRef(ref: Obj | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  for (const f of ['kind', 'name']) {
    const v = ref?.[f] ?? '';
    if (v === '') errs.push(fieldErr.required(`${path}.${f}`));
    else for (const msg of pathSegmentErrors(v)) errs.push(fieldErr.invalid(`${path}.${f}`, v, msg));
  }
  return errs;
}

function metricIdentifier(id: Obj | undefined, path: string): FieldError[] {
  const name = id?.name ?? '';
  if (name === '') return [fieldErr.required(`${path}.name`, 'must specify a metric name')];
  return pathSegmentErrors(name).map((msg) => fieldErr.invalid(`${path}.name`, name, msg));
}

// resource.Quantity has no value-receiver String(): %#v shows its internals.
function goQuantity(text: string): string {
  const m = /^([+-]?)0*([0-9]*)(?:\.([0-9]*))?([a-zA-Z]*)([+-]?[0-9]*)$/.exec(text);
  const digits = `${m?.[2] ?? ''}${m?.[3] ?? ''}` || '0';
  const exp = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 }[m?.[4] ?? ''] ?? 0;
  const value = BigInt(digits) * (m?.[1] === '-' ? -1n : 1n);
  return `resource.Quantity{i:resource.int64Amount{value:${value}, scale:${exp - (m?.[3] ?? '').length}}, d:resource.infDecAmount{Dec:(*inf.Dec)(nil)}, s:${JSON.stringify(text)}, Format:"DecimalSI"}`;
}

function positiveQuantity(v: unknown, path: string): FieldError[] {
  if (v === undefined || v === null) return [];
  let positive = false;
  try {
    positive = parseQuantity(String(v)).nanos > 0n;
  } catch {
    positive = false;
  }
  return positive ? [] : [rawErr(path, goQuantity(String(v)), 'must be positive')];
}

function metricTarget(t: Obj | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const type = t?.type ?? '';
  if (type === '') errs.push(fieldErr.required(`${path}.type`, 'must specify a metric target type'));
  if (!['Utilization', 'Value', 'AverageValue'].includes(type))
    errs.push(fieldErr.invalid(`${path}.type`, type, 'must be either Utilization, Value, or AverageValue'));
  errs.push(...positiveQuantity(t?.value, `${path}.value`), ...positiveQuantity(t?.averageValue, `${path}.averageValue`));
  if (t?.averageUtilization != null && t.averageUtilization < 1)
    errs.push(fieldErr.invalid(`${path}.averageUtilization`, t.averageUtilization, 'must be greater than 0'));
  return errs;
}

function utilizationOrValue(t: Obj | undefined, path: string): FieldError[] {
  if (t?.averageUtilization == null && t?.averageValue == null)
    return [fieldErr.required(`${path}.averageUtilization`, 'must set either a target raw value or a target utilization')];
  if (t?.averageUtilization != null && t?.averageValue != null)
    return [fieldErr.forbidden(`${path}.averageValue`, 'may not set both a target raw value and a target utilization')];
  return [];
}

function validateSource(field: string, src: Obj, path: string): FieldError[] {
  const tp = `${path}.target`;
  const t = src.target;
  switch (field) {
    case 'object': {
      const errs = [...crossVersionRef(src.describedObject, `${path}.describedObject`), ...metricIdentifier(src.metric, `${path}.metric`), ...metricTarget(t, tp)];
      if (t?.value == null && t?.averageValue == null) errs.push(fieldErr.required(`${tp}.averageValue`, 'must set either a target value or averageValue'));
      return errs;
    }
    case 'external': {
      const errs = [...metricIdentifier(src.metric, `${path}.metric`), ...metricTarget(t, tp)];
      if (t?.value == null && t?.averageValue == null)
        errs.push(fieldErr.required(`${tp}.averageValue`, 'must set either a target value for metric or a per-pod target'));
      if (t?.value != null && t?.averageValue != null)
        errs.push(fieldErr.forbidden(`${tp}.value`, 'may not set both a target value for metric and a per-pod target'));
      return errs;
    }
    case 'pods': {
      const errs = [...metricIdentifier(src.metric, `${path}.metric`), ...metricTarget(t, tp)];
      if (t?.averageValue == null) errs.push(fieldErr.required(`${tp}.averageValue`, 'must specify a positive target averageValue'));
      return errs;
    }
    case 'containerResource': {
      const errs: FieldError[] = [];
      if (!src.name) errs.push(fieldErr.required(`${path}.name`, 'must specify a resource name'));
      if (!src.container) errs.push(fieldErr.required(`${path}.container`, 'must specify a container'));
      else for (const msg of isDNS1123Label(src.container)) errs.push(fieldErr.invalid(`${path}.container`, src.container, msg));
      return [...errs, ...metricTarget(t, tp), ...utilizationOrValue(t, tp)];
    }
    default: {
      const errs = src.name ? [] : [fieldErr.required(`${path}.name`, 'must specify a resource name')];
      return [...errs, ...metricTarget(t, tp), ...utilizationOrValue(t, tp)];
    }
  }
}

function validateMetricSpec(spec: Obj, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const type = spec.type ?? '';
  if (type === '') errs.push(fieldErr.required(`${path}.type`, 'must specify a metric source type'));
  if (!SOURCE_TYPES.includes(type)) errs.push(fieldErr.notSupported(`${path}.type`, type, SOURCE_TYPES));
  // only the first populated source (in this order) is validated
  const present = ['object', 'external', 'pods', 'resource', 'containerResource'].filter((f) => spec[f] != null);
  if (present.length) errs.push(...validateSource(present[0]!, spec[present[0]!], `${path}.${present[0]}`));
  const expected = FIELD_OF[type];
  if (expected === undefined) errs.push(fieldErr.notSupported(`${path}.type`, type, SOURCE_TYPES));
  else if (spec[expected] == null) errs.push(fieldErr.required(`${path}.${expected}`, 'must populate information for the given metric source'));
  if (present.length !== 1)
    for (const f of present.filter((f) => f !== expected)) errs.push(fieldErr.forbidden(`${path}.${f}`, 'must populate the given metric source only'));
  return errs;
}

function validateScalingRules(rules: Obj | undefined | null, path: string): FieldError[] {
  if (rules == null) return [];
  const errs: FieldError[] = [];
  const w = rules.stabilizationWindowSeconds;
  if (w != null && w < 0) errs.push(fieldErr.invalid(`${path}.stabilizationWindowSeconds`, w, 'must be greater than or equal to zero'));
  if (w != null && w > MAX_STABILIZATION_SECONDS)
    errs.push(fieldErr.invalid(`${path}.stabilizationWindowSeconds`, w, `must be less than or equal to ${MAX_STABILIZATION_SECONDS}`));
  if (rules.selectPolicy != null && !['Disabled', 'Max', 'Min'].includes(rules.selectPolicy))
    errs.push(fieldErr.notSupported(`${path}.selectPolicy`, rules.selectPolicy, ['Disabled', 'Max', 'Min']));
  const policies: Obj[] = rules.policies ?? [];
  if (policies.length === 0) errs.push(fieldErr.required(`${path}.policies`, 'must specify at least one Policy'));
  policies.forEach((p, i) => {
    const pp = `${path}.policies[${i}]`;
    if (p.type !== 'Pods' && p.type !== 'Percent') errs.push(fieldErr.notSupported(`${pp}.type`, p.type ?? '', ['Percent', 'Pods']));
    if (!((p.value ?? 0) > 0)) errs.push(fieldErr.invalid(`${pp}.value`, p.value ?? 0, 'must be greater than zero'));
    const period = p.periodSeconds ?? 0;
    if (period <= 0) errs.push(fieldErr.invalid(`${pp}.periodSeconds`, period, 'must be greater than zero'));
    if (period > MAX_PERIOD_SECONDS) errs.push(fieldErr.invalid(`${pp}.periodSeconds`, period, `must be less than or equal to ${MAX_PERIOD_SECONDS}`));
  });
  return errs;
}

/** validateHorizontalPodAutoscalerSpec with minReplicas ≥ 1 (scale-to-zero is alpha and off). */
export function validateHPA(o: KObject): FieldError[] {
  const spec = o.spec ?? {};
  const errs: FieldError[] = [];
  const min = spec.minReplicas;
  const max = spec.maxReplicas ?? 0;
  if (min != null && min < 1) errs.push(fieldErr.invalid('spec.minReplicas', min, 'must be greater than or equal to 1'));
  if (max < 1) errs.push(fieldErr.invalid('spec.maxReplicas', max, 'must be greater than 0'));
  if (min != null && max < min) errs.push(fieldErr.invalid('spec.maxReplicas', max, 'must be greater than or equal to `minReplicas`'));
  errs.push(...crossVersionRef(spec.scaleTargetRef, 'spec.scaleTargetRef'));
  const metrics: Obj[] = spec.metrics ?? [];
  metrics.forEach((m, i) => errs.push(...validateMetricSpec(m ?? {}, `spec.metrics[${i}]`)));
  if (min === 0 && !metrics.some((m) => m?.type === 'Object' || m?.type === 'External'))
    errs.push({ type: FieldErrorType.Forbidden, field: 'spec.metrics', detail: 'must specify at least one Object or External metric to support scaling to zero replicas' });
  if (spec.behavior != null) {
    errs.push(...validateScalingRules(spec.behavior.scaleUp, 'spec.behavior.scaleUp'));
    errs.push(...validateScalingRules(spec.behavior.scaleDown, 'spec.behavior.scaleDown'));
  }
  return errs;
}
