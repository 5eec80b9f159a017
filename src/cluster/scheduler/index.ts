/**
 * kube-scheduler as a control loop (`default-scheduler`): watch handlers keep the scheduler cache
 * and queue current — as upstream's eventhandlers.go do for its informers — and the queue pumps
 * ScheduleOne on the simulated clock. Unscheduled pods with spec.schedulerName default-scheduler
 * are scheduled; bound pods of every scheduler count towards their node.
 */
import type { KObject } from '../api/types';
import type { ControllerContext, ControllerFactory } from '../controllers/types';
import { Action, nodeUpdateActions, podUpdateActions, type EventResource } from './framework/events';
import { newPodInfo } from './framework/podInfo';
import { registerExplainer, type Explanation } from './explain';
import { Scheduler } from './scheduler';

export { Scheduler } from './scheduler';
export { explainPod, getSchedulerExplainer, type Explanation, type NodeVerdict } from './explain';

const terminal = (p: KObject) => p.status?.phase === 'Succeeded' || p.status?.phase === 'Failed';

/** Starts a scheduler on `ctx`; returned for tests and the benchmark. */
export function startScheduler(ctx: ControllerContext, name = 'default-scheduler'): Scheduler {
  const services = new Map<string, Map<string, KObject>>();
  // The list handed to PodTopologySpread per namespace, rebuilt only after a Service changed.
  const serviceLists = new Map<string, readonly KObject[]>();
  const s = new Scheduler({
    client: ctx.client,
    recorder: ctx.recorder,
    clock: ctx.clock,
    rng: ctx.rng,
    schedulerName: name,
    services: (ns) => {
      let list = serviceLists.get(ns);
      if (!list) serviceLists.set(ns, (list = [...(services.get(ns)?.values() ?? [])]));
      return list;
    },
  });
  const { cache, queue, nominator } = s;

  const addNode = (n: KObject) => {
    cache.addNode(n);
    queue.onEvent({ resource: 'Node', action: Action.Add, label: 'NodeAdd' }, undefined, n);
  };
  ctx.watch('nodes', {
    add: addNode,
    update(n) {
      const old = cache.get(n.metadata.name!)?.node;
      if (!old) return addNode(n);
      cache.updateNode(old, n);
      const a = nodeUpdateActions(old, n);
      if (a) queue.onEvent({ resource: 'Node', action: a, label: 'NodeUpdate' }, old, n);
    },
    delete(n) {
      cache.removeNode(n);
      queue.onEvent({ resource: 'Node', action: Action.Delete, label: 'NodeDelete' }, n);
    },
  });

  const removePod = (p: KObject) => {
    const uid = p.metadata.uid!;
    if (cache.removePod(uid)) queue.onEvent({ resource: 'Pod', action: Action.Delete, label: 'AssignedPodDelete' }, p);
    queue.delete(uid);
    nominator.delete(uid);
    s.abortWaitingBind(uid);
  };

  ctx.watch('pods', {
    add(p) {
      if (terminal(p)) return;
      const pi = newPodInfo(p);
      if (pi.nodeName) {
        cache.addPod(pi);
        queue.onEvent({ resource: 'Pod', action: Action.Add, label: 'AssignedPodAdd' }, undefined, p);
      } else if (s.responsibleFor(p)) {
        queue.add(pi);
        nominator.add(pi);
      }
    },
    update(p) {
      if (terminal(p)) return removePod(p);
      const uid = p.metadata.uid!;
      // Most updates of a bound pod are the kubelet's status writes: nothing the scheduler weighs changed.
      const previous = p.spec?.nodeName ? cache.refreshPod(p) : undefined;
      if (previous) {
        queue.onEvent({ resource: 'Pod', action: Action.UpdateOther, label: 'AssignedPodUpdate' }, previous, p);
        return;
      }
      const pi = newPodInfo(p);
      if (pi.nodeName) {
        const old = cache.getPod(uid);
        if (!old || cache.isAssumed(uid) || !old.nodeName) {
          // Newly bound (ours confirmed, or bound by someone else): it leaves the queue.
          cache.addPod(pi);
          queue.delete(uid);
          nominator.delete(uid);
          queue.onEvent({ resource: 'Pod', action: Action.Add, label: 'AssignedPodAdd' }, undefined, p);
        } else {
          cache.updatePod(pi);
          queue.onEvent({ resource: 'Pod', action: podUpdateActions(old, pi), label: 'AssignedPodUpdate' }, old.pod, p);
        }
        return;
      }
      if (!s.responsibleFor(p)) return;
      const q = queue.get(uid);
      if (!q) {
        queue.add(pi);
        nominator.add(pi);
        return;
      }
      const old = q.podInfo;
      nominator.update(old, pi);
      queue.update(old, pi, { resource: 'Pod', action: podUpdateActions(old, pi), label: 'UnscheduledPodUpdate' });
    },
    delete(p) {
      removePod(p);
      s.explain.drop(p.metadata.uid!);
    },
  });

  ctx.watch('services', {
    add: (o) => setService(services, serviceLists, o),
    update: (o) => setService(services, serviceLists, o),
    delete: (o) => {
      services.get(o.metadata.namespace!)?.delete(o.metadata.name!);
      serviceLists.delete(o.metadata.namespace!);
    },
  });

  const storage: [string, EventResource][] = [
    ['persistentvolumeclaims', 'PersistentVolumeClaim'],
    ['persistentvolumes', 'PersistentVolume'],
    ['storage.k8s.io/storageclasses', 'StorageClass'],
  ];
  for (const [resource, kind] of storage)
    ctx.watch(resource, {
      add: (o) => queue.onEvent({ resource: kind, action: Action.Add, label: `${kind}Add` }, undefined, o),
      update: (o) => queue.onEvent({ resource: kind, action: Action.UpdateOther, label: `${kind}Update` }, undefined, o),
    });

  registerExplainer(ctx.client.api, { explainPod: (ns, n) => explainPod(s, ctx, ns, n) });
  return s;
}

function setService(m: Map<string, Map<string, KObject>>, lists: Map<string, readonly KObject[]>, o: KObject): void {
  const ns = o.metadata.namespace!;
  lists.delete(ns);
  let byName = m.get(ns);
  if (!byName) m.set(ns, (byName = new Map()));
  byName.set(o.metadata.name!, o);
}

/** The stored explanation, or — for a pod held by a scheduling gate — what holds it. */
function explainPod(s: Scheduler, ctx: ControllerContext, namespace: string, name: string): Explanation | undefined {
  const uid = ctx.client.get('pods', namespace, name)?.metadata.uid;
  if (!uid) return undefined;
  const e = s.explain.explain(uid);
  if (e) return e;
  const q = s.queue.get(uid);
  if (!q?.gatingPlugin) return undefined;
  const pi = q.podInfo;
  return {
    namespace,
    name,
    uid: pi.uid,
    attempts: 0,
    time: '',
    result: 'Gated',
    message: q.gatingMessage,
    totalNodes: s.cache.numNodes,
    evaluatedNodes: 0,
    feasibleNodes: 0,
    skipped: { filter: [], score: [] },
    histogram: [],
    nodes: [],
  };
}

/** The `default-scheduler` control loop. */
export const schedulerFactory: ControllerFactory = {
  name: 'default-scheduler',
  start(ctx) {
    startScheduler(ctx);
  },
};
