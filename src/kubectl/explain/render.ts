/**
 * kubectl explain's `plaintext` output (pkg/explain/v2/templates/plaintext.tmpl), ported from the
 * Go template to functions that emit exactly what the template does — including its quirks:
 * the trailing-space line after a description, map keys in sorted order, the GVK found by
 * scanning the resource's paths, cycles cut by `$ref` history.
 */
import { wrapString } from './wordwrap';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type S = Record<string, any>;

/** A template `throw`: kubectl prints the message and exits 1 (after what was already written). */
export class ExplainError extends Error {}

export interface Gvr {
  group: string;
  version: string;
  resource: string;
}

/** Go template truthiness for the values a JSON document holds. */
const truthy = (v: unknown): boolean => {
  if (v === undefined || v === null || v === false || v === 0 || v === '') return false;
  if (Array.isArray(v)) return v.length > 0;
  if (typeof v === 'object') return Object.keys(v as object).length > 0;
  return true;
};

const isMapAdditional = (ap: unknown) => truthy(ap) && typeof ap !== 'boolean';

/** Go's byte-wise sorted map iteration. */
const sortedKeys = (o: S) => Object.keys(o).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

const indent = (amount: number, s: string) => {
  const pad = ' '.repeat(amount);
  return pad + s.split('\n').join(`\n${pad}`);
};

/** resolveRef: a `#/a/b/c` fragment into the document, or undefined. */
function resolveRef(ref: unknown, doc: S): S | undefined {
  if (typeof ref !== 'string' || !ref.startsWith('#')) return undefined;
  let cur: unknown = doc;
  for (const k of ref.slice(1).split('/')) {
    if (!k) continue;
    if (!cur || typeof cur !== 'object' || Array.isArray(cur)) return undefined;
    cur = (cur as S)[decodeURIComponent(k)];
  }
  return cur && typeof cur === 'object' && !Array.isArray(cur) ? (cur as S) : undefined;
}

/** `%v` of a JSON value as Go prints interface{} values. */
function goV(v: unknown): string {
  if (v === null || v === undefined) return '<nil>';
  if (typeof v === 'number') return Number.isInteger(v) && Math.abs(v) < 1e21 ? String(v) : String(v);
  if (Array.isArray(v)) return `[${v.map(goV).join(' ')}]`;
  if (typeof v === 'object') return `map[${sortedKeys(v as S).map((k) => `${k}:${goV((v as S)[k])}`).join(' ')}]`;
  return String(v);
}

/** DeepEqual of two decoded JSON values. */
function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || !a || !b) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a as object);
  const kb = Object.keys(b as object);
  return ka.length === kb.length && ka.every((k) => deepEqual((a as S)[k], (b as S)[k]));
}

function typeGuess(schema: S | undefined, doc: S): string {
  if (!truthy(schema)) throw new Error("expected schema argument to subtemplate 'typeguess'");
  const s = schema as S;
  if (truthy(s.items)) return `[]${typeGuess(s.items, doc)}`;
  if (isMapAdditional(s.additionalProperties)) return `map[string]${typeGuess(s.additionalProperties, doc)}`;
  if (truthy(s.allOf) && !truthy(s.properties) && s.allOf.length === 1) return typeGuess(s.allOf[0], doc);
  if (truthy(s.$ref)) {
    const ref = String(s.$ref);
    const refSchema = resolveRef(ref, doc);
    if (!truthy(refSchema) || !truthy(refSchema!.type) || refSchema!.type === 'object') {
      const name = ref.split('/').pop() ?? '';
      return name.split('.').pop() || 'Object';
    }
    return String(refSchema!.type) || 'Object';
  }
  if (s.type === 'object') return 'Object';
  return truthy(s.type) ? String(s.type) : 'Object';
}

function extractEnum(schema: S | undefined, isLongView: boolean, limit: number, indentAmount = 0): string {
  if (!truthy(schema) || !truthy(schema!.enum)) return '';
  const lim = limit || -1;
  let out = isLongView ? 'ENUM:' : `\n${indent(indentAmount, '')}enum: `;
  const list = schema!.enum as unknown[];
  for (let i = 0; i < list.length; i++) {
    if (lim > -1 && i >= lim) {
      out += ', ....';
      break;
    }
    if (i > 0 && !isLongView) out += ', ';
    else if (isLongView) out += `\n${indent(4, '')}`;
    const el = list[i];
    out += el === '' ? '""' : goV(el);
  }
  return out;
}

function description(schema: S | undefined, doc: S): string {
  const s = resolveRef(schema?.$ref, doc) ?? schema;
  if (!truthy(s)) return '';
  let out = '';
  if (truthy(s!.description)) out += `${s!.description}\n`;
  for (const sub of (s!.allOf as S[] | undefined) ?? []) out += description(sub, doc);
  if (truthy(s!.items)) out += description(s!.items, doc);
  if (isMapAdditional(s!.additionalProperties)) out += description(s!.additionalProperties, doc);
  return out;
}

function fieldDetail(name: string, schema: S, short: boolean, level: number, doc: S): string {
  const indentAmount = level * 2;
  const fieldSchema = schema.properties?.[name] as S | undefined;
  let out = `${indent(indentAmount, name)}\t<${typeGuess(fieldSchema, doc)}>`;
  if (Array.isArray(schema.required) && schema.required.includes(name)) out += ' -required-';
  out += extractEnum(fieldSchema, false, 4, indentAmount);
  out += '\n';
  if (!short) out += `${indent(indentAmount + 2, wrapString(truthy(fieldSchema?.description) ? String(fieldSchema!.description) : '<no description>', 78 - indentAmount))}\n\n`;
  return out;
}

interface Ctx {
  schema: S;
  doc: S;
  recursive: boolean;
  history: Record<string, number>;
}

function fieldList(c: Ctx & { level: number }): string {
  const ref = truthy(c.schema?.$ref) ? String(c.schema.$ref) : '';
  if (ref && c.history[ref]) return '';
  const next = { ...c, history: { ...c.history, [ref]: 1 } };
  const resolved = resolveRef(ref, c.doc) ?? c.schema;
  let out = '';
  const props = (resolved?.properties as S | undefined) ?? {};
  for (const k of sortedKeys(props)) {
    out += fieldDetail(k, resolved, c.recursive, c.level, c.doc);
    if (c.recursive) out += fieldList({ ...next, schema: props[k], level: c.level + 1 });
  }
  for (const sub of (resolved?.allOf as S[] | undefined) ?? []) out += fieldList({ ...next, schema: sub });
  if (truthy(resolved?.items)) out += fieldList({ ...next, schema: resolved.items });
  if (isMapAdditional(resolved?.additionalProperties)) out += fieldList({ ...next, schema: resolved.additionalProperties });
  return out;
}

function output(c: Ctx & { fieldPath: string[] }): string {
  const ref = truthy(c.schema?.$ref) ? String(c.schema.$ref) : '';
  const next = { ...c, history: { ...c.history, [ref]: 1 } };
  const resolved = resolveRef(ref, c.doc) ?? c.schema;
  if (!c.fieldPath.length) {
    let out = `DESCRIPTION:\n${indent(4, wrapString(description(resolved, c.doc) || '<empty>', 76))}\n`;
    const fl = fieldList({ schema: resolved, level: 1, doc: c.doc, recursive: c.recursive, history: {} });
    if (fl) out += `FIELDS:\n${fl}`;
    return out;
  }
  if (ref && c.history[ref]) return '';
  const first = c.fieldPath[0];
  if (truthy(resolved?.properties) && truthy(resolved.properties[first])) {
    const sub = resolved.properties[first] as S;
    let out = '';
    if (c.fieldPath.length === 1) out += `FIELD: ${first} <${typeGuess(sub, c.doc)}>\n${extractEnum(sub, true, -1)}\n\n`;
    return out + output({ ...next, history: {}, fieldPath: c.fieldPath.slice(1), schema: sub });
  }
  if (truthy(resolved?.items)) return output({ ...next, schema: resolved.items });
  if (isMapAdditional(resolved?.additionalProperties)) return output({ ...next, schema: resolved.additionalProperties });
  for (const sub of (resolved?.allOf as S[] | undefined) ?? []) {
    const o = output({ ...next, schema: sub });
    if (o) return o;
  }
  return '';
}

/**
 * Renders explain for a GVR from its group-version's OpenAPI v3 document. `write` receives text
 * as the template would emit it, so output before a thrown error is kept.
 */
export function renderExplain(doc: S, gvr: Gvr, fieldPath: string[], recursive: boolean, write: (s: string) => void): void {
  const prefix = gvr.group ? `/apis/${gvr.group}` : '/api';
  const paths = [
    `${prefix}/${gvr.version}/${gvr.resource}`,
    `${prefix}/${gvr.version}/${gvr.resource}/{name}`,
    `${prefix}/${gvr.version}/namespaces/{namespace}/${gvr.resource}`,
    `${prefix}/${gvr.version}/namespaces/{namespace}/${gvr.resource}/{name}`,
  ];
  let gvk: unknown;
  for (const p of paths) {
    const el = doc.paths?.[p];
    if (!truthy(el)) continue;
    for (const m of ['get', 'post', 'put', 'patch', 'delete']) {
      const op = el[m];
      if (!truthy(op)) continue;
      gvk = op['x-kubernetes-group-version-kind'];
      if (truthy(gvk)) break;
    }
  }
  if (!truthy(gvk)) throw new ExplainError(`error: GVR (${gvr.group}/${gvr.version}, Resource=${gvr.resource}) not found in OpenAPI schema`);
  const g = gvk as S;
  write(`${truthy(g.group) ? `GROUP:      ${g.group}\n` : ''}KIND:       ${g.kind}\nVERSION:    ${g.version}\n\n`);
  let found = '';
  const schemas = (doc.components?.schemas as S | undefined) ?? {};
  for (const k of sortedKeys(schemas)) {
    const s = schemas[k] as S;
    const list = s['x-kubernetes-group-version-kind'];
    if (!Array.isArray(list) || !list.some((x) => deepEqual(x, gvk))) continue;
    found = output({ schema: s, doc, recursive, history: {}, fieldPath });
    if (!found) throw new ExplainError(`error: field "${fieldPath[fieldPath.length - 1]}" does not exist`);
    break;
  }
  if (!found) throw new ExplainError(`error: GVK ${goV(gvk)} not found in OpenAPI schema`);
  write(`${found}\n`);
}
