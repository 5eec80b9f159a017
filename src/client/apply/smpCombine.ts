/**
 * Merges the two halves of kubectl's three-way patch (deletions, then changes and additions) into
 * one patch: strategicpatch `mergeMap` with zero MergeOptions, i.e. treating the first patch as
 * the "original". Unlike the server's merge, nulls are kept (they are the deletions being sent),
 * `$setElementOrder`, `$retainKeys` and `$deleteFromPrimitiveList` directives are carried over
 * rather than executed, and `$patch: delete` items stay in the lists.
 */
import { listMerges, lookupPatchMeta } from '../../cluster/apiserver/patch/mergeKeys';
import { normalizeElementOrder, partitionByPresence } from '../../cluster/apiserver/patch/strategicOrder';
import { DELETE_PRIMITIVE, RETAIN_KEYS, SET_ORDER, deepEqual, isMap } from './smpDiff';
import type { JsonMap } from './types';

function kindOf(v: unknown): string {
  if (v === null || v === undefined) return 'nil';
  if (Array.isArray(v)) return 'slice';
  return typeof v === 'object' ? 'map' : typeof v;
}

/** Merges `patch` into `original` (mutated and returned). */
export function combinePatches(original: JsonMap, patch: JsonMap, type: string | undefined): JsonMap {
  if (Object.hasOwn(patch, RETAIN_KEYS)) {
    const mine = patch[RETAIN_KEYS];
    if (Object.hasOwn(original, RETAIN_KEYS) && !deepEqual(original[RETAIN_KEYS], mine)) {
      throw new Error('retainKeys directives differ: this may happen when calculating the 3-way diff patch');
    }
    original[RETAIN_KEYS] = mine;
  }
  for (const [key, patchV] of Object.entries(patch)) {
    if (key === RETAIN_KEYS) continue;
    if (key.startsWith(SET_ORDER) || key.startsWith(DELETE_PRIMITIVE)) {
      // Both halves order a list by the manifest, so they must agree; a deletion list only comes from the first half.
      if (key.startsWith(SET_ORDER) && Object.hasOwn(original, key) && !deepEqual(original[key], patchV)) {
        throw new Error('invalid patch format of setElementOrder list');
      }
      original[key] = patchV;
      continue;
    }
    if (patchV === null || !Object.hasOwn(original, key) || kindOf(original[key]) !== kindOf(patchV)) {
      original[key] = patchV;
      continue;
    }
    const cur = original[key];
    const meta = lookupPatchMeta(type, key);
    if (isMap(cur)) {
      original[key] = meta.strategy === 'replace' ? patchV : combinePatches(cur, patchV as JsonMap, meta.type);
    } else if (Array.isArray(cur)) {
      original[key] = listMerges(meta) ? combineLists(cur, patchV as unknown[], meta.type, meta.mergeKey ?? '') : patchV;
    } else {
      original[key] = patchV;
    }
  }
  return original;
}

/** upstream `mergeSlice` without MergeParallelList: items merge by key, order follows the patch. */
function combineLists(original: unknown[], patch: unknown[], type: string | undefined, mergeKey: string): unknown[] {
  if (original.length === 0 && patch.length === 0) return original;
  const sample = [...original, ...patch].find((v) => v !== null && v !== undefined);
  if (!isMap(sample)) {
    const merged = [...new Set([...original, ...patch])];
    const [patchItems, serverOnly] = partitionByPresence(merged, patch, '');
    return normalizeElementOrder(patchItems, serverOnly, patch, original, '');
  }
  const merged = [...original];
  for (const item of patch as JsonMap[]) {
    const i = merged.findIndex((o) => isMap(o) && Object.hasOwn(o, mergeKey) && o[mergeKey] === item[mergeKey]);
    if (i >= 0) merged[i] = combinePatches(merged[i] as JsonMap, item, type);
    else merged.push(item);
  }
  const [patchItems, serverOnly] = partitionByPresence(merged, patch, mergeKey);
  return normalizeElementOrder(patchItems, serverOnly, patch, original, mergeKey);
}
