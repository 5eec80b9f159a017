/**
 * JSON as Go's encoding/json writes a `map[string]interface{}`: keys sorted by byte order at every
 * level, and `<`, `>`, `&`, U+2028 and U+2029 escaped. kubectl marshals both the last-applied
 * annotation and the PATCH body this way, so matching it byte for byte keeps our requests
 * identical to kubectl's (and the annotation stable between the two clients).
 */

/** Go's `sort.Strings` order (UTF-8 byte order; equal to UTF-16 order outside the astral planes). */
function byteOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A deep copy with every object's keys in Go's order (JSON.stringify keeps insertion order). */
export function sortKeysDeep(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeysDeep);
  if (v !== null && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v).sort(byteOrder)) {
      const x = (v as Record<string, unknown>)[k];
      if (x !== undefined) out[k] = sortKeysDeep(x);
    }
    return out;
  }
  return v;
}

const HTML_ESCAPES: Record<string, string> = {
  '<': '\\u003c',
  '>': '\\u003e',
  '&': '\\u0026',
  '\u2028': '\\u2028',
  '\u2029': '\\u2029',
};

/** `json.Marshal(v)`: compact, sorted keys, HTML-safe. Go numbers print like ES6, so JSON's do too. */
export function goMarshal(v: unknown): string {
  return JSON.stringify(sortKeysDeep(v)).replace(/[<>&\u2028\u2029]/g, (c) => HTML_ESCAPES[c]);
}
