/**
 * DaemonSet rollingUpdate (daemon/update.go, v1.32). maxUnavailable and maxSurge are resolved
 * against the number of nodes that should run the pod, rounding up; if both come out 0,
 * maxUnavailable is 1.
 *
 * Worked example (no surge, maxUnavailable 1, 3 nodes with available old pods): one old pod is
 * deleted; manage recreates it at the new revision; once that pod is available the next old pod
 * goes — one node at a time.
 */
import type { KObject } from '../../api/types';
import { scaledValue } from '../util/intstr';
import { isPodAvailable } from '../util/pods';
import { isPodUpdated, podsByNode, templateGeneration, type DsInput, type DsPlan, type Placement } from './types';

/** findUpdatedPodsOnNode: the node's new and old pod; undefined when there are extras. */
function updatedPodsOnNode(inp: DsInput, pods: KObject[]): { newPod?: KObject; oldPod?: KObject } | undefined {
  const gen = templateGeneration(inp.ds);
  let newPod: KObject | undefined;
  let oldPod: KObject | undefined;
  for (const p of pods) {
    if (p.metadata.deletionTimestamp) continue;
    if (isPodUpdated(p, inp.hash, gen)) {
      if (newPod) return undefined;
      newPod = p;
    } else {
      if (oldPod) return undefined;
      oldPod = p;
    }
  }
  return { newPod, oldPod };
}

/** updatedDesiredNodeCounts: [maxSurge, maxUnavailable, desired]; every wanted node gets an entry. */
function desiredCounts(inp: DsInput, place: Placement, byNode: Map<string, KObject[]>): [number, number, number] {
  const { ds } = inp;
  let desired = 0;
  for (const node of inp.nodes) {
    if (!place.get(node.metadata.name!)![0]) continue;
    desired++;
    if (!byNode.has(node.metadata.name!)) byNode.set(node.metadata.name!, []);
  }
  const ru = ds.spec?.updateStrategy?.rollingUpdate;
  let maxUnavailable = ru ? scaledValue(ru.maxUnavailable, desired, true) : 0;
  const maxSurge = ru?.maxSurge != null ? scaledValue(ru.maxSurge, desired, true) : 0;
  if (desired > 0 && maxUnavailable === 0 && maxSurge === 0) maxUnavailable = 1;
  return [maxSurge, maxUnavailable, desired];
}

/** rollingUpdate: pods to delete (and, with surge, nodes to create on) for the update. */
export function rollingUpdate(inp: DsInput, plan: DsPlan, place: Placement): void {
  const { ds, now } = inp;
  const minReady = ds.spec?.minReadySeconds ?? 0;
  const available = (p: KObject) => isPodAvailable(p, minReady, now);
  const byNode = podsByNode(inp.pods, false);
  const [maxSurge, maxUnavailable, desired] = desiredCounts(inp, place, byNode);
  const nodes = [...byNode.keys()].sort();

  if (maxSurge === 0) {
    let unavailable = 0;
    const replace: KObject[] = [];
    const candidates: KObject[] = [];
    for (const node of nodes) {
      const found = updatedPodsOnNode(inp, byNode.get(node)!);
      if (!found) {
        unavailable++; // extra pods: left to manage
        continue;
      }
      const { newPod, oldPod } = found;
      if ((!oldPod && !newPod) || (oldPod && newPod)) unavailable++;
      else if (newPod) {
        if (!available(newPod)) unavailable++;
      } else if (!available(oldPod!)) {
        replace.push(oldPod!); // an unavailable old pod is replaced regardless
        unavailable++;
      } else if (unavailable < maxUnavailable) candidates.push(oldPod!);
    }
    const remaining = Math.min(Math.max(0, maxUnavailable - unavailable), candidates.length);
    plan.deletes.push(...replace, ...candidates.slice(0, remaining));
    return;
  }

  const runs = (node: string) => place.get(node)?.[0] === true;
  let surge = 0;
  let numAvailable = 0;
  const allowedNew: string[] = [];
  const candidateNew: string[] = [];
  const shouldNotRun: KObject[] = [];
  for (const node of nodes) {
    const found = updatedPodsOnNode(inp, byNode.get(node)!);
    if (!found) {
      surge++;
      continue;
    }
    const { newPod, oldPod } = found;
    if (oldPod ? available(oldPod) : newPod && available(newPod)) numAvailable++;
    if (!oldPod) continue;
    if (!newPod) {
      if (!available(oldPod)) {
        if (!runs(node)) plan.deletes.push(oldPod);
        else allowedNew.push(node);
      } else if (!runs(node)) shouldNotRun.push(oldPod);
      else if (surge < maxSurge) candidateNew.push(node);
      continue;
    }
    if (!available(newPod)) surge++;
    else plan.deletes.push(oldPod);
  }
  // Pods on nodes that no longer fit go only once enough pods elsewhere are available.
  const deletable = Math.min(Math.max(0, numAvailable - desired), shouldNotRun.length);
  plan.deletes.push(...shouldNotRun.slice(0, deletable));
  const remaining = Math.min(Math.max(0, maxSurge - surge), candidateNew.length);
  plan.creates.push(...allowedNew, ...candidateNew.slice(0, remaining));
}
