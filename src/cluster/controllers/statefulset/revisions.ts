/**
 * ControllerRevision helpers (pkg/controller/history, v1.32), shared by the StatefulSet and
 * DaemonSet controllers: the `{"spec":{"template":{…,"$patch":"replace"}}}` patch both store as
 * data, Go's json.Marshal byte layout of it, FNV hashing and rand.SafeEncodeString.
 */
import type { KObject } from '../../api/types';
import { SAFE_ALPHABET } from '../../sim/ids';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

/** UTF-8 bytes of a string. */
export function utf8(s: string): number[] {
  const out: number[] = [];
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return out;
}

/** hash/fnv New32 (FNV-1): multiply, then xor. */
export function fnv1(bytes: number[], h = 0x811c9dc5): number {
  for (const b of bytes) h = (Math.imul(h, 0x01000193) ^ b) >>> 0;
  return h >>> 0;
}

/** hash/fnv New32a (FNV-1a): xor, then multiply. */
export function fnv1a(bytes: number[], h = 0x811c9dc5): number {
  for (const b of bytes) h = Math.imul(h ^ b, 0x01000193) >>> 0;
  return h >>> 0;
}

/** rand.SafeEncodeString: each character mapped into the no-vowel alphabet. */
export function safeEncode(s: string): string {
  let out = '';
  for (const ch of s) out += SAFE_ALPHABET[ch.codePointAt(0)! % SAFE_ALPHABET.length];
  return out;
}

// encoding/json escapes these even inside otherwise plain strings.
const goEscape = (s: string) =>
  JSON.stringify(s).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

/** json.Marshal of a map[string]interface{}: keys sorted, HTML characters escaped. */
export function goJSON(v: Json): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'string') return goEscape(v);
  if (typeof v !== 'object') return JSON.stringify(v);
  if (Array.isArray(v)) return `[${v.map(goJSON).join(',')}]`;
  const keys = Object.keys(v)
    .filter((k) => v[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${goEscape(k)}:${goJSON(v[k])}`).join(',')}}`;
}

/**
 * getPatch: the owner's pod template as a replace patch. Go encodes the template's metadata with
 * `creationTimestamp: null`, so the stored data (and hence the hash) carries it too.
 */
export function templatePatch(template: Json): Json {
  const t = structuredClone(template ?? {});
  t.metadata = { creationTimestamp: null, ...(t.metadata ?? {}) };
  t.$patch = 'replace';
  return { spec: { template: t } };
}

/** HashControllerRevision: FNV-1 over the raw data, then the collision count, safe-encoded. */
export function hashRevision(data: Json, collisionCount: number | undefined): string {
  const bytes = utf8(goJSON(data));
  if (collisionCount !== undefined) bytes.push(...utf8(String(collisionCount)));
  return safeEncode(String(fnv1(bytes)));
}

/** ApplyRevision for template-only patches: the template the revision restores. */
export function revisionTemplate(cr: KObject): Json {
  const t = structuredClone(cr.data?.spec?.template ?? {});
  delete t.$patch;
  return t;
}

/** EqualRevision: same data (Go compares the raw bytes). */
export function equalRevision(a: KObject | undefined, b: KObject | undefined): boolean {
  if (!a || !b) return a === b;
  return goJSON(a.data) === goJSON(b.data);
}

/** SortControllerRevisions: by revision, then creation time, then name. */
export function sortRevisions(revs: KObject[]): KObject[] {
  return [...revs].sort((a, b) => {
    const d = (a.revision ?? 0) - (b.revision ?? 0);
    if (d) return d;
    const ta = a.metadata.creationTimestamp ?? '';
    const tb = b.metadata.creationTimestamp ?? '';
    if (ta !== tb) return ta < tb ? -1 : 1;
    return (a.metadata.name ?? '') < (b.metadata.name ?? '') ? -1 : 1;
  });
}

/** nextRevision: one above the highest revision, 1 when there is none. */
export function nextRevision(sorted: KObject[]): number {
  return sorted.length ? (sorted[sorted.length - 1]!.revision ?? 0) + 1 : 1;
}
