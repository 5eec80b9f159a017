/**
 * The Deployment controller's pure core: syncDeployment (deployment_controller.go, v1.32) as a
 * function of the Deployment, the ReplicaSets it owns, their pods (Recreate only) and the time,
 * returning the writes to make. Order of precedence: being deleted → status only; paused →
 * scale only; deprecated rollback annotation → rollback; scaling event → proportional scale;
 * otherwise the strategy (Recreate or RollingUpdate).
 */
import type { KObject } from '../../api/types';
import { byCreationTimestamp } from '../util/replicasets';
import { copyKeepingTemplate } from './copy';
import { newState, pushEvent, pushStatus, type DeploymentPlan } from './plan';
import { rolloutRecreate, type PodMap } from './recreate';
import { getRollbackTo, rollback } from './rollback';
import { rolloutRolling } from './rolling';
import { checkPausedConditions, isScalingEvent, sync, syncStatusOnly } from './sync';

export interface DeploymentObserved {
  deployment: KObject;
  /** The ReplicaSets the Deployment owns (after adoption/release). */
  replicaSets: readonly KObject[];
  /** Their pods by ReplicaSet UID; only needed by Recreate. */
  podMap?: PodMap;
  now: number;
}

/** A selector of `{}` selects every pod: refused with a SelectingAll warning. */
export function selectsEverything(d: KObject): boolean {
  const sel = d.spec?.selector;
  return !!sel && sel.matchLabels === undefined && sel.matchExpressions === undefined;
}

export function reconcile(o: DeploymentObserved): DeploymentPlan {
  const s = newState(o.deployment, o.now);
  const d = s.d;
  if (selectsEverything(d)) {
    pushEvent(s, 'Warning', 'SelectingAll', 'This deployment is selecting all pods. A non-empty selector is required.');
    if ((d.status?.observedGeneration ?? 0) < (d.metadata.generation ?? 0)) {
      (d.status ??= {}).observedGeneration = d.metadata.generation;
      pushStatus(s);
    }
    return { actions: s.actions };
  }
  const rsList = o.replicaSets.map(copyKeepingTemplate).sort(byCreationTimestamp);
  if (d.metadata.deletionTimestamp) syncStatusOnly(s, rsList);
  else {
    checkPausedConditions(s);
    if (d.spec?.paused) sync(s, rsList);
    else if (getRollbackTo(d) !== undefined) rollback(s, rsList);
    else if (isScalingEvent(s, rsList)) sync(s, rsList);
    else if (d.spec?.strategy?.type === 'Recreate') rolloutRecreate(s, rsList, o.podMap ?? new Map());
    else rolloutRolling(s, rsList);
  }
  return { actions: s.actions, ...(s.requeueAfterMs !== undefined ? { requeueAfterMs: s.requeueAfterMs } : {}) };
}
