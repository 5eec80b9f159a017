import type { KObject } from '../api/types';

/** The shape of a simulated machine. */
export interface NodeSpec {
  name: string;
  role?: 'control-plane';
  cpu: string;
  memory: string;
  pods?: number;
  zone?: string;
  ip: string;
}

export const DEFAULT_NODES: NodeSpec[] = [
  { name: 'control-plane', role: 'control-plane', cpu: '4', memory: '8Gi', zone: 'zone-a', ip: '172.18.0.2' },
  { name: 'worker-1', cpu: '4', memory: '16Gi', zone: 'zone-a', ip: '172.18.0.3' },
  { name: 'worker-2', cpu: '4', memory: '16Gi', zone: 'zone-b', ip: '172.18.0.4' },
  { name: 'worker-3', cpu: '4', memory: '16Gi', zone: 'zone-c', ip: '172.18.0.5' },
];

/**
 * The /24 node IPAM hands the index-th node. kubeadm's 10.244.0.0/16 holds 256 nodes; larger
 * clusters (benchmarks, what-if runs) continue under 10.128.0.0/9 so every CIDR stays valid.
 */
export function podCIDRFor(index: number): string {
  if (index < 256) return `10.244.${index}.0/24`;
  return `10.${128 + ((index >> 8) & 127)}.${index & 255}.0/24`;
}

/** A Node object as kubeadm + kubelet register it (labels, taints, pod CIDR). */
export function nodeObject(n: NodeSpec, index: number): KObject {
  const labels: Record<string, string> = {
    'beta.kubernetes.io/arch': 'amd64',
    'beta.kubernetes.io/os': 'linux',
    'kubernetes.io/arch': 'amd64',
    'kubernetes.io/hostname': n.name,
    'kubernetes.io/os': 'linux',
  };
  if (n.zone) {
    labels['topology.kubernetes.io/zone'] = n.zone;
    labels['topology.kubernetes.io/region'] = 'region-1';
  }
  if (n.role) {
    labels['node-role.kubernetes.io/control-plane'] = '';
    labels['node.kubernetes.io/exclude-from-external-load-balancers'] = '';
  }
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name: n.name,
      labels,
      annotations: {
        'kubeadm.alpha.kubernetes.io/cri-socket': 'unix:///run/containerd/containerd.sock',
        'node.alpha.kubernetes.io/ttl': '0',
        'volumes.kubernetes.io/controller-managed-attach-detach': 'true',
      },
    },
    spec: {
      podCIDR: podCIDRFor(index),
      podCIDRs: [podCIDRFor(index)],
      providerID: `kubeplay://${n.name}`,
      ...(n.role ? { taints: [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }] } : {}),
    },
  };
}

/** Node status as a healthy kubelet reports it. */
export function nodeStatus(n: NodeSpec, now: string): KObject['status'] {
  const cond = (type: string, status: string, reason: string, message: string) => ({
    type,
    status,
    lastHeartbeatTime: now,
    lastTransitionTime: now,
    reason,
    message,
  });
  const capacity = {
    cpu: n.cpu,
    'ephemeral-storage': '102400000Ki',
    'hugepages-1Gi': '0',
    'hugepages-2Mi': '0',
    memory: n.memory,
    pods: String(n.pods ?? 110),
  };
  return {
    capacity,
    allocatable: { ...capacity },
    conditions: [
      cond('MemoryPressure', 'False', 'KubeletHasSufficientMemory', 'kubelet has sufficient memory available'),
      cond('DiskPressure', 'False', 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure'),
      cond('PIDPressure', 'False', 'KubeletHasSufficientPID', 'kubelet has sufficient PID available'),
      cond('Ready', 'True', 'KubeletReady', 'kubelet is posting ready status'),
    ],
    addresses: [
      { type: 'InternalIP', address: n.ip },
      { type: 'Hostname', address: n.name },
    ],
    daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
    nodeInfo: {
      machineID: '',
      systemUUID: '',
      bootID: '',
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
