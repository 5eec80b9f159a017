/**
 * fitsRequest and the resource-allocation scorers shared by NodeResourcesFit and
 * NodeResourcesBalancedAllocation (noderesources/fit.go, least_allocated.go, balanced_allocation.go).
 */
import type { KObject } from '../../../api/types';
import { NodeInfo } from '../../framework/nodeInfo';
import { ALLOC_CPU, ALLOC_EPH, ALLOC_MEM, ALLOC_PODS, NZ_CPU, NZ_MEM, POD_COUNT, REQ_CPU, REQ_EPH, REQ_MEM, ROW } from '../../framework/nodeTable';
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

/**
 * The common case of insufficientResources on a table row (`o` = row × ROW): true when the pod
 * surely fits (pod count, cpu, memory, ephemeral storage; extended resources are left to
 * insufficientResources). Example: 3900m of 4 CPUs requested → a 200m pod does not surely fit.
 */
export function fitsRow(pod: PodInfo, d: Float64Array, o: number): boolean {
  const cpu = pod.cpu;
  const mem = pod.mem;
  const eph = pod.eph;
  return (
    d[o + POD_COUNT]! + 1 <= d[o + ALLOC_PODS]! &&
    (cpu <= 0 || cpu <= d[o + ALLOC_CPU]! - d[o + REQ_CPU]!) &&
    (mem <= 0 || mem <= d[o + ALLOC_MEM]! - d[o + REQ_MEM]!) &&
    (eph <= 0 || eph <= d[o + ALLOC_EPH]! - d[o + REQ_EPH]!) &&
    pod.scalar === null
  );
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
  return leastAllocatedRow(pod, node.table.data, node.row * ROW);
}

/** leastAllocatedScore on a table row (`o` = row × ROW). */
export function leastAllocatedRow(pod: PodInfo, d: Float64Array, o: number): number {
  return leastAllocatedOf(d, o, pod.nonZeroCpu, pod.nonZeroMem);
}

/** leastAllocatedRow with the pod's non-zero cpu / memory requests passed in (batch loops hoist them). */
export function leastAllocatedOf(d: Float64Array, o: number, podCpu: number, podMem: number): number {
  let score = 0;
  let weights = 0;
  const cpu = d[o + ALLOC_CPU]!;
  const mem = d[o + ALLOC_MEM]!;
  if (cpu !== 0) {
    score += leastRequestedScore(d[o + NZ_CPU]! + podCpu, cpu);
    weights++;
  }
  if (mem !== 0) {
    score += leastRequestedScore(d[o + NZ_MEM]! + podMem, mem);
    weights++;
  }
  return weights === 0 ? 0 : Math.trunc(score / weights);
}

/**
 * balancedResourceScorer on real requests: (1 − |cpuFraction − memFraction| / 2) × 100. Example:
 * 50% cpu and 25% memory requested → std 0.125 → 87.
 */
export function balancedAllocationScore(pod: PodInfo, node: NodeInfo): number {
  return balancedAllocationRow(pod, node.table.data, node.row * ROW);
}

/** balancedAllocationScore on a table row (`o` = row × ROW). */
export function balancedAllocationRow(pod: PodInfo, d: Float64Array, o: number): number {
  return balancedAllocationOf(d, o, pod.cpu, pod.mem);
}

/** balancedAllocationRow with the pod's cpu / memory requests passed in (batch loops hoist them). */
export function balancedAllocationOf(d: Float64Array, o: number, podCpu: number, podMem: number): number {
  let f0 = -1;
  let f1 = -1;
  const cpu = d[o + ALLOC_CPU]!;
  const mem = d[o + ALLOC_MEM]!;
  if (cpu !== 0) f0 = Math.min(1, (d[o + REQ_CPU]! + podCpu) / cpu);
  if (mem !== 0) {
    const f = Math.min(1, (d[o + REQ_MEM]! + podMem) / mem);
    if (f0 < 0) f0 = f;
    else f1 = f;
  }
  const std = f1 >= 0 ? Math.abs((f0 - f1) / 2) : 0;
  return Math.trunc((1 - std) * MAX_NODE_SCORE);
}
