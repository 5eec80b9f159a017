/**
 * The annotations the Deployment controller keeps on ReplicaSets and on the Deployment
 * (deployment_util.go, v1.32): revision, revision-history, desired-replicas, max-replicas, and
 * the rule for copying the Deployment's own annotations to its new ReplicaSet.
 */
import type { KObject } from '../../api/types';

export const REVISION = 'deployment.kubernetes.io/revision';
export const REVISION_HISTORY = 'deployment.kubernetes.io/revision-history';
export const DESIRED_REPLICAS = 'deployment.kubernetes.io/desired-replicas';
export const MAX_REPLICAS = 'deployment.kubernetes.io/max-replicas';
export const DEPRECATED_ROLLBACK_TO = 'deprecated.deployment.rollback.to';
export const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';
/** sync.go maxRevHistoryLengthInChars: revision-history is cut to about 2000 characters. */
export const MAX_REV_HISTORY_CHARS = 2000;

const SKIP = new Set([LAST_APPLIED, REVISION, REVISION_HISTORY, DESIRED_REPLICAS, MAX_REPLICAS, DEPRECATED_ROLLBACK_TO]);

/** Annotations that never travel between a Deployment and its ReplicaSets. */
export function skipCopyAnnotation(key: string): boolean {
  return SKIP.has(key);
}

const INT = /^[+-]?\d+$/;

/** Revision(obj): the revision annotation as a number; 0 without it, NaN when unparsable. */
export function revisionOf(o: KObject): number {
  const v = o.metadata.annotations?.[REVISION];
  if (v === undefined) return 0;
  return INT.test(v) ? Number(v) : NaN;
}

/** MaxRevision: the highest parsable revision (0 for none). */
export function maxRevision(rss: readonly KObject[]): number {
  let max = 0;
  for (const rs of rss) {
    const v = revisionOf(rs);
    if (!Number.isNaN(v) && v > max) max = v;
  }
  return max;
}

/** LastRevision: the second highest revision (what `rollback to 0` means). */
export function lastRevision(rss: readonly KObject[]): number {
  let max = 0;
  let sec = 0;
  for (const rs of rss) {
    const v = revisionOf(rs);
    if (Number.isNaN(v)) continue;
    if (v >= max) {
      sec = max;
      max = v;
    } else if (v > sec) sec = v;
  }
  return sec;
}

function int32Annotation(o: KObject, key: string): number | undefined {
  const v = o.metadata.annotations?.[key];
  if (v === undefined || !INT.test(v)) return undefined;
  const n = Number(v);
  return n >= -(2 ** 31) && n < 2 ** 31 ? n : undefined;
}

export const desiredReplicasAnnotation = (rs: KObject) => int32Annotation(rs, DESIRED_REPLICAS);
export const maxReplicasAnnotation = (rs: KObject) => int32Annotation(rs, MAX_REPLICAS);

/** ReplicasAnnotationsNeedUpdate. */
export function replicasAnnotationsNeedUpdate(rs: KObject, desired: number, max: number): boolean {
  const a = rs.metadata.annotations;
  return !a || a[DESIRED_REPLICAS] !== String(desired) || a[MAX_REPLICAS] !== String(max);
}

/** SetReplicasAnnotations on a mutable copy; true when something changed. */
export function setReplicasAnnotations(rs: KObject, desired: number, max: number): boolean {
  const a = (rs.metadata.annotations ??= {});
  let changed = false;
  if (a[DESIRED_REPLICAS] !== String(desired)) {
    a[DESIRED_REPLICAS] = String(desired);
    changed = true;
  }
  if (a[MAX_REPLICAS] !== String(max)) {
    a[MAX_REPLICAS] = String(max);
    changed = true;
  }
  return changed;
}

/** copyDeploymentAnnotationsToReplicaSet: every non-skipped annotation whose value differs. */
function copyDeploymentAnnotations(d: KObject, rs: KObject): boolean {
  const a = (rs.metadata.annotations ??= {});
  let changed = false;
  for (const [k, v] of Object.entries(d.metadata.annotations ?? {})) {
    if (skipCopyAnnotation(k) || a[k] === v) continue;
    a[k] = v;
    changed = true;
  }
  return changed;
}

/**
 * SetNewReplicaSetAnnotations on a mutable copy of the new ReplicaSet: copy the Deployment's
 * annotations, raise the revision to `newRevision` (keeping the old number in revision-history when
 * an existing ReplicaSet is reused, e.g. by a rollback), and for a ReplicaSet about to be created
 * set desired/max replicas. True when anything changed.
 */
export function setNewReplicaSetAnnotations(d: KObject, rs: KObject, newRevision: number, exists: boolean, maxSurge: number): boolean {
  let changed = copyDeploymentAnnotations(d, rs);
  const a = (rs.metadata.annotations ??= {});
  const had = REVISION in a;
  const oldRevision = a[REVISION] ?? '';
  let oldInt = 0;
  if (oldRevision !== '') {
    if (!INT.test(oldRevision)) return false;
    oldInt = Number(oldRevision);
  }
  if (oldInt < newRevision) {
    a[REVISION] = String(newRevision);
    changed = true;
    if (had) {
      const history = a[REVISION_HISTORY] ?? '';
      if (history === '') a[REVISION_HISTORY] = oldRevision;
      else {
        let parts = history.split(',');
        let total = history.length + oldRevision.length + 1;
        let start = 0;
        while (total > MAX_REV_HISTORY_CHARS && start < parts.length) total -= parts[start++].length + 1;
        if (total <= MAX_REV_HISTORY_CHARS) {
          parts = [...parts.slice(start), oldRevision];
          a[REVISION_HISTORY] = parts.join(',');
        }
      }
    }
  }
  const replicas = d.spec?.replicas ?? 1;
  if (!exists && setReplicasAnnotations(rs, replicas, replicas + maxSurge)) changed = true;
  return changed;
}

/** SetDeploymentRevision on the mutable Deployment; true when it changed. */
export function setDeploymentRevision(d: KObject, revision: string): boolean {
  const a = (d.metadata.annotations ??= {});
  if (a[REVISION] === revision) return false;
  a[REVISION] = revision;
  return true;
}

/** SetDeploymentAnnotationsTo: keep only the skipped annotations, then take the ReplicaSet's others. */
export function setDeploymentAnnotationsTo(d: KObject, rs: KObject): void {
  const next: Record<string, string> = {};
  for (const [k, v] of Object.entries(d.metadata.annotations ?? {})) if (skipCopyAnnotation(k)) next[k] = v;
  for (const [k, v] of Object.entries(rs.metadata.annotations ?? {})) if (!skipCopyAnnotation(k)) next[k] = v;
  d.metadata.annotations = next;
}
