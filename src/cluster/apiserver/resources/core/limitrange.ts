import { fieldErr, type FieldError } from '../../../api/errors';
import { formatQuantity, type Quantity } from '../../../api/quantity';
import { isQualifiedName } from '../../../api/validation';
import { defaultColumns, defaultRow, defineResource } from '../common';
import { arr, canonicalResourceList, invalidEach, isObject, quantity, sortedKeys, str, type Json } from './helpers';

const LIMIT_TYPES = new Set(['Pod', 'Container', 'PersistentVolumeClaim']);
const STANDARD_RESOURCES = new Set([
  'cpu', 'memory', 'ephemeral-storage', 'requests.cpu', 'requests.memory', 'requests.ephemeral-storage',
  'limits.cpu', 'limits.memory', 'limits.ephemeral-storage', 'pods', 'resourcequotas', 'services',
  'replicationcontrollers', 'secrets', 'configmaps', 'persistentvolumeclaims', 'storage', 'requests.storage',
  'services.nodeports', 'services.loadbalancers',
]);
const CONTAINER_RESOURCES = new Set(['cpu', 'memory', 'ephemeral-storage']);
const hugePages = (n: string) => n.startsWith('hugepages-');
const isNative = (n: string) => !n.includes('/') || n.includes('kubernetes.io/');
// overcommit is allowed for everything but hugepages and extended resources
const overcommitAllowed = (n: string) => isNative(n) && !hugePages(n);

/** validateResourceName (+ the container-only rules for Pod and Container limits). */
function validateName(type: string, name: string, field: string): FieldError[] {
  const errs = invalidEach(field, name, isQualifiedName(name));
  if (errs.length) return errs;
  if (!name.includes('/') && !STANDARD_RESOURCES.has(name) && !hugePages(name))
    return [fieldErr.invalid(field, name, 'must be a standard resource type or fully qualified')];
  if (type !== 'Pod' && type !== 'Container') return [];
  if (!name.includes('/')) {
    if (!CONTAINER_RESOURCES.has(name) && !hugePages(name)) return [fieldErr.invalid(field, name, 'must be a standard resource for containers')];
  } else if (!isNative(name) && (name.startsWith('requests.') || isQualifiedName(`requests.${name}`).length))
    return [fieldErr.invalid(field, name, "doesn't follow extended resource name standard")];
  return [];
}

const s = (q: Quantity) => formatQuantity(q);

function validateItem(item: Json, p: string, seenTypes: Set<string>): FieldError[] {
  const type = str(item?.type);
  const errs = invalidEach(`${p}.type`, type, isQualifiedName(type));
  if (!errs.length && !type.includes('/') && !LIMIT_TYPES.has(type))
    errs.push(fieldErr.invalid(`${p}.type`, type, 'must be a standard limit type or fully qualified'));
  if (seenTypes.has(type)) errs.push(fieldErr.duplicate(`${p}.type`, type));
  seenTypes.add(type);
  const maps: Record<string, Map<string, Quantity>> = {};
  const read = (key: string) => {
    const m = new Map<string, Quantity>();
    for (const k of sortedKeys(item?.[key])) {
      errs.push(...validateName(type, k, `${p}.${key}[${k}]`));
      const q = quantity(item[key][k]);
      if (q) m.set(k, q);
    }
    maps[key] = m;
  };
  read('max');
  read('min');
  if (type === 'Pod') {
    if (Object.keys(item?.default ?? {}).length) errs.push(fieldErr.forbidden(`${p}.default`, "may not be specified when `type` is 'Pod'"));
    if (Object.keys(item?.defaultRequest ?? {}).length) errs.push(fieldErr.forbidden(`${p}.defaultRequest`, "may not be specified when `type` is 'Pod'"));
    maps.default = new Map();
    maps.defaultRequest = new Map();
  } else {
    read('default');
    read('defaultRequest');
  }
  if (type === 'PersistentVolumeClaim' && !maps.min!.has('storage') && !maps.max!.has('storage'))
    errs.push(fieldErr.required(`${p}.limits`, 'either minimum or maximum storage value is required, but neither was provided'));
  read('maxLimitRequestRatio');
  const keys = new Set(Object.values(maps).flatMap((m) => [...m.keys()]));
  for (const k of [...keys].sort()) {
    const [min, max, def, req, ratio] = ['min', 'max', 'default', 'defaultRequest', 'maxLimitRequestRatio'].map((m) => maps[m]!.get(k));
    const f = (m: string) => `${p}.${m}[${k}]`;
    if (min && max && min.nanos > max.nanos) errs.push(fieldErr.invalid(f('min'), s(min), `min value ${s(min)} is greater than max value ${s(max)}`));
    if (req && min && min.nanos > req.nanos)
      errs.push(fieldErr.invalid(f('defaultRequest'), s(req), `min value ${s(min)} is greater than default request value ${s(req)}`));
    if (req && max && req.nanos > max.nanos)
      errs.push(fieldErr.invalid(f('defaultRequest'), s(req), `default request value ${s(req)} is greater than max value ${s(max)}`));
    if (req && def && req.nanos > def.nanos)
      errs.push(fieldErr.invalid(f('defaultRequest'), s(req), `default request value ${s(req)} is greater than default limit value ${s(def)}`));
    if (def && min && min.nanos > def.nanos) errs.push(fieldErr.invalid(f('default'), s(min), `min value ${s(min)} is greater than default value ${s(def)}`));
    if (def && max && def.nanos > max.nanos) errs.push(fieldErr.invalid(f('default'), s(max), `default value ${s(def)} is greater than max value ${s(max)}`));
    if (ratio && ratio.nanos < 1_000_000_000n) errs.push(fieldErr.invalid(f('maxLimitRequestRatio'), s(ratio), `ratio ${s(ratio)} is less than 1`));
    if (ratio && min && max) {
      const limit = Number(max.nanos) / Number(min.nanos);
      if (Number(ratio.nanos) / 1e9 > limit)
        errs.push(fieldErr.invalid(f('maxLimitRequestRatio'), s(ratio), `ratio ${s(ratio)} is greater than max/min = ${limit.toFixed(6)}`));
    }
    if (!overcommitAllowed(k) && def && req && def.nanos !== req.nanos)
      errs.push(fieldErr.invalid(f('defaultRequest'), s(req), `default value ${s(def)} must equal to defaultRequest value ${s(req)} in ${k}`));
  }
  return errs;
}

/** SetDefaults_LimitRangeItem: for Container items, default ← max, defaultRequest ← default, then min. */
function defaultItem(item: Json): void {
  if (!isObject(item)) return;
  for (const key of ['max', 'min', 'default', 'defaultRequest', 'maxLimitRequestRatio']) canonicalResourceList(item[key]);
  if (item.type !== 'Container') return;
  const def = (item.default = isObject(item.default) ? item.default : {});
  const req = (item.defaultRequest = isObject(item.defaultRequest) ? item.defaultRequest : {});
  for (const [k, v] of Object.entries(item.max ?? {})) if (!(k in def)) def[k] = v;
  for (const [k, v] of Object.entries(def)) if (!(k in req)) req[k] = v;
  for (const [k, v] of Object.entries(item.min ?? {})) if (!(k in req)) req[k] = v;
}

/** core/v1 LimitRange: no printer upstream, so `kubectl get limits` shows NAME and CREATED AT. */
export const limitRanges = defineResource({
  group: '',
  version: 'v1',
  kind: 'LimitRange',
  plural: 'limitranges',
  singular: 'limitrange',
  shortNames: ['limits'],
  namespaced: true,
  defaults(o) {
    for (const item of arr(o.spec?.limits)) defaultItem(item);
  },
  validate(o) {
    const seen = new Set<string>();
    return arr(o.spec?.limits).flatMap((item, i) => validateItem(item, `spec.limits[${i}]`, seen));
  },
  columns: defaultColumns,
  row: defaultRow,
});
