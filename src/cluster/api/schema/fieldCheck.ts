/**
 * Walks a JSON object against the schema of its kind the way the API server's strict JSON decoder
 * (sigs.k8s.io/json UnmarshalStrict into the typed Go struct) does, collecting:
 *  - unknown fields, as strict-decoding paths: `spec.replicasx`, `spec.template.spec.containers[0].imag`
 *    (keys joined by ".", list indices as "[i]", map keys included), in document order, deduplicated, at most 100;
 *  - type errors in encoding/json's words: `json: cannot unmarshal string into Go struct field
 *    DeploymentSpec.spec.replicas of type int32` (the struct is the one declaring the field, the field path
 *    holds struct field names only — no indices, no map keys).
 * Go keeps only the first type error; an error from a custom unmarshaler (Quantity, Time, IntOrString) aborts
 * decoding at once. `decodeError` is the single error the server would report.
 */
import { definitionNameForGVK, getDefinition, recordedGoType, referencedName } from './index';
import type { Schema } from './types';
import { base64Error, quantityError, timeError } from './goDecode';

export interface FieldCheckResult {
  /** Unknown-field paths (strict decoding), e.g. `spec.template.spec.containers[0].imag`. */
  unknown: string[];
  /** Every type error found, each a full Go error string; upstream reports only `decodeError`. */
  typeErrors: string[];
  /** The error a Go decode of this object returns (fatal custom-unmarshaler error or the first type error). */
  decodeError?: string;
}

const MAX_STRICT_ERRORS = 100;
const QUANTITY = 'io.k8s.apimachinery.pkg.api.resource.Quantity';
const INT_OR_STRING = 'io.k8s.apimachinery.pkg.util.intstr.IntOrString';
const TIME = 'io.k8s.apimachinery.pkg.apis.meta.v1.Time';
const MICRO_TIME = 'io.k8s.apimachinery.pkg.apis.meta.v1.MicroTime';
const FREE_FORM = new Set(['io.k8s.apimachinery.pkg.runtime.RawExtension', 'io.k8s.apimachinery.pkg.apis.meta.v1.FieldsV1']);
const INT_RANGES: Record<string, [number, number]> = {
  int32: [-2147483648, 2147483647],
  int64: [Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER],
};

/** reflect Type.String() of a schema as gen-schemas derives it (`v1.PodSpec`, `[]v1.Container`, `int32`). */
const goTypeCache = new WeakMap<Schema, string>();

/** Go type name of a schema (cached: schemas are immutable and the walk asks for the same ones all the time). */
export function goTypeOf(s: Schema): string {
  let t = goTypeCache.get(s);
  if (t === undefined) goTypeCache.set(s, (t = computeGoType(s)));
  return t;
}

function computeGoType(s: Schema): string {
  const ref = referencedName(s);
  if (ref) {
    const parts = ref.split('.');
    return `${parts[parts.length - 2]}.${parts[parts.length - 1]}`;
  }
  switch (s.type) {
    case 'string':
      return s.format === 'byte' ? '[]uint8' : 'string';
    case 'integer':
      return s.format === 'int64' ? 'int64' : 'int32';
    case 'number':
      return 'float64';
    case 'boolean':
      return 'bool';
    case 'array':
      return `[]${s.items ? goTypeOf(s.items) : 'interface {}'}`;
    case 'object':
      if (s.additionalProperties && typeof s.additionalProperties === 'object') return `map[string]${goTypeOf(s.additionalProperties)}`;
  }
  return 'interface {}';
}

/** The element type of a recorded composite Go type (`[]v1.Capability` → `v1.Capability`), else undefined. */
function elemGoType(goType: string): string | undefined {
  if (goType.startsWith('[]')) return goType.slice(2);
  if (goType.startsWith('map[')) {
    let depth = 0;
    for (let i = 3; i < goType.length; i++) {
      if (goType[i] === '[') depth++;
      else if (goType[i] === ']' && --depth === 0) return goType.slice(i + 1);
    }
  }
  return undefined;
}

/** How encoding/json names a JSON value in an UnmarshalTypeError. */
export function jsonKind(v: unknown): string {
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'boolean') return 'bool';
  return typeof v === 'object' ? 'object' : typeof v;
}

class Abort {
  constructor(readonly message: string) {}
}

/**
 * `decode`: the JSON decoder of create/update and JSON/merge patches. `convert`: runtime.DefaultUnstructuredConverter
 * (FromUnstructuredWithValidation), which decodes strategic-merge-patched maps and words type errors differently.
 */
export type CheckStyle = 'decode' | 'convert';

interface Ctx {
  style: CheckStyle;
  unknown: string[];
  seen: Set<string>;
  typeErrors: string[];
}

/** reflect Kind name of the Go type behind a schema (destination of the unstructured converter). */
function goKind(s: Schema, goType: string): string {
  if (s.type === 'array') return 'slice';
  if (s.type === 'object') return s.properties ? 'struct' : 'map';
  if (s.type === 'integer') return goType === 'int64' || s.format === 'int64' ? 'int64' : 'int32';
  return { string: 'string', number: 'float64', boolean: 'bool' }[s.type ?? 'string'] ?? 'struct';
}

/** reflect Kind / Type name of an unstructured (JSON-decoded) value as the converter sees it. */
function sourceKind(v: unknown): string {
  if (Array.isArray(v)) return 'slice';
  if (typeof v === 'number') return Number.isInteger(v) ? 'int64' : 'float64';
  return typeof v === 'object' ? 'map' : typeof v === 'boolean' ? 'bool' : 'string';
}

/** runtime.fromUnstructured's error for a value of the wrong shape (converter.go). */
function convertError(v: unknown, s: Schema, goType: string): string {
  const src = sourceKind(v);
  const dst = goKind(s, goType);
  if (dst === 'struct') return `cannot restore struct from: ${src}`;
  if (dst === 'slice') return `cannot restore slice from ${src}`;
  if (dst === 'map') return `cannot restore map from ${src}`;
  const numeric = (k: string) => k.startsWith('int') || k.startsWith('float');
  if ((src === 'int64' || src === 'float64') && (dst === 'string' || numeric(dst))) return `cannot convert ${src} to ${goType}`;
  return `unrecognized type: ${dst}`;
}

/**
 * Position of a value, as a linked chain so the walk allocates one small record per level and
 * builds path strings only when it reports an error.
 */
interface At {
  up?: At;
  /** Object key (undefined for a list element). */
  key?: string;
  index?: number;
  /** Declaring Go struct of the innermost struct field. */
  struct: string;
  /** True when this level is a struct field (part of Go's field stack). */
  field: boolean;
}

function pathOf(at: At | undefined): string {
  if (!at || (at.key === undefined && at.index === undefined)) return '';
  const up = pathOf(at.up);
  if (at.index !== undefined) return `${up}[${at.index}]`;
  return up ? `${up}.${at.key}` : at.key!;
}

/** Go's struct-field stack: the struct field names from the root, ignoring list indices and map keys. */
function fieldsOf(at: At | undefined): string[] {
  const out: string[] = [];
  for (let a = at; a; a = a.up) if (a.field) out.push(a.key!);
  return out.reverse();
}

function typeError(at: At, value: string, goType: string): string {
  const fields = fieldsOf(at);
  if (at.struct || fields.length) return `json: cannot unmarshal ${value} into Go struct field ${at.struct}.${fields.join('.')} of type ${goType}`;
  return `json: cannot unmarshal ${value} into Go value of type ${goType}`;
}

/** A number as encoding/json stores it into an int of the given width: the error's value text, or undefined. */
function badInteger(n: number, goType: string): string | undefined {
  const [lo, hi] = INT_RANGES[goType] ?? INT_RANGES.int32;
  return Number.isInteger(n) && n >= lo && n <= hi ? undefined : `number ${String(n)}`;
}

/** Records a wrong-typed value: the decoder goes on (first error wins), the converter stops. */
function mistyped(ctx: Ctx, at: At, value: unknown, schema: Schema, goType: string, text: string): void {
  if (ctx.style === 'convert') throw new Abort(convertError(value, schema, goType));
  ctx.typeErrors.push(typeError(at, text, goType));
}

function addUnknown(ctx: Ctx, p: string): void {
  if (!ctx.seen.has(p) && ctx.unknown.length < MAX_STRICT_ERRORS) {
    ctx.seen.add(p);
    ctx.unknown.push(p);
  }
}

function childPath(at: At, key: string): string {
  const p = pathOf(at);
  return p ? `${p}.${key}` : key;
}

const enum Special {
  None,
  Quantity,
  IntOrString,
  Time,
  MicroTime,
  FreeForm,
}

/**
 * What the walk needs to know about one schema node, worked out once: the definition it references,
 * the schema to check against, and the Go types of its struct fields (filled as fields are met).
 * Schemas are immutable, so this turns the walk from re-interpreting `$ref`s and type tables on
 * every value into map lookups.
 */
interface Info {
  ref: string | undefined;
  schema: Schema;
  special: Special;
  /** The Go struct name for a struct (`PodSpec`); undefined when the node is not a named definition. */
  structName: string | undefined;
  /** Struct fields: compiled child and Go type per known key (filled as keys are met). */
  fields: Map<string, Field> | undefined;
  /** List items / map values, compiled on first use. */
  items: Info | undefined;
  values: Info | undefined;
}

interface Field {
  info: Info;
  goType: string;
}

const infoCache = new WeakMap<Schema, Info>();

function infoOf(s: Schema): Info {
  let info = infoCache.get(s);
  if (info) return info;
  const ref = referencedName(s);
  const schema = (ref && getDefinition(ref)) || s;
  const special =
    ref === QUANTITY
      ? Special.Quantity
      : ref === INT_OR_STRING
        ? Special.IntOrString
        : ref === TIME
          ? Special.Time
          : ref === MICRO_TIME
            ? Special.MicroTime
            : ref && FREE_FORM.has(ref)
              ? Special.FreeForm
              : Special.None;
  info = {
    ref,
    schema,
    special,
    structName: ref ? ref.slice(ref.lastIndexOf('.') + 1) : undefined,
    fields: schema.properties ? new Map() : undefined,
    items: undefined,
    values: undefined,
  };
  infoCache.set(s, info);
  return info;
}

function fieldOf(info: Info, key: string): Field | undefined {
  let f = info.fields!.get(key);
  if (f) return f;
  const props = info.schema.properties!;
  if (!Object.prototype.hasOwnProperty.call(props, key)) return undefined;
  const prop = props[key];
  f = { info: infoOf(prop), goType: (info.ref && recordedGoType(info.ref, key)) || goTypeOf(prop) };
  info.fields!.set(key, f);
  return f;
}

const elemCache = new Map<string, string | undefined>();
function elemGoTypeCached(goType: string): string | undefined {
  let e = elemCache.get(goType);
  if (e === undefined && !elemCache.has(goType)) elemCache.set(goType, (e = elemGoType(goType)));
  return e;
}

// Scalars are most of a document and their position is only read while checking them (error texts
// are built at once), so they share one scratch record; objects and lists get their own, as their
// children point up to them.
const scalarAt: At = { up: undefined, key: undefined, index: undefined, struct: '', field: false };

function position(value: unknown, up: At, key: string | undefined, index: number | undefined, struct: string, field: boolean): At {
  if (value !== null && typeof value === 'object') return { up, key, index, struct, field };
  const at = scalarAt;
  at.up = up;
  at.key = key;
  at.index = index;
  at.struct = struct;
  at.field = field;
  return at;
}

function walk(value: unknown, info: Info, goType: string, at: At, ctx: Ctx): void {
  if (value === null || value === undefined) return; // null leaves Go values unset
  const schema = info.schema;
  switch (info.special) {
    case Special.Quantity: {
      // The common case, a plain "100m" / "64Mi" / number, needs no regular expression.
      const err = quantityError(value);
      if (err) throw new Abort(err);
      return;
    }
    case Special.IntOrString: {
      if (typeof value === 'string') return;
      const bad = typeof value === 'number' ? badInteger(value, 'int32') : jsonKind(value);
      if (bad) throw new Abort(typeError(at, bad, 'int32'));
      return;
    }
    case Special.Time:
    case Special.MicroTime: {
      if (typeof value !== 'string') throw new Abort(typeError(at, jsonKind(value), 'string'));
      const err = timeError(value, info.special === Special.MicroTime);
      if (err) throw new Abort(err);
      return;
    }
    case Special.FreeForm:
      return;
  }
  switch (schema.type) {
    case 'string':
      if (typeof value !== 'string') return mistyped(ctx, at, value, schema, goType, jsonKind(value));
      if (schema.format === 'byte') {
        const err = base64Error(value);
        if (err) ctx.typeErrors.push(err);
      }
      return;
    case 'integer':
      if (typeof value !== 'number') return mistyped(ctx, at, value, schema, goType, jsonKind(value));
      {
        const bad = badInteger(value, goType === 'int64' || schema.format === 'int64' ? 'int64' : 'int32');
        if (bad) mistyped(ctx, at, value, schema, goType, bad);
      }
      return;
    case 'number':
      if (typeof value !== 'number') mistyped(ctx, at, value, schema, goType, jsonKind(value));
      return;
    case 'boolean':
      if (typeof value !== 'boolean') mistyped(ctx, at, value, schema, goType, jsonKind(value));
      return;
    case 'array': {
      if (!Array.isArray(value)) return mistyped(ctx, at, value, schema, goType, jsonKind(value));
      const items = schema.items ?? EMPTY_SCHEMA;
      const itemInfo = (info.items ??= infoOf(items));
      const elem = elemGoTypeCached(goType) ?? goTypeOf(items);
      for (let i = 0; i < value.length; i++) walk(value[i], itemInfo, elem, position(value[i], at, undefined, i, at.struct, false), ctx);
      return;
    }
  }
  if (typeof value !== 'object' || Array.isArray(value)) return mistyped(ctx, at, value, schema, goType, jsonKind(value));
  const obj = value as Record<string, unknown>;
  if (info.fields) {
    const structName = info.structName ?? at.struct;
    if (ctx.style === 'decode') {
      // The decoder reports in document order.
      for (const key in obj) {
        const f = fieldOf(info, key);
        if (!f) addUnknown(ctx, childPath(at, key));
        else walk(obj[key], f.info, f.goType, position(obj[key], at, key, undefined, structName, true), ctx);
      }
      return;
    }
    // The converter walks struct fields first (sorted), then this level's leftovers.
    let leftovers: string[] | undefined;
    for (const key of Object.keys(obj).sort()) {
      const f = fieldOf(info, key);
      if (!f) (leftovers ??= []).push(childPath(at, key));
      else walk(obj[key], f.info, f.goType, position(obj[key], at, key, undefined, structName, true), ctx);
    }
    if (leftovers) for (const l of leftovers) addUnknown(ctx, l);
    return;
  }
  if (schema.additionalProperties && typeof schema.additionalProperties === 'object') {
    const ap = schema.additionalProperties;
    const apInfo = (info.values ??= infoOf(ap));
    const elem = elemGoTypeCached(goType) ?? goTypeOf(ap);
    for (const key in obj) walk(obj[key], apInfo, elem, position(obj[key], at, key, undefined, at.struct, false), ctx);
  }
}

const EMPTY_SCHEMA: Schema = {};

/** The root schema per definition name, kept so its cached facts are reused. */
const tops = new Map<string, Schema>();

/** Checks `obj` against the definition name given (not a GVK); see checkFields. */
export function checkAgainstDefinition(obj: unknown, definition: string, style: CheckStyle = 'decode'): FieldCheckResult {
  const ctx: Ctx = { style, unknown: [], seen: new Set(), typeErrors: [] };
  let top = tops.get(definition);
  if (!top) tops.set(definition, (top = { $ref: `#/components/schemas/${definition}` }));
  try {
    walk(obj, infoOf(top), goTypeOf(top), { up: undefined, key: undefined, index: undefined, struct: '', field: false }, ctx);
  } catch (e) {
    if (!(e instanceof Abort)) throw e;
    return { unknown: ctx.unknown, typeErrors: [...ctx.typeErrors, e.message], decodeError: e.message };
  }
  return { unknown: ctx.unknown, typeErrors: ctx.typeErrors, decodeError: ctx.typeErrors[0] };
}

/**
 * Checks an object of the given kind against its schema. Kinds without a schema (e.g. custom resources)
 * check clean.
 */
export function checkFields(obj: unknown, group: string, version: string, kind: string, style: CheckStyle = 'decode'): FieldCheckResult {
  const name = definitionNameForGVK(group, version, kind);
  if (!name || !getDefinition(name)) return { unknown: [], typeErrors: [] };
  return checkAgainstDefinition(obj, name, style);
}
