/**
 * StatefulSetStatus (stateful_set_control.go, v1.32): replica counts by readiness, availability and
 * revision; a finished rolling update makes the update revision current.
 */
import type { KObject } from '../../api/types';
import { isPodAvailable, isPodReady } from '../util/pods';
import { podRevision } from './identity';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

export interface StsStatus {
  observedGeneration: number;
  replicas: number;
  readyReplicas: number;
  currentReplicas: number;
  updatedReplicas: number;
  availableReplicas: number;
  currentRevision: string;
  updateRevision: string;
  collisionCount: number;
}

/** Pods the plan will create are not in the store yet: they carry no phase (isCreated false). */
export const isCreated = (p: KObject): boolean => !!p.status?.phase;
export const isRunningAndReady = (p: KObject): boolean => p.status?.phase === 'Running' && isPodReady(p);
export const isRunningAndAvailable = (p: KObject, minReady: number, now: number): boolean => isPodAvailable(p, minReady, now);
/** isUnavailable: not healthy (running, ready, not terminating) or not yet available. */
export const isUnavailable = (p: KObject, minReady: number, now: number): boolean =>
  !(isRunningAndReady(p) && !p.metadata.deletionTimestamp) || !isPodAvailable(p, minReady, now);

/** updateStatus over the given pod lists (computeReplicaStatus). */
export function countReplicas(status: StsStatus, minReady: number, now: number, ...lists: KObject[][]): void {
  status.replicas = status.readyReplicas = status.availableReplicas = status.currentReplicas = status.updatedReplicas = 0;
  for (const list of lists)
    for (const p of list) {
      if (isCreated(p)) status.replicas++;
      if (isRunningAndReady(p)) {
        status.readyReplicas++;
        if (isRunningAndAvailable(p, minReady, now)) status.availableReplicas++;
      }
      if (isCreated(p) && !p.metadata.deletionTimestamp) {
        if (podRevision(p) === status.currentRevision) status.currentReplicas++;
        if (podRevision(p) === status.updateRevision) status.updatedReplicas++;
      }
    }
}

/** completeRollingUpdate: all replicas updated and ready → the update revision becomes current. */
export function completeRollingUpdate(set: KObject, s: StsStatus): void {
  const replicas = set.spec?.replicas ?? 1;
  if (set.spec?.updateStrategy?.type === 'RollingUpdate' && s.updatedReplicas === replicas && s.readyReplicas === replicas && s.replicas === replicas) {
    s.currentReplicas = s.updatedReplicas;
    s.currentRevision = s.updateRevision;
  }
}

/** inconsistentStatus: whether the stored status differs in a way worth a write. */
export function inconsistentStatus(set: KObject, s: StsStatus): boolean {
  const o = set.status ?? {};
  return (
    s.observedGeneration > (o.observedGeneration ?? 0) ||
    s.replicas !== (o.replicas ?? 0) ||
    s.currentReplicas !== (o.currentReplicas ?? 0) ||
    s.readyReplicas !== (o.readyReplicas ?? 0) ||
    s.updatedReplicas !== (o.updatedReplicas ?? 0) ||
    s.currentRevision !== (o.currentRevision ?? '') ||
    s.availableReplicas !== (o.availableReplicas ?? 0) ||
    s.updateRevision !== (o.updateRevision ?? '')
  );
}

/** The status as encoding/json writes it (replicas and availableReplicas have no omitempty). */
export function statusJson(s: StsStatus): Json {
  const out: Json = {};
  if (s.observedGeneration) out.observedGeneration = s.observedGeneration;
  out.replicas = s.replicas;
  if (s.readyReplicas) out.readyReplicas = s.readyReplicas;
  if (s.currentReplicas) out.currentReplicas = s.currentReplicas;
  if (s.updatedReplicas) out.updatedReplicas = s.updatedReplicas;
  if (s.currentRevision) out.currentRevision = s.currentRevision;
  if (s.updateRevision) out.updateRevision = s.updateRevision;
  out.collisionCount = s.collisionCount;
  out.availableReplicas = s.availableReplicas;
  return out;
}
