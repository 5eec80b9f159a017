/**
 * pod-garbage-collector-controller's pure core (pkg/controller/podgc, v1.32): which pods to
 * force-delete — terminated pods beyond --terminated-pod-gc-threshold (evicted first, then oldest),
 * pods bound to nodes that no longer exist, terminating pods that were never scheduled, and
 * terminating pods on not-ready nodes tainted out-of-service — and the Failed status they get first.
 */
import type { KObject } from '../../api/types';

export const OUT_OF_SERVICE = 'node.kubernetes.io/out-of-service';

/** The DisruptionTarget condition for pods of deleted nodes. */
export const ORPHAN_CONDITION = { type: 'DisruptionTarget', status: 'True', reason: 'DeletionByPodGC', message: 'PodGC: node no longer exists' };

/** isPodTerminated: any phase but Pending, Running and Unknown. */
export function isTerminated(pod: KObject): boolean {
  const p = pod.status?.phase;
  return p !== 'Pending' && p !== 'Running' && p !== 'Unknown';
}

const isEvicted = (p: KObject) => p.status?.phase === 'Failed' && p.status?.reason === 'Evicted';

/** byEvictionAndCreationTimestamp: evicted pods first, then oldest, then by name. */
export function byEvictionAndAge(a: KObject, b: KObject): number {
  if (isEvicted(a) !== isEvicted(b)) return isEvicted(a) ? -1 : 1;
  const ta = Date.parse(a.metadata.creationTimestamp ?? '');
  const tb = Date.parse(b.metadata.creationTimestamp ?? '');
  if (ta !== tb) return ta - tb;
  return (a.metadata.name ?? '') < (b.metadata.name ?? '') ? -1 : 1;
}

/** gcTerminated: the terminated pods over the threshold, in deletion order. */
export function terminatedToDelete(terminated: readonly KObject[], threshold: number): KObject[] {
  const n = terminated.length - threshold;
  if (threshold <= 0 || n <= 0) return [];
  return [...terminated].sort(byEvictionAndAge).slice(0, n);
}

/** gcTerminating: terminating pods on a node that is not Ready and tainted out-of-service. */
export function outOfServiceNode(node: KObject): boolean {
  const ready = (node.status?.conditions ?? []).find((c: { type: string }) => c.type === 'Ready');
  return ready?.status !== 'True' && (node.spec?.taints ?? []).some((t: { key: string }) => t.key === OUT_OF_SERVICE);
}

/** markFailedAndDeletePodWithCondition: the Failed status to write first (undefined if already terminal). */
export function failedStatus(pod: KObject, condition: typeof ORPHAN_CONDITION | undefined, now: string): KObject['status'] | undefined {
  const phase = pod.status?.phase;
  if (phase === 'Succeeded' || phase === 'Failed') return undefined;
  const status = { ...(pod.status ?? {}), phase: 'Failed' };
  if (condition) {
    const conds = (status.conditions ?? []).filter((c: { type: string }) => c.type !== condition.type);
    const prev = (status.conditions ?? []).find((c: { type: string }) => c.type === condition.type);
    status.conditions = [...conds, { ...condition, lastProbeTime: null, lastTransitionTime: prev?.status === condition.status ? prev.lastTransitionTime : now }];
  }
  return status;
}
