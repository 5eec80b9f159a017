/**
 * `--append-hash` (kubectl pkg/util/hash): the name suffix for a ConfigMap or Secret — SHA-256 of
 * a small JSON encoding (Go map: sorted keys, HTML-safe escapes), first 10 hex digits with the
 * vowel-free substitutions kubectl uses so the suffix cannot spell words.
 */
import { sha256Hex } from './sha256';

/** json.Marshal of maps (sorted keys) and strings (HTML-safe). */
function goMarshalSorted(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'string') return JSON.stringify(v).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  if (typeof v !== 'object') return JSON.stringify(v);
  const o = v as Record<string, unknown>;
  return `{${Object.keys(o)
    .sort()
    .map((k) => `${goMarshalSorted(k)}:${goMarshalSorted(o[k])}`)
    .join(',')}}`;
}

const SUBST: Record<string, string> = { '0': 'g', '1': 'h', '3': 'k', a: 'm', e: 't' };

function encodeHash(text: string): string {
  const hex = sha256Hex(new TextEncoder().encode(text));
  return [...hex.slice(0, 10)].map((c) => SUBST[c] ?? c).join('');
}

/** hash.ConfigMapHash; `data` as on the object (an empty map when there is none). */
export const configMapHash = (name: string, data: Record<string, string>): string => encodeHash(goMarshalSorted({ kind: 'ConfigMap', name, data }));

/** hash.SecretHash; `data` values already base64 (as []byte marshals). */
export const secretHash = (name: string, type: string, data: Record<string, string>): string => encodeHash(goMarshalSorted({ kind: 'Secret', type, name, data }));
