/**
 * framework.NodeInfo: a node with everything scheduling needs precomputed — allocatable, the sum
 * of its pods' requests, the pods (and those with affinity), used host ports, image states.
 * The cache keeps one per node and updates it incrementally as pods come and go.
 */
import type { KObject } from '../../api/types';
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
  allocCpu = 0;
  allocMem = 0;
  allocEph = 0;
  allocPods = 0;
  allocScalar: Map<string, number> | null = null;
  reqCpu = 0;
  reqMem = 0;
  reqEph = 0;
  reqScalar: Map<string, number> | null = null;
  nonZeroCpu = 0;
  nonZeroMem = 0;
  pods: PodInfo[] = [];
  podsWithAffinity: PodInfo[] = [];
  podsWithRequiredAntiAffinity: PodInfo[] = [];
  /** HostPortInfo: ip → set of `protocol/port`. */
  usedPorts: Map<string, Set<string>> | null = null;
  /** Normalized image name → summary. */
  imageStates: Map<string, ImageStateSummary> | null = null;
  /** Bumped on every change (what-if copies and tests compare it). */
  generation = 0;

  constructor(readonly name: string) {}

  setNode(node: KObject): void {
    this.node = node;
    this.labels = node.metadata.labels ?? EMPTY_LABELS;
    this.taints = parseTaints(node.spec?.taints);
    this.unschedulable = node.spec?.unschedulable === true;
    const a = nodeAllocatable(node.status);
    this.allocCpu = a.cpu;
    this.allocMem = a.mem;
    this.allocEph = a.eph;
    this.allocPods = a.pods;
    this.allocScalar = a.scalar;
    this.generation++;
  }

  addPod(pi: PodInfo): void {
    this.pods.push(pi);
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
    if (old.hasPodAffinity) swapRemove(this.podsWithAffinity, indexOfUid(this.podsWithAffinity, pi.uid));
    if (old.hasRequiredAntiAffinity) swapRemove(this.podsWithRequiredAntiAffinity, indexOfUid(this.podsWithRequiredAntiAffinity, pi.uid));
    this.account(old, -1);
    return true;
  }

  private account(pi: PodInfo, sign: 1 | -1): void {
    this.reqCpu += sign * pi.cpu;
    this.reqMem += sign * pi.mem;
    this.reqEph += sign * pi.eph;
    this.nonZeroCpu += sign * pi.nonZeroCpu;
    this.nonZeroMem += sign * pi.nonZeroMem;
    if (pi.scalar)
      for (const [k, v] of pi.scalar) {
        this.reqScalar ??= new Map();
        this.reqScalar.set(k, (this.reqScalar.get(k) ?? 0) + sign * v);
      }
    if (pi.hostPorts.length) for (const p of pi.hostPorts) this.port(p, sign);
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
    Object.assign(c, this);
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
