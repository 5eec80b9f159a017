/**
 * Manifests as kubectl reads them (`-f`): a stream of JSON objects, or YAML documents separated
 * by `---`, parsed with YAML 1.1 scalars as go-yaml v2 does (`yes`/`on` are booleans, `0755` is
 * octal) except that timestamps stay strings. `null`/empty documents are skipped.
 */
import { loadAll, Schema, YAML11_SCHEMA } from 'js-yaml';

export type Obj = Record<string, unknown> & {
  apiVersion?: string;
  kind?: string;
  metadata?: Record<string, unknown> & { name?: string; namespace?: string; labels?: Record<string, string>; annotations?: Record<string, string> };
};

// go-yaml v2 leaves timestamp-looking values as strings when decoding into interface{}.
const SCHEMA = new Schema(YAML11_SCHEMA.tags.filter((t) => !String((t as { tag?: string }).tag ?? '').includes('timestamp')));

/** Concatenated JSON values (json.Decoder over a stream). */
function parseJsonStream(text: string): unknown[] {
  const out: unknown[] = [];
  let i = 0;
  while (i < text.length) {
    while (i < text.length && /\s/.test(text[i])) i++;
    if (i >= text.length) break;
    let depth = 0;
    let inStr = false;
    let j = i;
    for (; j < text.length; j++) {
      const c = text[j];
      if (inStr) {
        if (c === '\\') j++;
        else if (c === '"') inStr = false;
        continue;
      }
      if (c === '"') inStr = true;
      else if (c === '{' || c === '[') depth++;
      else if (c === '}' || c === ']') {
        depth--;
        if (depth === 0) break;
      }
    }
    out.push(JSON.parse(text.slice(i, j + 1)));
    i = j + 1;
  }
  return out;
}

/** Parses a manifest; throws `error parsing <source>: …` on syntax errors. */
export function parseManifest(text: string, source: string): Obj[] {
  let docs: unknown[];
  try {
    docs = /^\s*\{/.test(text) ? parseJsonStream(text) : loadAll(text, { schema: SCHEMA });
  } catch (e) {
    const msg = (e as Error).message.split('\n')[0];
    throw new Error(`error parsing ${source}: error converting YAML to JSON: yaml: ${msg}`);
  }
  return docs.filter((d): d is Obj => d !== null && d !== undefined && typeof d === 'object' && !Array.isArray(d)) as Obj[];
}

/** A `kind: List` (or `…List` with items) unpacked into its items, as the flatten visitor does. */
export function flattenList(o: Obj): Obj[] {
  if (Array.isArray(o.items) && typeof o.kind === 'string' && o.kind.endsWith('List')) return (o.items as Obj[]).flatMap(flattenList);
  return [o];
}
