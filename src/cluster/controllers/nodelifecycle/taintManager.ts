/**
 * taint-eviction-controller: pods on a node with NoExecute taints they do not tolerate are deleted
 * at once; tolerated with tolerationSeconds (300 s from DefaultTolerationSeconds for
 * not-ready/unreachable), they are deleted when that runs out — unless the taint goes first.
 * Deletion adds the DisruptionTarget condition and records `TaintManagerEviction`.
 */
import { ApiError } from '../../api/errors';
import { clone, type KObject } from '../../api/types';
import { keyOf, splitKey, type ControllerContext, type ControllerFactory, type SyncResult } from '../types';
import { evictionDecision, noExecuteTaints, TAINT_DISRUPTION, type ScheduledEviction } from './eviction';

export const TAINT_EVICTION_CONTROLLER = 'taint-eviction-controller';

interface Work extends ScheduledEviction {
  done?: boolean;
}

export const taintEvictionController: ControllerFactory = {
  name: TAINT_EVICTION_CONTROLLER,
  start(ctx: ControllerContext) {
    const { client, clock, recorder } = ctx;
    const work = new Map<string, Work>();
    const nodeTaints = new Map<string, string>();
    const nodesQ = ctx.queue('nodes', syncNode);
    const podsQ = ctx.queue('pods', syncPod);
    const evictQ = ctx.queue('evictions', evict);
    const onNode = (n: KObject) => nodesQ.add(n.metadata.name!);
    ctx.watch('nodes', { add: onNode, update: onNode, delete: onNode });
    const onPod = (p: KObject) => {
      if (p.spec?.nodeName) podsQ.add(keyOf(p));
    };
    // PodUpdated: only a new node or new tolerations can change a pod's verdict (status writes can't).
    const onPodUpdate = (p: KObject, _rv: number, old?: KObject) => {
      if (old && old.spec?.nodeName === p.spec?.nodeName && sameTolerations(old.spec?.tolerations, p.spec?.tolerations)) return;
      onPod(p);
    };
    ctx.watch('pods', { add: onPod, update: onPodUpdate, delete: (p) => podsQ.add(keyOf(p)) });

    const podRef = (key: string): KObject => {
      const [namespace, name] = splitKey(key);
      return client.get('pods', namespace, name) ?? { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace } };
    };

    function cancel(key: string): void {
      const w = work.get(key);
      if (!w) return;
      work.delete(key);
      if (!w.done) recorder.event(podRef(key), 'Normal', 'TaintManagerEviction', `Cancelling deletion of Pod ${key}`, TAINT_EVICTION_CONTROLLER);
    }

    function process(pod: KObject, node: KObject | undefined): void {
      const key = keyOf(pod);
      if (pod.metadata.deletionTimestamp) return;
      const d = evictionDecision(pod, noExecuteTaints(node), work.get(key), clock.now());
      if (d.type === 'cancel') return cancel(key);
      if (d.type === 'keep') return;
      work.set(key, d.eviction);
      evictQ.addAfter(key, d.eviction.at - clock.now());
    }

    function syncNode(name: string): void {
      const node = client.get('nodes', undefined, name);
      const taints = noExecuteTaints(node);
      const sig = JSON.stringify(taints.map((t) => [t.key, t.value ?? '']));
      if ((nodeTaints.get(name) ?? '[]') === sig) return;
      if (taints.length) nodeTaints.set(name, sig);
      else nodeTaints.delete(name);
      for (const pod of client.byIndex('pods', 'nodeName', name)) process(pod, node);
    }

    function syncPod(key: string): void {
      const [ns, name] = splitKey(key);
      const pod = client.get('pods', ns, name);
      if (!pod?.spec?.nodeName) return cancel(key);
      // Pods on untainted nodes with nothing pending: nothing to do (the common case).
      if (!nodeTaints.has(pod.spec.nodeName) && !work.has(key)) return;
      process(pod, client.get('nodes', undefined, pod.spec.nodeName));
    }

    function evict(key: string): SyncResult {
      const w = work.get(key);
      if (!w || w.done) return;
      if (clock.now() < w.at) return { requeueAfterMs: w.at - clock.now() };
      const [ns, name] = splitKey(key);
      const pod = client.get('pods', ns, name);
      if (!pod) return void work.delete(key);
      recorder.event(pod, 'Normal', 'TaintManagerEviction', `Marking for deletion Pod ${key}`, TAINT_EVICTION_CONTROLLER);
      const conds = pod.status?.conditions ?? [];
      if (!conds.some((c: { type: string; status: string }) => c.type === 'DisruptionTarget' && c.status === 'True')) {
        const status = { ...pod.status, conditions: [...conds.filter((c: { type: string }) => c.type !== 'DisruptionTarget'), { ...TAINT_DISRUPTION, lastProbeTime: null, lastTransitionTime: client.api.ctx.now }] };
        client.updateStatus('pods', { ...clone(pod), status });
      }
      try {
        client.delete('pods', ns, name);
      } catch (e) {
        if (!(e instanceof ApiError) || e.code !== 404) throw e;
      }
      work.set(key, { ...w, done: true });
    }
  },
};

/** Semantic.DeepEqual of two toleration lists (nil and empty alike). */
function sameTolerations(a: unknown[] | undefined, b: unknown[] | undefined): boolean {
  if (a === b) return true;
  if (!a?.length || !b?.length) return !a?.length && !b?.length;
  return JSON.stringify(a) === JSON.stringify(b);
}
