/**
 * persistentVolumeClaimRetentionPolicy as ownerReferences on the claims (stateful_set_utils.go,
 * v1.32): Retain/Retain → none; whenDeleted Delete → owned by the set; whenScaled Delete → owned by
 * the pod once it is scaled away (so the garbage collector deletes the claim with the pod).
 */
import type { KObject } from '../../api/types';
import { inOrdinalRange, podClaims } from './identity';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

const SET = { apiVersion: 'apps/v1', kind: 'StatefulSet' };
const POD = { apiVersion: 'v1', kind: 'Pod' };

const policyOf = (set: KObject) => ({
  whenDeleted: set.spec?.persistentVolumeClaimRetentionPolicy?.whenDeleted ?? 'Retain',
  whenScaled: set.spec?.persistentVolumeClaimRetentionPolicy?.whenScaled ?? 'Retain',
});

const refsOf = (c: KObject): Json[] => c.metadata.ownerReferences ?? [];
const matchesRef = (r: Json, o: KObject, gvk: { apiVersion: string; kind: string }) => r.apiVersion === gvk.apiVersion && r.kind === gvk.kind && r.name === o.metadata.name;
const hasOwnerRef = (c: KObject, o: KObject) => refsOf(c).some((r) => r.uid === o.metadata.uid);
const hasStaleOwnerRef = (c: KObject, o: KObject, gvk: typeof SET) => {
  const r = refsOf(c).find((x) => matchesRef(x, o, gvk));
  return !!r && r.uid !== (o.metadata.uid ?? '');
};

function hasUnexpectedController(c: KObject, set: KObject, pod: KObject): boolean {
  const p = policyOf(set);
  if (p.whenScaled === 'Retain' && p.whenDeleted === 'Retain') return false;
  for (const r of refsOf(c)) {
    if (matchesRef(r, set, SET)) {
      if (r.uid !== set.metadata.uid) return true;
      continue;
    }
    if (matchesRef(r, pod, POD)) {
      if (r.uid !== pod.metadata.uid) return true;
      continue;
    }
    if (r.controller) return true;
  }
  return false;
}

const hasNonControllerOwner = (c: KObject, set: KObject, pod: KObject) =>
  refsOf(c).some((r) => (r.uid === set.metadata.uid || r.uid === pod.metadata.uid) && !r.controller);

/** isClaimOwnerUpToDate. */
export function claimOwnerUpToDate(c: KObject, set: KObject, pod: KObject): boolean {
  if (hasStaleOwnerRef(c, set, SET) || hasStaleOwnerRef(c, pod, POD)) return true;
  if (hasUnexpectedController(c, set, pod)) return !(hasOwnerRef(c, set) || hasOwnerRef(c, pod));
  if (hasNonControllerOwner(c, set, pod)) return false;
  const p = policyOf(set);
  const scaledDown = !inOrdinalRange(pod, set);
  if (p.whenScaled === 'Delete' && p.whenDeleted === 'Delete') return scaledDown !== hasOwnerRef(c, set) && scaledDown === hasOwnerRef(c, pod);
  if (p.whenScaled === 'Delete') return !hasOwnerRef(c, set) && scaledDown === hasOwnerRef(c, pod);
  if (p.whenDeleted === 'Delete') return hasOwnerRef(c, set) && !hasOwnerRef(c, pod);
  return !hasOwnerRef(c, set) && !hasOwnerRef(c, pod);
}

const controllerRef = (o: KObject, gvk: typeof SET) => ({ ...gvk, name: o.metadata.name!, uid: o.metadata.uid!, controller: true, blockOwnerDeletion: true });

/** updateClaimOwnerRefForSetAndPod: the claim with its set/pod refs rebuilt for the policy. */
export function withClaimOwners(c: KObject, set: KObject, pod: KObject): KObject {
  const unexpected = hasUnexpectedController(c, set, pod);
  let refs = refsOf(c).filter((r) => !matchesRef(r, set, SET) && !matchesRef(r, pod, POD));
  if (!unexpected) {
    const p = policyOf(set);
    const scaledDown = !inOrdinalRange(pod, set);
    const add = (o: KObject, gvk: typeof SET) => {
      if (!refs.some((r) => r.uid === o.metadata.uid)) refs = [...refs, controllerRef(o, gvk)];
    };
    if (p.whenScaled === 'Delete' && scaledDown) add(pod, POD);
    if (p.whenDeleted === 'Delete' && (p.whenScaled !== 'Delete' || !scaledDown)) add(set, SET);
  }
  return { ...c, metadata: { ...c.metadata, ownerReferences: refs.length ? refs : undefined } };
}

/** ClaimsMatchRetentionPolicy: missing claims count as matching (they are created later). */
export function claimsMatchPolicy(set: KObject, pod: KObject, claims: (name: string) => KObject | undefined): boolean {
  for (const want of podClaims(set, pod).values()) {
    const c = claims(want.metadata.name!);
    if (c && !claimOwnerUpToDate(c, set, pod)) return false;
  }
  return true;
}

/** UpdatePodClaimForRetentionPolicy: the claims whose ownerReferences must change. */
export function claimOwnerUpdates(set: KObject, pod: KObject, claims: (name: string) => KObject | undefined): KObject[] {
  const out: KObject[] = [];
  for (const want of podClaims(set, pod).values()) {
    const c = claims(want.metadata.name!);
    if (c && !claimOwnerUpToDate(c, set, pod)) out.push(withClaimOwners(c, set, pod));
  }
  return out;
}

/** PodClaimIsStale: with whenScaled Delete, a claim still owned by an earlier pod of that name. */
export function podClaimIsStale(set: KObject, pod: KObject, claims: (name: string) => KObject | undefined): boolean {
  if (policyOf(set).whenScaled === 'Retain') return false;
  for (const want of podClaims(set, pod).values()) {
    const c = claims(want.metadata.name!);
    if (c && hasStaleOwnerRef(c, pod, POD)) return true;
  }
  return false;
}
