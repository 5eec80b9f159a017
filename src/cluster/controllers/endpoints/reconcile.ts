/**
 * The endpoints-controller's pure core (pkg/controller/endpoint, v1.32): a Service with a selector
 * and the pods it selects → the Endpoints object it should have. Ready pods go to `addresses`,
 * others to `notReadyAddresses` (all to `addresses` with publishNotReadyAddresses); terminating pods
 * are dropped unless publishNotReadyAddresses; one address per pod per resolvable port, then
 * repacked into subsets by identical port sets; over 1000 addresses → truncated + annotation.
 */
import { deepEqual } from '../../api/equal';
import type { KObject } from '../../api/types';
import { findPort, isPodReady, podHostname, podIPv4, shouldPodBeInEndpoints } from './podutil';

export const MAX_CAPACITY = 1000;
export const OVER_CAPACITY = 'endpoints.kubernetes.io/over-capacity';
export const TRIGGER_TIME = 'endpoints.kubernetes.io/last-change-trigger-time';
export const HEADLESS = 'service.kubernetes.io/headless';

export interface Address {
  ip: string;
  hostname?: string;
  nodeName?: string;
  targetRef: { kind: 'Pod'; namespace: string; name: string; uid: string };
}
export interface Port {
  name?: string;
  port: number;
  protocol: string;
  appProtocol?: string;
}
export interface Subset {
  addresses?: Address[];
  notReadyAddresses?: Address[];
  ports?: Port[];
}

export type EndpointsPlan = { action: 'none' } | { action: 'create' | 'update'; endpoints: KObject } | { action: 'delete' };

function address(pod: KObject, svc: KObject): Address {
  const a: Address = {
    ip: podIPv4(pod),
    targetRef: { kind: 'Pod', namespace: pod.metadata.namespace!, name: pod.metadata.name!, uid: pod.metadata.uid! },
  };
  const host = podHostname(pod, svc);
  if (host) a.hostname = host;
  if (pod.spec?.nodeName) a.nodeName = pod.spec.nodeName;
  return a;
}

const portKey = (ports: Port[]) => ports.map((p) => `${p.name ?? ''}/${p.port}/${p.protocol}/${p.appProtocol ?? ''}`).join(',');
const byAddress = (a: Address, b: Address) => (a.ip === b.ip ? cmp(a.targetRef.uid, b.targetRef.uid) : cmpIP(a.ip, b.ip));
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
function cmpIP(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < 4; i++) if (pa[i] !== pb[i]) return (pa[i] ?? 0) - (pb[i] ?? 0);
  return 0;
}

/**
 * The subsets for a Service (computeSubsets + RepackSubsets): addresses grouped by identical port
 * sets, addresses sorted by IP. Upstream orders ports and subsets by a hash; we order them by name.
 */
export function computeSubsets(svc: KObject, pods: readonly KObject[]): Subset[] {
  const tolerate = svc.spec?.publishNotReadyAddresses === true;
  const groups = new Map<string, { ports: Port[]; ready: Address[]; notReady: Address[] }>();
  const svcPorts: { name?: string; port: number; protocol?: string; appProtocol?: string; targetPort?: number | string }[] = svc.spec?.ports ?? [];
  for (const pod of pods) {
    if (!shouldPodBeInEndpoints(pod, tolerate)) continue;
    const ports: Port[] = [];
    for (const sp of svcPorts) {
      const n = findPort(pod, sp);
      if (n === undefined) continue;
      const p: Port = { port: n, protocol: sp.protocol ?? 'TCP' };
      if (sp.name) p.name = sp.name;
      if (sp.appProtocol) p.appProtocol = sp.appProtocol;
      ports.push(p);
    }
    // A headless Service without ports still lists its pods; a Service with ports skips pods where none resolve.
    if (!ports.length && !(svcPorts.length === 0 && svc.spec?.clusterIP === 'None')) continue;
    ports.sort((a, b) => cmp(a.name ?? '', b.name ?? '') || a.port - b.port);
    const key = portKey(ports);
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { ports, ready: [], notReady: [] }));
    (tolerate || isPodReady(pod) ? g.ready : g.notReady).push(address(pod, svc));
  }
  const out: Subset[] = [];
  for (const key of [...groups.keys()].sort()) {
    const g = groups.get(key)!;
    const s: Subset = {};
    if (g.ready.length) s.addresses = g.ready.sort(byAddress);
    if (g.notReady.length) s.notReadyAddresses = g.notReady.sort(byAddress);
    if (g.ports.length) s.ports = g.ports;
    out.push(s);
  }
  return out;
}

/** truncateEndpoints: keeps 1000 addresses, ready first, spread over subsets by their share (rounded up). */
export function truncateSubsets(subsets: Subset[]): { subsets: Subset[]; truncated: boolean } {
  let ready = 0;
  let notReady = 0;
  for (const s of subsets) {
    ready += s.addresses?.length ?? 0;
    notReady += s.notReadyAddresses?.length ?? 0;
  }
  if (ready + notReady <= MAX_CAPACITY) return { subsets, truncated: false };
  const truncateReady = ready > MAX_CAPACITY;
  const max = truncateReady ? MAX_CAPACITY : MAX_CAPACITY - ready;
  const total = truncateReady ? ready : notReady;
  let canBeAdded = max;
  const out = subsets.map((s) => {
    const n = (truncateReady ? s.addresses?.length : s.notReadyAddresses?.length) ?? 0;
    const take = Math.min(Math.ceil((n / total) * max), canBeAdded);
    const next: Subset = { ...s };
    if (truncateReady) {
      next.addresses = (s.addresses ?? []).slice(0, take);
      delete next.notReadyAddresses;
      canBeAdded -= next.addresses.length;
    } else {
      next.notReadyAddresses = (s.notReadyAddresses ?? []).slice(0, take);
      canBeAdded -= next.notReadyAddresses.length;
    }
    return next;
  });
  return { subsets: out, truncated: true };
}

function labelsFor(svc: KObject): Record<string, string> {
  const labels: Record<string, string> = { ...(svc.metadata.labels ?? {}) };
  if (svc.spec?.clusterIP === 'None') labels[HEADLESS] = '';
  else delete labels[HEADLESS];
  return labels;
}

/**
 * syncService: `svc` undefined (deleted) → delete the Endpoints; unmanaged → nothing; otherwise the
 * desired object, written only when subsets, labels or the capacity annotation differ.
 */
export function reconcileEndpoints(
  svc: KObject | undefined,
  pods: readonly KObject[],
  current: KObject | undefined,
  triggerTime: string | undefined,
): EndpointsPlan {
  if (!svc) return current ? { action: 'delete' } : { action: 'none' };
  if (!svc.spec?.selector || svc.spec?.type === 'ExternalName') return { action: 'none' };
  const { subsets, truncated } = truncateSubsets(computeSubsets(svc, pods));
  const labels = labelsFor(svc);
  if (current) {
    const capacityOk = truncated ? current.metadata.annotations?.[OVER_CAPACITY] === 'truncated' : !current.metadata.annotations?.[OVER_CAPACITY];
    const curLabels = { ...(current.metadata.labels ?? {}) };
    if (deepEqual(current.subsets ?? [], subsets) && deepEqual(curLabels, labels) && capacityOk) return { action: 'none' };
  }
  const annotations: Record<string, string> = { ...(current?.metadata.annotations ?? {}) };
  if (triggerTime) annotations[TRIGGER_TIME] = triggerTime;
  else delete annotations[TRIGGER_TIME];
  if (truncated) annotations[OVER_CAPACITY] = 'truncated';
  else delete annotations[OVER_CAPACITY];
  const endpoints: KObject = {
    apiVersion: 'v1',
    kind: 'Endpoints',
    metadata: {
      ...(current ? { ...current.metadata } : { name: svc.metadata.name, namespace: svc.metadata.namespace }),
      labels,
      annotations,
    },
  };
  if (!Object.keys(labels).length) delete endpoints.metadata.labels;
  if (!Object.keys(annotations).length) delete endpoints.metadata.annotations;
  if (subsets.length) endpoints.subsets = subsets;
  return { action: current ? 'update' : 'create', endpoints };
}

/** The `kubernetes` Service's Endpoints as the apiserver's endpoint reconciler keeps them. */
export function apiserverEndpoints(ip: string, current: KObject | undefined): KObject | undefined {
  const subsets = [{ addresses: [{ ip }], ports: [{ name: 'https', port: 6443, protocol: 'TCP' }] }];
  const labels = { 'endpointslice.kubernetes.io/skip-mirror': 'true' };
  if (current && deepEqual(current.subsets, subsets) && deepEqual(current.metadata.labels, labels)) return undefined;
  return {
    apiVersion: 'v1',
    kind: 'Endpoints',
    metadata: { ...(current?.metadata ?? { name: 'kubernetes', namespace: 'default' }), labels },
    subsets,
  };
}
