/**
 * Which pods a ReplicaSet deletes first on scale-down: ActivePodsWithRanks.Less
 * (controller_utils.go, v1.32, with PodDeletionCost and LogarithmicScaleDown on) and
 * getPodsToDelete / getPodsRankedByRelatedPodsOnSameNode (replica_set.go).
 */
import type { KObject } from '../../api/types';
import { isPodActive, isPodReady, podReadyCondition } from '../util/pods';
import { parseTime } from '../util/time';

export const POD_DELETION_COST = 'controller.kubernetes.io/pod-deletion-cost';

const PHASE_ORDINAL: Record<string, number> = { Pending: 0, Unknown: 1, Running: 2 };

/** The pod-deletion-cost annotation as an int32; 0 when absent or invalid. */
export function deletionCost(p: KObject): number {
  const v = p.metadata.annotations?.[POD_DELETION_COST];
  if (v === undefined || !/^[+-]?\d+$/.test(v)) return 0;
  const n = Number(v);
  return n >= -(2 ** 31) && n < 2 ** 31 ? n : 0;
}

/** The highest restart count of regular containers, then of restartable (sidecar) init containers. */
function maxRestarts(p: KObject): [regular: number, sidecar: number] {
  let regular = 0;
  for (const c of p.status?.containerStatuses ?? []) regular = Math.max(regular, c.restartCount ?? 0);
  const sidecars = new Set<string>((p.spec?.initContainers ?? []).filter((c: { restartPolicy?: string }) => c.restartPolicy === 'Always').map((c: { name: string }) => c.name));
  let sidecar = 0;
  for (const c of p.status?.initContainerStatuses ?? []) if (sidecars.has(c.name)) sidecar = Math.max(sidecar, c.restartCount ?? 0);
  return [regular, sidecar];
}

/** int64(math.Log2(nanoseconds since t)), or -1 when t is not in the past. */
function logRank(t: number, now: number): number {
  const d = (now - t) * 1e6;
  return d > 0 ? Math.floor(Math.log2(d)) : -1;
}

/** afterOrZero: t1 after t2, a zero (missing) time counting as the latest. */
function afterOrZero(t1: number | undefined, t2: number | undefined): boolean {
  if (t1 === undefined || t2 === undefined) return t1 === undefined;
  return t1 > t2;
}

/** Compares two timestamps on the log2 scale (ties broken by UID): true when `i` sorts first. */
function newerOnLogScale(ti: number | undefined, tj: number | undefined, now: number, uidI: string, uidJ: string): boolean {
  if (ti === undefined || tj === undefined) return afterOrZero(ti, tj);
  const diff = logRank(ti, now) - logRank(tj, now);
  if (diff === 0) return uidI < uidJ;
  return diff < 0;
}

export interface RankedPod {
  pod: KObject;
  /** Active pods of the same owner family on the pod's node ("doubled up"). */
  rank: number;
}

/** ActivePodsWithRanks.Less: true when `a` should be deleted before `b`. */
export function deletesBefore(a: RankedPod, b: RankedPod, now: number): boolean {
  const pi = a.pod;
  const pj = b.pod;
  const ni = pi.spec?.nodeName ?? '';
  const nj = pj.spec?.nodeName ?? '';
  // 1. Unassigned < assigned.
  if (ni !== nj && (ni === '' || nj === '')) return ni === '';
  // 2. Pending < Unknown < Running.
  const oi = PHASE_ORDINAL[pi.status?.phase ?? ''] ?? 0;
  const oj = PHASE_ORDINAL[pj.status?.phase ?? ''] ?? 0;
  if (oi !== oj) return oi < oj;
  // 3. Not ready < ready.
  const ri = isPodReady(pi);
  const rj = isPodReady(pj);
  if (ri !== rj) return !ri;
  // 4. Lower pod-deletion-cost first.
  const ci = deletionCost(pi);
  const cj = deletionCost(pj);
  if (ci !== cj) return ci < cj;
  // 5. Doubled up (more related pods on the same node) first.
  if (a.rank !== b.rank) return a.rank > b.rank;
  // 6. Both ready: more recently ready first, on a log2 scale.
  if (ri && rj) {
    const ti = parseTime(podReadyCondition(pi)?.lastTransitionTime);
    const tj = parseTime(podReadyCondition(pj)?.lastTransitionTime);
    if (ti !== tj) return newerOnLogScale(ti, tj, now, pi.metadata.uid ?? '', pj.metadata.uid ?? '');
  }
  // 7. More container restarts first (regular containers, then sidecars).
  const [regI, sideI] = maxRestarts(pi);
  const [regJ, sideJ] = maxRestarts(pj);
  if (regI !== regJ) return regI > regJ;
  if (sideI !== sideJ) return sideI > sideJ;
  // 8. Newer first (log2 scale), empty creation time first.
  const ti = parseTime(pi.metadata.creationTimestamp);
  const tj = parseTime(pj.metadata.creationTimestamp);
  if (ti !== tj) return newerOnLogScale(ti, tj, now, pi.metadata.uid ?? '', pj.metadata.uid ?? '');
  return false;
}

/** Sorts pods so the first ones are deleted first; `related` are the pods of the whole owner family. */
export function rankPodsForDeletion(pods: readonly KObject[], related: readonly KObject[], now: number): KObject[] {
  const onNode = new Map<string, number>();
  for (const p of related) if (isPodActive(p)) onNode.set(p.spec?.nodeName ?? '', (onNode.get(p.spec?.nodeName ?? '') ?? 0) + 1);
  const ranked: RankedPod[] = pods.map((pod) => ({ pod, rank: onNode.get(pod.spec?.nodeName ?? '') ?? 0 }));
  ranked.sort((a, b) => (deletesBefore(a, b, now) ? -1 : deletesBefore(b, a, now) ? 1 : 0));
  return ranked.map((r) => r.pod);
}

/** getPodsToDelete: the first `diff` pods by rank (no sorting when all of them go). */
export function podsToDelete(pods: readonly KObject[], related: readonly KObject[], diff: number, now: number): KObject[] {
  if (diff < pods.length) return rankPodsForDeletion(pods, related, now).slice(0, diff);
  return pods.slice(0, diff);
}
