/**
 * Cluster events (framework.ClusterEvent) and queueing hints: which changes may make a pod that a
 * plugin rejected schedulable again. SchedulerQueueingHints is on by default in 1.32, so each plugin
 * can look at the change and answer Queue or QueueSkip for one pod.
 */
import type { KObject } from '../../api/types';
import type { PodInfo } from './podInfo';

export type EventResource =
  | 'Pod'
  | 'Node'
  | 'PersistentVolume'
  | 'PersistentVolumeClaim'
  | 'StorageClass'
  | 'CSINode'
  | 'WildCard';

/** framework.ActionType bits. */
export const Action = {
  Add: 1,
  Delete: 2,
  UpdateNodeAllocatable: 4,
  UpdateNodeLabel: 8,
  UpdateNodeTaint: 16,
  UpdateNodeCondition: 32,
  UpdateNodeAnnotation: 64,
  UpdatePodLabel: 128,
  UpdatePodScaleDown: 256,
  UpdatePodTolerations: 512,
  UpdatePodSchedulingGatesEliminated: 1024,
  UpdateOther: 2048,
} as const;
export const UPDATE = 4 | 8 | 16 | 32 | 64 | 128 | 256 | 512 | 1024 | 2048;
export const ALL = 1 | 2 | UPDATE;

export interface ClusterEvent {
  resource: EventResource;
  /** Bitmask of Action values. */
  action: number;
  /** A short label for logs and explanations, e.g. `NodeAdd`, `AssignedPodDelete`. */
  label?: string;
}

export type QueueingHintResult = 'Queue' | 'QueueSkip';
/** framework.QueueingHintFn: may the change (old → new) make `pod` schedulable? */
export type QueueingHint = (pod: PodInfo, oldObj: KObject | undefined, newObj: KObject | undefined) => QueueingHintResult;

/** ClusterEvent.Match: same resource (or a wildcard registration) and overlapping actions. */
export function eventMatches(registered: ClusterEvent, e: ClusterEvent): boolean {
  if (registered.resource === 'WildCard') return true;
  return registered.resource === e.resource && (registered.action & e.action) !== 0;
}

export const EVENT_UNSCHEDULABLE_TIMEOUT: ClusterEvent = { resource: 'WildCard', action: ALL, label: 'UnschedulableTimeout' };
export const EVENT_FORCE_ACTIVATE: ClusterEvent = { resource: 'WildCard', action: ALL, label: 'ForceActivate' };

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** NodeSchedulingPropertiesChange: the scheduling-relevant actions of a node update (0 = none). */
export function nodeUpdateActions(oldNode: KObject, newNode: KObject): number {
  let a = 0;
  if (oldNode.spec?.unschedulable !== newNode.spec?.unschedulable) a |= Action.UpdateNodeTaint;
  if (!same(oldNode.status?.allocatable, newNode.status?.allocatable)) a |= Action.UpdateNodeAllocatable;
  if (!same(oldNode.metadata.labels, newNode.metadata.labels)) a |= Action.UpdateNodeLabel;
  if (!same(oldNode.spec?.taints, newNode.spec?.taints)) a |= Action.UpdateNodeTaint;
  const conds = (n: KObject) => (n.status?.conditions ?? []).map((c: { type: string; status: string }) => `${c.type}=${c.status}`);
  if (!same(conds(oldNode), conds(newNode))) a |= Action.UpdateNodeCondition;
  if (!same(oldNode.metadata.annotations, newNode.metadata.annotations)) a |= Action.UpdateNodeAnnotation;
  return a;
}

function sameLabels(a: Readonly<Record<string, string>>, b: Readonly<Record<string, string>>): boolean {
  let n = 0;
  for (const k in a) {
    if (a[k] !== b[k]) return false;
    n++;
  }
  for (const _ in b) n--;
  return n === 0;
}

// Field by field: pods are updated often (every status change) and usually keep their tolerations.
function sameTolerations(oldPod: PodInfo, newPod: PodInfo): boolean {
  const rawOld: unknown[] | undefined = oldPod.pod.spec?.tolerations;
  const rawNew: unknown[] | undefined = newPod.pod.spec?.tolerations;
  if (rawOld === rawNew) return true;
  if ((rawOld?.length ?? 0) !== (rawNew?.length ?? 0)) return false;
  const a = oldPod.tolerations;
  const b = newPod.tolerations;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x.key !== y.key || x.operator !== y.operator || x.value !== y.value || x.effect !== y.effect) return false;
  }
  return true;
}

/** PodSchedulingPropertiesChange: labels, a scale-down of requests, tolerations, gates, or something else. */
export function podUpdateActions(oldPod: PodInfo, newPod: PodInfo): number {
  let a = 0;
  if (!sameLabels(oldPod.labels, newPod.labels)) a |= Action.UpdatePodLabel;
  if (newPod.cpu < oldPod.cpu || newPod.mem < oldPod.mem || newPod.eph < oldPod.eph) a |= Action.UpdatePodScaleDown;
  if (!sameTolerations(oldPod, newPod)) a |= Action.UpdatePodTolerations;
  if ((oldPod.pod.spec?.schedulingGates?.length ?? 0) > 0 && (newPod.pod.spec?.schedulingGates?.length ?? 0) === 0)
    a |= Action.UpdatePodSchedulingGatesEliminated;
  return a || Action.UpdateOther;
}
