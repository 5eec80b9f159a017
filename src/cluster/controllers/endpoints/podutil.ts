/**
 * Pod facts the service, disruption and node controllers share (k8s.io/kubernetes pkg/api/v1/pod
 * and endpointslice util, v1.32).
 */
import type { KObject } from '../../api/types';

/** podutil.IsPodReady: the Ready condition is True. */
export function isPodReady(pod: KObject): boolean {
  return (pod.status?.conditions ?? []).some((c: { type: string; status: string }) => c.type === 'Ready' && c.status === 'True');
}

/** podutil.IsPodTerminal: phase Succeeded or Failed. */
export function isPodTerminal(pod: KObject): boolean {
  const p = pod.status?.phase;
  return p === 'Succeeded' || p === 'Failed';
}

/** The pod's first IPv4 address (status.podIPs, else status.podIP), or ''. */
export function podIPv4(pod: KObject): string {
  const ips: string[] = (pod.status?.podIPs ?? []).map((p: { ip: string }) => p.ip);
  if (!ips.length && pod.status?.podIP) ips.push(pod.status.podIP);
  return ips.find((ip) => !ip.includes(':')) ?? '';
}

/**
 * endpointsliceutil.ShouldPodBeInEndpoints: terminal pods and pods without an IP never are;
 * terminating pods only when `includeTerminating`.
 */
export function shouldPodBeInEndpoints(pod: KObject, includeTerminating: boolean): boolean {
  if (isPodTerminal(pod)) return false;
  if (!podIPv4(pod)) return false;
  if (!includeTerminating && pod.metadata.deletionTimestamp) return false;
  return true;
}

/**
 * podutil.FindPort: a numeric targetPort as is; a named one resolves to the container port of
 * that name and protocol (containers, then restartable init containers). undefined = no match.
 */
export function findPort(pod: KObject, svcPort: { targetPort?: number | string; port?: number; protocol?: string }): number | undefined {
  const target = svcPort.targetPort ?? svcPort.port;
  if (typeof target === 'number') return target;
  if (typeof target !== 'string') return undefined;
  if (/^\d+$/.test(target)) return Number(target);
  const proto = svcPort.protocol ?? 'TCP';
  const sidecars = (pod.spec?.initContainers ?? []).filter((c: { restartPolicy?: string }) => c.restartPolicy === 'Always');
  for (const c of [...(pod.spec?.containers ?? []), ...sidecars])
    for (const p of c.ports ?? []) if (p.name === target && (p.protocol ?? 'TCP') === proto) return p.containerPort;
  return undefined;
}

/** endpointutil.ShouldSetHostname: the pod's hostname, when its subdomain is the service's name. */
export function podHostname(pod: KObject, svc: KObject): string | undefined {
  const h = pod.spec?.hostname;
  return h && pod.spec?.subdomain === svc.metadata.name && pod.metadata.namespace === svc.metadata.namespace ? h : undefined;
}

/** Pod condition lookup. */
export function podCondition(pod: KObject, type: string): { type: string; status: string; lastTransitionTime?: string; reason?: string; message?: string } | undefined {
  return (pod.status?.conditions ?? []).find((c: { type: string }) => c.type === type);
}
