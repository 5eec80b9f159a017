/**
 * taint-eviction-controller's pure core (pkg/controller/tainteviction, v1.32): which NoExecute
 * taints a pod tolerates and for how long.
 */
import type { KObject } from '../../api/types';
import type { Taint } from './reconcile';

export interface Toleration {
  key?: string;
  operator?: string;
  value?: string;
  effect?: string;
  tolerationSeconds?: number;
}

/** Toleration.ToleratesTaint. */
export function tolerates(t: Toleration, taint: Taint): boolean {
  if (t.effect && t.effect !== taint.effect) return false;
  if (t.key && t.key !== taint.key) return false;
  if (!t.operator || t.operator === 'Equal') return (t.value ?? '') === (taint.value ?? '');
  return t.operator === 'Exists';
}

/** GetMatchingTolerations: whether every taint is tolerated, and the first toleration used for each. */
export function matchingTolerations(taints: readonly Taint[], tolerations: readonly Toleration[]): { all: boolean; used: Toleration[] } {
  const used: Toleration[] = [];
  for (const taint of taints) {
    const t = tolerations.find((x) => tolerates(x, taint));
    if (!t) return { all: false, used: [] };
    used.push(t);
  }
  return { all: true, used };
}

/** getMinTolerationTime in ms: -1 = forever, 0 = now. */
export function minTolerationMs(used: readonly Toleration[]): number {
  if (!used.length) return 0;
  let min = Infinity;
  for (const t of used) {
    if (t.tolerationSeconds === undefined || t.tolerationSeconds === null) continue;
    if (t.tolerationSeconds <= 0) return 0;
    min = Math.min(min, t.tolerationSeconds);
  }
  return min === Infinity ? -1 : min * 1000;
}

export const noExecuteTaints = (node: KObject | undefined): Taint[] => ((node?.spec?.taints ?? []) as Taint[]).filter((t) => t.effect === 'NoExecute');

/** A pending eviction: when it was decided and when it fires (simulated ms). */
export interface ScheduledEviction {
  createdAt: number;
  at: number;
}

export type EvictionDecision = { type: 'cancel' } | { type: 'keep' } | { type: 'schedule'; eviction: ScheduledEviction };

/**
 * processPodOnNode: no NoExecute taints → cancel; an untolerated taint → evict now; tolerated
 * forever → cancel; otherwise evict after the shortest tolerationSeconds, counted from when the
 * pod was first scheduled for eviction (work already pending from an earlier pass is kept).
 */
export function evictionDecision(pod: KObject, taints: readonly Taint[], pending: ScheduledEviction | undefined, now: number): EvictionDecision {
  if (!taints.length) return { type: 'cancel' };
  const { all, used } = matchingTolerations(taints, pod.spec?.tolerations ?? []);
  if (!all) return { type: 'schedule', eviction: { createdAt: now, at: now } };
  const min = minTolerationMs(used);
  if (min < 0) return { type: 'cancel' };
  // An eviction decided earlier stands (upstream keeps work whose start is earlier).
  if (pending && pending.createdAt < now) return { type: 'keep' };
  return { type: 'schedule', eviction: { createdAt: now, at: now + min } };
}

/** The DisruptionTarget condition the taint manager sets before deleting. */
export const TAINT_DISRUPTION = { type: 'DisruptionTarget', status: 'True', reason: 'DeletionByTaintManager', message: 'Taint manager: deleting due to NoExecute taint' };
