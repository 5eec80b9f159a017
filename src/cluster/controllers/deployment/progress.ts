/**
 * progress.go (v1.32): the Progressing condition during a rollout (progressing, complete, timed
 * out), ReplicaFailure lifted from the ReplicaSets, and the requeue at the progress deadline.
 */
import type { KObject } from '../../api/types';
import { parseTime } from '../util/time';
import {
  deploymentComplete,
  deploymentProgressing,
  deploymentTimedOut,
  fromReplicaSetCondition,
  getCondition,
  hasProgressDeadline,
  newCondition,
  Reason,
  removeCondition,
  setCondition,
  type DeploymentCondition,
  type DeploymentStatus,
} from './conditions';
import { pushStatus, type SyncState } from './plan';
import { calculateStatus } from './sync';
import { compactStatus, statusEqual } from './status';

/** workqueue.AddRateLimited right after a successful sync waits the base delay. */
export const RATE_LIMITED_REQUEUE_MS = 5;

/** syncRolloutStatus: the status plus Progressing / ReplicaFailure; requeue for a deadline check when unchanged. */
export function syncRolloutStatus(s: SyncState, allRSs: (KObject | undefined)[], newRS: KObject | undefined): void {
  const d = s.d;
  const next = calculateStatus(s, allRSs, newRS);
  if (!hasProgressDeadline(d)) removeCondition(next, 'Progressing');
  const current = getCondition(d.status, 'Progressing');
  const isComplete = next.replicas === next.updatedReplicas && current?.reason === Reason.NewRSAvailable;
  if (hasProgressDeadline(d) && !isComplete) {
    const who = newRS ? `ReplicaSet "${newRS.metadata.name}"` : `Deployment "${d.metadata.name}"`;
    if (deploymentComplete(d, next)) {
      setCondition(next, newCondition('Progressing', 'True', Reason.NewRSAvailable, `${who} has successfully progressed.`, s.now));
    } else if (deploymentProgressing(d, next)) {
      // Progress refreshes lastUpdateTime even with an unchanged reason; a True condition keeps its transition time.
      let c = newCondition('Progressing', 'True', Reason.ReplicaSetUpdated, `${who} is progressing.`, s.now);
      if (current) {
        if (current.status === 'True') c = { ...c, lastTransitionTime: current.lastTransitionTime };
        removeCondition(next, 'Progressing');
      }
      setCondition(next, c);
    } else if (deploymentTimedOut(d, next, s.now)) {
      setCondition(next, newCondition('Progressing', 'False', Reason.TimedOut, `${who} has timed out progressing.`, s.now));
    }
  }
  const failures = replicaFailures(allRSs, newRS);
  if (failures.length) setCondition(next, failures[0]);
  else removeCondition(next, 'ReplicaFailure');

  if (statusEqual(d.status, next)) {
    requeueStuckDeployment(s, next);
    return;
  }
  d.status = compactStatus(next);
  pushStatus(s);
}

/** getReplicaFailures: the new ReplicaSet's ReplicaFailure conditions first, else any old one's. */
function replicaFailures(allRSs: (KObject | undefined)[], newRS: KObject | undefined): DeploymentCondition[] {
  const of = (rs: KObject | undefined) =>
    (rs?.status?.conditions ?? []).filter((c: { type: string }) => c.type === 'ReplicaFailure').map(fromReplicaSetCondition);
  const own = of(newRS);
  if (own.length) return own;
  return allRSs.flatMap(of);
}

/**
 * requeueStuckDeployment: while a rollout has neither completed nor timed out, look again when
 * the deadline passes — Progressing.lastUpdateTime + progressDeadlineSeconds − now, plus a second
 * against millisecond skew (e.g. updated 3 min ago, deadline 10 min → in 7 min 1 s).
 */
export function requeueStuckDeployment(s: SyncState, next: DeploymentStatus): void {
  const d = s.d;
  const current = getCondition(d.status, 'Progressing');
  if (!hasProgressDeadline(d) || !current) return;
  if (deploymentComplete(d, next) || current.reason === Reason.TimedOut) return;
  const after = (parseTime(current.lastUpdateTime) ?? 0) + d.spec.progressDeadlineSeconds * 1000 - s.now;
  s.requeueAfterMs = after < 1000 ? RATE_LIMITED_REQUEUE_MS : after + 1000;
}
