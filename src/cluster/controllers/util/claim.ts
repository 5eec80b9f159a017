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
  // Lists by owner and of orphans overlap only in orphans (a non-controller ref to us); and the
  // same object listed twice is counted once.
  const seen = new Set<KObject>();
  const seenOrphans = new Set<string>();
  for (const o of candidates) {
    const ref = controllerOf(o);
    if (ref) {
      if (ref.uid !== owner.metadata.uid || seen.has(o)) continue;
      seen.add(o);
      if (match(o)) out.claimed.push(o);
      else if (!deleting) out.release.push(o);
      continue;
    }
    if (seenOrphans.has(o.metadata.uid!)) continue;
    seenOrphans.add(o.metadata.uid!);
    if (deleting || !match(o) || o.metadata.deletionTimestamp) continue;
    if (owner.metadata.namespace && owner.metadata.namespace !== o.metadata.namespace) continue;
    out.adopt.push(o);
    out.claimed.push(o);
  }
  return out;
}
