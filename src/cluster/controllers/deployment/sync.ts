/**
 * sync.go (v1.32): scaling events and paused Deployments (`sync`, proportional `scale`),
 * ReplicaSet scaling with its ScalingReplicaSet event, revision history cleanup, and the status
 * every path ends with.
 */
import type { KObject } from '../../api/types';
import { bySizeNewer, bySizeOlder, byCreationTimestamp, filterActiveReplicaSets, specReplicas } from '../util/replicasets';
import { desiredReplicasAnnotation, replicasAnnotationsNeedUpdate, revisionOf, setReplicasAnnotations } from './annotations';
import { getCondition, hasProgressDeadline, newCondition, Reason, setCondition, type DeploymentStatus } from './conditions';
import { copyKeepingTemplate } from './copy';
import { getAllReplicaSetsAndSyncRevision } from './newrs';
import { pushEvent, pushStatus, type SyncState } from './plan';
import { getRollbackTo } from './rollback';
import { actualCount, availableCount, findActiveOrLatest, getProportion, isRollingUpdate, isSaturated, maxSurge, maxUnavailable, readyCount, replicasOf, specCount } from './replicas';
import { compactStatus, statusEqual } from './status';

/** sync: reconcile a scaling event or a paused Deployment, without rolling out. */
export function sync(s: SyncState, rsList: KObject[]): void {
  const [newRS, oldRSs] = getAllReplicaSetsAndSyncRevision(s, rsList, false);
  scale(s, newRS, oldRSs);
  if (s.d.spec?.paused && getRollbackTo(s.d) === undefined) cleanupDeployment(s, oldRSs);
  syncDeploymentStatus(s, [...oldRSs, newRS], newRS);
}

/** syncStatusOnly: a Deployment being deleted only reports status. */
export function syncStatusOnly(s: SyncState, rsList: KObject[]): void {
  const [newRS, oldRSs] = getAllReplicaSetsAndSyncRevision(s, rsList, false);
  syncDeploymentStatus(s, [...oldRSs, newRS], newRS);
}

/** checkPausedConditions: Progressing=Unknown DeploymentPaused / DeploymentResumed (never over a timeout). */
export function checkPausedConditions(s: SyncState): void {
  const d = s.d;
  if (!hasProgressDeadline(d)) return;
  const cond = getCondition(d.status, 'Progressing');
  if (cond?.reason === Reason.TimedOut) return;
  const pausedShown = cond?.reason === Reason.Paused;
  let c;
  if (d.spec?.paused && !pausedShown) c = newCondition('Progressing', 'Unknown', Reason.Paused, 'Deployment is paused', s.now);
  else if (!d.spec?.paused && pausedShown) c = newCondition('Progressing', 'Unknown', Reason.Resumed, 'Deployment is resumed', s.now);
  if (!c) return;
  setCondition((d.status ??= {}), c);
  pushStatus(s);
}

/** isScalingEvent: an active ReplicaSet's desired-replicas annotation differs from spec.replicas. */
export function isScalingEvent(s: SyncState, rsList: KObject[]): boolean {
  const [newRS, oldRSs] = getAllReplicaSetsAndSyncRevision(s, rsList, false);
  for (const rs of filterActiveReplicaSets([...oldRSs, newRS])) {
    const desired = desiredReplicasAnnotation(rs);
    if (desired !== undefined && desired !== replicasOf(s.d)) return true;
  }
  return false;
}

/**
 * scale: one active ReplicaSet takes the full count; a saturated new ReplicaSet means old ones go
 * to 0; otherwise (RollingUpdate) the change is shared out proportionally, larger ReplicaSets
 * first (newer first when growing, older first when shrinking), leftovers to the first.
 *   e.g. new 6 + old 4 (max-replicas 13 each), replicas 10 → 20 with surge 5: 25 − 10 = 15 to add;
 *   new gets round(6·25/13) − 6 = 6, old round(4·25/13) − 4 = 4, leftover 5 goes to new → 17 / 8.
 */
export function scale(s: SyncState, newRS: KObject | undefined, oldRSs: KObject[]): void {
  const d = s.d;
  const activeOrLatest = findActiveOrLatest(newRS, oldRSs);
  if (activeOrLatest) {
    if (specReplicas(activeOrLatest) !== replicasOf(d)) scaleReplicaSetAndRecordEvent(s, activeOrLatest, replicasOf(d));
    return;
  }
  if (isSaturated(d, newRS)) {
    for (const old of filterActiveReplicaSets(oldRSs)) scaleReplicaSetAndRecordEvent(s, old, 0);
    return;
  }
  if (!isRollingUpdate(d)) return;
  const all = filterActiveReplicaSets([...oldRSs, newRS]);
  const allowed = replicasOf(d) > 0 ? replicasOf(d) + maxSurge(d) : 0;
  const toAdd = allowed - specCount(all);
  let op = '';
  if (toAdd > 0) {
    all.sort(bySizeNewer);
    op = 'up';
  } else if (toAdd < 0) {
    all.sort(bySizeOlder);
    op = 'down';
  }
  let added = 0;
  const sizes = all.map((rs) => {
    if (toAdd === 0) return specReplicas(rs);
    const p = getProportion(rs, d, toAdd, added);
    added += p;
    return specReplicas(rs) + p;
  });
  if (toAdd !== 0 && sizes.length) sizes[0] = Math.max(0, sizes[0] + toAdd - added);
  all.forEach((rs, i) => scaleReplicaSet(s, rs, sizes[i], op));
}

/** scaleReplicaSetAndRecordEvent: scale up or down to `to`; returns [scaled, the ReplicaSet after]. */
export function scaleReplicaSetAndRecordEvent(s: SyncState, rs: KObject, to: number): [boolean, KObject] {
  if (specReplicas(rs) === to) return [false, rs];
  return scaleReplicaSet(s, rs, to, specReplicas(rs) < to ? 'up' : 'down');
}

/**
 * scaleReplicaSet: write spec.replicas and the desired/max-replicas annotations when either is
 * stale; a size change records `Scaled up replica set web-7d9c8b6f5d from 1 to 3`.
 */
export function scaleReplicaSet(s: SyncState, rs: KObject, to: number, op: string): [boolean, KObject] {
  const d = s.d;
  const from = specReplicas(rs);
  const sizeChanged = from !== to;
  const max = replicasOf(d) + maxSurge(d);
  if (!sizeChanged && !replicasAnnotationsNeedUpdate(rs, replicasOf(d), max)) return [false, rs];
  const next = copyKeepingTemplate(rs);
  next.spec.replicas = to;
  setReplicasAnnotations(next, replicasOf(d), max);
  s.actions.push({ type: 'updateReplicaSet', rs: next });
  if (sizeChanged) pushEvent(s, 'Normal', 'ScalingReplicaSet', `Scaled ${op} replica set ${rs.metadata.name} from ${from} to ${to}`);
  return [sizeChanged, next];
}

/** ReplicaSetsByRevision: lower revision first; creation time when equal or unparsable. */
function byRevision(a: KObject, b: KObject): number {
  const ra = revisionOf(a);
  const rb = revisionOf(b);
  if (Number.isNaN(ra) || Number.isNaN(rb) || ra === rb) return byCreationTimestamp(a, b);
  return ra - rb;
}

/**
 * cleanupDeployment: keep revisionHistoryLimit old ReplicaSets; delete the oldest revisions beyond
 * it, skipping any that still have replicas, unobserved changes or are already being deleted.
 */
export function cleanupDeployment(s: SyncState, oldRSs: KObject[]): void {
  const limit = s.d.spec?.revisionHistoryLimit;
  if (limit === undefined || limit === null || limit === 2147483647) return;
  const cleanable = oldRSs.filter((rs) => rs && !rs.metadata.deletionTimestamp);
  const diff = cleanable.length - limit;
  if (diff <= 0) return;
  cleanable.sort(byRevision);
  for (let i = 0; i < diff; i++) {
    const rs = cleanable[i];
    if ((rs.status?.replicas ?? 0) !== 0 || specReplicas(rs) !== 0 || (rs.metadata.generation ?? 0) > (rs.status?.observedGeneration ?? 0)) continue;
    s.actions.push({ type: 'deleteReplicaSet', rs });
  }
}

/** calculateStatus: counts summed over the ReplicaSets, and the Available condition. */
export function calculateStatus(s: SyncState, allRSs: (KObject | undefined)[], newRS: KObject | undefined): DeploymentStatus {
  const d = s.d;
  const available = availableCount(allRSs);
  const st: DeploymentStatus = {
    observedGeneration: d.metadata.generation,
    replicas: actualCount(allRSs),
    updatedReplicas: actualCount([newRS]),
    readyReplicas: readyCount(allRSs),
    availableReplicas: available,
    unavailableReplicas: Math.max(0, specCount(allRSs) - available),
    conditions: [...(d.status?.conditions ?? [])],
    collisionCount: d.status?.collisionCount,
  };
  if (available >= replicasOf(d) - maxUnavailable(d))
    setCondition(st, newCondition('Available', 'True', Reason.MinimumReplicasAvailable, 'Deployment has minimum availability.', s.now));
  else setCondition(st, newCondition('Available', 'False', Reason.MinimumReplicasUnavailable, 'Deployment does not have minimum availability.', s.now));
  return st;
}

/** syncDeploymentStatus: write the calculated status when it differs. */
export function syncDeploymentStatus(s: SyncState, allRSs: (KObject | undefined)[], newRS: KObject | undefined): void {
  const next = calculateStatus(s, allRSs, newRS);
  if (statusEqual(s.d.status, next)) return;
  s.d.status = compactStatus(next);
  pushStatus(s);
}
