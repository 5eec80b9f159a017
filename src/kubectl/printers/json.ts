/**
 * JSON as kubectl prints it: Go's json.MarshalIndent(obj, "", "    ") of an unstructured object
 * — map keys sorted bytewise, `<`, `>`, `&`, U+2028 and U+2029 escaped, control characters as
 * `\u00xx`. Written by hand: JS objects put integer-like keys first, whatever order they are given.
 */

function byBytes(a: string, b: string): number {
  const ea = new TextEncoder().encode(a);
  const eb = new TextEncoder().encode(b);
  for (let i = 0; i < Math.min(ea.length, eb.length); i++) if (ea[i] !== eb[i]) return ea[i] - eb[i];
  return ea.length - eb.length;
}

function str(s: string): string {
  // Go's float text agrees with JSON.stringify's; strings differ only in the HTML-safe escapes.
  return JSON.stringify(s).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Fields of a Go struct in declaration order: [jsonName, structType?]; an empty name is an inlined struct. */
export type StructTable = Record<string, ([string] | [string, string] | [string, string, number])[]>;

/** The struct's keys in Go field order (inlined structs flattened), each with its struct type if any. */
function structKeys(table: StructTable, type: string, out: [string, string | undefined][] = []): [string, string | undefined][] {
  for (const [name, sub] of table[type] ?? []) {
    if (name === '' && sub) structKeys(table, sub, out);
    else out.push([name, sub]);
  }
  return out;
}

interface Typed {
  table: StructTable;
  type?: string;
}

function write(v: unknown, indent: string, prefix: string, typed?: Typed): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'string') return str(v);
  if (typeof v === 'number' || typeof v === 'boolean') return JSON.stringify(v);
  const inner = prefix + indent;
  const nl = indent ? '\n' : '';
  const sep = indent ? ': ' : ':';
  if (Array.isArray(v)) {
    if (v.length === 0) return '[]';
    return `[${nl}${v.map((x) => inner + write(x, indent, inner, typed)).join(`,${nl}`)}${nl}${prefix}]`;
  }
  const o = v as Record<string, unknown>;
  // A typed struct marshals in field order; maps (and unknown types) with sorted keys.
  let entries: [string, string | undefined][];
  if (typed?.type && typed.table[typed.type]) {
    const fields = structKeys(typed.table, typed.type).filter(([k]) => k in o);
    const known = new Set(fields.map(([k]) => k));
    entries = [...fields, ...Object.keys(o).filter((k) => !known.has(k)).sort(byBytes).map((k): [string, undefined] => [k, undefined])];
  } else entries = Object.keys(o).sort(byBytes).map((k) => [k, undefined]);
  if (entries.length === 0) return '{}';
  return `{${nl}${entries.map(([k, t]) => `${inner}${str(k)}${sep}${write(o[k], indent, inner, typed && t ? { table: typed.table, type: t } : undefined)}`).join(`,${nl}`)}${nl}${prefix}}`;
}

/** json.Marshal (compact), as in watch events and `-o jsonpath` map output. */
export function goJson(v: unknown): string {
  return write(v, '', '');
}

/** json.Marshal (compact) of a typed Go object: struct fields in declaration order. */
export function goTypedJson(v: unknown, table: StructTable, type: string): string {
  return write(v, '', '', { table, type });
}

/** json.MarshalIndent with four spaces. */
export function goJsonIndent(v: unknown, indent = '    '): string {
  return write(v, indent, '');
}

/** `-o json`: the object, indented, with a final newline. */
export function printJson(obj: unknown): string {
  return `${goJsonIndent(obj)}\n`;
}

/** `-o json` of a typed Go object (a struct, not unstructured): fields in declaration order. */
export function printTypedJson(obj: unknown, table: StructTable, type: string): string {
  return `${write(obj, '    ', '', { table, type })}\n`;
}
