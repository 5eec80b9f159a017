/**
 * strategicpatch.CreateTwoWayMergePatch (set.CalculatePatches, rollout pause/resume/restart):
 * the strategic merge patch from an object to its changed copy, with `$setElementOrder` lists;
 * kinds without strategic-merge field tags get a JSON merge patch.
 */
import { rootTypeForKind } from '../../cluster/apiserver/patch/mergeKeys';
import { diffMaps } from '../../client/apply/smpDiff';
import { goMarshal } from '../../client/apply/goJson';
import { createMergePatch } from './mergepatch';

export interface TwoWayPatch {
  contentType: string;
  body: string;
  empty: boolean;
}

export function twoWayPatch(original: Record<string, unknown>, modified: Record<string, unknown>, kind: string): TwoWayPatch {
  const type = rootTypeForKind(kind);
  if (type === undefined) {
    const p = createMergePatch(original, modified);
    return { contentType: 'application/merge-patch+json', body: goMarshal(p), empty: Object.keys(p).length === 0 };
  }
  const p = diffMaps(original, modified, type, { ignoreDeletions: false, ignoreChangesAndAdditions: false, setElementOrder: true });
  return { contentType: 'application/strategic-merge-patch+json', body: goMarshal(p), empty: Object.keys(p).length === 0 };
}
