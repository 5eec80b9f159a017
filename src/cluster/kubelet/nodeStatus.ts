/**
 * Node status as a 1.32 kubelet posts it (pure): the four conditions with the kubelet's reasons and
 * messages, capacity/allocatable, addresses, nodeInfo, daemonEndpoints and the `images` list (largest
 * first, at most 50 — nodeStatusMaxImages). Also the Lease the kubelet heartbeats with.
 */
import type { KObject } from '../api/types';
import { rfc3339 } from '../sim/clock';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

/** Capacity of a node created without status: `kubeplay.dev/capacity: cpu=8,memory=32Gi,pods=110`. */
export const CAPACITY_ANNOTATION = 'kubeplay.dev/capacity';
export const DEFAULT_CAPACITY = { cpu: '4', memory: '16Gi', pods: '110' };

export function capacityOf(node: KObject): { cpu: string; memory: string; pods: string } {
  const out = { ...DEFAULT_CAPACITY };
  for (const part of (node.metadata.annotations?.[CAPACITY_ANNOTATION] ?? '').split(',')) {
    const [k, v] = part.split('=').map((s) => s.trim());
    if (v && (k === 'cpu' || k === 'memory' || k === 'pods')) out[k] = v;
  }
  return out;
}

const HEALTHY: [string, string, string, string][] = [
  ['MemoryPressure', 'False', 'KubeletHasSufficientMemory', 'kubelet has sufficient memory available'],
  ['DiskPressure', 'False', 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure'],
  ['PIDPressure', 'False', 'KubeletHasSufficientPID', 'kubelet has sufficient PID available'],
  ['Ready', 'True', 'KubeletReady', 'kubelet is posting ready status'],
];

/** The kubelet's view of its conditions: always healthy; transition times kept while unchanged. */
export function kubeletConditions(old: Json[] | undefined, nowMs: number): Json[] {
  const now = rfc3339(nowMs);
  return HEALTHY.map(([type, status, reason, message]) => {
    const prev = (old ?? []).find((c) => c?.type === type);
    return {
      lastHeartbeatTime: now,
      lastTransitionTime: prev && prev.status === status ? prev.lastTransitionTime : now,
      message,
      reason,
      status,
      type,
    };
  });
}

export interface NodeImage {
  names: string[];
  sizeBytes: number;
}

/** What a kubelet registering a Node without status reports. */
export function registrationStatus(node: KObject, ip: string, nowMs: number, ids: { machineID: string; systemUUID: string; bootID: string }): Json {
  const cap = capacityOf(node);
  const capacity = { cpu: cap.cpu, 'ephemeral-storage': '102400000Ki', 'hugepages-1Gi': '0', 'hugepages-2Mi': '0', memory: cap.memory, pods: cap.pods };
  return {
    capacity,
    allocatable: { ...capacity },
    conditions: kubeletConditions(undefined, nowMs),
    addresses: [
      { type: 'InternalIP', address: ip },
      { type: 'Hostname', address: node.metadata.name },
    ],
    daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
    nodeInfo: {
      ...ids,
      kernelVersion: '6.1.0-kubeplay',
      osImage: 'Debian GNU/Linux 12 (bookworm)',
      containerRuntimeVersion: 'containerd://1.7.24',
      kubeletVersion: 'v1.32.4',
      kubeProxyVersion: 'v1.32.4',
      operatingSystem: 'linux',
      architecture: 'amd64',
    },
    images: [],
  };
}

/** The periodic post: the current status with fresh heartbeats, healthy conditions and the image list. */
export function heartbeatStatus(node: KObject, images: NodeImage[], nowMs: number): Json {
  const old: Json = node.status ?? {};
  return { ...old, conditions: kubeletConditions(old.conditions, nowMs), images: images.slice(0, 50) };
}

/** metav1.MicroTime: RFC 3339 with microseconds. */
export function microTime(ms: number): string {
  return new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$1000Z');
}

/** The node's Lease in kube-node-lease, as the kubelet's lease controller creates it. */
export function newLease(node: KObject, nowMs: number): KObject {
  return {
    apiVersion: 'coordination.k8s.io/v1',
    kind: 'Lease',
    metadata: {
      name: node.metadata.name,
      namespace: 'kube-node-lease',
      ownerReferences: [{ apiVersion: 'v1', kind: 'Node', name: node.metadata.name!, uid: node.metadata.uid! }],
    },
    spec: { holderIdentity: node.metadata.name, leaseDurationSeconds: 40, renewTime: microTime(nowMs) },
  };
}

/** The same Lease renewed now (holder and duration re-asserted, as the lease controller does). */
export function renewedLease(lease: KObject, node: KObject, nowMs: number): KObject {
  return { ...lease, spec: { ...lease.spec, holderIdentity: node.metadata.name, leaseDurationSeconds: 40, renewTime: microTime(nowMs) } };
}
