/**
 * Renders JSON values the way Go's fmt prints the decoded `interface{}` values, because the patch
 * libraries build their error messages with `%v`, `%s` and `reflect.TypeOf`, and those messages
 * reach kubectl verbatim.
 */

import { isMap } from './jsonValue';

/** `reflect.TypeOf(v).String()` for a value decoded by encoding/json with integers preserved. */
export function goTypeName(v: unknown): string {
  if (v === null || v === undefined) return '%!s(<nil>)';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'number') return Number.isInteger(v) ? 'int64' : 'float64';
  if (Array.isArray(v)) return '[]interface {}';
  return 'map[string]interface {}';
}

/** `fmt.Sprintf("%v", v)`: maps print as `map[k:v ...]` with sorted keys, slices as `[a b]`. */
export function goSprint(v: unknown): string {
  if (v === null || v === undefined) return '<nil>';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return `[${v.map(goSprint).join(' ')}]`;
  if (isMap(v)) {
    const keys = Object.keys(v).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    return `map[${keys.map((k) => `${k}:${goSprint(v[k])}`).join(' ')}]`;
  }
  return String(v);
}

/** `fmt.Sprintf("%s", v)`: strings print bare, anything else as Go's `%!s(type=value)`. */
export function goPercentS(v: unknown): string {
  if (typeof v === 'string') return v;
  if (v === null || v === undefined) return '%!s(<nil>)';
  return `%!s(${goTypeName(v)}=${goSprint(v)})`;
}

/** The noun encoding/json uses in "cannot unmarshal X into Go value of type ...". */
export function goJsonKind(v: unknown): string {
  if (typeof v === 'string') return 'string';
  if (typeof v === 'number') return 'number';
  if (typeof v === 'boolean') return 'bool';
  if (Array.isArray(v)) return 'array';
  return 'object';
}
