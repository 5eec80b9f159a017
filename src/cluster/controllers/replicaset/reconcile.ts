/**
 * The ReplicaSet controller's pure core (replica_set.go manageReplicas and replica_set_utils.go
 * calculateStatus, v1.32): given a ReplicaSet, the active pods it owns and the time, how many pods
 * to create, which to delete, and what its status says.
 */
import type { KObject } from '../../api/types';
import { selectorFromSet } from '../../api/labels';
import { podFacts, podMatches } from '../util/podFacts';
import { isPodAvailable } from '../util/pods';
import { rfc3339 } from '../util/time';
import { podsToDelete } from './ranking';

/** --concurrent-... burst: at most this many creates or deletes per sync. */
export const BURST_REPLICAS = 500;

export interface ReplicaSetObserved {
  rs: KObject;
  /** Active pods the ReplicaSet owns after claiming (adoptions included). */
  pods: readonly KObject[];
  /** Pods of every ReplicaSet with the same controller (for the "doubled up" rank). */
  related: readonly KObject[];
  /** False while earlier creates/deletes have not been observed yet (expectations). */
  expectationsSatisfied: boolean;
  now: number;
}

export interface ReplicaSetPlan {
  /** Pods to create from the template (in slow-start batches). */
  create: number;
  /** Pods to delete, in deletion order. */
  delete: KObject[];
}

/** manageReplicas: the diff between owned pods and spec.replicas, capped at the burst size. */
export function reconcile(o: ReplicaSetObserved): ReplicaSetPlan {
  const none: ReplicaSetPlan = { create: 0, delete: [] };
  if (!o.expectationsSatisfied || o.rs.metadata.deletionTimestamp) return none;
  const diff = o.pods.length - (o.rs.spec?.replicas ?? 1);
  if (diff < 0) return { create: Math.min(-diff, BURST_REPLICAS), delete: [] };
  if (diff > 0) return { create: 0, delete: podsToDelete(o.pods, o.related, Math.min(diff, BURST_REPLICAS), o.now) };
  return none;
}

/**
 * The pod a ReplicaSet creates: template labels, annotations, finalizers and spec; `<rs>-` + 5
 * random chars. The template's parts are shared, not copied: a stored template is frozen and the
 * API server copies what it must (defaulting) before it writes.
 */
export function podFromTemplate(rs: KObject): KObject {
  const t = rs.spec?.template ?? {};
  const meta = t.metadata ?? {};
  const ref = { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: rs.metadata.name!, uid: rs.metadata.uid!, controller: true, blockOwnerDeletion: true };
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      generateName: `${rs.metadata.name}-`,
      namespace: rs.metadata.namespace,
      ...(meta.labels ? { labels: meta.labels } : {}),
      ...(meta.annotations ? { annotations: meta.annotations } : {}),
      ...(meta.finalizers ? { finalizers: meta.finalizers } : {}),
      ownerReferences: [ref],
    },
    spec: t.spec ?? {},
  };
}

interface RsCondition {
  type: string;
  status: string;
  lastTransitionTime: string;
  reason: string;
  message: string;
}

/**
 * calculateStatus: counts over the owned pods; a ReplicaFailure condition appears when
 * manageReplicas failed (FailedCreate / FailedDelete) and goes once it succeeds. Zero counts are
 * omitted, as the Go types' omitempty does (replicas is always present).
 */
export function calculateStatus(rs: KObject, pods: readonly KObject[], manageError: string | undefined, now: number): Record<string, unknown> {
  const prev = rs.status ?? {};
  const template = templateSelector(rs.spec?.template?.metadata?.labels);
  const minReady = rs.spec?.minReadySeconds ?? 0;
  let fullyLabeled = 0;
  let ready = 0;
  let available = 0;
  for (const p of pods) {
    const f = podFacts(p);
    if (podMatches(p, f, template)) fullyLabeled++;
    if (f.ready) {
      ready++;
      if (!minReady || isPodAvailable(p, minReady, now)) available++;
    }
  }
  let conditions: RsCondition[] = [...(prev.conditions ?? [])];
  const failure = conditions.find((c) => c.type === 'ReplicaFailure');
  if (manageError !== undefined && !failure) {
    const diff = pods.length - (rs.spec?.replicas ?? 1);
    const reason = diff < 0 ? 'FailedCreate' : diff > 0 ? 'FailedDelete' : '';
    conditions.push({ type: 'ReplicaFailure', status: 'True', lastTransitionTime: rfc3339(now), reason, message: manageError });
  } else if (manageError === undefined && failure) {
    conditions = conditions.filter((c) => c.type !== 'ReplicaFailure');
  }
  return omitZero({
    replicas: pods.length,
    fullyLabeledReplicas: fullyLabeled,
    readyReplicas: ready,
    availableReplicas: available,
    observedGeneration: prev.observedGeneration,
    conditions: conditions.length ? conditions : undefined,
  });
}

/** selectorFromSet, memoised by the labels' JSON: the status is calculated on every pod event. */
const templateSelectors = new Map<string, ReturnType<typeof selectorFromSet>>();
function templateSelector(labels: Record<string, string> | undefined): ReturnType<typeof selectorFromSet> {
  const k = JSON.stringify(labels ?? null);
  let s = templateSelectors.get(k);
  if (!s) {
    if (templateSelectors.size >= 10_000) templateSelectors.clear();
    templateSelectors.set(k, (s = selectorFromSet(labels)));
  }
  return s;
}

function omitZero(s: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(s)) if (v !== undefined && (v !== 0 || k === 'replicas')) out[k] = v;
  return out;
}

/**
 * updateReplicaSetStatus: the status to write (observedGeneration = generation), or undefined in
 * the steady state where counts, conditions and observedGeneration already agree.
 */
export function statusUpdate(rs: KObject, next: Record<string, unknown>): Record<string, unknown> | undefined {
  const cur = rs.status ?? {};
  const same =
    (cur.replicas ?? 0) === next.replicas &&
    (cur.fullyLabeledReplicas ?? 0) === (next.fullyLabeledReplicas ?? 0) &&
    (cur.readyReplicas ?? 0) === (next.readyReplicas ?? 0) &&
    (cur.availableReplicas ?? 0) === (next.availableReplicas ?? 0) &&
    (rs.metadata.generation ?? 0) === (cur.observedGeneration ?? 0) &&
    JSON.stringify(cur.conditions ?? []) === JSON.stringify(next.conditions ?? []);
  if (same) return undefined;
  return omitZero({ ...next, observedGeneration: rs.metadata.generation });
}
