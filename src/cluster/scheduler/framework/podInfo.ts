/**
 * framework.PodInfo: a pod plus everything the plugins would otherwise re-derive per node —
 * requests (real and non-zero), host ports, tolerations, affinity terms, image names — computed
 * once when the pod object is seen.
 */
import type { KObject } from '../../api/types';
import { newAffinityTerm, type AffinityTerm, type WeightedAffinityTerm } from './affinity';
import { podRequests } from './resources';
import { parseTolerations, type Toleration } from './taints';

export interface HostPort {
  ip: string;
  protocol: string;
  port: number;
}

export interface PodInfo {
  readonly pod: KObject;
  readonly uid: string;
  readonly namespace: string;
  readonly name: string;
  readonly nodeName: string;
  /** corev1helpers.PodPriority: spec.priority or 0. */
  readonly priority: number;
  readonly labels: Readonly<Record<string, string>>;
  readonly terminating: boolean;
  /** Requests as filtering sees them. */
  readonly cpu: number;
  readonly mem: number;
  readonly eph: number;
  readonly scalar: ReadonlyMap<string, number> | null;
  /** Requests as scoring sees them (missing cpu/memory = 100m/200Mi). */
  readonly nonZeroCpu: number;
  readonly nonZeroMem: number;
  readonly hostPorts: readonly HostPort[];
  readonly tolerations: readonly Toleration[];
  readonly requiredAffinityTerms: readonly AffinityTerm[];
  readonly requiredAntiAffinityTerms: readonly AffinityTerm[];
  readonly preferredAffinityTerms: readonly WeightedAffinityTerm[];
  readonly preferredAntiAffinityTerms: readonly WeightedAffinityTerm[];
  /** podWithAffinity: spec.affinity has podAffinity or podAntiAffinity. */
  readonly hasPodAffinity: boolean;
  /** podWithRequiredAntiAffinity. */
  readonly hasRequiredAntiAffinity: boolean;
  /** Normalized image names of init and regular containers (`nginx` → `nginx:latest`). */
  readonly images: readonly string[];
}

const NONE: readonly never[] = Object.freeze([]);

/** ImageLocality's normalizedImageName: a tagless reference gets `:latest`. */
export function normalizedImageName(name: string): string {
  return name.lastIndexOf(':') <= name.lastIndexOf('/') ? `${name}:latest` : name;
}

function hostPorts(spec: KObject | undefined): readonly HostPort[] {
  let out: HostPort[] | undefined;
  for (const c of spec?.containers ?? [])
    for (const p of c?.ports ?? [])
      if (p?.hostPort > 0) (out ??= []).push({ ip: p.hostIP || '0.0.0.0', protocol: p.protocol || 'TCP', port: p.hostPort });
  return out ?? NONE;
}

function terms(ns: string, list: KObject[] | undefined): readonly AffinityTerm[] {
  return list?.length ? list.map((t) => newAffinityTerm(ns, t)) : NONE;
}

function weighted(ns: string, list: KObject[] | undefined): readonly WeightedAffinityTerm[] {
  return list?.length ? list.map((w) => ({ ...newAffinityTerm(ns, w?.podAffinityTerm), weight: w?.weight ?? 0 })) : NONE;
}

function images(spec: KObject | undefined): readonly string[] {
  const out: string[] = [];
  for (const c of spec?.initContainers ?? []) if (c?.image) out.push(normalizedImageName(c.image));
  for (const c of spec?.containers ?? []) if (c?.image) out.push(normalizedImageName(c.image));
  return out;
}

/** Fields derived from the spec up front; tolerations and images wait until a plugin asks. */
type Eager = Omit<PodInfo, 'tolerations' | 'images'>;

// A class (not a literal) so the rarely read parts can be lazy: most cached pods never need them.
class PodInfoImpl implements PodInfo {
  readonly pod: KObject;
  readonly uid: string;
  readonly namespace: string;
  readonly name: string;
  readonly nodeName: string;
  readonly priority: number;
  readonly labels: Readonly<Record<string, string>>;
  readonly terminating: boolean;
  readonly cpu: number;
  readonly mem: number;
  readonly eph: number;
  readonly scalar: ReadonlyMap<string, number> | null;
  readonly nonZeroCpu: number;
  readonly nonZeroMem: number;
  readonly hostPorts: readonly HostPort[];
  readonly requiredAffinityTerms: readonly AffinityTerm[];
  readonly requiredAntiAffinityTerms: readonly AffinityTerm[];
  readonly preferredAffinityTerms: readonly WeightedAffinityTerm[];
  readonly preferredAntiAffinityTerms: readonly WeightedAffinityTerm[];
  readonly hasPodAffinity: boolean;
  readonly hasRequiredAntiAffinity: boolean;
  private tol: readonly Toleration[] | undefined;
  private img: readonly string[] | undefined;

  constructor(e: Eager, tol?: readonly Toleration[], img?: readonly string[]) {
    this.pod = e.pod;
    this.uid = e.uid;
    this.namespace = e.namespace;
    this.name = e.name;
    this.nodeName = e.nodeName;
    this.priority = e.priority;
    this.labels = e.labels;
    this.terminating = e.terminating;
    this.cpu = e.cpu;
    this.mem = e.mem;
    this.eph = e.eph;
    this.scalar = e.scalar;
    this.nonZeroCpu = e.nonZeroCpu;
    this.nonZeroMem = e.nonZeroMem;
    this.hostPorts = e.hostPorts;
    this.requiredAffinityTerms = e.requiredAffinityTerms;
    this.requiredAntiAffinityTerms = e.requiredAntiAffinityTerms;
    this.preferredAffinityTerms = e.preferredAffinityTerms;
    this.preferredAntiAffinityTerms = e.preferredAntiAffinityTerms;
    this.hasPodAffinity = e.hasPodAffinity;
    this.hasRequiredAntiAffinity = e.hasRequiredAntiAffinity;
    this.tol = tol;
    this.img = img;
  }

  get tolerations(): readonly Toleration[] {
    const list = this.pod.spec?.tolerations;
    return (this.tol ??= list?.length ? parseTolerations(list) : NONE);
  }

  get images(): readonly string[] {
    return (this.img ??= images(this.pod.spec));
  }

  /** The same pod on `nodeName`, sharing everything already derived. */
  onNode(nodeName: string): PodInfoImpl {
    return new PodInfoImpl({ ...this.eager(), nodeName }, this.tol, this.img);
  }

  private eager(): Eager {
    return this;
  }
}

/** framework.NewPodInfo. */
export function newPodInfo(pod: KObject): PodInfo {
  const spec = pod.spec;
  const ns = pod.metadata.namespace ?? '';
  const req = podRequests(spec, false);
  const nz = podRequests(spec, true);
  const aff = spec?.affinity;
  const pa = aff?.podAffinity;
  const paa = aff?.podAntiAffinity;
  const requiredAnti = terms(ns, paa?.requiredDuringSchedulingIgnoredDuringExecution);
  return new PodInfoImpl({
    pod,
    uid: pod.metadata.uid ?? '',
    namespace: ns,
    name: pod.metadata.name ?? '',
    nodeName: spec?.nodeName ?? '',
    priority: typeof spec?.priority === 'number' ? spec.priority : 0,
    labels: pod.metadata.labels ?? {},
    terminating: pod.metadata.deletionTimestamp != null,
    cpu: req.cpu,
    mem: req.mem,
    eph: req.eph,
    scalar: req.scalar,
    nonZeroCpu: nz.cpu,
    nonZeroMem: nz.mem,
    hostPorts: hostPorts(spec),
    requiredAffinityTerms: terms(ns, pa?.requiredDuringSchedulingIgnoredDuringExecution),
    requiredAntiAffinityTerms: requiredAnti,
    preferredAffinityTerms: weighted(ns, pa?.preferredDuringSchedulingIgnoredDuringExecution),
    preferredAntiAffinityTerms: weighted(ns, paa?.preferredDuringSchedulingIgnoredDuringExecution),
    hasPodAffinity: aff != null && (pa != null || paa != null),
    hasRequiredAntiAffinity: requiredAnti.length > 0,
  });
}

/** The same pod assumed onto `nodeName` (what the cache holds between assume and the bind's echo). */
export function withNodeName(pi: PodInfo, nodeName: string): PodInfo {
  return pi instanceof PodInfoImpl ? pi.onNode(nodeName) : { ...pi, nodeName };
}

/**
 * Whether two versions of a pod weigh the same on their node (node, requests, ports, labels,
 * affinity, termination) — then the cache can swap the object without re-accounting it.
 */
export function samePlacement(a: PodInfo, b: PodInfo): boolean {
  if (
    a.nodeName !== b.nodeName ||
    a.terminating !== b.terminating ||
    a.cpu !== b.cpu ||
    a.mem !== b.mem ||
    a.eph !== b.eph ||
    a.nonZeroCpu !== b.nonZeroCpu ||
    a.nonZeroMem !== b.nonZeroMem ||
    a.scalar !== null ||
    b.scalar !== null ||
    a.hostPorts.length + b.hostPorts.length !== 0 ||
    a.hasPodAffinity ||
    b.hasPodAffinity ||
    a.priority !== b.priority ||
    a.namespace !== b.namespace
  )
    return false;
  let n = 0;
  for (const k in a.labels) {
    if (a.labels[k] !== b.labels[k]) return false;
    n++;
  }
  for (const _ in b.labels) n--;
  return n === 0;
}
