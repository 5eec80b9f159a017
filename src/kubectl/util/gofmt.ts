/**
 * Go's fmt for the JSON-shaped values kubectl handles (unstructured objects): `%v` (Sprint) and
 * `%#v`, and `%q` quoting. Integers are int64, other numbers float64, as in unstructured JSON.
 */
import { formatGoFloat } from './gofloat';

/** strconv.Quote: double-quoted with Go escapes (printable Unicode kept). */
export function goQuote(s: string): string {
  let out = '"';
  for (const c of s) {
    const v = c.codePointAt(0)!;
    if (c === '"' || c === '\\') out += `\\${c}`;
    else if (c === '\n') out += '\\n';
    else if (c === '\t') out += '\\t';
    else if (c === '\r') out += '\\r';
    else if (c === '\x07') out += '\\a';
    else if (c === '\b') out += '\\b';
    else if (c === '\f') out += '\\f';
    else if (c === '\v') out += '\\v';
    else if (v < 0x20 || v === 0x7f) out += `\\x${v.toString(16).padStart(2, '0')}`;
    else if ((v >= 0x80 && v < 0xa0) || v === 0xad || v === 0x2028 || v === 0x2029 || v === 0xfeff) out += v > 0xff ? `\\u${v.toString(16).padStart(4, '0')}` : `\\u00${v.toString(16).padStart(2, '0')}`;
    else out += c;
  }
  return `${out}"`;
}

function num(v: number): string {
  return Number.isInteger(v) && Number.isSafeInteger(v) ? String(v) : formatGoFloat(v, 'g');
}

/** fmt.Sprint / %v: maps as `map[k:v k2:v2]` (sorted keys), slices as `[a b]`, nil as `<nil>`. */
export function goSprint(v: unknown): string {
  if (v === null || v === undefined) return '<nil>';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return num(v);
  if (typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return `[${v.map(goSprint).join(' ')}]`;
  const o = v as Record<string, unknown>;
  return `map[${Object.keys(o)
    .sort()
    .map((k) => `${k}:${goSprint(o[k])}`)
    .join(' ')}]`;
}

/** %#v of a value held in an interface{} (unstructured content). */
export function goSharpV(v: unknown, top = true): string {
  if (v === null || v === undefined) return 'interface {}(nil)';
  if (typeof v === 'string') return goQuote(v);
  if (typeof v === 'number') return num(v);
  if (typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return `[]interface {}{${v.map((x) => goSharpV(x, false)).join(', ')}}`;
  const o = v as Record<string, unknown>;
  void top;
  return `map[string]interface {}{${Object.keys(o)
    .sort()
    .map((k) => `${goQuote(k)}:${goSharpV(o[k], false)}`)
    .join(', ')}}`;
}

/** The Go type name of an unstructured value, as reflect prints it. */
export function goTypeName(v: unknown): string {
  if (v === null || v === undefined) return 'interface {}';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'number') return Number.isInteger(v) ? 'int64' : 'float64';
  if (Array.isArray(v)) return '[]interface {}';
  return 'map[string]interface {}';
}
