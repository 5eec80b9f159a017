/**
 * ControllerRefs (metav1.NewControllerRef, GetControllerOf) and the strategic-merge patches that
 * controller.RealPodControl / RealRSControl send to adopt or release an object.
 */
import type { KObject } from '../../api/types';

export interface OwnerReference {
  apiVersion: string;
  kind: string;
  name: string;
  uid: string;
  controller?: boolean;
  blockOwnerDeletion?: boolean;
}

/** NewControllerRef: controller and blockOwnerDeletion both true. */
export function newControllerRef(owner: KObject, apiVersion: string, kind: string): OwnerReference {
  return { apiVersion, kind, name: owner.metadata.name!, uid: owner.metadata.uid!, controller: true, blockOwnerDeletion: true };
}

/** GetControllerOf: the ownerReference with controller: true. */
export function controllerOf(o: KObject): OwnerReference | undefined {
  const refs = o.metadata.ownerReferences as OwnerReference[] | undefined;
  if (refs) for (let i = 0; i < refs.length; i++) if (refs[i].controller === true) return refs[i];
  return undefined;
}

/** The adoption patch: add our controllerRef, with the object's uid as a precondition. */
export function adoptPatch(ref: OwnerReference, uid: string): unknown {
  return { metadata: { ownerReferences: [ref], uid } };
}

/** The release patch: delete our ownerReference by uid (its merge key). */
export function releasePatch(ownerUid: string, uid: string): unknown {
  return { metadata: { ownerReferences: [{ $patch: 'delete', uid: ownerUid }], uid } };
}
