/**
 * `object.describe`: the object itself, its events, owners and children, and for a pod the
 * scheduler's reasoning — everything the details panel shows, gathered in one request.
 */
import type { Cluster } from '../../cluster/cluster';
import type { KObject } from '../../cluster/api/types';
import type { ResourceDef } from '../../cluster/apiserver/types';
import { resourceKey } from '../../cluster/apiserver/types';
import type { Description } from '../../protocol/messages';
import type { EventView, ObjectRef } from '../../protocol/views';
import { ownerChain, projectEvent, type Lookup } from '../feed/project';
import { explainPod } from './explain';

const MAX_EVENTS = 60;
const MAX_CHILDREN = 200;

function defFor(cluster: Cluster, kind: string): ResourceDef {
  const def = cluster.api.registry.resolve(kind);
  if (!def) throw Object.assign(new Error(`the server doesn't have a resource type "${kind}"`), { name: 'ApiError', code: 404, reason: 'NotFound' });
  return def;
}

const refOf = (o: KObject): ObjectRef => ({ kind: o.kind ?? '', name: o.metadata.name ?? '', namespace: o.metadata.namespace, uid: o.metadata.uid });

/** Events whose involvedObject is this object, as `kubectl describe` finds them. */
function eventsFor(cluster: Cluster, o: KObject): EventView[] {
  const ns = o.metadata.namespace || 'default';
  const uid = o.metadata.uid;
  const items = cluster.store.list('events', { namespace: ns }).items.filter((e) => {
    const io = e.involvedObject ?? {};
    return uid && io.uid ? io.uid === uid : io.kind === o.kind && io.name === o.metadata.name;
  });
  return items
    .map(projectEvent)
    .sort((a, b) => a.last - b.last || a.rv - b.rv)
    .slice(-MAX_EVENTS);
}

function childrenOf(cluster: Cluster, o: KObject): ObjectRef[] {
  const uid = o.metadata.uid ?? '';
  const kind = o.kind;
  let items: KObject[] = [];
  if (kind === 'Node') items = cluster.store.byIndex('pods', 'nodeName', o.metadata.name ?? '');
  else if (kind === 'Deployment')
    items = cluster.store.list('apps/replicasets', { namespace: o.metadata.namespace }).items.filter((rs) => rs.metadata.ownerReferences?.some((r) => r.uid === uid));
  else if (kind === 'Service') {
    const ep = cluster.store.get('endpoints', o.metadata.namespace, o.metadata.name ?? '');
    const names = new Set<string>();
    for (const s of ep?.subsets ?? []) for (const a of [...(s.addresses ?? []), ...(s.notReadyAddresses ?? [])]) if (a.targetRef?.name) names.add(a.targetRef.name);
    items = [...names].map((n) => cluster.store.get('pods', o.metadata.namespace, n)).filter((p): p is KObject => !!p);
  } else if (kind && ['ReplicaSet', 'StatefulSet', 'DaemonSet', 'Job'].includes(kind)) items = cluster.store.byIndex('pods', 'owner', uid);
  return items.slice(0, MAX_CHILDREN).map(refOf);
}

export function describe(cluster: Cluster, ref: ObjectRef, lookup: Lookup): Description {
  const def = defFor(cluster, ref.kind);
  const o = cluster.api.get(def, def.namespaced ? (ref.namespace ?? 'default') : '', ref.name);
  const events = eventsFor(cluster, o);
  const d: Description = {
    ref: refOf(o),
    object: structuredClone(o) as Record<string, unknown>,
    events,
    owners: ownerChain(o, lookup),
    children: childrenOf(cluster, o),
  };
  if (resourceKey(def) === 'pods') {
    const failed = [...events].reverse().find((e) => e.reason === 'FailedScheduling')?.message;
    d.scheduling = explainPod(cluster, o, failed);
  }
  return d;
}
