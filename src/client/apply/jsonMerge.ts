/**
 * kubectl's three-way patch for kinds without strategic-merge tags (custom resources):
 * jsonmergepatch `CreateThreeWayJSONMergePatch` — additions and changes from live to manifest,
 * plus deletions (nulls) from last-applied to manifest, as one RFC 7386 merge patch.
 */
import { deepEqual, isMap } from './smpDiff';
import type { JsonMap } from './types';

/** RFC 7386 patch turning `a` into `b` (evanphx/json-patch `CreateMergePatch`). */
export function createMergePatch(a: JsonMap, b: JsonMap): JsonMap {
  const patch: JsonMap = {};
  for (const [k, bv] of Object.entries(b)) {
    const av = a[k];
    if (!Object.hasOwn(a, k)) patch[k] = bv;
    else if (isMap(av) && isMap(bv)) {
      const sub = createMergePatch(av, bv);
      if (Object.keys(sub).length > 0) patch[k] = sub;
    } else if (!deepEqual(av, bv)) patch[k] = bv;
  }
  for (const k of Object.keys(a)) if (!Object.hasOwn(b, k)) patch[k] = null;
  return patch;
}

/** Keeps only the nulls (`keepNulls`) or only the rest of a merge patch, dropping emptied maps. */
function filterNulls(p: JsonMap, keepNulls: boolean): JsonMap {
  const out: JsonMap = {};
  for (const [k, v] of Object.entries(p)) {
    if (v === null) {
      if (keepNulls) out[k] = null;
    } else if (isMap(v)) {
      const sub = filterNulls(v, keepNulls);
      if (Object.keys(sub).length > 0) out[k] = sub;
    } else if (!keepNulls) out[k] = v;
  }
  return out;
}

/** Merges two merge patches (the second wins), keeping nulls: `jsonpatch.MergePatch(deletions, changes)`. */
function mergePatches(a: JsonMap, b: JsonMap): JsonMap {
  const out: JsonMap = { ...a };
  for (const [k, v] of Object.entries(b)) out[k] = isMap(v) && isMap(out[k]) ? mergePatches(out[k] as JsonMap, v) : v;
  return out;
}

export function threeWayJsonMergePatch(original: JsonMap, modified: JsonMap, current: JsonMap): JsonMap {
  const changes = filterNulls(createMergePatch(current, modified), false);
  const deletions = filterNulls(createMergePatch(original, modified), true);
  return mergePatches(deletions, changes);
}
