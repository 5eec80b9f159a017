/**
 * Full Kubernetes objects → the slim views the UI mirrors (protocol/views.ts). Pure functions of
 * the object, the simulated now and a store lookup (to walk owner chains); no side effects.
 */
import type { KObject } from '../../cluster/api/types';
import { parseQuantity, toMilli, toValue } from '../../cluster/api/quantity';
import { formatLabelSelector } from '../../cluster/api/labels';
import { podStatusCells } from '../../cluster/apiserver/resources/pod/printer';
import { podRequests } from '../../cluster/apiserver/resources/pod/resources';
import type {
  EndpointsView,
  EventView,
  NamespaceView,
  NodeView,
  ObjectRef,
  PodLook,
  PodView,
  Resources,
  ServiceView,
  View,
  ViewBase,
  ViewKind,
  WorkloadKind,
  WorkloadView,
} from '../../protocol/views';

export const FAULT_ANNOTATION = 'kubeplay.dev/fault';

/** Finds an object by store key (`apps/replicasets`), namespace and name. */
export type Lookup = (resource: string, namespace: string | undefined, name: string) => KObject | undefined;

/** Store resource key → the view kind it becomes. Resources not listed are not mirrored. */
export const MIRRORED: Readonly<Record<string, ViewKind>> = {
  nodes: 'Node',
  pods: 'Pod',
  'apps/deployments': 'Deployment',
  'apps/replicasets': 'ReplicaSet',
  'apps/statefulsets': 'StatefulSet',
  'apps/daemonsets': 'DaemonSet',
  'batch/jobs': 'Job',
  services: 'Service',
  endpoints: 'Endpoints',
  events: 'Event',
  namespaces: 'Namespace',
};

const OWNER_RESOURCE: Readonly<Record<string, string>> = {
  ReplicaSet: 'apps/replicasets',
  Deployment: 'apps/deployments',
  StatefulSet: 'apps/statefulsets',
  DaemonSet: 'apps/daemonsets',
  Job: 'batch/jobs',
  CronJob: 'batch/cronjobs',
};

const time = (ts: unknown): number => (typeof ts === 'string' ? Date.parse(ts) : NaN);

function base(o: KObject, kind: ViewKind): ViewBase {
  const m = o.metadata;
  const v: ViewBase = {
    uid: m.uid ?? `${kind}/${m.namespace ?? ''}/${m.name}`,
    kind,
    name: m.name ?? '',
    labels: (m.labels as Record<string, string>) ?? {},
    created: time(m.creationTimestamp) || 0,
    rv: Number(m.resourceVersion) || 0,
  };
  if (m.namespace) v.namespace = m.namespace;
  if (m.deletionTimestamp) v.deleting = true;
  const owner = controllerOf(o);
  if (owner) v.owner = owner;
  return v;
}

/** The controlling ownerReference as an ObjectRef (same namespace as the object). */
export function controllerOf(o: KObject): ObjectRef | undefined {
  const r = (o.metadata.ownerReferences ?? []).find((x) => x.controller) ?? o.metadata.ownerReferences?.[0];
  return r ? { kind: r.kind, name: r.name, uid: r.uid, namespace: o.metadata.namespace } : undefined;
}

/** Walks controller references upward: Pod → ReplicaSet → Deployment. */
export function ownerChain(o: KObject, lookup: Lookup, max = 4): ObjectRef[] {
  const out: ObjectRef[] = [];
  let cur: KObject | undefined = o;
  while (cur && out.length < max) {
    const ref = controllerOf(cur);
    if (!ref) break;
    out.push(ref);
    const res = OWNER_RESOURCE[ref.kind];
    cur = res ? lookup(res, ref.namespace, ref.name) : undefined;
  }
  return out;
}

function sumRequests(spec: unknown): Resources {
  try {
    const m = podRequests(spec as never);
    const cpu = m.get('cpu');
    const mem = m.get('memory');
    return { cpu: cpu ? toMilli(cpu) : 0, memory: mem ? toValue(mem) : 0 };
  } catch {
    return { cpu: 0, memory: 0 };
  }
}

function quantity(v: unknown, milli: boolean): number {
  if (v === undefined || v === null) return 0;
  try {
    const q = parseQuantity(v as string);
    return milli ? toMilli(q) : toValue(q);
  } catch {
    return 0;
  }
}

/** The board's look for a pod: order matters (a terminating crash-looping pod is leaving). */
export function podLook(pod: KObject, status: string, ready: boolean): PodLook {
  const phase = pod.status?.phase ?? 'Pending';
  if (pod.metadata.deletionTimestamp) return 'terminating';
  if (phase === 'Succeeded') return 'succeeded';
  if (phase === 'Failed') return 'failed';
  if (phase === 'Unknown') return 'unknown';
  if (!pod.spec?.nodeName) return 'pending';
  if (/CrashLoopBackOff|Error|OOMKilled|ImagePullBackOff|ErrImagePull|CreateContainerError|RunContainerError/.test(status)) return 'crashloop';
  if (phase === 'Pending') return 'creating';
  return ready ? 'running' : 'notready';
}

export function projectPod(o: KObject, now: number, lookup: Lookup): PodView {
  const st = o.status ?? {};
  const cells = podStatusCells(o, now);
  const conds: { type: string; status: string; reason?: string; message?: string }[] = st.conditions ?? [];
  const ready = conds.some((c) => c.type === 'Ready' && c.status === 'True');
  const sched = conds.find((c) => c.type === 'PodScheduled');
  const chain = ownerChain(o, lookup);
  const v: PodView = {
    ...base(o, 'Pod'),
    kind: 'Pod',
    phase: st.phase ?? 'Pending',
    status: cells.status,
    look: podLook(o, cells.status, ready),
    ready,
    readyText: cells.ready,
    restarts: ((st.containerStatuses ?? []) as { restartCount?: number }[]).reduce((n, c) => n + (c.restartCount ?? 0), 0),
    requests: sumRequests(o.spec),
    containers: (o.spec?.containers ?? []).length,
  };
  if (o.spec?.nodeName) v.node = o.spec.nodeName;
  if (st.nominatedNodeName) v.nominatedNode = st.nominatedNodeName;
  if (st.podIP) v.ip = st.podIP;
  if (chain.length) v.workload = chain[chain.length - 1];
  const fault = o.metadata.annotations?.[FAULT_ANNOTATION];
  if (fault) v.fault = fault;
  if (sched && sched.status === 'False' && !o.spec?.nodeName) v.unschedulable = sched.message || sched.reason || 'Unschedulable';
  if (typeof o.spec?.priority === 'number') v.priority = o.spec.priority;
  return v;
}

export function projectNode(o: KObject): NodeView {
  const st = o.status ?? {};
  const conds: { type: string; status: string }[] = st.conditions ?? [];
  const readyCond = conds.find((c) => c.type === 'Ready');
  const alloc = st.allocatable ?? st.capacity ?? {};
  const labels = (o.metadata.labels ?? {}) as Record<string, string>;
  const v: NodeView = {
    ...base(o, 'Node'),
    kind: 'Node',
    ready: (readyCond?.status as NodeView['ready']) ?? 'Unknown',
    unschedulable: !!o.spec?.unschedulable,
    taints: ((o.spec?.taints ?? []) as NodeView['taints']).map((t) => ({ key: t.key, value: t.value, effect: t.effect })),
    allocatable: { cpu: quantity(alloc.cpu, true), memory: quantity(alloc.memory, false), pods: quantity(alloc.pods, false) },
    problems: conds.filter((c) => c.type !== 'Ready' && c.status === 'True').map((c) => c.type),
  };
  if ('node-role.kubernetes.io/control-plane' in labels) v.role = 'control-plane';
  const zone = labels['topology.kubernetes.io/zone'];
  if (zone) v.zone = zone;
  const ip = (st.addresses ?? []).find((a: { type: string }) => a.type === 'InternalIP')?.address;
  if (ip) v.ip = ip;
  const fault = o.metadata.annotations?.[FAULT_ANNOTATION];
  if (fault) v.fault = fault;
  return v;
}

export function projectWorkload(o: KObject, kind: WorkloadKind): WorkloadView {
  const spec = o.spec ?? {};
  const st = o.status ?? {};
  const tpl = spec.template?.spec ?? {};
  const v: WorkloadView = {
    ...base(o, kind),
    kind,
    desired: spec.replicas ?? 1,
    current: st.replicas ?? 0,
    ready: st.readyReplicas ?? 0,
    available: st.availableReplicas ?? 0,
    updated: st.updatedReplicas ?? 0,
    podRequests: sumRequests(tpl),
    images: ((tpl.containers ?? []) as { image?: string }[]).map((c) => c.image ?? ''),
    selector: spec.selector ? formatLabelSelector(spec.selector) : '',
    scalable: kind === 'Deployment' || kind === 'ReplicaSet' || kind === 'StatefulSet',
  };
  if (kind === 'DaemonSet') {
    v.desired = st.desiredNumberScheduled ?? 0;
    v.current = st.currentNumberScheduled ?? 0;
    v.ready = st.numberReady ?? 0;
    v.available = st.numberAvailable ?? 0;
    v.updated = st.updatedNumberScheduled ?? 0;
  }
  if (kind === 'Job') {
    v.desired = spec.parallelism ?? 1;
    v.current = st.active ?? 0;
    v.ready = st.ready ?? 0;
    v.succeeded = st.succeeded ?? 0;
    v.failed = st.failed ?? 0;
  }
  const rev = o.metadata.annotations?.['deployment.kubernetes.io/revision'];
  if (rev) v.revision = rev;
  if (spec.paused) v.paused = true;
  const strategy = spec.strategy?.type ?? spec.updateStrategy?.type;
  if (strategy) v.strategy = strategy;
  const gen = o.metadata.generation ?? 0;
  if (st.observedGeneration !== undefined && st.observedGeneration < gen) v.progressing = true;
  return v;
}

export function projectService(o: KObject): ServiceView {
  const spec = o.spec ?? {};
  const v: ServiceView = {
    ...base(o, 'Service'),
    kind: 'Service',
    type: spec.type ?? 'ClusterIP',
    ports: ((spec.ports ?? []) as { port: number; protocol?: string; targetPort?: number | string }[]).map(
      (p) => `${p.port}/${p.protocol ?? 'TCP'}${p.targetPort !== undefined ? `→${p.targetPort}` : ''}`,
    ),
  };
  if (spec.clusterIP) v.clusterIP = spec.clusterIP;
  if (spec.selector) v.selector = spec.selector;
  return v;
}

export function projectEndpoints(o: KObject): EndpointsView {
  const ready: string[] = [];
  const notReady: string[] = [];
  for (const s of (o.subsets ?? []) as { addresses?: { targetRef?: { uid?: string } }[]; notReadyAddresses?: { targetRef?: { uid?: string } }[] }[]) {
    for (const a of s.addresses ?? []) if (a.targetRef?.uid) ready.push(a.targetRef.uid);
    for (const a of s.notReadyAddresses ?? []) if (a.targetRef?.uid) notReady.push(a.targetRef.uid);
  }
  return { ...base(o, 'Endpoints'), kind: 'Endpoints', ready: [...new Set(ready)], notReady: [...new Set(notReady)] };
}

export function projectEvent(o: KObject): EventView {
  const io = o.involvedObject ?? o.regarding ?? {};
  const src = o.source ?? {};
  const component = src.component || o.reportingComponent || o.reportingController || '';
  const host = src.host || '';
  const first = time(o.firstTimestamp) || time(o.eventTime) || time(o.metadata.creationTimestamp) || 0;
  return {
    ...base(o, 'Event'),
    kind: 'Event',
    type: o.type ?? 'Normal',
    reason: o.reason ?? '',
    message: o.message ?? o.note ?? '',
    involved: { kind: io.kind ?? '', name: io.name ?? '', namespace: io.namespace, uid: io.uid },
    source: host ? `${component}, ${host}` : component,
    count: o.count ?? o.series?.count ?? 1,
    first,
    last: time(o.lastTimestamp) || time(o.series?.lastObservedTime) || first,
  };
}

export function projectNamespace(o: KObject): NamespaceView {
  return { ...base(o, 'Namespace'), kind: 'Namespace', phase: o.status?.phase ?? 'Active' };
}

/** Any mirrored object → its view. */
export function project(resource: string, o: KObject, now: number, lookup: Lookup): View | undefined {
  const kind = MIRRORED[resource];
  switch (kind) {
    case 'Pod':
      return projectPod(o, now, lookup);
    case 'Node':
      return projectNode(o);
    case 'Deployment':
    case 'ReplicaSet':
    case 'StatefulSet':
    case 'DaemonSet':
    case 'Job':
      return projectWorkload(o, kind);
    case 'Service':
      return projectService(o);
    case 'Endpoints':
      return projectEndpoints(o);
    case 'Event':
      return projectEvent(o);
    case 'Namespace':
      return projectNamespace(o);
    default:
      return undefined;
  }
}
