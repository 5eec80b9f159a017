/**
 * The pod-template-hash (controller.ComputeHash, v1.32). Upstream hashes a Go spew dump of the
 * PodTemplateSpec with FNV-32a (plus collisionCount as 8 little-endian bytes), prints the sum in
 * decimal and maps every digit through rand.SafeEncodeString. We cannot reproduce the spew dump,
 * so we hash canonical (key-sorted) JSON instead: same alphabet (4 5 6 7 8 9 b c d f), same
 * 1–10 character length, deterministic for a given template.
 */
import { SAFE_ALPHABET } from '../../sim/ids';

export const POD_TEMPLATE_HASH = 'pod-template-hash';

/** JSON with object keys sorted at every level and undefined members dropped. */
export function canonicalJson(v: unknown): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v) ?? 'null';
  if (Array.isArray(v)) return `[${v.map((x) => (x === undefined ? 'null' : canonicalJson(x))).join(',')}]`;
  const o = v as Record<string, unknown>;
  const keys = Object.keys(o)
    .filter((k) => o[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k])}`).join(',')}}`;
}

const encoder = new TextEncoder();

/** FNV-32a over bytes, continuing from `h`. */
function fnv32a(bytes: Uint8Array, h = 0x811c9dc5): number {
  for (const b of bytes) {
    h ^= b;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** rand.SafeEncodeString: each character's code modulo 27 picks from the safe alphabet. */
export function safeEncodeString(s: string): string {
  let out = '';
  for (const ch of s) out += SAFE_ALPHABET[ch.codePointAt(0)! % SAFE_ALPHABET.length];
  return out;
}

/** ComputeHash(template, collisionCount). */
export function computeHash(template: unknown, collisionCount?: number | null): string {
  let h = fnv32a(encoder.encode(canonicalJson(template)));
  if (collisionCount !== undefined && collisionCount !== null) {
    const b = new Uint8Array(8);
    new DataView(b.buffer).setUint32(0, collisionCount >>> 0, true);
    h = fnv32a(b, h);
  }
  return safeEncodeString(String(h));
}
