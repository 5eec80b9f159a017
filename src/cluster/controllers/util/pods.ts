/**
 * Pod predicates the workload controllers share (pkg/api/v1/pod/util.go and
 * controller_utils.go, v1.32): active, ready, available.
 */
import type { KObject } from '../../api/types';
import { parseTime } from './time';

/** IsPodActive: not Succeeded/Failed and not being deleted. */
export function isPodActive(p: KObject): boolean {
  const phase = p.status?.phase;
  return phase !== 'Succeeded' && phase !== 'Failed' && !p.metadata.deletionTimestamp;
}

/** The pod's Ready condition, if any. */
export function podReadyCondition(p: KObject): { status?: string; lastTransitionTime?: string } | undefined {
  const cs = p.status?.conditions;
  if (cs) for (let i = 0; i < cs.length; i++) if (cs[i].type === 'Ready') return cs[i];
  return undefined;
}

/** IsPodReady: the Ready condition is True. */
export function isPodReady(p: KObject): boolean {
  return podReadyCondition(p)?.status === 'True';
}

/**
 * IsPodAvailable: ready, and either minReadySeconds is 0 or the Ready transition happened strictly
 * more than minReadySeconds before `nowMs`.
 */
export function isPodAvailable(p: KObject, minReadySeconds: number, nowMs: number): boolean {
  if (!isPodReady(p)) return false;
  if (!minReadySeconds) return true;
  const t = parseTime(podReadyCondition(p)?.lastTransitionTime);
  return t !== undefined && t + minReadySeconds * 1000 < nowMs;
}
