/**
 * Who made a write? The store records what changed, not who changed it, so this reconstructs the
 * API server's audit log from Kubernetes' division of labour: each field has one owner (the
 * scheduler alone sets spec.nodeName on a pending pod, only kubelets write a running pod's status,
 * the deployment controller owns a ReplicaSet's replicas…). Writes made while a person's request
 * is being applied are attributed to that person. Pure: (commit, context) → Activity.
 */
import type { KObject } from '../../cluster/api/types';
import type { StoreEvent } from '../../cluster/store/store';
import type { Activity, ObjectRef } from '../../protocol/views';
import { controllerOf, FAULT_ANNOTATION, type Lookup } from './project';

/** The controller that owns objects of each owner kind (kube-controller-manager names). */
const CONTROLLER_FOR_OWNER: Readonly<Record<string, string>> = {
  ReplicaSet: 'replicaset-controller',
  Deployment: 'deployment-controller',
  StatefulSet: 'statefulset-controller',
  DaemonSet: 'daemonset-controller',
  Job: 'job-controller',
  CronJob: 'cronjob-controller',
};

/** Resources whose writes are never drawn (heartbeats, bookkeeping, the event log itself). */
const QUIET = new Set(['events', 'events.k8s.io/events', 'coordination.k8s.io/leases', 'apps/controllerrevisions', 'discovery.k8s.io/endpointslices']);

export interface ActivityContext {
  lookup: Lookup;
  /** Set while a person's request is applied: `you` (board) or `kubectl`. */
  user?: string;
}

type Draft = Omit<Activity, 'seq' | 'at' | 'rv' | 'target'>;

function ref(o: KObject): ObjectRef {
  return { kind: o.kind ?? '', name: o.metadata.name ?? '', namespace: o.metadata.namespace, uid: o.metadata.uid };
}

const json = (x: unknown) => JSON.stringify(x ?? null);
const cond = (o: KObject | undefined, type: string): string | undefined =>
  (o?.status?.conditions as { type: string; status: string }[] | undefined)?.find((c) => c.type === type)?.status;

function nodeIsFaulty(lookup: Lookup, name: string | undefined): boolean {
  if (!name) return false;
  const n = lookup('nodes', undefined, name);
  if (!n) return true;
  return !!n.metadata.annotations?.[FAULT_ANNOTATION] || cond(n, 'Ready') !== 'True';
}

function podActivity(e: StoreEvent, ctx: ActivityContext): Draft | undefined {
  const o = e.object;
  const prev = e.prev;
  const owner = controllerOf(o);
  const ownerCtl = owner ? CONTROLLER_FOR_OWNER[owner.kind] : undefined;
  const node: string | undefined = o.spec?.nodeName || prev?.spec?.nodeName;
  if (e.type === 'ADDED') {
    if (ctx.user) return { actor: ctx.user, verb: 'create', summary: 'created' };
    return { actor: ownerCtl ?? 'someone', verb: 'create', summary: owner ? `created for ${owner.kind} ${owner.name}` : 'created' };
  }
  if (e.type === 'DELETED') {
    if (ctx.user) return { actor: ctx.user, verb: 'delete', summary: 'deleted' };
    if (node && !ctx.lookup('nodes', undefined, node)) return { actor: 'pod-garbage-collector', verb: 'delete', summary: `removed: node ${node} is gone` };
    if (node && prev?.metadata.deletionTimestamp) return { actor: 'kubelet', node, verb: 'delete', summary: 'stopped and removed' };
    return { actor: ownerCtl ?? 'garbage-collector', verb: 'delete', summary: 'deleted' };
  }
  if (!prev) return undefined;
  if (!prev.spec?.nodeName && o.spec?.nodeName) return { actor: 'default-scheduler', verb: 'bind', summary: `bound to ${o.spec.nodeName}` };
  if (!prev.metadata.deletionTimestamp && o.metadata.deletionTimestamp) {
    if (ctx.user) return { actor: ctx.user, verb: 'mark-deleted', summary: 'asked to stop' };
    if (owner && !ctx.lookup(ownerResource(owner.kind), owner.namespace, owner.name)) return { actor: 'garbage-collector', verb: 'mark-deleted', summary: `owner ${owner.kind} ${owner.name} is gone` };
    if (nodeIsFaulty(ctx.lookup, node)) return { actor: 'node-lifecycle-controller', verb: 'evict', summary: `evicted from unreachable node ${node}` };
    return { actor: ownerCtl ?? 'someone', verb: 'mark-deleted', summary: 'scaled down' };
  }
  if (!o.spec?.nodeName && json(prev.status) !== json(o.status)) {
    // Only the scheduler writes an unbound pod's status: the PodScheduled=False condition.
    const reason = (o.status?.conditions as { type: string; reason?: string }[] | undefined)?.find((c) => c.type === 'PodScheduled')?.reason;
    return { actor: 'default-scheduler', verb: 'status', summary: reason ? `not scheduled: ${reason}` : 'status updated' };
  }
  if (json(prev.status) !== json(o.status)) {
    const actor = nodeIsFaulty(ctx.lookup, node) && cond(o, 'Ready') !== 'True' && cond(prev, 'Ready') === 'True' ? 'node-lifecycle-controller' : 'kubelet';
    return { actor, node: actor === 'kubelet' ? node : undefined, verb: 'status', summary: podStatusChange(prev, o) };
  }
  if (ctx.user) return { actor: ctx.user, verb: 'update', summary: 'updated' };
  return undefined;
}

function ownerResource(kind: string): string {
  return { ReplicaSet: 'apps/replicasets', Deployment: 'apps/deployments', StatefulSet: 'apps/statefulsets', DaemonSet: 'apps/daemonsets', Job: 'batch/jobs' }[kind] ?? '';
}

/** `Pending → Running`, `became Ready`, `container restarted`… */
export function podStatusChange(prev: KObject, o: KObject): string {
  const p0 = prev.status?.phase ?? 'Pending';
  const p1 = o.status?.phase ?? 'Pending';
  if (p0 !== p1) return `${p0} → ${p1}`;
  const r0 = cond(prev, 'Ready');
  const r1 = cond(o, 'Ready');
  if (r0 !== r1) return r1 === 'True' ? 'became Ready' : 'not Ready';
  const restarts = (x: KObject) => ((x.status?.containerStatuses ?? []) as { restartCount?: number }[]).reduce((n, c) => n + (c.restartCount ?? 0), 0);
  if (restarts(o) > restarts(prev)) return 'container restarted';
  const waiting = ((o.status?.containerStatuses ?? []) as { state?: { waiting?: { reason?: string } } }[]).find((c) => c.state?.waiting?.reason)?.state?.waiting?.reason;
  if (waiting) return waiting;
  if (!prev.status?.podIP && o.status?.podIP) return `got IP ${o.status.podIP}`;
  return 'status updated';
}

function nodeActivity(e: StoreEvent, ctx: ActivityContext): Draft | undefined {
  const o = e.object;
  const prev = e.prev;
  const name = o.metadata.name;
  if (e.type === 'ADDED') return { actor: ctx.user ?? 'kubelet', node: name, verb: 'create', summary: 'registered' };
  if (e.type === 'DELETED') return { actor: ctx.user ?? 'someone', verb: 'delete', summary: 'removed from the cluster' };
  if (!prev) return undefined;
  if (ctx.user) {
    if (!!prev.spec?.unschedulable !== !!o.spec?.unschedulable) return { actor: ctx.user, verb: 'update', summary: o.spec?.unschedulable ? 'cordoned' : 'uncordoned' };
    const f0 = prev.metadata.annotations?.[FAULT_ANNOTATION];
    const f1 = o.metadata.annotations?.[FAULT_ANNOTATION];
    if (f0 !== f1) return { actor: ctx.user, verb: 'update', summary: f1 ? `fault: ${f1}` : 'recovered' };
    return { actor: ctx.user, verb: 'update', summary: 'updated' };
  }
  const r0 = cond(prev, 'Ready');
  const r1 = cond(o, 'Ready');
  if (r0 !== r1) {
    if (r1 === 'Unknown') return { actor: 'node-lifecycle-controller', verb: 'status', summary: 'stopped posting status: Ready=Unknown' };
    return { actor: 'kubelet', node: name, verb: 'status', summary: `Ready=${r1}` };
  }
  if (json(prev.spec?.taints) !== json(o.spec?.taints)) {
    const before = new Set(((prev.spec?.taints ?? []) as { key: string }[]).map((t) => t.key));
    const added = ((o.spec?.taints ?? []) as { key: string; effect: string }[]).filter((t) => !before.has(t.key));
    return { actor: 'node-lifecycle-controller', verb: 'update', summary: added.length ? `tainted ${added.map((t) => `${t.key}:${t.effect}`).join(', ')}` : 'taint removed' };
  }
  return undefined; // heartbeats
}

function workloadActivity(e: StoreEvent, ctx: ActivityContext): Draft | undefined {
  const o = e.object;
  const prev = e.prev;
  const kind = o.kind ?? '';
  const own = CONTROLLER_FOR_OWNER[kind] ?? 'someone';
  const owner = controllerOf(o);
  const parentCtl = owner ? CONTROLLER_FOR_OWNER[owner.kind] : undefined;
  if (ctx.user) {
    const verb = e.type === 'ADDED' ? 'create' : e.type === 'DELETED' ? 'delete' : 'update';
    const summary =
      prev && prev.spec?.replicas !== o.spec?.replicas ? `replicas ${prev.spec?.replicas ?? 1} → ${o.spec?.replicas}` : verb === 'create' ? 'created' : verb === 'delete' ? 'deleted' : 'updated';
    return { actor: ctx.user, verb, summary };
  }
  if (e.type === 'ADDED') return { actor: parentCtl ?? 'someone', verb: 'create', summary: o.metadata.annotations?.['deployment.kubernetes.io/revision'] ? `created (revision ${o.metadata.annotations['deployment.kubernetes.io/revision']})` : 'created' };
  if (e.type === 'DELETED') return { actor: parentCtl ?? 'garbage-collector', verb: 'delete', summary: 'deleted' };
  if (!prev) return undefined;
  if (prev.spec?.replicas !== o.spec?.replicas) return { actor: parentCtl ?? 'someone', verb: 'scale', summary: `replicas ${prev.spec?.replicas ?? 1} → ${o.spec?.replicas}` };
  if (json(prev.spec) !== json(o.spec)) return { actor: parentCtl ?? 'someone', verb: 'update', summary: 'spec updated' };
  if (json(prev.status) !== json(o.status)) {
    const st = o.status ?? {};
    const ready = st.readyReplicas ?? st.numberReady ?? st.ready ?? 0;
    return { actor: own, verb: 'status', summary: `status: ${ready} ready` };
  }
  return undefined;
}

/** Attributes one store commit to a component; undefined for writes the overlay does not draw. */
export function inferActivity(e: StoreEvent, ctx: ActivityContext): Omit<Activity, 'seq' | 'at'> | undefined {
  if (QUIET.has(e.resource)) return undefined;
  let d: Draft | undefined;
  switch (e.resource) {
    case 'pods':
      d = podActivity(e, ctx);
      break;
    case 'nodes':
      d = nodeActivity(e, ctx);
      break;
    case 'apps/deployments':
    case 'apps/replicasets':
    case 'apps/statefulsets':
    case 'apps/daemonsets':
    case 'batch/jobs':
      d = workloadActivity(e, ctx);
      break;
    case 'endpoints':
      d = e.type === 'MODIFIED' && !ctx.user ? { actor: 'endpoints-controller', verb: 'update', summary: `${countAddresses(e.object)} ready endpoints` } : ctx.user ? { actor: ctx.user, verb: 'update', summary: 'updated' } : undefined;
      break;
    default:
      d = ctx.user ? { actor: ctx.user, verb: e.type === 'ADDED' ? 'create' : e.type === 'DELETED' ? 'delete' : 'update', summary: e.type.toLowerCase() } : undefined;
  }
  return d ? { ...d, rv: e.rv, target: ref(e.object) } : undefined;
}

function countAddresses(o: KObject): number {
  return ((o.subsets ?? []) as { addresses?: unknown[] }[]).reduce((n, s) => n + (s.addresses?.length ?? 0), 0);
}
