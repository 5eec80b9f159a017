/**
 * Scheduling-related PodSpec validation (ValidateTolerations, validateAffinity,
 * validateTopologySpreadConstraints, v1.32).
 */
import { fieldErr, type FieldError } from '../../../api/errors';
import { isValidLabelValue, nameIsDNSLabel, nameIsDNSSubdomain, validateLabelName, validateLabelSelector } from '../../../api/validation';
import { arr, isObj, str, type Json } from './validationHelpers';

/** ValidateTolerations. */
// Frozen tolerations that passed (the shared defaults every pod gets): they cannot change, so they pass again.
const validFrozen = new WeakSet<object>();

export function validateTolerations(tolerations: unknown, path: string): FieldError[] {
  const errs: FieldError[] = [];
  arr(tolerations).forEach((t, i) => {
    if (validFrozen.has(t)) return;
    const before = errs.length;
    const p = `${path}[${i}]`;
    const key = str(t?.key);
    const op = str(t?.operator);
    const effect = str(t?.effect);
    const value = str(t?.value);
    if (key) errs.push(...validateLabelName(key, `${p}.key`));
    if (!key && op !== 'Exists')
      errs.push(fieldErr.invalid(`${p}.operator`, op, 'operator must be Exists when `key` is empty, which means "match all values and all keys"'));
    if (t?.tolerationSeconds != null && effect !== 'NoExecute')
      errs.push(fieldErr.invalid(`${p}.effect`, effect, "effect must be 'NoExecute' when `tolerationSeconds` is set"));
    if (op === 'Equal' || op === '') {
      const msgs = isValidLabelValue(value);
      if (msgs.length) errs.push(fieldErr.invalid(`${p}.operator`, value, msgs.join(';')));
    } else if (op === 'Exists') {
      if (value) errs.push(fieldErr.invalid(`${p}.operator`, value, "value must be empty when `operator` is 'Exists'"));
    } else errs.push(fieldErr.notSupported(`${p}.operator`, op, ['Equal', 'Exists']));
    if (effect && !['NoSchedule', 'PreferNoSchedule', 'NoExecute'].includes(effect))
      errs.push(fieldErr.notSupported(`${p}.effect`, effect, ['NoSchedule', 'PreferNoSchedule', 'NoExecute']));
    if (errs.length === before && isObj(t) && Object.isFrozen(t)) validFrozen.add(t);
  });
  return errs;
}

function nodeSelectorRequirement(r: Json, allowInvalidValues: boolean, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const values = arr(r?.values);
  switch (r?.operator) {
    case 'In':
    case 'NotIn':
      if (!values.length) errs.push(fieldErr.required(`${path}.values`, "must be specified when `operator` is 'In' or 'NotIn'"));
      break;
    case 'Exists':
    case 'DoesNotExist':
      if (values.length) errs.push(fieldErr.forbidden(`${path}.values`, "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"));
      break;
    case 'Gt':
    case 'Lt':
      if (values.length !== 1) errs.push(fieldErr.required(`${path}.values`, "must be specified single value when `operator` is 'Lt' or 'Gt'"));
      break;
    default:
      errs.push(fieldErr.invalid(`${path}.operator`, str(r?.operator), 'not a valid selector operator'));
  }
  errs.push(...validateLabelName(str(r?.key), `${path}.key`));
  if (!allowInvalidValues)
    values.forEach((v, i) => {
      for (const m of isValidLabelValue(str(v))) errs.push(fieldErr.invalid(`${path}.values[${i}]`, str(v), m));
    });
  return errs;
}

function nodeFieldRequirement(r: Json, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const values = arr(r?.values);
  if (r?.operator === 'In' || r?.operator === 'NotIn') {
    if (values.length !== 1)
      errs.push(fieldErr.required(`${path}.values`, "must be only one value when `operator` is 'In' or 'NotIn' for node field selector"));
  } else errs.push(fieldErr.invalid(`${path}.operator`, str(r?.operator), 'not a valid selector operator'));
  if (r?.key !== 'metadata.name') errs.push(fieldErr.invalid(`${path}.key`, str(r?.key), 'not a valid field selector key'));
  else values.forEach((v, i) => nameIsDNSSubdomain(str(v), false).forEach((m) => errs.push(fieldErr.invalid(`${path}.values[${i}]`, str(v), m))));
  return errs;
}

function nodeSelectorTerm(term: Json, allowInvalidValues: boolean, path: string): FieldError[] {
  const errs: FieldError[] = [];
  arr(term?.matchExpressions).forEach((r, j) => errs.push(...nodeSelectorRequirement(r, allowInvalidValues, `${path}.matchExpressions[${j}]`)));
  arr(term?.matchFields).forEach((r, j) => errs.push(...nodeFieldRequirement(r, `${path}.matchFields[${j}]`)));
  return errs;
}

const weightErr = (w: unknown, path: string) =>
  typeof w !== 'number' || w <= 0 || w > 100 ? [fieldErr.invalid(path, typeof w === 'number' ? w : 0, 'must be in the range 1-100')] : [];

function podAffinityTerm(t: Json, path: string): FieldError[] {
  const errs = [...validateLabelSelector(t?.labelSelector, `${path}.labelSelector`), ...validateLabelSelector(t?.namespaceSelector, `${path}.namespaceSelector`)];
  for (const ns of arr(t?.namespaces)) for (const m of nameIsDNSLabel(str(ns), false)) errs.push(fieldErr.invalid(`${path}.namespace`, str(ns), m));
  if (!str(t?.topologyKey)) errs.push(fieldErr.required(`${path}.topologyKey`, 'can not be empty'));
  return errs.concat(validateLabelName(str(t?.topologyKey), `${path}.topologyKey`));
}

function podAffinity(a: Json, path: string): FieldError[] {
  const errs: FieldError[] = [];
  arr(a?.requiredDuringSchedulingIgnoredDuringExecution).forEach((t, i) =>
    errs.push(...podAffinityTerm(t, `${path}.requiredDuringSchedulingIgnoredDuringExecution[${i}]`)),
  );
  arr(a?.preferredDuringSchedulingIgnoredDuringExecution).forEach((w, i) => {
    const p = `${path}.preferredDuringSchedulingIgnoredDuringExecution[${i}]`;
    errs.push(...weightErr(w?.weight, `${p}.weight`), ...podAffinityTerm(w?.podAffinityTerm, `${p}.podAffinityTerm`));
  });
  return errs;
}

/** validateAffinity. */
export function validateAffinity(aff: Json, path: string): FieldError[] {
  if (!isObj(aff)) return [];
  const errs: FieldError[] = [];
  const na = aff.nodeAffinity;
  if (isObj(na)) {
    const req = na.requiredDuringSchedulingIgnoredDuringExecution;
    const rp = `${path}.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution`;
    if (isObj(req)) {
      const terms = arr(req.nodeSelectorTerms);
      if (!terms.length) errs.push(fieldErr.required(`${rp}.nodeSelectorTerms`, 'must have at least one node selector term'));
      terms.forEach((t, i) => errs.push(...nodeSelectorTerm(t, false, `${rp}.nodeSelectorTerms[${i}]`)));
    }
    arr(na.preferredDuringSchedulingIgnoredDuringExecution).forEach((t, i) => {
      const p = `${path}.nodeAffinity.preferredDuringSchedulingIgnoredDuringExecution[${i}]`;
      errs.push(...weightErr(t?.weight, `${p}.weight`), ...nodeSelectorTerm(t?.preference, true, `${p}.preference`));
    });
  }
  if (isObj(aff.podAffinity)) errs.push(...podAffinity(aff.podAffinity, `${path}.podAffinity`));
  if (isObj(aff.podAntiAffinity)) errs.push(...podAffinity(aff.podAntiAffinity, `${path}.podAntiAffinity`));
  return errs;
}

/** validateTopologySpreadConstraints. */
export function validateTopologySpread(constraints: unknown, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const list = arr(constraints);
  list.forEach((c, i) => {
    const p = `${path}[${i}]`;
    const skew = typeof c?.maxSkew === 'number' ? c.maxSkew : 0;
    if (skew <= 0) errs.push(fieldErr.invalid(`${p}.maxSkew`, skew, 'must be greater than zero'));
    if (!str(c?.topologyKey)) errs.push(fieldErr.required(`${p}.topologyKey`, 'can not be empty'));
    const when = str(c?.whenUnsatisfiable);
    if (!['DoNotSchedule', 'ScheduleAnyway'].includes(when))
      errs.push(fieldErr.notSupported(`${p}.whenUnsatisfiable`, when, ['DoNotSchedule', 'ScheduleAnyway']));
    if (list.slice(i + 1).some((o) => str(o?.topologyKey) === str(c?.topologyKey) && str(o?.whenUnsatisfiable) === when))
      errs.push(fieldErr.duplicate(`${p}.{topologyKey, whenUnsatisfiable}`, `{${str(c?.topologyKey)}, ${when}}`));
    if (c?.minDomains != null) {
      if (c.minDomains <= 0) errs.push(fieldErr.invalid(`${p}.minDomains`, c.minDomains, 'must be greater than zero'));
      if (when !== 'DoNotSchedule')
        errs.push(fieldErr.invalid(`${p}.minDomains`, c.minDomains, `can only use minDomains if whenUnsatisfiable=DoNotSchedule, not ${when}`));
    }
    for (const k of ['nodeAffinityPolicy', 'nodeTaintsPolicy'])
      if (c?.[k] != null && !['Honor', 'Ignore'].includes(c[k])) errs.push(fieldErr.notSupported(`${p}.${k}`, c[k], ['Honor', 'Ignore']));
    errs.push(...validateLabelSelector(c?.labelSelector, `${p}.labelSelector`));
  });
  return errs;
}
