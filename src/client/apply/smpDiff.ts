/**
 * The diff half of a strategic merge patch, as apimachinery's strategicpatch `diffMaps` computes it
 * (v0.32). kubectl's three-way patch runs it twice: once from the live object to the manifest
 * ignoring deletions (what to add or change) and once from the last-applied configuration to the
 * manifest ignoring everything but deletions (what the user removed). Field tags (merge keys,
 * `retainKeys`, `replace`) come from the cluster's own table so client and server agree.
 */
import { goSprint } from '../../cluster/apiserver/patch/goFormat';
import { listMerges, lookupPatchMeta, type FieldPatchMeta } from '../../cluster/apiserver/patch/mergeKeys';
import type { JsonMap } from './types';

export interface DiffOptions {
  /** Skip keys the modified map lacks (the "changes and additions" pass). */
  ignoreDeletions: boolean;
  /** Only record what the modified map removed (the "deletions" pass). */
  ignoreChangesAndAdditions: boolean;
  /** Emit `$setElementOrder/<list>` for merged lists (kubectl always asks for it). */
  setElementOrder: boolean;
  /** Emit `$retainKeys` for this map (its field is tagged retainKeys). */
  buildRetainKeys?: boolean;
}

export const RETAIN_KEYS = '$retainKeys';
export const SET_ORDER = '$setElementOrder';
export const DELETE_PRIMITIVE = '$deleteFromPrimitiveList';

export function isMap(v: unknown): v is JsonMap {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** reflect.DeepEqual on decoded JSON. */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  if (isMap(a) && isMap(b)) {
    const ka = Object.keys(a);
    return ka.length === Object.keys(b).length && ka.every((k) => Object.hasOwn(b, k) && deepEqual(a[k], b[k]));
  }
  return false;
}

/** Go's `%v` of a scalar, which is what strategicpatch sorts and compares list items by. */
export function goV(v: unknown): string {
  if (v === null || v === undefined) return '<nil>';
  return String(v);
}

/** The Go kind of a decoded JSON value, for `reflect.TypeOf(a) != reflect.TypeOf(b)`. */
function goKind(v: unknown): string {
  if (v === null || v === undefined) return 'nil';
  if (Array.isArray(v)) return 'slice';
  return typeof v === 'object' ? 'map' : typeof v;
}

const byV = (a: unknown, b: unknown) => {
  const x = goV(a);
  const y = goV(b);
  return x < y ? -1 : x > y ? 1 : 0;
};

export function sortScalars(list: unknown[]): unknown[] {
  return [...list].sort(byV);
}

function dedupeScalars(list: unknown[]): unknown[] {
  const seen = new Set<unknown>();
  return list.filter((v) => (seen.has(v) ? false : (seen.add(v), true)));
}

/** Computes the patch from `original` to `modified` under the options. Neither input is changed. */
export function diffMaps(original: JsonMap, modified: JsonMap, type: string | undefined, opts: DiffOptions): JsonMap {
  const patch: JsonMap = {};
  const retainKeys: string[] = [];
  for (const [key, modV] of Object.entries(modified)) {
    if (opts.buildRetainKeys && modV !== null) retainKeys.push(key);
    if (!Object.hasOwn(original, key)) {
      if (!opts.ignoreChangesAndAdditions) patch[key] = modV;
      continue;
    }
    const origV = original[key];
    if (goKind(origV) !== goKind(modV)) {
      if (!opts.ignoreChangesAndAdditions) patch[key] = modV;
      continue;
    }
    if (isMap(origV)) mapField(key, origV, modV as JsonMap, patch, lookupPatchMeta(type, key), opts);
    else if (Array.isArray(origV)) sliceField(key, origV, modV as unknown[], patch, lookupPatchMeta(type, key), opts);
    else replaceIfChanged(key, origV, modV, patch, opts);
  }
  if (!opts.ignoreDeletions) {
    for (const key of Object.keys(original)) if (!Object.hasOwn(modified, key)) patch[key] = null;
  }
  if (retainKeys.length > 0 && (Object.keys(patch).length > 0 || hasRemovedField(original, modified))) {
    patch[RETAIN_KEYS] = sortScalars(retainKeys);
  }
  return patch;
}

/** upstream `hasAdditionalNewField`: `original` has a non-null field `modified` lacks. */
function hasRemovedField(original: JsonMap, modified: JsonMap): boolean {
  return Object.entries(original).some(([k, v]) => v !== null && !Object.hasOwn(modified, k));
}

function replaceIfChanged(key: string, orig: unknown, mod: unknown, patch: JsonMap, opts: DiffOptions): void {
  if (opts.ignoreChangesAndAdditions || deepEqual(orig, mod)) return;
  patch[key] = mod;
}

function mapField(key: string, orig: JsonMap, mod: JsonMap, patch: JsonMap, meta: FieldPatchMeta, opts: DiffOptions): void {
  const retain = meta.strategy === 'retainKeys' || meta.strategy === 'merge,retainKeys';
  if (meta.strategy === 'replace') {
    if (!opts.ignoreChangesAndAdditions) patch[key] = mod;
    return;
  }
  const sub = diffMaps(orig, mod, meta.type, { ...opts, buildRetainKeys: retain });
  if (Object.keys(sub).length > 0) patch[key] = sub;
}

function sliceField(key: string, orig: unknown[], mod: unknown[], patch: JsonMap, meta: FieldPatchMeta, opts: DiffOptions): void {
  if (!listMerges(meta)) {
    replaceIfChanged(key, orig, mod, patch, opts);
    return;
  }
  const retain = meta.strategy === 'merge,retainKeys';
  const { add, del, order } = diffLists(orig, mod, meta, { ...opts, buildRetainKeys: retain });
  if (add.length > 0) patch[key] = add;
  if (del.length > 0) patch[`${DELETE_PRIMITIVE}/${key}`] = del;
  if (order.length > 0) patch[`${SET_ORDER}/${key}`] = order;
}

interface ListDiff {
  add: unknown[];
  del: unknown[];
  order: unknown[];
}

/** upstream `diffLists`: the list part of the patch, primitive deletions, and the order directive. */
function diffLists(orig: unknown[], mod: unknown[], meta: FieldPatchMeta, opts: DiffOptions): ListDiff {
  if (orig.length === 0) {
    if (mod.length === 0 || opts.ignoreChangesAndAdditions) return { add: [], del: [], order: [] };
    return { add: mod, del: [], order: [] };
  }
  const sample = [...orig, ...mod].find((v) => v !== null && v !== undefined);
  if (isMap(sample)) {
    const mergeKey = meta.mergeKey ?? '';
    const { changed, deletes } = diffListsOfMaps(orig, mod, meta.type, mergeKey, opts);
    const patchList = [...orderBy(changed, mod, mergeKey), ...deletes];
    const sameOrder = orig.length === mod.length && mod.every((m, i) => goV((orig[i] as JsonMap)[mergeKey]) === goV((m as JsonMap)[mergeKey]));
    const wantOrder =
      opts.setElementOrder &&
      ((!opts.ignoreChangesAndAdditions && (patchList.length > 0 || !sameOrder)) || (!opts.ignoreDeletions && patchList.length > 0));
    const order = wantOrder ? mod.map((m) => ({ [mergeKey]: (m as JsonMap)[mergeKey] })) : [];
    return { add: patchList, del: [], order };
  }
  const { add, del } = diffListsOfScalars(orig, mod, opts);
  const wantOrder =
    opts.setElementOrder && ((!opts.ignoreDeletions && del.length > 0) || (!opts.ignoreChangesAndAdditions && !deepEqual(orig, mod)));
  return { add: orderBy(add, mod, ''), del, order: wantOrder ? mod : [] };
}

/** upstream `normalizeSliceOrder` for patch lists: the modified list's order (a stable sort). */
function orderBy(items: unknown[], order: unknown[], mergeKey: string): unknown[] {
  const id = (v: unknown) => (mergeKey ? goV((v as JsonMap)[mergeKey]) : v);
  const ids = order.map(id);
  return items
    .map((v, i) => ({ v, i, r: ids.indexOf(id(v)) }))
    .sort((a, b) => (a.r < 0 || b.r < 0 ? a.i - b.i : a.r - b.r || a.i - b.i))
    .map((x) => x.v);
}

/** Walks both lists sorted by merge key, like upstream, so changed items recurse and removed ones become `$patch: delete`. */
function diffListsOfMaps(orig: unknown[], mod: unknown[], type: string | undefined, mergeKey: string, opts: DiffOptions) {
  for (const item of [...orig, ...mod]) {
    if (!isMap(item)) throw new Error(`expected a map, but received ${goSprint(item)}`);
    if (!Object.hasOwn(item, mergeKey)) throw new Error(`map: ${goSprint(item)} does not contain declared merge key: ${mergeKey}`);
  }
  const key = (v: unknown) => goV((v as JsonMap)[mergeKey]);
  const o = [...orig].sort((a, b) => byV(key(a), key(b)));
  const m = [...mod].sort((a, b) => byV(key(a), key(b)));
  const changed: unknown[] = [];
  const deletes: unknown[] = [];
  let i = 0;
  let j = 0;
  while (i < o.length || j < m.length) {
    const ok = i < o.length;
    const mk = j < m.length;
    if (ok && mk && key(o[i]) === key(m[j])) {
      const sub = diffMaps(o[i] as JsonMap, m[j] as JsonMap, type, opts);
      if (Object.keys(sub).length > 0) changed.push({ ...sub, [mergeKey]: (m[j] as JsonMap)[mergeKey] });
      i++;
      j++;
    } else if (!ok || (mk && key(o[i]) > key(m[j]))) {
      if (!opts.ignoreChangesAndAdditions) changed.push(m[j]);
      j++;
    } else {
      if (!opts.ignoreDeletions) deletes.push({ $patch: 'delete', [mergeKey]: (o[i] as JsonMap)[mergeKey] });
      i++;
    }
  }
  return { changed, deletes };
}

function diffListsOfScalars(orig: unknown[], mod: unknown[], opts: DiffOptions) {
  const o = sortScalars(orig);
  const m = sortScalars(mod);
  const add: unknown[] = [];
  const del: unknown[] = [];
  let i = 0;
  let j = 0;
  while (i < o.length || j < m.length) {
    const a = i < o.length ? goV(o[i]) : undefined;
    const b = j < m.length ? goV(m[j]) : undefined;
    if (a !== undefined && a === b) {
      i++;
      j++;
    } else if (a === undefined || (b !== undefined && a > b)) {
      if (!opts.ignoreChangesAndAdditions) add.push(m[j]);
      j++;
    } else {
      if (!opts.ignoreDeletions) del.push(o[i]);
      i++;
    }
  }
  return { add, del: dedupeScalars(del) };
}
