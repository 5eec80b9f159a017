/**
 * fitsRequest and the resource-allocation scorers shared by NodeResourcesFit and
 * NodeResourcesBalancedAllocation (noderesources/fit.go, least_allocated.go, balanced_allocation.go).
 */
import type { KObject } from '../../../api/types';
import { NodeInfo } from '../../framework/nodeInfo';
import type { PodInfo } from '../../framework/podInfo';
import { MAX_NODE_SCORE } from '../../framework/types';

/**
 * The "Insufficient <resource>" / "Too many pods" reasons for `pod` on `node`. Example: a node with
 * 4 CPUs allocatable and 3500m requested rejects a 600m pod with "Insufficient cpu".
 */
export function insufficientResources(pod: PodInfo, node: NodeInfo): string[] | null {
  let out: string[] | null = null;
  if (node.pods.length + 1 > node.allocPods) (out ??= []).push('Too many pods');
  if (pod.cpu === 0 && pod.mem === 0 && pod.eph === 0 && !pod.scalar) return out;
  if (pod.cpu > 0 && pod.cpu > node.allocCpu - node.reqCpu) (out ??= []).push('Insufficient cpu');
  if (pod.mem > 0 && pod.mem > node.allocMem - node.reqMem) (out ??= []).push('Insufficient memory');
  if (pod.eph > 0 && pod.eph > node.allocEph - node.reqEph) (out ??= []).push('Insufficient ephemeral-storage');
  if (pod.scalar)
    for (const [name, q] of pod.scalar) {
      if (q === 0) continue;
      if (q > (node.allocScalar?.get(name) ?? 0) - (node.reqScalar?.get(name) ?? 0)) (out ??= []).push(`Insufficient ${name}`);
    }
  return out;
}

/** isFit: would the pod fit on this node if it were empty? */
export function fitsEmptyNode(pod: PodInfo, node: KObject): boolean {
  const n = new NodeInfo(node.metadata.name ?? '');
  n.setNode(node);
  return insufficientResources(pod, n) === null;
}

/** leastRequestedScore: (capacity − requested) × 100 / capacity, in integers. */
export function leastRequestedScore(requested: number, capacity: number): number {
  if (capacity === 0 || requested > capacity) return 0;
  return Math.trunc(((capacity - requested) * MAX_NODE_SCORE) / capacity);
}

/**
 * LeastAllocated with cpu:1, memory:1, on non-zero requests. Example: 4 CPUs, 1 CPU requested
 * plus a 100m pod → cpu score 72; 16Gi, 1Gi + 200Mi → memory 92; node score (72 + 92) / 2 = 82.
 */
export function leastAllocatedScore(pod: PodInfo, node: NodeInfo): number {
  let score = 0;
  let weights = 0;
  if (node.allocCpu !== 0) {
    score += leastRequestedScore(node.nonZeroCpu + pod.nonZeroCpu, node.allocCpu);
    weights++;
  }
  if (node.allocMem !== 0) {
    score += leastRequestedScore(node.nonZeroMem + pod.nonZeroMem, node.allocMem);
    weights++;
  }
  return weights === 0 ? 0 : Math.trunc(score / weights);
}

/**
 * balancedResourceScorer on real requests: (1 − |cpuFraction − memFraction| / 2) × 100. Example:
 * 50% cpu and 25% memory requested → std 0.125 → 87.
 */
export function balancedAllocationScore(pod: PodInfo, node: NodeInfo): number {
  let f0 = -1;
  let f1 = -1;
  if (node.allocCpu !== 0) f0 = Math.min(1, (node.reqCpu + pod.cpu) / node.allocCpu);
  if (node.allocMem !== 0) {
    const f = Math.min(1, (node.reqMem + pod.mem) / node.allocMem);
    if (f0 < 0) f0 = f;
    else f1 = f;
  }
  const std = f1 >= 0 ? Math.abs((f0 - f1) / 2) : 0;
  return Math.trunc((1 - std) * MAX_NODE_SCORE);
}
