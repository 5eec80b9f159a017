import { apiErrors } from '../api/errors';
import type { Store } from '../store/store';
import type { Allocators } from './types';

function ipToInt(ip: string): number | undefined {
  const p = ip.split('.');
  if (p.length !== 4) return undefined;
  let n = 0;
  for (const x of p) {
    if (!/^\d{1,3}$/.test(x) || Number(x) > 255) return undefined;
    n = n * 256 + Number(x);
  }
  return n;
}
const intToIp = (n: number) => [24, 16, 8, 0].map((s) => (n >>> s) & 255).join('.');

/**
 * ClusterIP and NodePort allocators. Like the apiserver's bitmap allocators, they remember what is
 * taken; the state is rebuilt from stored Services on first use so a restored snapshot stays
 * consistent. Allocation is sequential from the range start, so it is deterministic.
 */
export function createAllocators(store: Store, cidr: string, nodePortRange: [number, number] = [30000, 32767]): Allocators {
  const [base, bits] = cidr.split('/');
  const start = ipToInt(base)!;
  const size = 2 ** (32 - Number(bits));
  const ips = new Set<number>();
  const ports = new Set<number>();
  let loaded = false;
  let nextIp = 10; // .0.1 is the kubernetes Service, .0.10 kube-dns, as kubeadm clusters have it
  let nextPort = nodePortRange[0];
  const load = () => {
    if (loaded) return;
    loaded = true;
    for (const s of store.list('services').items) {
      const ip = ipToInt(s.spec?.clusterIP ?? '');
      if (ip !== undefined) ips.add(ip);
      for (const p of s.spec?.ports ?? []) if (p.nodePort) ports.add(p.nodePort);
    }
  };
  const inRange = (n: number) => n > start && n < start + size - 1;
  return {
    clusterIP() {
      load();
      for (let i = 0; i < size - 2; i++) {
        const cand = start + 1 + ((nextIp - 1 + i) % (size - 2));
        if (!ips.has(cand)) {
          ips.add(cand);
          nextIp = cand - start + 1;
          return intToIp(cand);
        }
      }
      throw apiErrors.internal('failed to allocate a serviceIP: range is full');
    },
    reserveClusterIP(ip) {
      load();
      const n = ipToInt(ip);
      if (n === undefined || !inRange(n)) return `failed to allocate IP ${ip}: the provided IP (${ip}) is not in the valid range. The range of valid IPs is ${cidr}`;
      if (ips.has(n)) return `failed to allocate IP ${ip}: provided IP is already allocated`;
      ips.add(n);
      return undefined;
    },
    releaseClusterIP(ip) {
      const n = ipToInt(ip);
      if (n !== undefined) ips.delete(n);
    },
    nodePort() {
      load();
      const span = nodePortRange[1] - nodePortRange[0] + 1;
      for (let i = 0; i < span; i++) {
        const p = nodePortRange[0] + ((nextPort - nodePortRange[0] + i) % span);
        if (!ports.has(p)) {
          ports.add(p);
          nextPort = p + 1;
          return p;
        }
      }
      throw apiErrors.internal('failed to allocate a nodePort: range is full');
    },
    reserveNodePort(port) {
      load();
      if (port < nodePortRange[0] || port > nodePortRange[1])
        return `provided port is not in the valid range. The range of valid ports is ${nodePortRange[0]}-${nodePortRange[1]}`;
      if (ports.has(port)) return 'provided port is already allocated';
      ports.add(port);
      return undefined;
    },
    releaseNodePort(port) {
      ports.delete(port);
    },
  };
}
