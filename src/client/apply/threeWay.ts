/**
 * kubectl's client-side apply patch (`kubectl apply`, cli-runtime patcher.go → strategicpatch
 * `CreateThreeWayMergePatch`): deletions are what the manifest dropped since the last apply,
 * changes are where the live object differs from the manifest, and the result also refreshes the
 * last-applied annotation. Kinds without strategic-merge tags get a JSON merge patch instead.
 */
import { rootTypeForKind } from '../../cluster/apiserver/patch/mergeKeys';
import { goMarshal } from './goJson';
import { threeWayJsonMergePatch } from './jsonMerge';
import { withLastApplied } from './lastApplied';
import { combinePatches } from './smpCombine';
import { diffMaps, isMap } from './smpDiff';
import type { JsonMap } from './types';

export const STRATEGIC_MERGE = 'application/strategic-merge-patch+json';
export const JSON_MERGE = 'application/merge-patch+json';

export interface ThreeWayPatch {
  patch: JsonMap;
  /** The request body, byte-identical to kubectl's. */
  body: string;
  contentType: typeof STRATEGIC_MERGE | typeof JSON_MERGE;
  /** Nothing to send: kubectl reports `unchanged` and makes no request. */
  empty: boolean;
}

/** kubectl refuses patches that would rename or retype the object. */
export class PreconditionError extends Error {
  constructor() {
    super('At least one of apiVersion, kind and name was changed');
  }
}

/**
 * The patch kubectl sends to make `live` match `desired` (the manifest, namespace filled in),
 * given the configuration applied last time (`undefined` when the object has none).
 * `annotate` false computes a plain three-way patch without refreshing the annotation.
 */
export function computeThreeWayPatch(
  lastApplied: JsonMap | undefined,
  desired: JsonMap,
  live: JsonMap,
  kind: string,
  annotate = true,
): ThreeWayPatch {
  const modified = annotate ? withLastApplied(desired) : desired;
  const original = lastApplied ?? {};
  const type = rootTypeForKind(kind);
  let patch: JsonMap;
  let contentType: ThreeWayPatch['contentType'];
  if (type === undefined) {
    patch = threeWayJsonMergePatch(original, modified, live);
    contentType = JSON_MERGE;
  } else {
    const delta = diffMaps(live, modified, type, { ignoreDeletions: true, ignoreChangesAndAdditions: false, setElementOrder: true });
    const deletions = diffMaps(original, modified, type, { ignoreDeletions: false, ignoreChangesAndAdditions: true, setElementOrder: true });
    patch = combinePatches(deletions, delta, type);
    contentType = STRATEGIC_MERGE;
  }
  const meta = patch.metadata;
  if ('apiVersion' in patch || 'kind' in patch || (isMap(meta) && 'name' in meta)) throw new PreconditionError();
  return { patch, body: goMarshal(patch), contentType, empty: Object.keys(patch).length === 0 };
}
