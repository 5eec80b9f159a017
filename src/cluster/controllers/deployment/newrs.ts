/**
 * getNewReplicaSet and getAllReplicaSetsAndSyncRevision (sync.go, v1.32): find the ReplicaSet
 * whose template matches the Deployment's (bringing its revision and annotations up to date), or
 * create it as `<deployment>-<pod-template-hash>`; plus the Deployment status a failed create or a
 * name collision leads to.
 */
import { clone, type KObject } from '../../api/types';
import { newControllerRef } from '../util/owners';
import { copyKeepingTemplate } from './copy';
import { maxRevision, REVISION, setDeploymentRevision, setNewReplicaSetAnnotations } from './annotations';
import { getCondition, hasProgressDeadline, newCondition, Reason, setCondition, type DeploymentStatus } from './conditions';
import { computeHash, POD_TEMPLATE_HASH } from './hash';
import { pushEvent, pushStatus, type SyncState } from './plan';
import { findNewReplicaSet, findOldReplicaSets, maxSurge, newRSNewReplicas } from './replicas';

/** Returns [newRS (maybe undefined), all old ReplicaSets]. */
export function getAllReplicaSetsAndSyncRevision(s: SyncState, rsList: KObject[], createIfNotExisted: boolean): [KObject | undefined, KObject[]] {
  const oldRSs = findOldReplicaSets(s.d, rsList);
  const newRS = getNewReplicaSet(s, rsList, oldRSs, createIfNotExisted);
  return [newRS, oldRSs];
}

function status(d: KObject): DeploymentStatus {
  return (d.status ??= {});
}

export function getNewReplicaSet(s: SyncState, rsList: KObject[], oldRSs: KObject[], createIfNotExisted: boolean): KObject | undefined {
  const d = s.d;
  const existing = findNewReplicaSet(d, rsList);
  const newRevision = maxRevision(oldRSs) + 1;
  if (existing) {
    const rs = copyKeepingTemplate(existing);
    const annotationsUpdated = setNewReplicaSetAnnotations(d, rs, newRevision, true, maxSurge(d));
    const minReady = d.spec?.minReadySeconds ?? 0;
    if (annotationsUpdated || (rs.spec?.minReadySeconds ?? 0) !== minReady) {
      setMinReadySeconds(rs, minReady);
      s.actions.push({ type: 'updateReplicaSet', rs });
      return rs;
    }
    let needsUpdate = setDeploymentRevision(d, rs.metadata.annotations?.[REVISION] ?? '');
    if (hasProgressDeadline(d) && !getCondition(d.status, 'Progressing')) {
      setCondition(status(d), newCondition('Progressing', 'True', Reason.FoundNewRS, `Found new replica set "${rs.metadata.name}"`, s.now));
      needsUpdate = true;
    }
    if (needsUpdate) pushStatus(s);
    return rs;
  }
  if (!createIfNotExisted) return undefined;

  const template = clone(d.spec?.template ?? {});
  const hash = computeHash(template, d.status?.collisionCount);
  template.metadata = { ...(template.metadata ?? {}), labels: { ...(template.metadata?.labels ?? {}), [POD_TEMPLATE_HASH]: hash } };
  const selector = clone(d.spec?.selector ?? {});
  selector.matchLabels = { ...(selector.matchLabels ?? {}), [POD_TEMPLATE_HASH]: hash };
  const name = `${d.metadata.name}-${hash}`;
  const rs: KObject = {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      name,
      namespace: d.metadata.namespace,
      labels: { ...template.metadata.labels },
      ownerReferences: [newControllerRef(d, 'apps/v1', 'Deployment')],
    },
    spec: { replicas: 0, selector, template },
  };
  setMinReadySeconds(rs, d.spec?.minReadySeconds ?? 0);
  const replicas = newRSNewReplicas(d, [...oldRSs, rs], rs);
  rs.spec.replicas = replicas;
  setNewReplicaSetAnnotations(d, rs, newRevision, false, maxSurge(d));
  s.actions.push({ type: 'createReplicaSet', rs, deployment: clone(d) });
  if (replicas > 0) pushEvent(s, 'Normal', 'ScalingReplicaSet', `Scaled up replica set ${name} from 0 to ${replicas}`);
  let needsUpdate = setDeploymentRevision(d, String(newRevision));
  if (hasProgressDeadline(d)) {
    setCondition(status(d), newCondition('Progressing', 'True', Reason.NewReplicaSet, `Created new replica set "${name}"`, s.now));
    needsUpdate = true;
  }
  if (needsUpdate) pushStatus(s);
  // As returned by the API server: a fresh ReplicaSet reports zero replicas.
  return { ...rs, status: { replicas: 0 } };
}

/** minReadySeconds is omitempty: 0 is absent. */
function setMinReadySeconds(rs: KObject, v: number): void {
  if (v) rs.spec.minReadySeconds = v;
  else delete rs.spec.minReadySeconds;
}

/**
 * A name taken by a ReplicaSet that is not ours (or has another template): bump collisionCount so
 * the next hash differs. Returns the Deployment to write to deployments/status.
 */
export function withCollision(d: KObject): KObject {
  const next = clone(d);
  status(next).collisionCount = (next.status.collisionCount ?? 0) + 1;
  return next;
}

/**
 * A create that failed for another reason (quota…): Progressing=False ReplicaSetCreateError when a
 * progress deadline is set. Returns the event message and, maybe, the Deployment to write.
 */
export function withCreateFailure(d: KObject, rsName: string, err: string, now: number): { message: string; deployment?: KObject } {
  const message = `Failed to create new replica set "${rsName}": ${err}`;
  if (!hasProgressDeadline(d)) return { message };
  const next = clone(d);
  setCondition(status(next), newCondition('Progressing', 'False', Reason.FailedRSCreate, message, now));
  return { message, deployment: next };
}
