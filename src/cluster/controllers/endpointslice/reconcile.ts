/**
 * The endpointslice-controller's pure core (pkg/controller/endpointslice reconciler, v1.32): a
 * Service, its pods and its current slices → slices to create, update and delete. Endpoints with
 * the same port set share slices of at most `maxEndpointsPerSlice`; endpoints stay in the slice they
 * are in (fewer writes), new ones fill slices with room before new slices are made; a Service
 * without endpoints keeps one placeholder slice (no ports, no endpoints).
 */
import { deepEqual } from '../../api/equal';
import type { KObject } from '../../api/types';
import { findPort, isPodReady, podHostname, podIPv4, shouldPodBeInEndpoints } from '../endpoints/podutil';
import { HEADLESS, TRIGGER_TIME } from '../endpoints/reconcile';

export const SERVICE_NAME_LABEL = 'kubernetes.io/service-name';
export const MANAGED_BY_LABEL = 'endpointslice.kubernetes.io/managed-by';
export const MANAGED_BY = 'endpointslice-controller.k8s.io';
export const MAX_ENDPOINTS_PER_SLICE = 100;

export interface SliceEndpoint {
  addresses: string[];
  conditions: { ready: boolean; serving: boolean; terminating: boolean };
  hostname?: string;
  targetRef: { kind: 'Pod'; namespace: string; name: string; uid: string };
  nodeName?: string;
  zone?: string;
}
export interface SlicePort {
  name: string;
  port: number;
  protocol: string;
  appProtocol?: string;
}

export interface SliceInput {
  svc: KObject;
  pods: readonly KObject[];
  /** Current slices of this Service managed by this controller. */
  slices: readonly KObject[];
  /** topology.kubernetes.io/zone of a node. */
  zoneOf(nodeName: string): string | undefined;
  triggerTime?: string;
  maxEndpointsPerSlice?: number;
}

export interface SlicePlan {
  create: KObject[];
  update: KObject[];
  delete: KObject[];
}

/** podToEndpoint: ready = serving && !terminating, or always with publishNotReadyAddresses. */
export function podToEndpoint(pod: KObject, svc: KObject, zone: string | undefined): SliceEndpoint {
  const serving = isPodReady(pod);
  const terminating = !!pod.metadata.deletionTimestamp;
  const ep: SliceEndpoint = {
    addresses: [podIPv4(pod)],
    conditions: { ready: svc.spec?.publishNotReadyAddresses === true || (serving && !terminating), serving, terminating },
    targetRef: { kind: 'Pod', namespace: pod.metadata.namespace!, name: pod.metadata.name!, uid: pod.metadata.uid! },
  };
  const host = podHostname(pod, svc);
  if (host) ep.hostname = host;
  if (pod.spec?.nodeName) ep.nodeName = pod.spec.nodeName;
  if (zone) ep.zone = zone;
  return ep;
}

/** getEndpointPorts: the Service's ports resolved against the pod, in Service order; unresolvable ones skipped. */
export function endpointPorts(svc: KObject, pod: KObject): SlicePort[] {
  const out: SlicePort[] = [];
  for (const sp of svc.spec?.ports ?? []) {
    const n = findPort(pod, sp);
    if (n === undefined) continue;
    const p: SlicePort = { name: sp.name ?? '', port: n, protocol: sp.protocol ?? 'TCP' };
    if (sp.appProtocol) p.appProtocol = sp.appProtocol;
    out.push(p);
  }
  return out;
}

const portsKey = (ports: readonly SlicePort[] | null | undefined) =>
  (ports ?? []).map((p) => `${p.name}/${p.port}/${p.protocol}/${p.appProtocol ?? ''}`).join(',');
const epKey = (ep: SliceEndpoint) => `${ep.addresses[0]}/${ep.targetRef?.uid ?? ''}`;

/** Labels of a managed slice: the Service's, plus service-name, managed-by and (headless) the headless label. */
export function sliceLabels(svc: KObject): Record<string, string> {
  const labels: Record<string, string> = { ...(svc.metadata.labels ?? {}) };
  labels[SERVICE_NAME_LABEL] = svc.metadata.name!;
  labels[MANAGED_BY_LABEL] = MANAGED_BY;
  if (svc.spec?.clusterIP === 'None') labels[HEADLESS] = '';
  else delete labels[HEADLESS];
  return labels;
}

function newSlice(svc: KObject, ports: SlicePort[] | null, endpoints: SliceEndpoint[] | null, trigger: string | undefined): KObject {
  return {
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: {
      generateName: `${svc.metadata.name}-`,
      namespace: svc.metadata.namespace,
      labels: sliceLabels(svc),
      ...(trigger ? { annotations: { [TRIGGER_TIME]: trigger } } : {}),
      ownerReferences: [{ apiVersion: 'v1', kind: 'Service', name: svc.metadata.name!, uid: svc.metadata.uid!, controller: true, blockOwnerDeletion: true }],
    },
    addressType: 'IPv4',
    endpoints,
    ports,
  };
}

function withEndpoints(slice: KObject, svc: KObject, endpoints: SliceEndpoint[], trigger: string | undefined): KObject {
  const annotations: Record<string, string> = { ...(slice.metadata.annotations ?? {}) };
  if (trigger) annotations[TRIGGER_TIME] = trigger;
  else delete annotations[TRIGGER_TIME];
  const meta: KObject['metadata'] = { ...slice.metadata, labels: sliceLabels(svc), annotations };
  if (!Object.keys(annotations).length) delete meta.annotations;
  return { ...slice, metadata: meta, endpoints: endpoints.length ? endpoints : null };
}

/** reconcile: the writes that bring the Service's slices to the desired endpoints. */
export function reconcileSlices(input: SliceInput): SlicePlan {
  const { svc, pods, slices, triggerTime } = input;
  const max = input.maxEndpointsPerSlice ?? MAX_ENDPOINTS_PER_SLICE;
  const plan: SlicePlan = { create: [], update: [], delete: [] };
  // Desired endpoints grouped by port set (endpointMeta).
  const groups = new Map<string, { ports: SlicePort[]; remaining: Map<string, SliceEndpoint> }>();
  let total = 0;
  for (const pod of pods) {
    if (!shouldPodBeInEndpoints(pod, true)) continue;
    const ports = endpointPorts(svc, pod);
    const key = portsKey(ports);
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { ports, remaining: new Map() }));
    const ep = podToEndpoint(pod, svc, pod.spec?.nodeName ? input.zoneOf(pod.spec.nodeName) : undefined);
    g.remaining.set(epKey(ep), ep);
    total++;
  }
  if (total === 0) return placeholderPlan(svc, slices, triggerTime);
  const labels = sliceLabels(svc);
  // Existing slices: keep their still-desired endpoints in place, drop the rest.
  const kept: { slice: KObject; key: string; eps: SliceEndpoint[]; changed: boolean }[] = [];
  for (const slice of slices) {
    const key = portsKey(slice.ports);
    const g = groups.get(key);
    const current: SliceEndpoint[] = slice.endpoints ?? [];
    if (!g || current.length === 0) {
      plan.delete.push(slice);
      continue;
    }
    const eps: SliceEndpoint[] = [];
    let changed = !deepEqual(slice.metadata.labels ?? {}, labels);
    for (const ep of current) {
      const want = g.remaining.get(epKey(ep));
      if (!want) {
        changed = true;
        continue;
      }
      g.remaining.delete(epKey(ep));
      if (!deepEqual(want, ep)) changed = true;
      eps.push(want);
    }
    kept.push({ slice, key, eps, changed });
  }
  // New endpoints: slices already being updated first, then the fullest slices with room, then new slices.
  for (const [key, g] of groups) {
    if (!g.remaining.size) continue;
    const queue = [...g.remaining.values()];
    let next = 0;
    const candidates = kept
      .filter((k) => k.key === key && k.eps.length < max)
      .sort((a, b) => Number(b.changed) - Number(a.changed) || b.eps.length - a.eps.length);
    for (const k of candidates) {
      while (next < queue.length && k.eps.length < max) {
        k.eps.push(queue[next++]);
        k.changed = true;
      }
    }
    for (; next < queue.length; next += max) plan.create.push(newSlice(svc, g.ports, queue.slice(next, next + max), triggerTime));
  }
  for (const k of kept) {
    if (k.eps.length === 0) plan.delete.push(k.slice);
    else if (k.changed) plan.update.push(withEndpoints(k.slice, svc, k.eps, triggerTime));
  }
  return plan;
}

/** No endpoints: one placeholder slice (no ports, no endpoints) stays; an existing one is reused. */
function placeholderPlan(svc: KObject, slices: readonly KObject[], trigger: string | undefined): SlicePlan {
  const plan: SlicePlan = { create: [], update: [], delete: [] };
  const reuse = slices.find((s) => !(s.ports ?? []).length && !(s.endpoints ?? []).length);
  for (const s of slices) if (s !== reuse) plan.delete.push(s);
  if (!reuse) plan.create.push(newSlice(svc, null, null, trigger));
  else if (!deepEqual(reuse.metadata.labels ?? {}, sliceLabels(svc))) plan.update.push(withEndpoints(reuse, svc, [], trigger));
  return plan;
}

/** The `kubernetes` Service's EndpointSlice as the kube-apiserver writes it (no managed-by label). */
export function apiserverSlice(ip: string, current: KObject | undefined): KObject | undefined {
  const want = {
    addressType: 'IPv4',
    endpoints: [{ addresses: [ip], conditions: { ready: true } }],
    ports: [{ name: 'https', port: 6443, protocol: 'TCP' }],
  };
  const labels = { [SERVICE_NAME_LABEL]: 'kubernetes' };
  if (current && deepEqual(current.endpoints, want.endpoints) && deepEqual(current.ports, want.ports) && deepEqual(current.metadata.labels, labels))
    return undefined;
  return {
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: { ...(current?.metadata ?? { name: 'kubernetes', namespace: 'default' }), labels },
    ...want,
  };
}
