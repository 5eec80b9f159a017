/**
 * Small helpers shared by the core-area kinds: age cells, field-error builders with pre-rendered
 * Go values, the string validators upstream wraps into field errors, CIDRs and quantity lists.
 */
import { translateTimestampSince } from '../../../api/duration';
import { FieldErrorType, fieldErr, type FieldError } from '../../../api/errors';
import { parseIPSloppy } from '../../../api/ip';
import { formatQuantity, parseQuantity, type Quantity } from '../../../api/quantity';
import type { KObject } from '../../../api/types';
import type { RequestContext } from '../../types';
import { isDNS1123Label, isDNS1123Subdomain, isQualifiedName } from '../../../api/validation';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

/** The AGE cell of a row. */
export const age = (o: KObject, nowMs: number): string => translateTimestampSince(o.metadata.creationTimestamp, nowMs);

/** A Go `%q` string literal. */
export const goQ = (s: unknown): string => JSON.stringify(typeof s === 'string' ? s : '');

/** A field error whose bad value is already rendered the Go way (structs, typed slices, pointers). */
export const rawErr = (type: FieldErrorType, field: string, value: string | undefined, detail?: string): FieldError => ({
  type,
  field,
  value,
  detail,
});
export const rawInvalid = (field: string, value: string, detail: string) => rawErr(FieldErrorType.Invalid, field, value, detail);

/** One Invalid error per message, as upstream's `for _, msg := range validation.IsX(v)` loops do. */
export const invalidEach = (field: string, value: unknown, msgs: string[]): FieldError[] =>
  msgs.map((m) => fieldErr.invalid(field, value, m));

export const dns1123Label = (v: string, field: string) => invalidEach(field, v, isDNS1123Label(v));
export const dns1123Subdomain = (v: string, field: string) => invalidEach(field, v, isDNS1123Subdomain(v));
export const qualifiedName = (v: string, field: string) => invalidEach(field, v, isQualifiedName(v));

/** `field[key]`, as field.Path.Key renders map keys. */
export const keyPath = (path: string, key: string): string => `${path}[${key}]`;

/** A `[]T{"a", "b"}` / `[]T(nil)` rendering of a slice of strings of a named type. */
export function goTypedSlice(type: string, v: readonly string[] | undefined | null): string {
  if (v === undefined || v === null) return `[]${type}(nil)`;
  return `[]${type}{${v.map(goQ).join(', ')}}`;
}

export const isObject = (v: unknown): v is Record<string, Json> => !!v && typeof v === 'object' && !Array.isArray(v);
export const arr = (v: unknown): Json[] => (Array.isArray(v) ? v : []);
export const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/** netutils.ParseCIDRSloppy: an IP (leading zeros allowed), `/`, a prefix length within the family. */
export function parseCIDRSloppy(value: string): { ip: Uint8Array; bits: number; v4: boolean } | null {
  const slash = value.indexOf('/');
  if (slash < 0) return null;
  const ip = parseIPSloppy(value.slice(0, slash));
  const lenText = value.slice(slash + 1);
  if (!ip || !/^[0-9]{1,3}$/.test(lenText)) return null;
  const v4 = value.slice(0, slash).includes('.') && !value.slice(0, slash).includes(':');
  const bits = Number(lenText);
  if (bits > (v4 ? 32 : 128)) return null;
  return { ip, bits, v4 };
}

/** validation.IsValidCIDR. */
export function isValidCIDR(field: string, value: string): FieldError[] {
  return parseCIDRSloppy(value) ? [] : [fieldErr.invalid(field, value, 'must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)')];
}

/** path.IsValidPathSegmentName: the minimal name rule of RBAC objects. */
export function pathSegmentName(name: string): string[] {
  if (name === '.' || name === '..') return [`may not be '${name}'`];
  const errs: string[] = [];
  for (const bad of ['/', '%']) if (name.includes(bad)) errs.push(`may not contain '${bad}'`);
  return errs;
}

/** ValidateNonSpecialIP: endpoints may not point at unspecified, loopback or link-local addresses. */
export function nonSpecialIP(ip: string, field: string): FieldError[] {
  const b = parseIPSloppy(ip);
  if (!b) return [fieldErr.invalid(field, ip, 'must be a valid IP address')];
  const v4 = b.slice(0, 10).every((x) => x === 0) && b[10] === 0xff && b[11] === 0xff;
  const errs: FieldError[] = [];
  const all0 = v4 ? b.slice(12).every((x) => x === 0) : b.every((x) => x === 0);
  if (all0) errs.push(fieldErr.invalid(field, ip, `may not be unspecified (${ip})`));
  const loopback = v4 ? b[12] === 127 : b.slice(0, 15).every((x) => x === 0) && b[15] === 1;
  if (loopback) errs.push(fieldErr.invalid(field, ip, 'may not be in the loopback range (127.0.0.0/8, ::1/128)'));
  const linkLocal = v4 ? b[12] === 169 && b[13] === 254 : b[0] === 0xfe && (b[1]! & 0xc0) === 0x80;
  if (linkLocal) errs.push(fieldErr.invalid(field, ip, 'may not be in the link-local range (169.254.0.0/16, fe80::/10)'));
  const llMulticast = v4 ? b[12] === 224 && b[13] === 0 && b[14] === 0 : b[0] === 0xff && (b[1]! & 0x0f) === 0x02;
  if (llMulticast) errs.push(fieldErr.invalid(field, ip, 'may not be in the link-local multicast range (224.0.0.0/24, ff02::/10)'));
  return errs;
}

/** Parses a quantity, or undefined when it does not parse (the decoder reports those as 400s). */
export function quantity(v: unknown): Quantity | undefined {
  if (typeof v !== 'string' && typeof v !== 'number') return undefined;
  try {
    return parseQuantity(v);
  } catch {
    return undefined;
  }
}

/** Quantity.String() of a JSON value; the zero Quantity ("0") when absent, as Go's map lookup gives. */
export const quantityString = (v: unknown): string => formatQuantity(quantity(v) ?? parseQuantity('0'));

/**
 * SetDefaults_ResourceList plus the JSON round trip: every quantity is rounded up to milli scale and
 * re-serialised in canonical form (`1.5Gi` → `1536Mi`, `0.5` → `500m`). Unparseable values stay.
 */
export function canonicalResourceList(list: unknown): void {
  if (!isObject(list)) return;
  for (const [k, v] of Object.entries(list)) {
    const q = quantity(v);
    if (!q) continue;
    const rem = q.nanos % 1_000_000n;
    if (rem === 0n) list[k] = formatQuantity(q);
    else {
      const up = q.nanos > 0n ? q.nanos - rem + 1_000_000n : q.nanos - rem - 1_000_000n;
      list[k] = formatQuantity({ nanos: up, format: q.format });
    }
  }
}

/** Sorted keys, Go-style byte order (deterministic where upstream iterates maps). */
export const sortedKeys = (m: unknown): string[] => (isObject(m) ? Object.keys(m).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)) : []);

/** True when `o` is an update of a stored object (same uid), false on create. */
export function isUpdate(resource: string, o: KObject, ctx: RequestContext): boolean {
  const stored = ctx.get(resource, o.metadata.namespace, o.metadata.name ?? '');
  return !!stored && stored.metadata.uid === o.metadata.uid;
}

/**
 * For kinds whose upstream XUpdate validator reports update-only errors *before* the full object
 * checks: the server runs `validate` then `validateUpdate`, so on updates `validate` stays silent
 * and `validateUpdate` does both, in upstream's order.
 */
export function updateChecksFirst(
  resource: string,
  full: (o: KObject, ctx: RequestContext) => FieldError[],
  updateOnly: (o: KObject, old: KObject, ctx: RequestContext) => FieldError[],
  fullOnUpdate: (o: KObject, ctx: RequestContext) => FieldError[] = full,
) {
  return {
    validate: (o: KObject, ctx: RequestContext) => (isUpdate(resource, o, ctx) ? [] : full(o, ctx)),
    validateUpdate: (o: KObject, old: KObject, ctx: RequestContext) => [...updateOnly(o, old, ctx), ...fullOnUpdate(o, ctx)],
  };
}

/** Newest first, then by name: how default-class admission picks among several defaults. */
export function newestFirst(a: KObject, b: KObject): number {
  const ta = Date.parse(a.metadata.creationTimestamp ?? '') || 0;
  const tb = Date.parse(b.metadata.creationTimestamp ?? '') || 0;
  if (ta !== tb) return tb - ta;
  const na = a.metadata.name ?? '';
  const nb = b.metadata.name ?? '';
  return na < nb ? -1 : na > nb ? 1 : 0;
}
