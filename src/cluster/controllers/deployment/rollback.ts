/**
 * rollback.go (v1.32): the controller-side rollback, triggered only by the deprecated
 * `deprecated.deployment.rollback.to` annotation (what the removed extensions/v1beta1
 * DeploymentRollback left behind). `kubectl rollout undo` does not use it: it patches the
 * template client-side, and the matching old ReplicaSet simply becomes the new one.
 */
import { clone, type KObject } from '../../api/types';
import { DEPRECATED_ROLLBACK_TO, lastRevision, revisionOf, setDeploymentAnnotationsTo } from './annotations';
import { POD_TEMPLATE_HASH } from './hash';
import { getAllReplicaSetsAndSyncRevision } from './newrs';
import { pushEvent, type SyncState } from './plan';
import { equalIgnoreHash } from './replicas';

/** getRollbackTo: the revision asked for, if the annotation holds an integer. */
export function getRollbackTo(d: KObject): number | undefined {
  const v = d.metadata.annotations?.[DEPRECATED_ROLLBACK_TO];
  if (!v || !/^[+-]?\d+$/.test(v)) return undefined;
  return Number(v);
}

export function rollback(s: SyncState, rsList: KObject[]): void {
  const d = s.d;
  const [newRS, oldRSs] = getAllReplicaSetsAndSyncRevision(s, rsList, true);
  const allRSs = newRS ? [...oldRSs, newRS] : oldRSs;
  let to = getRollbackTo(d)!;
  if (to === 0) {
    to = lastRevision(allRSs);
    if (to === 0) {
      pushEvent(s, 'Warning', 'DeploymentRollbackRevisionNotFound', 'Unable to find last revision.');
      return clearRollbackTo(s);
    }
  }
  const target = allRSs.find((rs) => revisionOf(rs) === to);
  if (!target) {
    pushEvent(s, 'Warning', 'DeploymentRollbackRevisionNotFound', 'Unable to find the revision to rollback to.');
    return clearRollbackTo(s);
  }
  if (equalIgnoreHash(d.spec?.template, target.spec?.template)) {
    pushEvent(s, 'Warning', 'DeploymentRollbackTemplateUnchanged', `The rollback revision contains the same template as current deployment "${d.metadata.name}"`);
    return clearRollbackTo(s);
  }
  // SetFromReplicaSetTemplate, then the old ReplicaSet's annotations (change-cause…) come back too.
  const template = clone(target.spec.template);
  if (template.metadata?.labels) delete template.metadata.labels[POD_TEMPLATE_HASH];
  d.spec.template = template;
  setDeploymentAnnotationsTo(d, target);
  clearRollbackTo(s);
  pushEvent(s, 'Normal', 'DeploymentRollback', `Rolled back deployment "${d.metadata.name}" to revision ${to}`);
}

/** updateDeploymentAndClearRollbackTo. */
function clearRollbackTo(s: SyncState): void {
  if (s.d.metadata.annotations) delete s.d.metadata.annotations[DEPRECATED_ROLLBACK_TO];
  s.actions.push({ type: 'updateDeployment', deployment: clone(s.d) });
}
