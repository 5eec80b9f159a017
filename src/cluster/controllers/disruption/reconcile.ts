/**
 * disruption-controller's pure core (pkg/controller/disruption, v1.32): a PodDisruptionBudget, the
 * pods it selects and their controllers' scale → its status (expectedPods, desiredHealthy,
 * currentHealthy, disruptionsAllowed, disruptedPods, observedGeneration and the DisruptionAllowed
 * condition).
 */
import { deepEqual } from '../../api/equal';
import type { KObject } from '../../api/types';
import { isPodReady } from '../endpoints/podutil';

/** How long an eviction's pod counts as disrupted before the controller stops waiting for its deletion. */
export const DELETION_TIMEOUT_MS = 2 * 60_000;

export interface PdbCondition {
  type: string;
  status: string;
  observedGeneration?: number;
  lastTransitionTime: string;
  reason: string;
  message: string;
}

/** intstr.GetScaledValueFromIntOrPercent with roundUp. */
export function scaledValue(v: number | string, total: number): number {
  if (typeof v === 'number') return v;
  const m = /^(\d+)%$/.exec(v);
  if (!m) throw new Error(`invalid value for IntOrString: invalid type: string is not a percentage`);
  return Math.ceil((Number(m[1]) * total) / 100);
}

export interface ExpectedScale {
  /** Sum of the scale of the pods' distinct controllers. */
  count: number;
  /** Pods without a controller (ignored, reported by an UnmanagedPods event). */
  unmanaged: string[];
}

/** getExpectedPodCount: `scale()` is only consulted when the budget needs controller scale. */
export function expectedPodCount(pdb: KObject, pods: readonly KObject[], scale: () => ExpectedScale): { expected: number; desiredHealthy: number; unmanaged: string[] } {
  const spec = pdb.spec ?? {};
  if (spec.maxUnavailable !== undefined && spec.maxUnavailable !== null) {
    const s = scale();
    const desired = s.count - scaledValue(spec.maxUnavailable, s.count);
    return { expected: s.count, desiredHealthy: Math.max(0, desired), unmanaged: s.unmanaged };
  }
  if (typeof spec.minAvailable === 'number') return { expected: pods.length, desiredHealthy: spec.minAvailable, unmanaged: [] };
  if (typeof spec.minAvailable === 'string') {
    const s = scale();
    return { expected: s.count, desiredHealthy: scaledValue(spec.minAvailable, s.count), unmanaged: s.unmanaged };
  }
  return { expected: 0, desiredHealthy: 0, unmanaged: [] };
}

/** buildDisruptedPodMap: evicted pods still expected to go, and when to look again. */
export function disruptedPodMap(pdb: KObject, pods: readonly KObject[], nowMs: number): { map: Record<string, string>; recheckAt?: number; overdue: string[] } {
  const map: Record<string, string> = {};
  const overdue: string[] = [];
  let recheckAt: number | undefined;
  const recorded: Record<string, string> = pdb.status?.disruptedPods ?? {};
  for (const pod of pods) {
    if (pod.metadata.deletionTimestamp) continue;
    const t = recorded[pod.metadata.name!];
    if (!t) continue;
    const expected = Date.parse(t) + DELETION_TIMEOUT_MS;
    if (expected < nowMs) overdue.push(pod.metadata.name!);
    else {
      map[pod.metadata.name!] = t;
      if (recheckAt === undefined || expected < recheckAt) recheckAt = expected;
    }
  }
  return { map, recheckAt, overdue };
}

/** countHealthyPods: Ready pods that are neither being deleted nor recently evicted. */
export function countHealthy(pods: readonly KObject[], disrupted: Record<string, string>, nowMs: number): number {
  let n = 0;
  for (const pod of pods) {
    if (pod.metadata.deletionTimestamp) continue;
    const t = disrupted[pod.metadata.name!];
    if (t && Date.parse(t) + DELETION_TIMEOUT_MS > nowMs) continue;
    if (isPodReady(pod)) n++;
  }
  return n;
}

/** apimeta.SetStatusCondition: lastTransitionTime moves only when the status changes. */
export function setCondition(conds: readonly PdbCondition[], c: Omit<PdbCondition, 'lastTransitionTime'>, now: string): PdbCondition[] {
  const prev = conds.find((x) => x.type === c.type);
  const next: PdbCondition = { ...c, lastTransitionTime: prev && prev.status === c.status ? prev.lastTransitionTime : now };
  return prev ? conds.map((x) => (x.type === c.type ? next : x)) : [...conds, next];
}

/** pdbhelper.UpdateDisruptionAllowedCondition. */
export function disruptionAllowedCondition(status: KObject['status'], now: string): PdbCondition[] {
  const allowed = status.disruptionsAllowed > 0;
  return setCondition(
    status.conditions ?? [],
    { type: 'DisruptionAllowed', status: allowed ? 'True' : 'False', observedGeneration: status.observedGeneration, reason: allowed ? 'SufficientPods' : 'InsufficientPods', message: '' },
    now,
  );
}

/**
 * updatePdbStatus: the new status, or undefined when nothing changed. disruptionsAllowed is 0
 * unless the budget expects pods (so a budget whose pods have not appeared yet is safe).
 */
export function pdbStatus(pdb: KObject, currentHealthy: number, desiredHealthy: number, expected: number, disrupted: Record<string, string>, now: string): KObject['status'] | undefined {
  let allowed = currentHealthy - desiredHealthy;
  if (expected <= 0 || allowed <= 0) allowed = 0;
  const s = pdb.status ?? {};
  const gen = pdb.metadata.generation ?? 0;
  const cond = (s.conditions ?? []).find((c: PdbCondition) => c.type === 'DisruptionAllowed');
  const condOk = !!cond && cond.observedGeneration === gen && (cond.status === 'True') === (allowed > 0);
  if (
    s.currentHealthy === currentHealthy &&
    s.desiredHealthy === desiredHealthy &&
    s.expectedPods === expected &&
    s.disruptionsAllowed === allowed &&
    deepEqual(s.disruptedPods ?? {}, disrupted) &&
    s.observedGeneration === gen &&
    condOk
  )
    return undefined;
  const next: KObject['status'] = {
    ...(Object.keys(disrupted).length ? { disruptedPods: disrupted } : {}),
    disruptionsAllowed: allowed,
    currentHealthy,
    desiredHealthy,
    expectedPods: expected,
    observedGeneration: gen,
    conditions: s.conditions ?? [],
  };
  next.conditions = disruptionAllowedCondition(next, now);
  return next;
}

/** failSafe: a budget whose pods' controllers cannot be worked out allows no disruption. */
export function failSafeStatus(pdb: KObject, message: string, now: string): KObject['status'] {
  const s = { ...(pdb.status ?? {}), disruptionsAllowed: 0 };
  s.conditions = setCondition(s.conditions ?? [], { type: 'DisruptionAllowed', status: 'False', observedGeneration: s.observedGeneration, reason: 'SyncFailed', message }, now);
  return s;
}

/** The `%v` of a *metav1.LabelSelector, as the UnmanagedPods event prints it. */
export function goLabelSelector(sel: { matchLabels?: Record<string, string>; matchExpressions?: { key: string; operator: string; values?: string[] }[] } | undefined): string {
  if (!sel) return '<nil>';
  const labels = Object.keys(sel.matchLabels ?? {})
    .sort()
    .map((k) => `${k}: ${sel.matchLabels![k]},`)
    .join('');
  const exprs = (sel.matchExpressions ?? []).map((e) => `LabelSelectorRequirement{Key:${e.key},Operator:${e.operator},Values:[${(e.values ?? []).join(' ')}],},`).join('');
  return `&LabelSelector{MatchLabels:map[string]string{${labels}},MatchExpressions:[]LabelSelectorRequirement{${exprs}},}`;
}
