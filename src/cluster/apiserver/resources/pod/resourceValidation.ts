/**
 * Container resource requirements validation (validateResourceRequirements with
 * validateContainerResourceName, v1.32) and the resource-name helpers of pkg/apis/core/helper.
 * Go ranges over the maps in random order; here keys are visited sorted.
 */
import { fieldErr, type FieldError } from '../../../api/errors';
import { compareQuantity, formatQuantity, parseQuantity, type Quantity } from '../../../api/quantity';
import { isQualifiedName } from '../../../api/validation';
import { invalidRaw, isObj, sortedKeys, type Json } from './validationHelpers';

const standardContainerResources = new Set(['cpu', 'memory', 'ephemeral-storage']);
const standardResources = new Set([
  'cpu', 'memory', 'ephemeral-storage', 'requests.cpu', 'requests.memory', 'requests.ephemeral-storage',
  'limits.cpu', 'limits.memory', 'limits.ephemeral-storage', 'pods', 'services', 'replicationcontrollers',
  'resourcequotas', 'secrets', 'persistentvolumeclaims', 'configmaps', 'requests.storage', 'storage',
  'services.nodeports', 'services.loadbalancers',
]);
const integerResources = new Set([
  'pods', 'services', 'replicationcontrollers', 'resourcequotas', 'secrets', 'configmaps',
  'persistentvolumeclaims', 'services.nodeports', 'services.loadbalancers',
]);

export const isHugePageResourceName = (n: string) => n.startsWith('hugepages-');
const isQuotaHugePage = (n: string) =>
  n.startsWith('hugepages-') || n.startsWith('requests.hugepages-') || n.startsWith('limits.hugepages-');
/** IsNativeResource: unprefixed or in the kubernetes.io domain. */
export const isNativeResource = (n: string) => !n.includes('/') || n.includes('kubernetes.io/');
/** IsExtendedResourceName: a prefixed, non-native name that also works as `requests.<name>`. */
export const isExtendedResourceName = (n: string) =>
  !isNativeResource(n) && !n.startsWith('requests.') && isQualifiedName(`requests.${n}`).length === 0;
/** IsOvercommitAllowed: native, non-hugepage resources may request less than their limit. */
export const isOvercommitAllowed = (n: string) => isNativeResource(n) && !isHugePageResourceName(n);
export const isIntegerResourceName = (n: string) => integerResources.has(n) || isExtendedResourceName(n);
const isStandardResourceName = (n: string) => standardResources.has(n) || isQuotaHugePage(n);

/** validateResourceName then validateContainerResourceName. */
export function validateContainerResourceName(name: string, field: string): FieldError[] {
  const errs = isQualifiedName(name).map((m) => fieldErr.invalid(field, name, m));
  if (errs.length === 0 && !name.includes('/') && !isStandardResourceName(name))
    errs.push(fieldErr.invalid(field, name, 'must be a standard resource type or fully qualified'));
  if (!name.includes('/')) {
    if (!standardContainerResources.has(name) && !isHugePageResourceName(name))
      errs.push(fieldErr.invalid(field, name, 'must be a standard resource for containers'));
  } else if (!isNativeResource(name) && !isExtendedResourceName(name)) {
    errs.push(fieldErr.invalid(field, name, "doesn't follow extended resource name standard"));
  }
  return errs;
}

const QUANTITY_RE_MSG = "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";

function parse(v: unknown): Quantity | undefined {
  if (typeof v !== 'string' && typeof v !== 'number') return undefined;
  try {
    return parseQuantity(v);
  } catch {
    return undefined;
  }
}

/** ValidateResourceQuantityValue: non-negative, integral for integer resources. */
export function validateResourceQuantityValue(name: string, q: Quantity, field: string): FieldError[] {
  const errs: FieldError[] = [];
  if (q.nanos < 0n) errs.push(fieldErr.invalid(field, formatQuantity(q), 'must be greater than or equal to 0'));
  if (isIntegerResourceName(name) && q.nanos % 1_000_000_000n !== 0n)
    errs.push(invalidRaw(field, formatQuantity(q), 'must be an integer'));
  return errs;
}

function hugePageDivisible(name: string, q: Quantity): boolean {
  const size = parse(name.slice('hugepages-'.length));
  if (!size || size.nanos <= 0n || size.nanos % 1_000_000_000n !== 0n) return false;
  return (q.nanos / 1_000_000_000n) % (size.nanos / 1_000_000_000n) === 0n;
}

interface CheckState {
  errs: FieldError[];
  cpuOrMemory: boolean;
  hugePages: boolean;
}

// One resource of a limits/requests list: name, quantity, value rules (a plain function, not a
// closure per call: this runs for every container of every pod).
function checkResource(st: CheckState, name: string, raw: unknown, field: string): Quantity | undefined {
  const errs = st.errs;
  for (const e of validateContainerResourceName(name, field)) errs.push(e);
  const q = parse(raw);
  if (!q) {
    errs.push(fieldErr.invalid(field, raw, QUANTITY_RE_MSG));
    return undefined;
  }
  for (const e of validateResourceQuantityValue(name, q, field)) errs.push(e);
  if (isHugePageResourceName(name)) {
    st.hugePages = true;
    if (!hugePageDivisible(name, q))
      errs.push(fieldErr.invalid(field, formatQuantity(q), `${formatQuantity(q)} is not positive integer multiple of ${name}`));
  }
  if (name === 'cpu' || name === 'memory') st.cpuOrMemory = true;
  return q;
}

/** ValidateContainerResourceRequirements (limits first, then requests against limits). */
export function validateResourceRequirements(res: Json, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (!isObj(res)) return errs;
  const limPath = `${path}.limits`;
  const reqPath = `${path}.requests`;
  const limits = isObj(res.limits) ? res.limits : {};
  const requests = isObj(res.requests) ? res.requests : {};
  const st: CheckState = { errs, cpuOrMemory: false, hugePages: false };
  for (const name of sortedKeys(limits)) checkResource(st, name, limits[name], `${limPath}[${name}]`);
  for (const name of sortedKeys(requests)) {
    const q = checkResource(st, name, requests[name], `${reqPath}[${name}]`);
    if (!q) continue;
    const lim = name in limits ? parse(limits[name]) : undefined;
    if (lim) {
      const cmp = compareQuantity(q, lim);
      if (cmp !== 0 && !isOvercommitAllowed(name))
        errs.push(fieldErr.invalid(reqPath, formatQuantity(q), `must be equal to ${name} limit of ${formatQuantity(lim)}`));
      else if (cmp > 0)
        errs.push(fieldErr.invalid(reqPath, formatQuantity(q), `must be less than or equal to ${name} limit of ${formatQuantity(lim)}`));
    } else if (!(name in limits) && !isOvercommitAllowed(name)) {
      errs.push(fieldErr.required(limPath, 'Limit must be set for non overcommitable resources'));
    }
  }
  if (!st.cpuOrMemory && st.hugePages) errs.push(fieldErr.forbidden(path, 'HugePages require cpu or memory'));
  return errs;
}
