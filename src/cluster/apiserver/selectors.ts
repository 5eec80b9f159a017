import { apiErrors } from '../api/errors';
import { parseFieldSelector } from '../api/fields';
import { parseSelector, type Selector } from '../api/labels';
import type { KObject } from '../api/types';
import type { ListOptions } from '../store/store';
import type { ResourceDef } from './types';

/** Parses a `labelSelector` query value; bad syntax is a 400 like upstream. */
export function labelSelectorParam(s: string | undefined): Selector | undefined {
  if (!s) return undefined;
  try {
    return parseSelector(s);
  } catch (e) {
    throw apiErrors.badRequest((e as Error).message);
  }
}

/**
 * Turns a `fieldSelector` into store list options: `=` on an indexed field uses the index, the
 * rest become a predicate. Unknown fields are rejected with the upstream conversion error.
 */
export function fieldSelectorParam(def: ResourceDef, s: string | undefined): Pick<ListOptions, 'index' | 'filter'> {
  if (!s) return {};
  let reqs;
  try {
    reqs = parseFieldSelector(s);
  } catch (e) {
    throw apiErrors.badRequest((e as Error).message);
  }
  const getters: ((o: KObject) => string | undefined)[] = [];
  const out: Pick<ListOptions, 'index' | 'filter'> = {};
  const tests: ((o: KObject) => boolean)[] = [];
  for (const r of reqs) {
    const get = fieldGetter(def, r.field);
    if (!get) {
      const msg = def.fieldSelectors
        ? `field label not supported: ${r.field}`
        : `"${r.field}" is not a known field selector: only "metadata.name", "metadata.namespace"`;
      throw apiErrors.badRequest(msg);
    }
    getters.push(get);
    const idx = def.indexedFields?.[r.field];
    if (idx && r.op === '=' && !out.index) out.index = { name: idx, value: r.value };
    tests.push(r.op === '=' ? (o) => (get(o) ?? '') === r.value : (o) => (get(o) ?? '') !== r.value);
  }
  if (tests.length) out.filter = (o) => tests.every((t) => t(o));
  return out;
}

function fieldGetter(def: ResourceDef, field: string): ((o: KObject) => string | undefined) | undefined {
  if (field === 'metadata.name') return (o) => o.metadata.name;
  if (field === 'metadata.namespace') return (o) => o.metadata.namespace ?? '';
  return def.fieldSelectors?.[field];
}
