/**
 * Replica arithmetic of deployment_util.go (v1.32): fenceposts, surge/unavailable, the new
 * ReplicaSet's next size, proportional shares, and the new/old ReplicaSet split.
 */
import type { KObject } from '../../api/types';
import { roundHalfAwayFromZero, scaledValue, type IntOrString } from '../util/intstr';
import { byCreationTimestamp, filterActiveReplicaSets, specReplicas } from '../util/replicasets';
import { maxReplicasAnnotation, desiredReplicasAnnotation } from './annotations';
import { POD_TEMPLATE_HASH } from './hash';

export const isRollingUpdate = (d: KObject) => d.spec?.strategy?.type === 'RollingUpdate';
export const replicasOf = (d: KObject): number => d.spec?.replicas ?? 1;

/**
 * ResolveFenceposts: maxSurge rounds up, maxUnavailable rounds down; when both come out 0,
 * maxUnavailable becomes 1 (surge might be impossible under a quota).
 *   e.g. desired 10, 25%/25% → surge 3, unavailable 2; desired 1 → 1/0; desired 4 → 1/1.
 */
export function resolveFenceposts(maxSurge: IntOrString | undefined, maxUnavailable: IntOrString | undefined, desired: number): [surge: number, unavailable: number] {
  const surge = scaledValue(maxSurge ?? 0, desired, true);
  let unavailable = scaledValue(maxUnavailable ?? 0, desired, false);
  if (surge === 0 && unavailable === 0) unavailable = 1;
  return [surge, unavailable];
}

/** MaxSurge: 0 unless RollingUpdate. */
export function maxSurge(d: KObject): number {
  if (!isRollingUpdate(d)) return 0;
  const ru = d.spec.strategy.rollingUpdate ?? {};
  return resolveFenceposts(ru.maxSurge, ru.maxUnavailable, replicasOf(d))[0];
}

/** MaxUnavailable: 0 unless RollingUpdate with replicas; never above replicas. */
export function maxUnavailable(d: KObject): number {
  const replicas = replicasOf(d);
  if (!isRollingUpdate(d) || replicas === 0) return 0;
  const ru = d.spec.strategy.rollingUpdate ?? {};
  return Math.min(resolveFenceposts(ru.maxSurge, ru.maxUnavailable, replicas)[1], replicas);
}

const sum = (rss: readonly (KObject | undefined)[], f: (rs: KObject) => number) => rss.reduce((n, rs) => n + (rs ? f(rs) : 0), 0);
/** GetReplicaCountForReplicaSets: sum of spec.replicas. */
export const specCount = (rss: readonly (KObject | undefined)[]) => sum(rss, specReplicas);
/** GetActualReplicaCountForReplicaSets: sum of status.replicas. */
export const actualCount = (rss: readonly (KObject | undefined)[]) => sum(rss, (rs) => rs.status?.replicas ?? 0);
export const readyCount = (rss: readonly (KObject | undefined)[]) => sum(rss, (rs) => rs.status?.readyReplicas ?? 0);
export const availableCount = (rss: readonly (KObject | undefined)[]) => sum(rss, (rs) => rs.status?.availableReplicas ?? 0);

/**
 * NewRSNewReplicas: RollingUpdate grows the new ReplicaSet by what the surge budget allows
 * (replicas + maxSurge − all pods), never past replicas; Recreate goes straight to replicas.
 */
export function newRSNewReplicas(d: KObject, allRSs: readonly KObject[], newRS: KObject): number {
  const replicas = replicasOf(d);
  if (d.spec?.strategy?.type === 'Recreate') return replicas;
  if (!isRollingUpdate(d)) throw new Error(`deployment type ${d.spec?.strategy?.type} isn't supported`);
  const surge = scaledValue(d.spec.strategy.rollingUpdate?.maxSurge ?? 0, replicas, true);
  const current = specCount(allRSs);
  const maxTotal = replicas + surge;
  if (current >= maxTotal) return specReplicas(newRS);
  const up = Math.min(maxTotal - current, replicas - specReplicas(newRS));
  return specReplicas(newRS) + up;
}

/** IsSaturated: the new ReplicaSet runs (and was asked for) exactly replicas, all available. */
export function isSaturated(d: KObject, rs: KObject | undefined): boolean {
  if (!rs) return false;
  const desired = desiredReplicasAnnotation(rs);
  const r = replicasOf(d);
  return desired !== undefined && specReplicas(rs) === r && desired === r && (rs.status?.availableReplicas ?? 0) === r;
}

/**
 * GetProportion: this ReplicaSet's share of `toAdd`, from its size relative to the deployment size
 * recorded in max-replicas, capped by what is still left to add (or remove).
 */
export function getProportion(rs: KObject | undefined, d: KObject, toAdd: number, added: number): number {
  if (!rs || specReplicas(rs) === 0 || toAdd === 0 || toAdd === added) return 0;
  const fraction = replicaSetFraction(rs, d);
  const allowed = toAdd - added;
  return toAdd > 0 ? Math.min(fraction, allowed) : Math.max(fraction, allowed);
}

function replicaSetFraction(rs: KObject, d: KObject): number {
  if (replicasOf(d) === 0) return -specReplicas(rs);
  const deploymentMax = replicasOf(d) + maxSurge(d);
  const annotated = maxReplicasAnnotation(rs);
  // Without the annotation (or with 0), fall back to the current deployment size.
  const before: number = annotated === undefined || annotated === 0 ? (d.status?.replicas ?? 0) : annotated;
  if (before === 0) return 0; // Go would divide by zero here; nothing sensible to share.
  const size = (specReplicas(rs) * deploymentMax) / before;
  return roundHalfAwayFromZero(size) - specReplicas(rs);
}

/** The template with its labels minus pod-template-hash (a shallow copy: nothing else changes). */
function withoutHash(t: KObject | undefined): unknown {
  const labels = t?.metadata?.labels;
  if (!labels || !(POD_TEMPLATE_HASH in labels)) return t;
  const { [POD_TEMPLATE_HASH]: _hash, ...rest } = labels;
  return { ...t, metadata: { ...t.metadata, labels: rest } };
}

/**
 * The canonical JSON semanticEqual compares (null, empty arrays and empty objects dropped, keys
 * sorted), built in one pass. Equal strings ⇔ semantically equal values.
 */
function canonical(v: unknown): string | undefined {
  if (Array.isArray(v)) {
    if (!v.length) return undefined;
    let s = '[';
    for (let i = 0; i < v.length; i++) s += (i ? ',' : '') + (canonical(v[i]) ?? 'null');
    return s + ']';
  }
  if (v !== null && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    let s = '';
    for (const k of Object.keys(o).sort()) {
      const x = canonical(o[k]);
      if (x !== undefined) s += (s ? ',' : '') + JSON.stringify(k) + ':' + x;
    }
    return s ? '{' + s + '}' : undefined;
  }
  return v === null || v === undefined ? undefined : JSON.stringify(v);
}

/** Canonical form of frozen templates (store objects never change), computed once per object. */
const templateKeys = new WeakMap<object, string | undefined>();

/** The template's canonical form minus pod-template-hash: what EqualIgnoreHash compares. */
function templateKey(t: KObject | undefined): string | undefined {
  if (!t || !Object.isFrozen(t)) return canonical(withoutHash(t));
  if (templateKeys.has(t)) return templateKeys.get(t);
  const k = canonical(withoutHash(t));
  templateKeys.set(t, k);
  return k;
}

/** EqualIgnoreHash: pod templates equal once the pod-template-hash label is ignored. */
export function equalIgnoreHash(a: KObject | undefined, b: KObject | undefined): boolean {
  return templateKey(a) === templateKey(b);
}

/** FindNewReplicaSet: the oldest ReplicaSet whose template equals the Deployment's. */
export function findNewReplicaSet(d: KObject, rss: readonly KObject[]): KObject | undefined {
  return [...rss].sort(byCreationTimestamp).find((rs) => equalIgnoreHash(rs.spec?.template, d.spec?.template));
}

/** FindOldReplicaSets: every other ReplicaSet (all, and those with replicas). */
export function findOldReplicaSets(d: KObject, rss: readonly KObject[], newRS = findNewReplicaSet(d, rss)): KObject[] {
  return rss.filter((rs) => !newRS || rs.metadata.uid !== newRS.metadata.uid);
}

/** FindActiveOrLatest: the only active ReplicaSet, or the newest when none is active, else none. */
export function findActiveOrLatest(newRS: KObject | undefined, oldRSs: KObject[]): KObject | undefined {
  if (!newRS && oldRSs.length === 0) return undefined;
  oldRSs.sort((a, b) => byCreationTimestamp(b, a));
  const active = filterActiveReplicaSets([...oldRSs, newRS]);
  if (active.length === 0) return newRS ?? oldRSs[0];
  return active.length === 1 ? active[0] : undefined;
}
