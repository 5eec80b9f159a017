/**
 * Kubernetes strategic merge patch, applied the way the apiserver applies it
 * (apimachinery strategicpatch `StrategicMergeMapPatch` with MergeParallelList and
 * IgnoreUnmatchedNulls): objects merge recursively, `null` deletes a key, lists tagged
 * `patchStrategy:"merge"` merge by their merge key (primitive ones as sets), other lists are
 * replaced, and the `$patch`, `$retainKeys`, `$setElementOrder/<list>` and
 * `$deleteFromPrimitiveList/<list>` directives are honoured. Per-field tags come from mergeKeys.ts.
 */
import { goJsonKind, goPercentS, goSprint } from './goFormat';
import { isMap, own, setOwn, type JsonMap } from './jsonValue';
import { listMerges, lookupPatchMeta, rootTypeForKind, type FieldPatchMeta } from './mergeKeys';
import { badPatch, patchNotApplicable, unexpectedPatchError } from './patchErrors';
import {
  badArgType,
  findByKey,
  noMergeKey,
  normalizeElementOrder,
  partitionByPresence,
  validatePatchWithSetOrderList,
} from './strategicOrder';

const DIRECTIVE = '$patch';
const RETAIN_KEYS = '$retainKeys';
const ORDER_PREFIX = '$setElementOrder';
const DELETE_PREFIX = '$deleteFromPrimitiveList';

/** `$setElementOrder/containers` → `containers`; a malformed key is a 400 like upstream's. */
function listKey(key: string, prefix: string): string {
  const slash = key.indexOf('/');
  if (slash < 0 || key.slice(0, slash) !== prefix) {
    throw badPatch(
      prefix === ORDER_PREFIX ? 'invalid patch format of setElementOrder list' : 'invalid patch format of primitive list',
    );
  }
  return key.slice(slash + 1);
}

/** Drops maps carrying `$patch` (and their members) from a value copied in from the patch. */
function removeDirectives(v: unknown): { value: unknown; keep: boolean } {
  if (isMap(v)) {
    if (Object.hasOwn(v, DIRECTIVE)) return { value: undefined, keep: false };
    for (const [k, x] of Object.entries(v)) {
      const r = removeDirectives(x);
      if (r.keep) setOwn(v, k, r.value);
      else delete v[k];
    }
  } else if (Array.isArray(v)) {
    return { value: v.map(removeDirectives).filter((r) => r.keep).map((r) => r.value), keep: true };
  }
  return { value: v, keep: true };
}

/** Removes null members everywhere in a value copied in from the patch (null elements stay). */
function discardNulls(v: unknown): void {
  if (isMap(v)) {
    for (const [k, x] of Object.entries(v)) {
      if (x === null) delete v[k];
      else discardNulls(x);
    }
  } else if (Array.isArray(v)) v.forEach(discardNulls);
}

/** Takes the patch's value for a key the original lacks (or holds with another shape). */
function takePatchValue(original: JsonMap, key: string, patchV: unknown): void {
  discardNulls(patchV);
  const r = removeDirectives(patchV);
  if (r.keep) setOwn(original, key, r.value);
  else delete original[key];
}

/** `$patch` in a map: `replace` uses the patch as is, `delete` empties it; nothing else is allowed. */
function mapDirective(patch: JsonMap): JsonMap {
  const directive = patch[DIRECTIVE];
  if (directive === 'replace') {
    delete patch[DIRECTIVE];
    return patch;
  }
  if (directive === 'delete') return {};
  throw unexpectedPatchError(`unknown patch type: ${goPercentS(directive)} in map: ${goSprint(patch)}`);
}

/** `$retainKeys`: clears original keys not listed; the patch may only set listed keys. */
function applyRetainKeys(original: JsonMap, patch: JsonMap): void {
  if (!Object.hasOwn(patch, RETAIN_KEYS)) return;
  const list = patch[RETAIN_KEYS];
  delete patch[RETAIN_KEYS];
  if (!Array.isArray(list)) throw badPatch('invalid patch format of retainKeys');
  const retained = new Set<unknown>(list);
  for (const [k, v] of Object.entries(patch)) {
    if (v === null || k.startsWith(DELETE_PREFIX) || k.startsWith(ORDER_PREFIX)) continue;
    if (!retained.has(k)) throw badPatch('invalid patch format of retainKeys');
  }
  for (const k of Object.keys(original)) if (!retained.has(k)) delete original[k];
}

type Shape = 'map' | 'slice' | 'null' | 'int64' | 'float64' | 'string' | 'boolean';

function shapeOf(v: unknown): Shape {
  if (v === null || v === undefined) return 'null';
  if (Array.isArray(v)) return 'slice';
  if (isMap(v)) return 'map';
  if (typeof v === 'number') return Number.isInteger(v) ? 'int64' : 'float64';
  return typeof v as 'string' | 'boolean';
}

/** The common element shape of two lists (lists of lists are rejected, mixtures are errors). */
function elementShape(original: unknown[], patch: unknown[]): Shape {
  let shape: Shape | undefined;
  for (const v of [...original, ...patch]) {
    const s = shapeOf(v);
    if (shape === undefined) {
      if (s === 'slice') throw patchNotApplicable(); // ErrNoListOfLists → generic 422
      shape = s;
    } else if (s !== shape) {
      throw unexpectedPatchError(`list element types are not identical: ${goSprint([original, patch])}`);
    }
  }
  return shape ?? 'null';
}

/** Handles `$patch` list items: `delete` removes by merge key, `replace` makes the patch the list. */
function applyListDirectives(original: unknown[], patch: JsonMap[], mergeKey: string): [unknown[], JsonMap[]] {
  const plain: JsonMap[] = [];
  let replace = false;
  for (const item of patch) {
    if (!Object.hasOwn(item, DIRECTIVE)) {
      plain.push(item);
      continue;
    }
    const directive = item[DIRECTIVE];
    if (directive === 'delete') {
      if (!Object.hasOwn(item, mergeKey)) throw noMergeKey(item, mergeKey);
      const value = item[mergeKey];
      // Every entry with that key goes, duplicates included.
      original = original.filter((o) => !(Object.hasOwn(o as JsonMap, mergeKey) && (o as JsonMap)[mergeKey] === value));
    } else if (directive === 'replace') replace = true;
    else if (directive === 'merge') throw unexpectedPatchError('merging lists cannot yet be specified in the patch');
    else throw unexpectedPatchError(`unknown patch type: ${goPercentS(directive)} in map: ${goSprint(item)}`);
  }
  return replace ? [plain, []] : [original, plain];
}

/** Merges a list field with merge strategy (or a `$deleteFromPrimitiveList` list). */
function mergeList(original: unknown[], patch: unknown[], meta: FieldPatchMeta, isDeleteList: boolean): unknown[] {
  if (original.length === 0 && patch.length === 0) return original;
  const shape = elementShape(original, patch);
  if (shape !== 'map') {
    if (isDeleteList) return original.filter((v) => !patch.includes(v));
    const merged = [...new Set([...original, ...patch])];
    const [patchItems, serverOnly] = partitionByPresence(merged, patch, '');
    return normalizeElementOrder(patchItems, serverOnly, patch, original, '');
  }
  const mergeKey = meta.mergeKey ?? '';
  if (!mergeKey) throw unexpectedPatchError(`cannot merge lists without merge key for ${meta.type ?? ''}`);
  const [base, items] = applyListDirectives(original, patch as JsonMap[], mergeKey);
  const merged = [...base];
  for (const item of items) {
    if (!Object.hasOwn(item, mergeKey)) throw noMergeKey(item, mergeKey);
    const i = findByKey(merged, mergeKey, item[mergeKey]);
    if (i >= 0) merged[i] = mergeMap(merged[i] as JsonMap, item, meta.type);
    else merged.push(item);
  }
  const [patchItems, serverOnly] = partitionByPresence(merged, items, mergeKey);
  return normalizeElementOrder(patchItems, serverOnly, items, base, mergeKey);
}

/** A list field: merged when tagged (or a deletion list), otherwise replaced by the patch. */
function mergeListField(original: unknown[], patch: unknown[], meta: FieldPatchMeta, isDeleteList: boolean): unknown[] {
  return listMerges(meta) || isDeleteList ? mergeList(original, patch, meta, isDeleteList) : patch;
}

/**
 * `$setElementOrder/<list>`: merges that list now and orders the result by the directive,
 * server-only items interleaved where they were. Consumed keys are removed from `patch`.
 */
function applyElementOrders(original: JsonMap, patch: JsonMap, type: string | undefined): void {
  for (const key of Object.keys(patch)) {
    if (!key.startsWith(ORDER_PREFIX)) continue;
    const order = patch[key];
    delete patch[key];
    if (!Array.isArray(order)) throw badArgType('slice', order);
    const field = listKey(key, ORDER_PREFIX);
    const hasOriginal = Object.hasOwn(original, field);
    const hasPatch = Object.hasOwn(patch, field);
    const originalList = own(original, field);
    const patchList = own(patch, field);
    if (hasOriginal && !Array.isArray(originalList)) throw badArgType('slice', originalList);
    if (hasPatch && !Array.isArray(patchList)) throw badArgType('slice', patchList);
    const meta = lookupPatchMeta(type, field);
    const mergeKey = meta.mergeKey ?? '';
    validatePatchWithSetOrderList((patchList as unknown[]) ?? [], order, mergeKey);
    let merged: unknown[];
    if (hasOriginal && hasPatch) merged = mergeListField(originalList as unknown[], patchList as unknown[], meta, false);
    else if (hasOriginal) merged = originalList as unknown[];
    else if (hasPatch) merged = removeDirectives(patchList).value as unknown[];
    else continue;
    delete patch[field];
    // Only merging lists are ordered (upstream cannot order atomic lists of maps); an empty
    // result has nothing to order.
    if (!listMerges(meta) || merged.length === 0) {
      setOwn(original, field, merged);
      continue;
    }
    const [patchItems, serverOnly] = partitionByPresence(merged, order, mergeKey);
    setOwn(original, field, normalizeElementOrder(patchItems, serverOnly, order, (originalList as unknown[]) ?? [], mergeKey));
  }
}

/** Merges `patch` into `original` (both mutated); `type` names the object's type in mergeKeys. */
function mergeMap(original: JsonMap, patch: JsonMap, type: string | undefined): JsonMap {
  if (Object.hasOwn(patch, DIRECTIVE)) return mapDirective(patch);
  applyRetainKeys(original, patch);
  applyElementOrders(original, patch, type);
  for (const [rawKey, patchV] of Object.entries(patch)) {
    const isDeleteList = rawKey.startsWith(DELETE_PREFIX);
    const key = isDeleteList ? listKey(rawKey, DELETE_PREFIX) : rawKey;
    if (patchV === null) {
      delete original[key];
      continue;
    }
    if (!Object.hasOwn(original, key) || shapeOf(original[key]) !== shapeOf(patchV)) {
      if (!isDeleteList) takePatchValue(original, key, patchV);
      continue;
    }
    const cur = original[key];
    const meta = lookupPatchMeta(type, key);
    if (isMap(cur)) {
      setOwn(original, key, meta.strategy === 'replace' ? patchV : mergeMap(cur, patchV as JsonMap, meta.type));
    } else if (Array.isArray(cur)) {
      setOwn(original, key, mergeListField(cur, patchV as unknown[], meta, isDeleteList));
    } else {
      takePatchValue(original, key, patchV);
    }
  }
  return original;
}

/**
 * Directive keys that survive in copied-in values are unknown fields to the typed decode that
 * follows upstream, so they never reach storage.
 */
function stripDirectiveKeys(v: unknown): void {
  if (Array.isArray(v)) v.forEach(stripDirectiveKeys);
  else if (isMap(v)) {
    for (const [k, x] of Object.entries(v)) {
      if (k === DIRECTIVE || k === RETAIN_KEYS || k.startsWith(ORDER_PREFIX) || k.startsWith(DELETE_PREFIX)) delete v[k];
      else stripDirectiveKeys(x);
    }
  }
}

/**
 * Applies a strategic merge patch to a copy of `doc`. `kind` picks the field tags (e.g.
 * `Deployment`); kinds without Go types get no tags, so their lists are replaced as in a JSON
 * merge patch.
 */
export function applyStrategicMergePatch(doc: JsonMap, patch: unknown, kind: string): JsonMap {
  if (patch === null || patch === undefined) return structuredClone(doc);
  if (!isMap(patch)) throw badPatch(`json: cannot unmarshal ${goJsonKind(patch)} into Go value of type map[string]interface {}`);
  const result = mergeMap(structuredClone(doc), structuredClone(patch), rootTypeForKind(kind));
  stripDirectiveKeys(result);
  return result;
}
