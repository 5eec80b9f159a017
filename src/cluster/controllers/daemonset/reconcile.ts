/**
 * The DaemonSet controller's manage + rollingUpdate (daemon_controller.go, update.go, v1.32) as a
 * pure function. manage: a pod for every node that should run one, none on nodes that should not,
 * failed pods replaced (with a per-node back-off), extra pods pruned. Only when manage had nothing
 * to do (its expectations are met) does the rolling update replace old pods: without surge, delete
 * up to maxUnavailable old pods and let manage recreate them; with surge, create new pods beside
 * the old ones and delete each old pod once its replacement is available.
 */
import type { KObject } from '../../api/types';
import { isPodAvailable, isPodReady } from '../util/pods';
import { scaledValue } from '../util/intstr';
import { DS_HASH_LABEL } from './history';
import { rollingUpdate } from './rolling';
import { BURST_REPLICAS, oldestFirst, placements, podsByNode, type DsInput, type DsPlan, type Placement } from './types';

export * from './types';

export const failedBackoffKey = (ds: KObject, node: string): string => `${ds.metadata.uid}/${ds.status?.observedGeneration ?? 0}/${node}`;

export const allowsSurge = (ds: KObject): boolean =>
  ds.spec?.updateStrategy?.type === 'RollingUpdate' && scaledValue(ds.spec.updateStrategy.rollingUpdate?.maxSurge ?? 0, 1, true) > 0;

// podsShouldBeOnNode.
function nodeActions(inp: DsInput, plan: DsPlan, place: Placement, node: KObject, onNode: KObject[] | undefined): void {
  const { ds, now } = inp;
  const name = node.metadata.name!;
  const [run, keep] = place.get(name)!;
  if (run && !onNode) {
    plan.creates.push(name);
    return;
  }
  if (!onNode) return;
  if (!keep) {
    for (const p of onNode) if (!p.metadata.deletionTimestamp) plan.deletes.push(p);
    return;
  }
  const running: KObject[] = [];
  for (const p of onNode) {
    if (p.metadata.deletionTimestamp) continue;
    if (p.status?.phase !== 'Failed') {
      running.push(p);
      continue;
    }
    // A failed daemon pod is deleted (and recreated), at most once per back-off period.
    const key = failedBackoffKey(ds, name);
    const b = inp.backoff.get(key);
    if (b && now - b.lastUpdate <= 2 * 15 * 60_000 && now - b.lastUpdate < b.delayMs) {
      plan.requeueAfterMs = Math.min(plan.requeueAfterMs ?? Infinity, b.delayMs);
      continue;
    }
    plan.backoffNext.push(key);
    plan.events.push({ type: 'Warning', reason: 'FailedDaemonPod', message: `Found failed daemon pod ${p.metadata.namespace}/${p.metadata.name} on node ${name}, will try to kill it` });
    plan.deletes.push(p);
  }
  running.sort(oldestFirst);
  if (!allowsSurge(ds)) {
    plan.deletes.push(...running.slice(1));
    return;
  }
  if (running.length <= 1) {
    if (!running.length && run) plan.creates.push(name);
    return;
  }
  // With surge: keep the oldest new pod and the oldest old pod, the old one only while the new one
  // is not yet available (and the old one still ready).
  let newest: KObject | undefined;
  let oldest: KObject | undefined;
  for (const p of running) {
    if (p.metadata.labels?.[DS_HASH_LABEL] === inp.hash) {
      if (!newest) newest = p;
      else plan.deletes.push(p);
    } else if (!oldest) oldest = p;
    else plan.deletes.push(p);
  }
  if (newest && oldest && (!isPodReady(oldest) || isPodAvailable(newest, ds.spec?.minReadySeconds ?? 0, now))) plan.deletes.push(oldest);
}

/** manage: per-node creations and deletions, plus unscheduled pods pinned to vanished nodes. */
function manage(inp: DsInput, plan: DsPlan, place: Placement): void {
  const byNode = podsByNode(inp.pods, false);
  const names = new Set<string>();
  for (const node of inp.nodes) {
    names.add(node.metadata.name!);
    nodeActions(inp, plan, place, node, byNode.get(node.metadata.name!));
  }
  for (const [node, pods] of byNode) if (!names.has(node)) for (const p of pods) if (!p.spec?.nodeName) plan.deletes.push(p);
}

/** manage, then (when manage changed nothing) the rolling update; both capped at burstReplicas. */
export function reconcileDaemonSet(inp: DsInput): DsPlan {
  const plan: DsPlan = { creates: [], deletes: [], events: [], backoffNext: [], phase: 'none' };
  if (inp.ds.metadata.deletionTimestamp) return plan;
  const place = inp.placement ?? placements(inp.ds, inp.nodes);
  manage(inp, plan, place);
  if (plan.creates.length || plan.deletes.length) plan.phase = 'manage';
  else if (inp.ds.spec?.updateStrategy?.type === 'RollingUpdate') {
    rollingUpdate(inp, plan, place);
    if (plan.creates.length || plan.deletes.length) plan.phase = 'rollingUpdate';
  }
  plan.creates = plan.creates.slice(0, BURST_REPLICAS);
  plan.deletes = plan.deletes.slice(0, BURST_REPLICAS);
  return plan;
}
