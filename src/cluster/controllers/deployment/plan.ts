/**
 * What one Deployment sync decides, as data. The pure core works on copies (the Deployment is
 * edited in place, ReplicaSets are replaced by edited copies, as the Go code's DeepCopies are) and
 * records every write it would make, in order; the shell (index.ts) performs them and stops at
 * the first failure, as upstream returns at its first error.
 */
import type { KObject } from '../../api/types';
import { copyKeepingTemplate } from './copy';

export type DeploymentAction =
  /** POST a new ReplicaSet; `deployment` is the Deployment as it was just before. */
  | { type: 'createReplicaSet'; rs: KObject; deployment: KObject }
  /** PUT a ReplicaSet (scale, annotations, minReadySeconds). */
  | { type: 'updateReplicaSet'; rs: KObject }
  /** DELETE an old ReplicaSet beyond revisionHistoryLimit. */
  | { type: 'deleteReplicaSet'; rs: KObject }
  /** PUT deployments/status (status and, as upstream's status strategy allows, annotations). */
  | { type: 'updateStatus'; deployment: KObject }
  /** PUT the Deployment itself (the deprecated rollback annotation path). */
  | { type: 'updateDeployment'; deployment: KObject }
  /** Record an Event on the Deployment (only reached when the writes before it succeeded). */
  | { type: 'event'; eventType: 'Normal' | 'Warning'; reason: string; message: string };

export interface DeploymentPlan {
  actions: DeploymentAction[];
  /** Look at the Deployment again after this long (progress deadline checks). */
  requeueAfterMs?: number;
}

/** The working state of one sync. */
export interface SyncState {
  /** Mutable copy of the Deployment. */
  d: KObject;
  now: number;
  actions: DeploymentAction[];
  requeueAfterMs?: number;
}

export function newState(d: KObject, now: number): SyncState {
  return { d: copyKeepingTemplate(d), now, actions: [] };
}

/** Records a write of the Deployment's status as it is now. */
export function pushStatus(s: SyncState): void {
  s.actions.push({ type: 'updateStatus', deployment: copyKeepingTemplate(s.d) });
}

export function pushEvent(s: SyncState, eventType: 'Normal' | 'Warning', reason: string, message: string): void {
  s.actions.push({ type: 'event', eventType, reason, message });
}
