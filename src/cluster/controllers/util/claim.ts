/**
 * BaseControllerRefManager.ClaimObject (controller_ref_manager.go, v1.32) as a pure function: of
 * the candidate objects, which does the owner keep, which orphans does it adopt, which of its own
 * (no longer matching) does it release.
 */
import type { KObject } from '../../api/types';
import { controllerOf } from './owners';

export interface ClaimResult {
  /** Owned and matching, plus orphans to adopt (counted as claimed if the adoption succeeds). */
  claimed: KObject[];
  adopt: KObject[];
  release: KObject[];
}

/**
 * Claims `candidates` for `owner`: objects owned by someone else are ignored; our own objects that
 * match stay, those that don't are released unless we are being deleted; orphans that match are
 * adopted unless we or they are being deleted or they live in another namespace.
 */
export function claimObjects(owner: KObject, candidates: Iterable<KObject>, match: (o: KObject) => boolean): ClaimResult {
  const out: ClaimResult = { claimed: [], adopt: [], release: [] };
  const deleting = !!owner.metadata.deletionTimestamp;
  const seen = new Set<string>();
  for (const o of candidates) {
    const uid = o.metadata.uid!;
    if (seen.has(uid)) continue;
    seen.add(uid);
    const ref = controllerOf(o);
    if (ref) {
      if (ref.uid !== owner.metadata.uid) continue;
      if (match(o)) out.claimed.push(o);
      else if (!deleting) out.release.push(o);
      continue;
    }
    if (deleting || !match(o) || o.metadata.deletionTimestamp) continue;
    if (owner.metadata.namespace && owner.metadata.namespace !== o.metadata.namespace) continue;
    out.adopt.push(o);
    out.claimed.push(o);
  }
  return out;
}
