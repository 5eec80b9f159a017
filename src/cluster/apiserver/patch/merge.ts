/**
 * RFC 7396 JSON Merge Patch as gopkg.in/evanphx/json-patch.v4 `MergePatch` applies it for the
 * apiserver. Beyond the RFC, the library drops `null` members from objects nested inside arrays
 * it copies in from the patch (it keeps null array elements), so that is done here too.
 */
import { isMap, own, setOwn, type JsonMap } from './jsonValue';
import { badPatch } from './patchErrors';

/** Removes null members from objects, recursing through arrays (their null elements stay). */
function pruneNulls(v: unknown): unknown {
  if (isMap(v)) {
    for (const [k, x] of Object.entries(v)) {
      if (x === null) delete v[k];
      else pruneNulls(x);
    }
  } else if (Array.isArray(v)) {
    for (const x of v) if (x !== null) pruneNulls(x);
  }
  return v;
}

/** Merges `patch` into `cur` when both are objects; otherwise the patch value wins. */
function mergeValue(cur: unknown, patch: unknown): unknown {
  if (!isMap(cur)) return pruneNulls(patch);
  if (!isMap(patch)) return patch;
  mergeInto(cur, patch);
  return cur;
}

function mergeInto(doc: JsonMap, patch: JsonMap): void {
  for (const [k, v] of Object.entries(patch)) {
    const cur = own(doc, k);
    if (v === null) delete doc[k];
    else if (cur === undefined || cur === null) setOwn(doc, k, pruneNulls(v));
    else setOwn(doc, k, mergeValue(cur, v));
  }
}

/**
 * Applies a merge patch to a copy of `doc`. A `null` or scalar patch is a 400
 * (`Invalid JSON Patch`); an array patch replaces the whole document, which the caller then
 * fails to decode as an object.
 */
export function applyMergePatch(doc: JsonMap, patch: unknown): unknown {
  if (Array.isArray(patch)) return pruneNulls(structuredClone(patch));
  if (!isMap(patch)) throw badPatch('Invalid JSON Patch');
  const out = structuredClone(doc);
  mergeInto(out, structuredClone(patch));
  return out;
}
