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

function write(v: unknown, indent: string, prefix: string): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'string') return str(v);
  if (typeof v === 'number' || typeof v === 'boolean') return JSON.stringify(v);
  const inner = prefix + indent;
  const nl = indent ? '\n' : '';
  const sep = indent ? ': ' : ':';
  if (Array.isArray(v)) {
    if (v.length === 0) return '[]';
    return `[${nl}${v.map((x) => inner + write(x, indent, inner)).join(`,${nl}`)}${nl}${prefix}]`;
  }
  const keys = Object.keys(v as object).sort(byBytes);
  if (keys.length === 0) return '{}';
  const o = v as Record<string, unknown>;
  return `{${nl}${keys.map((k) => `${inner}${str(k)}${sep}${write(o[k], indent, inner)}`).join(`,${nl}`)}${nl}${prefix}}`;
}

/** json.Marshal (compact), as in watch events and `-o jsonpath` map output. */
export function goJson(v: unknown): string {
  return write(v, '', '');
}

/** json.MarshalIndent with four spaces. */
export function goJsonIndent(v: unknown, indent = '    '): string {
  return write(v, indent, '');
}

/** `-o json`: the object, indented, with a final newline. */
export function printJson(obj: unknown): string {
  return `${goJsonIndent(obj)}\n`;
}
