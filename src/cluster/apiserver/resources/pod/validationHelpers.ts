/** Small field-error helpers shared by the pod validation files. */
import { FieldErrorType, fieldErr, type FieldError } from '../../../api/errors';
import { isDNS1123Label, isDNS1123Subdomain, isQualifiedName } from '../../../api/validation';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

export const isObj = (v: unknown): v is Record<string, Json> => !!v && typeof v === 'object' && !Array.isArray(v);
export const arr = (v: unknown): Json[] => (Array.isArray(v) ? v : []);
export const str = (v: unknown): string => (typeof v === 'string' ? v : '');
export const sortedKeys = (m: unknown): string[] => (isObj(m) ? sortSmall(Object.keys(m)) : []);

/** Sorts strings in place: insertion sort for the few keys of a resource list or label map, Array.sort beyond. */
export function sortSmall(a: string[]): string[] {
  if (a.length > 16) return a.sort();
  for (let i = 1; i < a.length; i++) {
    const v = a[i];
    let j = i - 1;
    for (; j >= 0 && a[j] > v; j--) a[j + 1] = a[j];
    a[j + 1] = v;
  }
  return a;
}

/** field.Invalid with a value Go prints unquoted (a resource.Quantity is a fmt.Stringer). */
export function invalidRaw(field: string, rendered: string, detail: string): FieldError {
  return { type: FieldErrorType.Invalid, field, value: rendered, detail };
}

/** ValidateNonnegativeField. */
export function nonNegative(field: string, v: unknown): FieldError[] {
  return typeof v === 'number' && v < 0 ? [fieldErr.invalid(field, v, 'must be greater than or equal to 0')] : [];
}

/** ValidateDNS1123Label on a value. */
export function dns1123Label(field: string, v: string): FieldError[] {
  return isDNS1123Label(v).map((m) => fieldErr.invalid(field, v, m));
}

/** ValidateDNS1123Subdomain on a value. */
export function dns1123Subdomain(field: string, v: string): FieldError[] {
  return isDNS1123Subdomain(v).map((m) => fieldErr.invalid(field, v, m));
}

/** ValidateQualifiedName on a value. */
export function qualifiedName(field: string, v: string): FieldError[] {
  return isQualifiedName(v).map((m) => fieldErr.invalid(field, v, m));
}

/** A `switch` over allowed enum values: '' → Required, unknown → NotSupported. */
export function enumValue(field: string, v: unknown, allowed: string[], requiredWhenEmpty = true): FieldError[] {
  if (v === undefined || v === null || v === '') return requiredWhenEmpty ? [fieldErr.required(field)] : [];
  return allowed.includes(v as string) ? [] : [fieldErr.notSupported(field, v, allowed)];
}

/** path.IsAbs for slash paths. */
export const isAbs = (p: string) => p.startsWith('/');

/** validatePathNoBacksteps. */
export function noBacksteps(field: string, p: string): FieldError[] {
  return p.split(/[\\/]/).includes('..') ? [fieldErr.invalid(field, p, "must not contain '..'")] : [];
}

/** validateLocalDescendingPath: relative, no `..` elements. */
export function localDescendingPath(field: string, p: string): FieldError[] {
  const errs: FieldError[] = [];
  if (isAbs(p)) errs.push(fieldErr.invalid(field, p, 'must be a relative path'));
  return errs.concat(noBacksteps(field, p));
}

/** ValidateLocalNonReservedPath: local descending path that does not start with `..`. */
export function localNonReservedPath(field: string, p: string): FieldError[] {
  const errs = localDescendingPath(field, p);
  if (p.startsWith('..') && !p.startsWith('../')) errs.push(fieldErr.invalid(field, p, "must not start with '..'"));
  return errs;
}

/** The file mode check used by secret/configMap/downwardAPI/projected volumes. */
export function fileMode(field: string, v: unknown): FieldError[] {
  return typeof v === 'number' && (v > 0o777 || v < 0)
    ? [fieldErr.invalid(field, v, 'must be a number between 0 and 0777 (octal), both inclusive')]
    : [];
}
