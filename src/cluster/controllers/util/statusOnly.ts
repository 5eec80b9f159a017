/**
 * Whether an update of a spec'd object (one whose spec bumps metadata.generation) changed nothing
 * a controller reads but its status: same generation, deletion, labels, annotations, owners and
 * finalizers. Such updates are the ones a SyncBudget may pace.
 */
import type { KObject } from '../../api/types';

export function statusOnlyChange(a: KObject, b: KObject): boolean {
  const am = a.metadata;
  const bm = b.metadata;
  return (
    am.generation === bm.generation &&
    am.deletionTimestamp === bm.deletionTimestamp &&
    same(am.labels, bm.labels) &&
    same(am.annotations, bm.annotations) &&
    same(am.ownerReferences, bm.ownerReferences) &&
    same(am.finalizers, bm.finalizers)
  );
}

function same(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}
