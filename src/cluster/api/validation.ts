/**
 * Object-metadata and label validation as apimachinery pkg/api/validation/objectmeta.go and
 * pkg/apis/meta/v1/validation (v1.32), plus re-exports of the string validators so callers
 * have one import. Map-valued inputs are walked in sorted key order (Go's order is random).
 */
import { FieldErrorType, fieldErr, type FieldError } from './errors';
import { isQualifiedName, isValidLabelValue, nameIsDNSLabel, nameIsDNSSubdomain, utf8Length } from './formats';
import type { NameValidator } from './formats';
import { parseIPSloppy } from './ip';

export * from './formats';

/** IsValidIP: field errors for a value that is not an IPv4/IPv6 address (leading zeros allowed). */
export function isValidIP(path: string, value: string): FieldError[] {
  if (parseIPSloppy(value)) return [];
  return [fieldErr.invalid(path, value, 'must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)')];
}

/** Upstream TotalAnnotationSizeLimitB: 256 KiB over all keys and values. */
export const totalAnnotationSizeLimit = 256 * 1024;

// Sorted by key; label maps are small, so an insertion sort (no scratch arrays, no comparator calls through sort).
function sortedEntries(m: Readonly<Record<string, string>> | undefined | null): [string, string][] {
  if (!m) return [];
  const out = Object.entries(m);
  if (out.length > 16) return out.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  for (let i = 1; i < out.length; i++) {
    const e = out[i];
    let j = i - 1;
    for (; j >= 0 && out[j][0] > e[0]; j--) out[j + 1] = out[j];
    out[j + 1] = e;
  }
  return out;
}

/** ValidateLabelName: the key must be a qualified name; errors carry the key as value. */
export function validateLabelName(name: string, path: string): FieldError[] {
  return isQualifiedName(name).map((msg) => fieldErr.invalid(path, name, msg));
}

/** ValidateLabels: each key a qualified name, each value a valid label value (all errors at `path`). */
export function validateLabels(labels: Readonly<Record<string, string>> | undefined | null, path: string): FieldError[] {
  const errs: FieldError[] = [];
  for (const [k, v] of sortedEntries(labels)) {
    errs.push(...validateLabelName(k, path));
    for (const msg of isValidLabelValue(v)) errs.push(fieldErr.invalid(path, v, msg));
  }
  return errs;
}

/** ValidateAnnotations: keys are case-insensitive qualified names; total size ≤ 256 KiB. */
export function validateAnnotations(annotations: Readonly<Record<string, string>> | undefined | null, path: string): FieldError[] {
  const errs: FieldError[] = [];
  let total = 0;
  for (const [k, v] of sortedEntries(annotations)) {
    for (const msg of isQualifiedName(k.toLowerCase())) errs.push(fieldErr.invalid(path, k, msg));
    total += utf8Length(k) + utf8Length(v);
  }
  if (total > totalAnnotationSizeLimit) errs.push(fieldErr.tooLong(path, totalAnnotationSizeLimit));
  return errs;
}

/** A metav1.LabelSelectorRequirement as it appears in JSON. */
export interface LabelSelectorRequirementLike {
  key: string;
  operator: string;
  values?: readonly string[] | null;
}

/** A metav1.LabelSelector as it appears in JSON. */
export interface LabelSelectorLike {
  matchLabels?: Readonly<Record<string, string>> | null;
  matchExpressions?: readonly LabelSelectorRequirementLike[] | null;
}

/** metav1validation.LabelSelectorValidationOptions. */
export interface LabelSelectorValidationOptions {
  allowInvalidLabelValueInSelector?: boolean;
  allowUnknownOperatorInRequirement?: boolean;
}

/** ValidateLabelSelector: matchLabels as labels, each matchExpression's operator/values/key. Null is valid. */
export function validateLabelSelector(
  ls: LabelSelectorLike | undefined | null,
  path: string,
  opts: LabelSelectorValidationOptions = {},
): FieldError[] {
  if (!ls) return [];
  const errs = validateLabels(ls.matchLabels, `${path}.matchLabels`);
  (ls.matchExpressions ?? []).forEach((expr, i) => {
    errs.push(...validateLabelSelectorRequirement(expr, `${path}.matchExpressions[${i}]`, opts));
  });
  return errs;
}

/** ValidateLabelSelectorRequirement: one matchExpressions entry. */
export function validateLabelSelectorRequirement(
  r: LabelSelectorRequirementLike,
  path: string,
  opts: LabelSelectorValidationOptions = {},
): FieldError[] {
  const errs: FieldError[] = [];
  const values = r.values ?? [];
  switch (r.operator) {
    case 'In':
    case 'NotIn':
      if (values.length === 0)
        errs.push(fieldErr.required(`${path}.values`, "must be specified when `operator` is 'In' or 'NotIn'"));
      break;
    case 'Exists':
    case 'DoesNotExist':
      if (values.length > 0)
        errs.push(fieldErr.forbidden(`${path}.values`, "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"));
      break;
    default:
      if (!opts.allowUnknownOperatorInRequirement)
        errs.push(fieldErr.invalid(`${path}.operator`, r.operator, 'not a valid selector operator'));
  }
  errs.push(...validateLabelName(r.key, `${path}.key`));
  if (!opts.allowInvalidLabelValueInSelector) {
    values.forEach((v, i) => {
      for (const msg of isValidLabelValue(v)) errs.push(fieldErr.invalid(`${path}.values[${i}]`, v, msg));
    });
  }
  return errs;
}

/** A metav1.OwnerReference as it appears in JSON. */
export interface OwnerReferenceLike {
  apiVersion?: string;
  kind?: string;
  name?: string;
  uid?: string;
  controller?: boolean | null;
  blockOwnerDeletion?: boolean | null;
}

/** The parts of metav1.ObjectMeta that validation looks at. */
export interface ObjectMetaLike {
  name?: string;
  generateName?: string;
  namespace?: string;
  generation?: number;
  labels?: Readonly<Record<string, string>> | null;
  annotations?: Readonly<Record<string, string>> | null;
  ownerReferences?: readonly OwnerReferenceLike[] | null;
  finalizers?: readonly string[] | null;
  resourceVersion?: string;
  uid?: string;
  creationTimestamp?: string | null;
  deletionTimestamp?: string | null;
  deletionGracePeriodSeconds?: number | null;
}

/** Options for validateObjectMeta: scope and the kind's name rule (default DNS-1123 subdomain). */
export interface ObjectMetaOptions {
  namespaced: boolean;
  nameValidator?: NameValidator;
}

// %#v of a *bool inside a struct; Go prints an address for non-nil pointers, which we fake.
const goBoolPtr = (b: boolean | null | undefined) => (b === undefined || b === null ? '(*bool)(nil)' : '(*bool)(0xc000010000)');
const goOwnerRef = (r: OwnerReferenceLike) =>
  `v1.OwnerReference{APIVersion:${JSON.stringify(r.apiVersion ?? '')}, Kind:${JSON.stringify(r.kind ?? '')}, ` +
  `Name:${JSON.stringify(r.name ?? '')}, UID:${JSON.stringify(r.uid ?? '')}, Controller:${goBoolPtr(r.controller)}, ` +
  `BlockOwnerDeletion:${goBoolPtr(r.blockOwnerDeletion)}}`;

/** ValidateOwnerReferences: apiVersion/kind/name/uid present, Events banned, at most one controller. */
export function validateOwnerReferences(refs: readonly OwnerReferenceLike[] | undefined | null, path: string): FieldError[] {
  const errs: FieldError[] = [];
  let firstController = '';
  for (const r of refs ?? []) {
    const apiVersion = r.apiVersion ?? '';
    // schema.ParseGroupVersion: more than one '/' is unparseable and leaves the version empty
    const parts = apiVersion === '/' ? ['', ''] : apiVersion.split('/');
    const [group, version] = parts.length === 1 ? ['', parts[0]!] : parts.length === 2 ? [parts[0]!, parts[1]!] : ['', ''];
    if (!version) errs.push(fieldErr.invalid(`${path}.apiVersion`, apiVersion, 'version must not be empty'));
    if (!r.kind) errs.push(fieldErr.invalid(`${path}.kind`, r.kind ?? '', 'kind must not be empty'));
    if (!r.name) errs.push(fieldErr.invalid(`${path}.name`, r.name ?? '', 'name must not be empty'));
    if (!r.uid) errs.push(fieldErr.invalid(`${path}.uid`, r.uid ?? '', 'uid must not be empty'));
    if (group === '' && version === 'v1' && r.kind === 'Event')
      errs.push({
        type: FieldErrorType.Invalid,
        field: path,
        value: goOwnerRef(r),
        detail: '/v1, Kind=Event is disallowed from being an owner',
      });
    if (r.controller) {
      const current = `${r.kind ?? ''}/${r.name ?? ''}`;
      if (firstController)
        errs.push({
          type: FieldErrorType.Invalid,
          field: path,
          value: `[]v1.OwnerReference{${(refs ?? []).map(goOwnerRef).join(', ')}}`,
          detail: `Only one reference can have Controller set to true. Found "true" in references for ${firstController} and ${current}`,
        });
      else firstController = current;
    }
  }
  return errs;
}

/** ValidateFinalizers: qualified names, and not both orphan and foregroundDeletion. */
export function validateFinalizers(finalizers: readonly string[] | undefined | null, path: string): FieldError[] {
  const list = finalizers ?? [];
  const errs: FieldError[] = [];
  for (const f of list) for (const msg of isQualifiedName(f)) errs.push(fieldErr.invalid(path, f, msg));
  if (list.includes('orphan') && list.includes('foregroundDeletion'))
    errs.push(fieldErr.invalid(path, list, 'finalizer orphan and foregroundDeletion cannot be both set'));
  return errs;
}

/**
 * ValidateObjectMetaAccessor for create: generateName/name format, namespace required or forbidden,
 * generation, labels, annotations, ownerReferences, finalizers. A missing name is only an error
 * when generateName is also empty (the server generates the name after validation here).
 * managedFields are not validated (the simulated server owns them).
 */
export function validateObjectMeta(meta: ObjectMetaLike, opts: ObjectMetaOptions, path = 'metadata'): FieldError[] {
  const nameFn = opts.nameValidator ?? nameIsDNSSubdomain;
  const errs: FieldError[] = [];
  if (meta.generateName)
    for (const msg of nameFn(meta.generateName, true))
      errs.push(fieldErr.invalid(`${path}.generateName`, meta.generateName, msg));
  if (!meta.name) {
    if (!meta.generateName) errs.push(fieldErr.required(`${path}.name`, 'name or generateName is required'));
  } else {
    for (const msg of nameFn(meta.name, false)) errs.push(fieldErr.invalid(`${path}.name`, meta.name, msg));
  }
  if (opts.namespaced) {
    if (!meta.namespace) errs.push(fieldErr.required(`${path}.namespace`, ''));
    else
      for (const msg of nameIsDNSLabel(meta.namespace, false))
        errs.push(fieldErr.invalid(`${path}.namespace`, meta.namespace, msg));
  } else if (meta.namespace) {
    errs.push(fieldErr.forbidden(`${path}.namespace`, 'not allowed on this type'));
  }
  if ((meta.generation ?? 0) < 0)
    errs.push(fieldErr.invalid(`${path}.generation`, meta.generation, 'must be greater than or equal to 0'));
  errs.push(...validateLabels(meta.labels, `${path}.labels`));
  errs.push(...validateAnnotations(meta.annotations, `${path}.annotations`));
  errs.push(...validateOwnerReferences(meta.ownerReferences, `${path}.ownerReferences`));
  errs.push(...validateFinalizers(meta.finalizers, `${path}.finalizers`));
  return errs;
}

// Go's time.Time.String() for an RFC3339 timestamp in UTC, as %v of a metav1.Time prints it;
// `missing` is what an unset field renders as (zero time, or "null" for a nil pointer).
function goTime(ts: string | null | undefined, missing: string): string {
  if (!ts) return missing;
  const ms = Date.parse(ts);
  if (Number.isNaN(ms)) return JSON.stringify(ts);
  const d = new Date(ms);
  const p = (n: number) => String(n).padStart(2, '0');
  const date = `${d.getUTCFullYear()}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())}`;
  return `${date} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} +0000 UTC`;
}

function immutable(path: string, rendered: string, changed: boolean): FieldError[] {
  return changed ? [{ type: FieldErrorType.Invalid, field: path, value: rendered, detail: 'field is immutable' }] : [];
}

/** ValidateObjectMetaAccessorUpdate: resourceVersion present, generation not decreasing, identity fields immutable. */
export function validateObjectMetaUpdate(next: ObjectMetaLike, old: ObjectMetaLike, path = 'metadata'): FieldError[] {
  const errs: FieldError[] = [];
  if (old.deletionTimestamp) {
    const added = (next.finalizers ?? []).filter((f) => !(old.finalizers ?? []).includes(f));
    const extra = [...new Set(added)].sort().map((f) => JSON.stringify(f));
    if (extra.length)
      errs.push(
        fieldErr.forbidden(
          `${path}.finalizers`,
          `no new finalizers can be added if the object is being deleted, found new finalizers []string{${extra.join(', ')}}`,
        ),
      );
  }
  if (!next.resourceVersion)
    errs.push(fieldErr.invalid(`${path}.resourceVersion`, next.resourceVersion ?? '', 'must be specified for an update'));
  if ((next.generation ?? 0) < (old.generation ?? 0))
    errs.push(fieldErr.invalid(`${path}.generation`, next.generation ?? 0, 'must not be decremented'));
  const str = (s: string | undefined) => JSON.stringify(s ?? '');
  errs.push(...immutable(`${path}.name`, str(next.name), (next.name ?? '') !== (old.name ?? '')));
  errs.push(...immutable(`${path}.namespace`, str(next.namespace), (next.namespace ?? '') !== (old.namespace ?? '')));
  errs.push(...immutable(`${path}.uid`, str(next.uid), (next.uid ?? '') !== (old.uid ?? '')));
  errs.push(
    ...immutable(
      `${path}.creationTimestamp`,
      goTime(next.creationTimestamp, '0001-01-01 00:00:00 +0000 UTC'),
      (next.creationTimestamp ?? '') !== (old.creationTimestamp ?? ''),
    ),
  );
  errs.push(
    ...immutable(
      `${path}.deletionTimestamp`,
      goTime(next.deletionTimestamp, '"null"'),
      (next.deletionTimestamp ?? '') !== (old.deletionTimestamp ?? ''),
    ),
  );
  const grace = next.deletionGracePeriodSeconds;
  errs.push(
    ...immutable(
      `${path}.deletionGracePeriodSeconds`,
      grace === undefined || grace === null ? '"null"' : String(grace),
      (grace ?? null) !== (old.deletionGracePeriodSeconds ?? null),
    ),
  );
  errs.push(...validateLabels(next.labels, `${path}.labels`));
  errs.push(...validateAnnotations(next.annotations, `${path}.annotations`));
  errs.push(...validateOwnerReferences(next.ownerReferences, `${path}.ownerReferences`));
  return errs;
}
