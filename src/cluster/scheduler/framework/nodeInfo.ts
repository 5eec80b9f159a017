/**
 * framework.NodeInfo: a node with everything scheduling needs precomputed — allocatable, the sum
 * of its pods' requests, the pods (and those with affinity), used host ports, image states.
 * The cache keeps one per node and updates it incrementally as pods come and go. Its numbers live
 * in a row of the cache's NodeTable (batch Filter/Score read them from there); a NodeInfo made
 * outside a cache, or a clone, owns a one-row table.
 */
import type { KObject } from '../../api/types';
import {
  ALLOC_CPU,
  ALLOC_EPH,
  ALLOC_MEM,
  ALLOC_PODS,
  FLAGS,
  F_HARD_TAINT,
  F_NODE,
  F_PREFER_TAINT,
  F_UNSCHEDULABLE,
  NZ_CPU,
  NZ_MEM,
  POD_COUNT,
  REQ_CPU,
  REQ_EPH,
  REQ_MEM,
  ROW,
  NodeTable,
} from './nodeTable';
import type { HostPort, PodInfo } from './podInfo';
import { nodeAllocatable } from './resources';
import { parseTaints, type Taint } from './taints';

/** framework.ImageStateSummary, shared by every node that has the image. */
export interface ImageStateSummary {
  size: number;
  numNodes: number;
}

const EMPTY_LABELS: Readonly<Record<string, string>> = Object.freeze({});

export class NodeInfo {
  node: KObject | undefined;
  labels: Readonly<Record<string, string>> = EMPTY_LABELS;
  taints: readonly Taint[] = [];
  unschedulable = false;
  allocScalar: Map<string, number> | null = null;
  reqScalar: Map<string, number> | null = null;
  pods: PodInfo[] = [];
  podsWithAffinity: PodInfo[] = [];
  podsWithRequiredAntiAffinity: PodInfo[] = [];
  /** HostPortInfo: ip → set of `protocol/port`. */
  usedPorts: Map<string, Set<string>> | null = null;
  /** Normalized image name → summary. */
  imageStates: Map<string, ImageStateSummary> | null = null;
  /** Bumped on every change (what-if copies and tests compare it). */
  generation = 0;
  /** The table holding this node's numbers, and its row there. */
  readonly table: NodeTable;
  readonly row: number;
  private readonly o: number;

  constructor(
    readonly name: string,
    table?: NodeTable,
  ) {
    this.table = table ?? new NodeTable(1);
    this.row = this.table.alloc();
    this.o = this.row * ROW;
  }

  get allocCpu(): number {
    return this.table.data[this.o + ALLOC_CPU]!;
  }
  get allocMem(): number {
    return this.table.data[this.o + ALLOC_MEM]!;
  }
  get allocEph(): number {
    return this.table.data[this.o + ALLOC_EPH]!;
  }
  get allocPods(): number {
    return this.table.data[this.o + ALLOC_PODS]!;
  }
  get reqCpu(): number {
    return this.table.data[this.o + REQ_CPU]!;
  }
  get reqMem(): number {
    return this.table.data[this.o + REQ_MEM]!;
  }
  get reqEph(): number {
    return this.table.data[this.o + REQ_EPH]!;
  }
  get nonZeroCpu(): number {
    return this.table.data[this.o + NZ_CPU]!;
  }
  get nonZeroMem(): number {
    return this.table.data[this.o + NZ_MEM]!;
  }

  setNode(node: KObject): void {
    this.node = node;
    this.labels = node.metadata.labels ?? EMPTY_LABELS;
    this.taints = parseTaints(node.spec?.taints);
    this.unschedulable = node.spec?.unschedulable === true;
    const a = nodeAllocatable(node.status);
    const d = this.table.data;
    const o = this.o;
    d[o + ALLOC_CPU] = a.cpu;
    d[o + ALLOC_MEM] = a.mem;
    d[o + ALLOC_EPH] = a.eph;
    d[o + ALLOC_PODS] = a.pods;
    this.table.touch(this.row);
    this.allocScalar = a.scalar;
    let flags = F_NODE;
    if (this.unschedulable) flags |= F_UNSCHEDULABLE;
    for (const t of this.taints) {
      if (t.effect === 'NoSchedule' || t.effect === 'NoExecute') flags |= F_HARD_TAINT;
      else if (t.effect === 'PreferNoSchedule') flags |= F_PREFER_TAINT;
    }
    this.table.setFlags(this.row, flags);
    this.table.setLabels(this.row, this.labels);
    this.generation++;
  }

  /** The Node object went away (pods still bound to it keep being accounted). */
  clearNode(): void {
    this.node = undefined;
    this.table.setFlags(this.row, 0);
    this.table.setLabels(this.row, undefined);
  }

  /** Gives the row back to the table; the NodeInfo must not be used afterwards. */
  dispose(): void {
    this.table.release(this.row);
  }

  addPod(pi: PodInfo): void {
    this.pods.push(pi);
    this.table.data[this.o + POD_COUNT] = this.pods.length;
    if (pi.hasPodAffinity) this.podsWithAffinity.push(pi);
    if (pi.hasRequiredAntiAffinity) this.podsWithRequiredAntiAffinity.push(pi);
    this.account(pi, 1);
  }

  /** Removes the pod with `pi.uid`; false when it was not there. */
  removePod(pi: PodInfo): boolean {
    const i = indexOfUid(this.pods, pi.uid);
    if (i < 0) return false;
    const old = this.pods[i]!;
    swapRemove(this.pods, i);
    this.table.data[this.o + POD_COUNT] = this.pods.length;
    if (old.hasPodAffinity) swapRemove(this.podsWithAffinity, indexOfUid(this.podsWithAffinity, pi.uid));
    if (old.hasRequiredAntiAffinity) swapRemove(this.podsWithRequiredAntiAffinity, indexOfUid(this.podsWithRequiredAntiAffinity, pi.uid));
    this.account(old, -1);
    return true;
  }

  private account(pi: PodInfo, sign: 1 | -1): void {
    const d = this.table.data;
    const o = this.o;
    d[o + REQ_CPU] += sign * pi.cpu;
    d[o + REQ_MEM] += sign * pi.mem;
    d[o + REQ_EPH] += sign * pi.eph;
    d[o + NZ_CPU] += sign * pi.nonZeroCpu;
    d[o + NZ_MEM] += sign * pi.nonZeroMem;
    if (pi.scalar)
      for (const [k, v] of pi.scalar) {
        this.reqScalar ??= new Map();
        this.reqScalar.set(k, (this.reqScalar.get(k) ?? 0) + sign * v);
      }
    if (pi.hostPorts.length) for (const p of pi.hostPorts) this.port(p, sign);
    this.table.touch(this.row);
    this.generation++;
  }

  private port(p: HostPort, sign: 1 | -1): void {
    const key = `${p.protocol}/${p.port}`;
    if (sign > 0) {
      this.usedPorts ??= new Map();
      let s = this.usedPorts.get(p.ip);
      if (!s) this.usedPorts.set(p.ip, (s = new Set()));
      s.add(key);
    } else {
      const s = this.usedPorts?.get(p.ip);
      if (!s) return;
      s.delete(key);
      if (s.size === 0) this.usedPorts!.delete(p.ip);
    }
  }

  /** HostPortInfo.CheckConflict: 0.0.0.0 conflicts with any IP, a specific IP with itself and 0.0.0.0. */
  portConflicts(p: HostPort): boolean {
    const used = this.usedPorts;
    if (!used || p.port <= 0) return false;
    const key = `${p.protocol}/${p.port}`;
    if (p.ip === '0.0.0.0') {
      for (const s of used.values()) if (s.has(key)) return true;
      return false;
    }
    return (used.get('0.0.0.0')?.has(key) ?? false) || (used.get(p.ip)?.has(key) ?? false);
  }

  /** NodeInfo.Snapshot(): an independent copy whose pods can be added/removed in what-if runs. */
  clone(): NodeInfo {
    const c = new NodeInfo(this.name);
    c.table.data.set(this.table.data.subarray(this.o, this.o + ROW), 0);
    c.table.data[FLAGS] = 0;
    c.table.setFlags(0, this.table.data[this.o + FLAGS]!);
    c.node = this.node;
    c.labels = this.labels;
    c.taints = this.taints;
    c.unschedulable = this.unschedulable;
    c.allocScalar = this.allocScalar;
    c.imageStates = this.imageStates;
    c.generation = this.generation;
    c.table.setLabels(0, this.node ? this.labels : undefined);
    c.pods = [...this.pods];
    c.podsWithAffinity = [...this.podsWithAffinity];
    c.podsWithRequiredAntiAffinity = [...this.podsWithRequiredAntiAffinity];
    c.reqScalar = this.reqScalar && new Map(this.reqScalar);
    c.usedPorts = this.usedPorts && new Map([...this.usedPorts].map(([ip, s]) => [ip, new Set(s)]));
    return c;
  }
}

function indexOfUid(a: PodInfo[], uid: string): number {
  for (let i = 0; i < a.length; i++) if (a[i]!.uid === uid) return i;
  return -1;
}

// Order within a node's pod list carries no meaning, so removal swaps with the last element.
function swapRemove<T>(a: T[], i: number): void {
  if (i < 0) return;
  a[i] = a[a.length - 1]!;
  a.pop();
}
