/**
 * node-lifecycle-controller's pure core (pkg/controller/nodelifecycle, v1.32):
 * - tryUpdateNodeHealth: a node whose Ready heartbeat and Lease have not moved for the grace period
 *   gets Ready/MemoryPressure/DiskPressure/PIDPressure = Unknown (`NodeStatusUnknown`);
 * - the taints it keeps: NoSchedule taints mirroring conditions and spec.unschedulable
 *   (TaintNodesByCondition), NoExecute not-ready/unreachable taints for taint-based eviction;
 * - MarkPodsNotReady's pod status change.
 */
import { deepEqual } from '../../api/equal';
import { rfc3339 } from '../../sim/clock';
import type { KObject } from '../../api/types';

export interface NodeCondition {
  type: string;
  status: string;
  lastHeartbeatTime?: string;
  lastTransitionTime?: string;
  reason?: string;
  message?: string;
}

export interface Taint {
  key: string;
  value?: string;
  effect: string;
  timeAdded?: string;
}

/** What the controller remembers of a node between passes (nodeHealthData). */
export interface NodeHealth {
  probeTimestamp: number;
  readyTransitionTimestamp: number;
  /** The Ready condition seen last time (undefined: the node had none). */
  savedReady?: NodeCondition;
  /** spec.renewTime of the node's Lease seen last time. */
  leaseRenewTime?: string;
}

export const UNREACHABLE = 'node.kubernetes.io/unreachable';
export const NOT_READY = 'node.kubernetes.io/not-ready';
export const UNSCHEDULABLE = 'node.kubernetes.io/unschedulable';

/** nodeConditionToTaintKeyStatusMap: condition type → status → NoSchedule taint key. */
const CONDITION_TAINTS: Record<string, Record<string, string>> = {
  Ready: { False: NOT_READY, Unknown: UNREACHABLE },
  MemoryPressure: { True: 'node.kubernetes.io/memory-pressure' },
  DiskPressure: { True: 'node.kubernetes.io/disk-pressure' },
  NetworkUnavailable: { True: 'node.kubernetes.io/network-unavailable' },
  PIDPressure: { True: 'node.kubernetes.io/pid-pressure' },
};
const CONDITION_TAINT_KEYS = new Set(Object.values(CONDITION_TAINTS).flatMap((m) => Object.values(m)));

export const conditionOf = (node: KObject, type: string): NodeCondition | undefined =>
  (node.status?.conditions ?? []).find((c: NodeCondition) => c.type === type);

export interface HealthResult {
  health: NodeHealth;
  /** The Ready condition as observed at the start of the pass. */
  observed: NodeCondition;
  /** The Ready condition after this pass (undefined: none). */
  current?: NodeCondition;
  /** New status.conditions to write (node stopped posting status). */
  conditions?: NodeCondition[];
}

/** tryUpdateNodeHealth: `saved` is the previous pass's memory, `lease` the node's Lease (if any). */
export function tryUpdateNodeHealth(
  node: KObject,
  saved: NodeHealth | undefined,
  lease: KObject | undefined,
  nowMs: number,
  cfg: { nodeMonitorGracePeriodMs: number; nodeStartupGracePeriodMs: number },
): HealthResult {
  const created = Date.parse(node.metadata.creationTimestamp ?? rfc3339(nowMs));
  const currentReady = conditionOf(node, 'Ready');
  let observed: NodeCondition;
  let grace: number;
  let health: NodeHealth | undefined = saved ? { ...saved } : undefined;
  if (!currentReady) {
    observed = { type: 'Ready', status: 'Unknown', lastHeartbeatTime: node.metadata.creationTimestamp, lastTransitionTime: node.metadata.creationTimestamp };
    grace = cfg.nodeStartupGracePeriodMs;
    health = health ? { ...health, savedReady: undefined } : { probeTimestamp: created, readyTransitionTimestamp: created };
  } else {
    observed = { ...currentReady };
    grace = cfg.nodeMonitorGracePeriodMs;
  }
  const savedReady = saved?.savedReady;
  if (!health) health = { probeTimestamp: nowMs, readyTransitionTimestamp: nowMs, savedReady: currentReady };
  else if (!savedReady && currentReady) health = { probeTimestamp: nowMs, readyTransitionTimestamp: nowMs, savedReady: currentReady, leaseRenewTime: health.leaseRenewTime };
  else if (savedReady && currentReady && savedReady.lastHeartbeatTime !== currentReady.lastHeartbeatTime) {
    const transition = savedReady.lastTransitionTime !== currentReady.lastTransitionTime ? nowMs : health.readyTransitionTimestamp;
    health = { probeTimestamp: nowMs, readyTransitionTimestamp: transition, savedReady: currentReady, leaseRenewTime: health.leaseRenewTime };
  }
  // A renewed Lease always counts as a heartbeat.
  const renew: string | undefined = lease?.spec?.renewTime;
  if (renew && (!health.leaseRenewTime || Date.parse(health.leaseRenewTime) < Date.parse(renew))) {
    health.leaseRenewTime = renew;
    health.probeTimestamp = nowMs;
  }
  if (nowMs <= health.probeTimestamp + grace) return { health, observed, current: currentReady };
  const now = rfc3339(nowMs);
  const conditions: NodeCondition[] = (node.status?.conditions ?? []).map((c: NodeCondition) => ({ ...c }));
  for (const type of ['Ready', 'MemoryPressure', 'DiskPressure', 'PIDPressure']) {
    const c = conditions.find((x) => x.type === type);
    if (!c)
      conditions.push({ type, status: 'Unknown', lastHeartbeatTime: node.metadata.creationTimestamp, lastTransitionTime: now, reason: 'NodeStatusNeverUpdated', message: 'Kubelet never posted node status.' });
    else if (c.status !== 'Unknown') Object.assign(c, { status: 'Unknown', reason: 'NodeStatusUnknown', message: 'Kubelet stopped posting node status.', lastTransitionTime: now });
  }
  const current = conditions.find((c) => c.type === 'Ready')!;
  if (deepEqual(current, observed)) return { health, observed, current };
  return {
    health: { probeTimestamp: health.probeTimestamp, readyTransitionTimestamp: nowMs, savedReady: current, leaseRenewTime: health.leaseRenewTime },
    observed,
    current,
    conditions,
  };
}

const sameTaint = (a: Taint, b: Taint) => a.key === b.key && a.effect === b.effect;

/** doNoScheduleTaintingPass: the condition/unschedulable NoSchedule taints to add and remove. */
export function noScheduleTaintDiff(node: KObject): { add: Taint[]; remove: Taint[] } {
  const want: Taint[] = [];
  for (const c of (node.status?.conditions ?? []) as NodeCondition[]) {
    const key = CONDITION_TAINTS[c.type]?.[c.status];
    if (key) want.push({ key, effect: 'NoSchedule' });
  }
  if (node.spec?.unschedulable) want.push({ key: UNSCHEDULABLE, effect: 'NoSchedule' });
  const have = ((node.spec?.taints ?? []) as Taint[]).filter((t) => t.effect === 'NoSchedule' && (t.key === UNSCHEDULABLE || CONDITION_TAINT_KEYS.has(t.key)));
  return {
    add: want.filter((w) => !have.some((h) => sameTaint(h, w))),
    remove: have.filter((h) => !want.some((w) => sameTaint(h, w))),
  };
}

/**
 * SwapNodeControllerTaint: removes `remove`, adds `add` stamped with timeAdded = now (replacing a
 * taint of the same key and effect). undefined when nothing changes.
 */
export function swapTaints(taints: readonly Taint[], add: readonly Taint[], remove: readonly Taint[], now: string): Taint[] | undefined {
  let out = taints.filter((t) => !remove.some((r) => sameTaint(r, t)));
  let changed = out.length !== taints.length;
  for (const a of add) {
    const t: Taint = { ...a, timeAdded: now };
    const i = out.findIndex((x) => sameTaint(x, a));
    if (i >= 0 && (out[i].value ?? '') === (a.value ?? '')) continue;
    changed = true;
    if (i >= 0) out = out.map((x, j) => (j === i ? t : x));
    else out = [...out, t];
  }
  return changed ? out : undefined;
}

export const NOT_READY_NO_EXECUTE: Taint = { key: NOT_READY, effect: 'NoExecute' };
export const UNREACHABLE_NO_EXECUTE: Taint = { key: UNREACHABLE, effect: 'NoExecute' };

export type NoExecuteDecision = 'swapToNotReady' | 'swapToUnreachable' | 'queue' | 'markReachable' | 'none';

/** processTaintBaseEviction, from the Ready status observed at the start of the pass. */
export function noExecuteDecision(observedStatus: string, taints: readonly Taint[]): NoExecuteDecision {
  const has = (t: Taint) => taints.some((x) => sameTaint(x, t));
  if (observedStatus === 'False') return has(UNREACHABLE_NO_EXECUTE) ? 'swapToNotReady' : has(NOT_READY_NO_EXECUTE) ? 'none' : 'queue';
  if (observedStatus === 'Unknown') return has(NOT_READY_NO_EXECUTE) ? 'swapToUnreachable' : has(UNREACHABLE_NO_EXECUTE) ? 'none' : 'queue';
  return has(NOT_READY_NO_EXECUTE) || has(UNREACHABLE_NO_EXECUTE) ? 'markReachable' : 'none';
}

/** The NoExecute taint (and its opposite) for a Ready status, as doNoExecuteTaintingPass applies them. */
export function noExecuteTaintFor(readyStatus: string | undefined): { add: Taint; remove: Taint } | undefined {
  if (readyStatus === 'False') return { add: NOT_READY_NO_EXECUTE, remove: UNREACHABLE_NO_EXECUTE };
  if (readyStatus === 'Unknown') return { add: UNREACHABLE_NO_EXECUTE, remove: NOT_READY_NO_EXECUTE };
  return undefined;
}

/** MarkPodsNotReady for one pod: its status with Ready=False (transition now), or undefined if already. */
export function podNotReadyStatus(pod: KObject, now: string): KObject['status'] | undefined {
  const conds = pod.status?.conditions ?? [];
  const i = conds.findIndex((c: { type: string }) => c.type === 'Ready');
  if (i < 0 || conds[i].status === 'False') return undefined;
  const next = conds.map((c: object, j: number) => (j === i ? { ...c, status: 'False', lastTransitionTime: now } : c));
  return { ...pod.status, conditions: next };
}
