import { MESSAGES } from './messages';
import type { FieldSpec } from './schema';
import { base64, ProtoError, Reader, WIRE_BYTES } from './wire';

type Json = Record<string, unknown>;

/**
 * Decodes one protobuf message into the JSON Go's encoding/json would print for the same struct:
 * JSON names from the table, zero scalars dropped where the Go field is omitempty and not a
 * pointer, maps as objects, inline (embedded) structs merged, and the apimachinery types with
 * custom JSON (Time, Quantity, IntOrString, …) converted to their string/number forms.
 */
export function decodeMessage(type: string, buf: Uint8Array, start = 0, end = buf.length): Json {
  const table = MESSAGES[type];
  if (!table) throw new ProtoError(`no protobuf layout for ${type}`);
  const out: Json = {};
  const r = new Reader(buf, start, end);
  while (!r.done()) {
    const tag = r.varint();
    const spec = table[Math.floor(tag / 8)];
    const wire = tag & 7;
    if (!spec) {
      r.skip(wire);
      continue;
    }
    readField(r, wire, spec, out);
  }
  return out;
}

function readField(r: Reader, wire: number, [name, type, flags = '']: FieldSpec, out: Json) {
  if (flags.includes('m')) {
    const [s, e] = r.span();
    const [key, value] = mapEntry(r.buf, s, e, type);
    const obj = (out[name] ??= {}) as Json;
    obj[key] = value;
    return;
  }
  if (flags.includes('r')) {
    const list = (out[name] ??= []) as unknown[];
    // Packed repeated scalars (proto3 style) arrive as one length-delimited run of varints.
    if (wire === WIRE_BYTES && isVarintScalar(type)) {
      const [s, e] = r.span();
      const inner = new Reader(r.buf, s, e);
      while (!inner.done()) list.push(scalar(inner, type));
    } else list.push(value(r, type));
    return;
  }
  const v = value(r, type);
  if (v === undefined) return;
  if (flags.includes('i')) {
    Object.assign(out, v as Json);
    return;
  }
  // Non-pointer omitempty fields: Go's JSON omits their zero value; gogo protobuf still sends it.
  if (!flags.includes('z') && (v === '' || v === 0 || v === false)) return;
  out[name] = v;
}

function mapEntry(buf: Uint8Array, s: number, e: number, type: string): [string, unknown] {
  const r = new Reader(buf, s, e);
  let key = '';
  let val: unknown = isScalar(type) ? zero(type) : {};
  while (!r.done()) {
    const tag = r.varint();
    if (tag >>> 3 === 1) key = r.string();
    else if (tag >>> 3 === 2) val = value(r, type);
    else r.skip(tag & 7);
  }
  return [key, val];
}

function isVarintScalar(type: string) {
  return type === 'int32' || type === 'int64' || type === 'bool';
}
function isScalar(type: string) {
  return isVarintScalar(type) || type === 'string' || type === 'bytes';
}
function zero(type: string): unknown {
  return type === 'string' || type === 'bytes' ? '' : type === 'bool' ? false : 0;
}

function scalar(r: Reader, type: string): unknown {
  switch (type) {
    case 'string':
      return r.string();
    case 'bytes':
      return base64(r.bytes());
    case 'bool':
      return r.varint() !== 0;
    case 'int32':
      return r.varint() | 0;
    default:
      return r.varint();
  }
}

/** A field's value; undefined for things Go's JSON prints as null (the zero Time). */
function value(r: Reader, type: string): unknown {
  if (isScalar(type)) return scalar(r, type);
  const [s, e] = r.span();
  switch (type) {
    case 'meta.v1.Time':
      return time(r.buf, s, e, false);
    case 'meta.v1.MicroTime':
      return time(r.buf, s, e, true);
    case 'resource.Quantity':
      return fields(r.buf, s, e)[1] ?? '0';
    case 'intstr.IntOrString': {
      const f = fields(r.buf, s, e);
      return f[1] === 1 ? (f[3] ?? '') : ((f[2] as number | undefined) ?? 0) | 0;
    }
    case 'meta.v1.Duration':
      return duration((fields(r.buf, s, e)[1] as number | undefined) ?? 0);
    case 'runtime.RawExtension':
    case 'meta.v1.FieldsV1':
      return rawJson(r.buf.subarray(s, e));
    default:
      return decodeMessage(type, r.buf, s, e);
  }
}

/** The few apimachinery messages with custom JSON are flat: read their fields by number. */
function fields(buf: Uint8Array, s: number, e: number): Record<number, unknown> {
  const r = new Reader(buf, s, e);
  const f: Record<number, unknown> = {};
  while (!r.done()) {
    const tag = r.varint();
    if ((tag & 7) === WIRE_BYTES) f[tag >>> 3] = r.string();
    else if ((tag & 7) === 0) f[tag >>> 3] = r.varint();
    else r.skip(tag & 7);
  }
  return f;
}

/**
 * Time {1: seconds, 2: nanos} → RFC 3339 ('…Z'; Time keeps whole seconds as the apiserver's
 * Unmarshal does, MicroTime adds 6 digits). The zero time is marshalled as an empty message.
 */
function time(buf: Uint8Array, s: number, e: number, micro: boolean): string | undefined {
  if (s === e) return undefined; // Go's zero time.Time, which JSON prints as null
  const f = fields(buf, s, e);
  const seconds = (f[1] as number | undefined) ?? 0;
  const nanos = (f[2] as number | undefined) ?? 0;
  if (seconds === -62135596800 && nanos === 0) return undefined;
  const iso = new Date(seconds * 1000).toISOString().slice(0, 19);
  return micro ? `${iso}.${String(Math.floor(nanos / 1000)).padStart(6, '0')}Z` : `${iso}Z`;
}

/** Go's time.Duration.String() for whole units, which is all kubectl ever sends. */
function duration(ns: number): string {
  if (ns === 0) return '0s';
  let secs = ns / 1e9;
  const h = Math.floor(secs / 3600);
  secs -= h * 3600;
  const m = Math.floor(secs / 60);
  secs -= m * 60;
  return `${h ? `${h}h` : ''}${h || m ? `${m}m` : ''}${secs}s`;
}

/** RawExtension/FieldsV1 {1: raw}: the raw bytes are JSON. */
function rawJson(bytes: Uint8Array): unknown {
  const f = new Reader(bytes);
  while (!f.done()) {
    const tag = f.varint();
    if (tag >>> 3 === 1 && (tag & 7) === WIRE_BYTES) {
      const raw = f.string();
      try {
        return JSON.parse(raw);
      } catch {
        return undefined;
      }
    }
    f.skip(tag & 7);
  }
  return undefined;
}
