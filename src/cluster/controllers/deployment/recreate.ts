/**
 * recreate.go (v1.32): scale every old ReplicaSet to 0, wait until none of their pods is left
 * running (terminal pods don't count; terminating ones do), then create/scale the new one.
 */
import type { KObject } from '../../api/types';
import { filterActiveReplicaSets, specReplicas } from '../util/replicasets';
import { deploymentComplete } from './conditions';
import { getAllReplicaSetsAndSyncRevision } from './newrs';
import type { SyncState } from './plan';
import { syncRolloutStatus } from './progress';
import { actualCount, replicasOf } from './replicas';
import { cleanupDeployment, scaleReplicaSetAndRecordEvent } from './sync';

/** Pods per ReplicaSet UID (pods whose controllerRef is one of the Deployment's ReplicaSets). */
export type PodMap = ReadonlyMap<string, readonly KObject[]>;

export function rolloutRecreate(s: SyncState, rsList: KObject[], podMap: PodMap): void {
  // Don't create the new ReplicaSet yet, so nothing scales up before the old pods are gone.
  let [newRS, oldRSs] = getAllReplicaSetsAndSyncRevision(s, rsList, false);
  let allRSs = [...oldRSs, newRS];
  const activeOld = filterActiveReplicaSets(oldRSs);
  if (scaleDownOldReplicaSetsForRecreate(s, activeOld)) return syncRolloutStatus(s, allRSs, newRS);
  if (oldPodsRunning(newRS, oldRSs, podMap)) return syncRolloutStatus(s, allRSs, newRS);
  if (!newRS) {
    [newRS, oldRSs] = getAllReplicaSetsAndSyncRevision(s, rsList, true);
    allRSs = [...oldRSs, newRS];
  }
  scaleReplicaSetAndRecordEvent(s, newRS!, replicasOf(s.d));
  if (deploymentComplete(s.d, s.d.status ?? {})) cleanupDeployment(s, oldRSs);
  syncRolloutStatus(s, allRSs, newRS);
}

function scaleDownOldReplicaSetsForRecreate(s: SyncState, oldRSs: KObject[]): boolean {
  let scaled = false;
  for (let i = 0; i < oldRSs.length; i++) {
    if (specReplicas(oldRSs[i]) === 0) continue;
    const [did, updated] = scaleReplicaSetAndRecordEvent(s, oldRSs[i], 0);
    if (did) {
      oldRSs[i] = updated;
      scaled = true;
    }
  }
  return scaled;
}

/** oldPodsRunning: old ReplicaSets still report pods, or a non-terminal pod of theirs still exists. */
export function oldPodsRunning(newRS: KObject | undefined, oldRSs: KObject[], podMap: PodMap): boolean {
  if (actualCount(oldRSs) > 0) return true;
  for (const [uid, pods] of podMap) {
    if (newRS && newRS.metadata.uid === uid) continue;
    for (const p of pods) if (p.status?.phase !== 'Failed' && p.status?.phase !== 'Succeeded') return true;
  }
  return false;
}
