/** Plain-JSON helpers shared by the patch appliers. */

export type JsonMap = Record<string, unknown>;

export function isMap(v: unknown): v is JsonMap {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Sets an own member; `__proto__` from a patch must stay data, never re-prototype the object. */
export function setOwn(o: JsonMap, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(o, key, { value, writable: true, enumerable: true, configurable: true });
  else o[key] = value;
}

/** The member's value if `o` has it as its own, else undefined (never an inherited one). */
export function own(o: JsonMap, key: string): unknown {
  return Object.hasOwn(o, key) ? o[key] : undefined;
}

/** Structural JSON equality. */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((x, i) => jsonEqual(x, b[i]));
  if (isMap(a) && isMap(b)) {
    const ka = Object.keys(a);
    return ka.length === Object.keys(b).length && ka.every((k) => Object.hasOwn(b, k) && jsonEqual(a[k], b[k]));
  }
  return false;
}
