/**
 * rolling.go (v1.32): one RollingUpdate step per sync — scale the new ReplicaSet up if the surge
 * budget allows, else scale old ReplicaSets down as far as availability allows, else clean up.
 */
import type { KObject } from '../../api/types';
import { byCreationTimestamp, filterActiveReplicaSets, specReplicas } from '../util/replicasets';
import { deploymentComplete } from './conditions';
import { getAllReplicaSetsAndSyncRevision } from './newrs';
import type { SyncState } from './plan';
import { syncRolloutStatus } from './progress';
import { availableCount, maxUnavailable, newRSNewReplicas, replicasOf, specCount } from './replicas';
import { cleanupDeployment, scaleReplicaSetAndRecordEvent } from './sync';

export function rolloutRolling(s: SyncState, rsList: KObject[]): void {
  const [newRS, oldRSs] = getAllReplicaSetsAndSyncRevision(s, rsList, true);
  const allRSs = [...oldRSs, newRS!];
  if (reconcileNewReplicaSet(s, allRSs, newRS!)) return syncRolloutStatus(s, allRSs, newRS);
  if (reconcileOldReplicaSets(s, allRSs, filterActiveReplicaSets(oldRSs), newRS!)) return syncRolloutStatus(s, allRSs, newRS);
  if (deploymentComplete(s.d, s.d.status ?? {})) cleanupDeployment(s, oldRSs);
  syncRolloutStatus(s, allRSs, newRS);
}

/** Scale the new ReplicaSet towards replicas (down if it is above). True when it scaled. */
export function reconcileNewReplicaSet(s: SyncState, allRSs: KObject[], newRS: KObject): boolean {
  const replicas = replicasOf(s.d);
  if (specReplicas(newRS) === replicas) return false;
  if (specReplicas(newRS) > replicas) return scaleReplicaSetAndRecordEvent(s, newRS, replicas)[0];
  return scaleReplicaSetAndRecordEvent(s, newRS, newRSNewReplicas(s.d, allRSs, newRS))[0];
}

/**
 * Scale old ReplicaSets down. At most allPods − minAvailable − (new RS unavailable pods) go, so
 * unavailable new pods never let us remove available old ones:
 *   10 replicas, maxUnavailable 2, maxSurge 3. The update creates the new RS at 3 (13 pods), old
 *   is scaled to 8, then new to 5. If the new pods crash-loop, 13 − 8 − 5 = 0: nothing more goes.
 * Unhealthy old replicas go first (oldest ReplicaSet first), then old ones by availability.
 */
export function reconcileOldReplicaSets(s: SyncState, allRSs: KObject[], oldRSs: KObject[], newRS: KObject): boolean {
  if (specCount(oldRSs) === 0) return false;
  const allPods = specCount(allRSs);
  const minAvailable = replicasOf(s.d) - maxUnavailable(s.d);
  const newUnavailable = specReplicas(newRS) - (newRS.status?.availableReplicas ?? 0);
  const maxScaledDown = allPods - minAvailable - newUnavailable;
  if (maxScaledDown <= 0) return false;
  const cleaned = cleanupUnhealthyReplicas(s, oldRSs, maxScaledDown);
  const scaledDown = scaleDownOldReplicaSetsForRollingUpdate(s, [...oldRSs, newRS], oldRSs);
  return cleaned + scaledDown > 0;
}

/** cleanupUnhealthyReplicas: drop not-available replicas of old ReplicaSets (oldest first); `oldRSs` is updated in place. */
export function cleanupUnhealthyReplicas(s: SyncState, oldRSs: KObject[], maxCleanup: number): number {
  oldRSs.sort(byCreationTimestamp);
  let total = 0;
  for (let i = 0; i < oldRSs.length; i++) {
    if (total >= maxCleanup) break;
    const rs = oldRSs[i];
    const unhealthy = specReplicas(rs) - (rs.status?.availableReplicas ?? 0);
    if (specReplicas(rs) === 0 || unhealthy === 0) continue;
    const count = Math.min(maxCleanup - total, unhealthy);
    const [, updated] = scaleReplicaSetAndRecordEvent(s, rs, specReplicas(rs) - count);
    total += count;
    oldRSs[i] = updated;
  }
  return total;
}

/** scaleDownOldReplicaSetsForRollingUpdate: remove available − minAvailable old replicas, oldest first. */
export function scaleDownOldReplicaSetsForRollingUpdate(s: SyncState, allRSs: KObject[], oldRSs: KObject[]): number {
  const minAvailable = replicasOf(s.d) - maxUnavailable(s.d);
  const available = availableCount(allRSs);
  if (available <= minAvailable) return 0;
  oldRSs.sort(byCreationTimestamp);
  const target = available - minAvailable;
  let total = 0;
  for (const rs of oldRSs) {
    if (total >= target) break;
    if (specReplicas(rs) === 0) continue;
    const count = Math.min(specReplicas(rs), target - total);
    scaleReplicaSetAndRecordEvent(s, rs, specReplicas(rs) - count);
    total += count;
  }
  return total;
}
