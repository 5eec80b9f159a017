import { fieldErr, type FieldError } from '../../../api/errors';
import { isQualifiedName } from '../../../api/validation';
import { ageColumn, col, defineResource, nameColumn } from '../common';
import { age, arr, canonicalResourceList, goTypedSlice, invalidEach, isObject, quantity, quantityString, rawInvalid, sortedKeys, type Json } from './helpers';

const STANDARD_RESOURCES = new Set([
  'cpu', 'memory', 'ephemeral-storage', 'requests.cpu', 'requests.memory', 'requests.ephemeral-storage',
  'limits.cpu', 'limits.memory', 'limits.ephemeral-storage', 'pods', 'resourcequotas', 'services',
  'replicationcontrollers', 'secrets', 'configmaps', 'persistentvolumeclaims', 'storage', 'requests.storage',
  'services.nodeports', 'services.loadbalancers',
]);
const QUOTA_RESOURCES = new Set([...STANDARD_RESOURCES].filter((r) => r !== 'storage'));
const INTEGER_RESOURCES = new Set([
  'pods', 'resourcequotas', 'services', 'replicationcontrollers', 'secrets', 'configmaps', 'persistentvolumeclaims',
  'services.nodeports', 'services.loadbalancers',
]);
const SCOPES = ['Terminating', 'NotTerminating', 'BestEffort', 'NotBestEffort', 'PriorityClass', 'CrossNamespacePodAffinity'];
const POD_RESOURCES = new Set(['pods', 'cpu', 'memory', 'limits.cpu', 'limits.memory', 'requests.cpu', 'requests.memory']);

const isHugePages = (n: string) => n.startsWith('hugepages-') || n.startsWith('requests.hugepages-');
const isNative = (n: string) => !n.includes('/') || n.includes('kubernetes.io/');
/** IsExtendedResourceName: a non-native, qualified name (quota counts them as integers). */
const isExtended = (n: string) => !isNative(n) && !n.startsWith('requests.') && !isQualifiedName(`requests.${n}`).length;

/** ValidateResourceQuotaResourceName. */
export function validateQuotaResourceName(name: string, field: string): FieldError[] {
  const errs = invalidEach(field, name, isQualifiedName(name));
  if (errs.length) return errs;
  if (!name.includes('/')) {
    if (!STANDARD_RESOURCES.has(name) && !isHugePages(name)) errs.push(fieldErr.invalid(field, name, 'must be a standard resource type or fully qualified'));
    if (!QUOTA_RESOURCES.has(name) && !isHugePages(name)) errs.push(fieldErr.invalid(field, name, 'must be a standard resource for quota'));
  }
  return errs;
}

/** ValidateResourceQuantityValue: non-negative, and whole numbers for countable resources. */
export function validateQuantityValue(name: string, value: unknown, field: string): FieldError[] {
  const q = quantity(value);
  if (!q) return [];
  const errs: FieldError[] = [];
  if (q.nanos < 0n) errs.push(fieldErr.invalid(field, quantityString(value), 'must be greater than or equal to 0'));
  if ((INTEGER_RESOURCES.has(name) || isExtended(name)) && q.nanos % 1_000_000_000n !== 0n)
    errs.push(fieldErr.invalid(field, quantityString(value), 'must be an integer'));
  return errs;
}

function validateList(list: Json, path: string): FieldError[] {
  const errs: FieldError[] = [];
  for (const k of sortedKeys(list)) {
    errs.push(...validateQuotaResourceName(k, `${path}[${k}]`));
    errs.push(...validateQuantityValue(k, list[k], `${path}[${k}]`));
  }
  return errs;
}

function validateScopes(spec: Json): FieldError[] {
  const scopes: string[] = arr(spec.scopes);
  if (!scopes.length) return [];
  const errs: FieldError[] = [];
  const value = goTypedSlice('core.ResourceQuotaScope', scopes);
  const hard = sortedKeys(spec.hard);
  for (const s of scopes) {
    if (!SCOPES.includes(s)) errs.push(rawInvalid('spec.scopes', value, 'unsupported scope'));
    for (const k of hard) {
      const std = QUOTA_RESOURCES.has(k) || isHugePages(k);
      const valid = s === 'BestEffort' ? k === 'pods' : SCOPES.includes(s) ? POD_RESOURCES.has(k) : true;
      if (std && !valid) errs.push(rawInvalid('spec.scopes', value, 'unsupported scope applied to resource'));
    }
  }
  const has = (a: string, b: string) => scopes.includes(a) && scopes.includes(b);
  if (has('BestEffort', 'NotBestEffort')) errs.push(rawInvalid('spec.scopes', value, 'conflicting scopes'));
  if (has('Terminating', 'NotTerminating')) errs.push(rawInvalid('spec.scopes', value, 'conflicting scopes'));
  return errs;
}

/** `name: used/hard, ` pairs split into requests and `limits.*` columns (printResourceQuota). */
export function quotaCells(o: Json): [string, string] {
  const hard = o.status?.hard ?? {};
  const used = o.status?.used ?? {};
  const req: string[] = [];
  const lim: string[] = [];
  for (const k of sortedKeys(hard)) {
    const cell = `${k}: ${quantityString(used[k])}/${quantityString(hard[k])}`;
    const parts = k.split('.');
    (parts.length > 1 && parts[0] === 'limits' ? lim : req).push(cell);
  }
  return [req.join(', '), lim.join(', ')];
}

/** core/v1 ResourceQuota. The quota controller fills status.hard/used; creation starts with an empty status. */
export const resourceQuotas = defineResource({
  group: '',
  version: 'v1',
  kind: 'ResourceQuota',
  plural: 'resourcequotas',
  singular: 'resourcequota',
  shortNames: ['quota'],
  namespaced: true,
  subresources: ['status'],
  hasStatus: true,
  prepareForCreate(o) {
    o.status = {};
  },
  defaults(o) {
    canonicalResourceList(o.spec?.hard);
    canonicalResourceList(o.status?.hard);
    canonicalResourceList(o.status?.used);
  },
  validate(o) {
    const spec = isObject(o.spec) ? o.spec : {};
    return [
      ...validateList(spec.hard, 'spec.hard'),
      ...validateScopes(spec),
      ...validateList(o.status?.hard, 'status.hard'),
      ...validateList(o.status?.used, 'status.used'),
    ];
  },
  validateUpdate(o, old) {
    const a = new Set<string>(arr(old.spec?.scopes));
    const b = new Set<string>(arr(o.spec?.scopes));
    const same = a.size === b.size && [...a].every((s) => b.has(s));
    return same ? [] : [rawInvalid('spec.scopes', goTypedSlice('core.ResourceQuotaScope', o.spec?.scopes), 'field is immutable')];
  },
  // 1.32's printer puts AGE second (it moved to the end in 1.33)
  columns: [
    nameColumn,
    ageColumn,
    col('Request', 'string', 0, 'Request represents a minimum amount of cpu/memory that a container may consume.'),
    col('Limit', 'string', 0, 'Limits control the maximum amount of cpu/memory that a container may use independent of contention on the node.'),
  ],
  row: (o, now) => [o.metadata.name, age(o, now), ...quotaCells(o)],
});
