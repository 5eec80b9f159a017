/**
 * The garbage collector's pure decisions (pkg/controller/garbagecollector, v1.32):
 * attemptToDeleteItem classifies an object's owners as solid (present), dangling (absent or a
 * different uid) or waiting (present, deleting its dependents in the foreground) and decides what to
 * do; processDeletingDependentsItem decides when a foreground owner may finally go.
 */
import type { KObject } from '../../api/types';
import { FOREGROUND, hasFinalizer, ORPHAN, type OwnerRef } from './graph';

export type OwnerState = 'solid' | 'dangling' | 'waiting' | 'unknown';

export type GcAction =
  | { type: 'none' }
  /** Keep the object: drop dangling references, unblock references to owners waiting on it. */
  | { type: 'patchOwners'; ownerReferences: OwnerRef[] }
  | { type: 'delete'; policy: 'Background' | 'Foreground' | 'Orphan' };

/** An owner's state from the live owner object (undefined = not found). */
export function ownerState(ref: OwnerRef, owner: KObject | undefined): OwnerState {
  if (!owner || owner.metadata.uid !== ref.uid) return 'dangling';
  if (owner.metadata.deletionTimestamp && hasFinalizer(owner, FOREGROUND)) return 'waiting';
  return 'solid';
}

/**
 * attemptToDeleteItem for a live, not-terminating object: nothing while it has a solid owner (but
 * clean up its references); foreground deletion when an owner waits on it and it has dependents of
 * its own; otherwise delete it with the policy its own finalizers ask for.
 */
export function decideDelete(item: KObject, states: readonly OwnerState[], hasDependents: boolean): GcAction {
  const refs = (item.metadata.ownerReferences ?? []) as OwnerRef[];
  if (!refs.length) return { type: 'none' };
  // An owner we cannot resolve (unknown kind) is never treated as gone.
  if (states.includes('unknown')) return { type: 'none' };
  const solid = states.filter((s) => s === 'solid').length;
  const dangling = states.filter((s) => s === 'dangling').length;
  const waiting = states.filter((s) => s === 'waiting').length;
  if (solid > 0) {
    if (dangling === 0 && waiting === 0) return { type: 'none' };
    const ownerReferences = refs.flatMap((r, i) => {
      if (states[i] === 'dangling') return [];
      if (states[i] === 'waiting') return [{ ...r, blockOwnerDeletion: false }];
      return [r];
    });
    return { type: 'patchOwners', ownerReferences };
  }
  if (waiting > 0 && hasDependents) return { type: 'delete', policy: 'Foreground' };
  if (hasFinalizer(item, ORPHAN)) return { type: 'delete', policy: 'Orphan' };
  if (hasFinalizer(item, FOREGROUND)) return { type: 'delete', policy: 'Foreground' };
  return { type: 'delete', policy: 'Background' };
}

/** The finalizers left after removing one (for the finalizer-removal patch). */
export const withoutFinalizer = (o: KObject, f: string): string[] => (o.metadata.finalizers ?? []).filter((x) => x !== f);

/** The ownerReferences of a dependent after orphaning it from `ownerUid`. */
export const withoutOwner = (o: KObject, ownerUid: string): OwnerRef[] =>
  ((o.metadata.ownerReferences ?? []) as OwnerRef[]).filter((r) => r.uid !== ownerUid);
