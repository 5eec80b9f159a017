/**
 * A StatefulSet pod's stable identity (stateful_set_utils.go, v1.32): name `<set>-<ordinal>`,
 * hostname/subdomain, the pod-name / pod-index / controller-revision-hash labels, and one
 * PersistentVolumeClaim `<template>-<set>-<ordinal>` per volumeClaimTemplate.
 */
import type { KObject } from '../../api/types';
import { podFromTemplate } from '../job/podcontrol';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

export const POD_NAME_LABEL = 'statefulset.kubernetes.io/pod-name';
export const POD_INDEX_LABEL = 'apps.kubernetes.io/pod-index';
export const REVISION_LABEL = 'controller-revision-hash';

const ORDINAL_RE = /^(.*)-([0-9]+)$/;

/** getParentNameAndOrdinal: ["web", 2] for "web-2"; ordinal −1 when the name has none. */
export function parentAndOrdinal(podName: string): [string, number] {
  const m = ORDINAL_RE.exec(podName);
  if (!m) return ['', -1];
  const n = Number.parseInt(m[2]!, 10);
  return [m[1]!, n <= 2147483647 ? n : -1];
}

export const ordinalOf = (p: KObject): number => parentAndOrdinal(p.metadata.name ?? '')[1];
export const startOrdinal = (set: KObject): number => set.spec?.ordinals?.start ?? 0;
export const endOrdinal = (set: KObject): number => startOrdinal(set) + (set.spec?.replicas ?? 1) - 1;
export const inOrdinalRange = (p: KObject, set: KObject): boolean => ordinalOf(p) >= startOrdinal(set) && ordinalOf(p) <= endOrdinal(set);
export const isMemberOf = (set: KObject, p: KObject): boolean => parentAndOrdinal(p.metadata.name ?? '')[0] === set.metadata.name;
export const podName = (set: KObject, ordinal: number): string => `${set.metadata.name}-${ordinal}`;
export const claimName = (set: KObject, template: Json, ordinal: number): string => `${template.metadata?.name}-${set.metadata.name}-${ordinal}`;
export const podRevision = (p: KObject): string => p.metadata.labels?.[REVISION_LABEL] ?? '';

/** identityMatches. */
export function identityMatches(set: KObject, p: KObject): boolean {
  const [parent, ordinal] = parentAndOrdinal(p.metadata.name ?? '');
  return ordinal >= 0 && parent === set.metadata.name && p.metadata.namespace === set.metadata.namespace && p.metadata.labels?.[POD_NAME_LABEL] === p.metadata.name;
}

/** storageMatches: every claim template is mounted from the pod's own claim. */
export function storageMatches(set: KObject, p: KObject): boolean {
  const ordinal = ordinalOf(p);
  if (ordinal < 0) return false;
  const volumes = new Map<string, Json>((p.spec?.volumes ?? []).map((v: Json) => [v.name, v]));
  return (set.spec?.volumeClaimTemplates ?? []).every((t: Json) => volumes.get(t.metadata?.name)?.persistentVolumeClaim?.claimName === claimName(set, t, ordinal));
}

/** updateIdentity: pod-name and pod-index labels. */
export function updateIdentity(p: KObject): void {
  const ordinal = ordinalOf(p);
  p.metadata.labels = { ...(p.metadata.labels ?? {}), [POD_NAME_LABEL]: p.metadata.name!, [POD_INDEX_LABEL]: String(ordinal) };
}

/** getPersistentVolumeClaims: the claims the pod needs, keyed by template name. */
export function podClaims(set: KObject, p: KObject): Map<string, KObject> {
  const ordinal = ordinalOf(p);
  const out = new Map<string, KObject>();
  for (const t of set.spec?.volumeClaimTemplates ?? []) {
    const c = structuredClone(t);
    delete c.status;
    c.apiVersion = 'v1';
    c.kind = 'PersistentVolumeClaim';
    c.metadata = { ...(c.metadata ?? {}), name: claimName(set, t, ordinal), namespace: set.metadata.namespace };
    const sel = set.spec?.selector?.matchLabels ?? {};
    c.metadata.labels = c.metadata.labels ? { ...c.metadata.labels, ...sel } : { ...sel };
    out.set(t.metadata?.name, c);
  }
  return out;
}

/** updateStorage: claim volumes first, then the template's other volumes. */
export function updateStorage(set: KObject, p: KObject): void {
  const claims = podClaims(set, p);
  const volumes: Json[] = [...claims].map(([name, c]) => ({ name, persistentVolumeClaim: { claimName: c.metadata.name } }));
  for (const v of p.spec?.volumes ?? []) if (!claims.has(v.name)) volumes.push(v);
  p.spec = { ...(p.spec ?? {}), volumes };
}

/** newStatefulSetPod + setPodRevision: the pod for `ordinal` from `template` at `revision`. */
export function newStatefulSetPod(set: KObject, template: Json, ordinal: number, revision: string): KObject {
  const ref = { apiVersion: 'apps/v1', kind: 'StatefulSet', name: set.metadata.name!, uid: set.metadata.uid!, controller: true, blockOwnerDeletion: true };
  const pod = podFromTemplate(template, set, ref, { name: podName(set, ordinal) });
  updateIdentity(pod);
  pod.spec.hostname = pod.metadata.name;
  if (set.spec?.serviceName) pod.spec.subdomain = set.spec.serviceName;
  if ((set.spec?.volumeClaimTemplates ?? []).length) updateStorage(set, pod);
  pod.metadata.labels![REVISION_LABEL] = revision;
  return pod;
}
