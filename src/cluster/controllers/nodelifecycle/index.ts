/**
 * node-lifecycle-controller: every nodeMonitorPeriod (5 s) reads each node's Ready heartbeat and
 * its Lease in kube-node-lease; a node silent for nodeMonitorGracePeriod (50 s) gets its conditions
 * set to Unknown, its pods marked not Ready and a `NodeNotReady` event; NoExecute
 * unreachable/not-ready taints are added through per-zone rate limiters (taint-based eviction is
 * then the taint-eviction-controller's job); NoSchedule taints follow conditions and cordoning.
 */
import { ApiError } from '../../api/errors';
import { clone, type KObject } from '../../api/types';
import { rfc3339 } from '../../sim/clock';
import type { ControllerContext, ControllerFactory } from '../types';
import {
  conditionOf,
  noExecuteDecision,
  noExecuteTaintFor,
  noScheduleTaintDiff,
  NOT_READY_NO_EXECUTE,
  podNotReadyStatus,
  swapTaints,
  tryUpdateNodeHealth,
  UNREACHABLE_NO_EXECUTE,
  type NodeCondition,
  type NodeHealth,
  type Taint,
} from './reconcile';
import { EVICTION_QPS, handleDisruption, TokenBucket, zoneKey, type ZoneState } from './zones';

export const NODE_LIFECYCLE_CONTROLLER = 'node-lifecycle-controller';
const COMPONENT = 'node-controller';
const LEASES = 'coordination.k8s.io/leases';
const EXCLUDE_DISRUPTION = 'node.kubernetes.io/exclude-disruption';

interface Tainter {
  bucket: TokenBucket;
  queue: string[];
}

export const nodeLifecycleController: ControllerFactory = {
  name: NODE_LIFECYCLE_CONTROLLER,
  start(ctx: ControllerContext) {
    const { client, clock, recorder, config } = ctx;
    const health = new Map<string, NodeHealth>();
    const known = new Map<string, string>();
    const tainters = new Map<string, Tainter>();
    const podsToMark = new Set<string>();
    let zoneStates = new Map<string, ZoneState>();

    const noSchedule = ctx.queue('noschedule-taints', syncNoSchedule);
    const monitorQ = ctx.queue('monitor', () => {
      monitor();
      return { requeueAfterMs: config.nodeMonitorPeriodMs };
    });
    const noExecute = ctx.queue('noexecute-taints', taintPass);
    const onNode = (n: KObject) => noSchedule.add(n.metadata.name!);
    ctx.watch('nodes', { add: onNode, update: onNode });
    monitorQ.add('monitor');

    const now = () => clock.now();

    function writeTaints(node: KObject, taints: Taint[]): KObject {
      const next = clone(node);
      next.spec = { ...next.spec, taints };
      if (!taints.length) delete next.spec.taints;
      return client.update('nodes', next);
    }

    function swap(node: KObject, add: Taint[], remove: Taint[]): KObject {
      const taints = swapTaints(node.spec?.taints ?? [], add, remove, rfc3339(now()));
      return taints ? writeTaints(node, taints) : node;
    }

    function syncNoSchedule(name: string): void {
      const node = client.get('nodes', undefined, name);
      if (!node) return;
      const { add, remove } = noScheduleTaintDiff(node);
      if (add.length || remove.length) swap(node, add, remove);
    }

    function tainter(zone: string): Tainter {
      let t = tainters.get(zone);
      if (!t) tainters.set(zone, (t = { bucket: new TokenBucket(EVICTION_QPS, now()), queue: [] }));
      return t;
    }

    function markReachable(node: KObject): KObject {
      const t = tainters.get(zoneKey(node));
      if (t) t.queue = t.queue.filter((n) => n !== node.metadata.name);
      return swap(node, [], [NOT_READY_NO_EXECUTE, UNREACHABLE_NO_EXECUTE]);
    }

    function markPodsNotReady(node: string): void {
      const stamp = rfc3339(now());
      for (const pod of client.byIndex('pods', 'nodeName', node)) {
        const status = podNotReadyStatus(pod, stamp);
        if (!status) continue;
        try {
          const updated = client.updateStatus('pods', { ...clone(pod), status });
          recorder.event(updated, 'Warning', 'NodeNotReady', 'Node is not ready', COMPONENT);
        } catch (e) {
          if (!(e instanceof ApiError) || e.code !== 404) throw e;
        }
      }
    }

    function processTaintBaseEviction(node: KObject, observed: NodeCondition): void {
      const taints: Taint[] = node.spec?.taints ?? [];
      switch (noExecuteDecision(observed.status, taints)) {
        case 'swapToNotReady':
          swap(node, [NOT_READY_NO_EXECUTE], [UNREACHABLE_NO_EXECUTE]);
          break;
        case 'swapToUnreachable':
          swap(node, [UNREACHABLE_NO_EXECUTE], [NOT_READY_NO_EXECUTE]);
          break;
        case 'queue': {
          const t = tainter(zoneKey(node));
          if (!t.queue.includes(node.metadata.name!)) t.queue.push(node.metadata.name!);
          break;
        }
        case 'markReachable':
          markReachable(node);
          break;
        case 'none':
          if (observed.status === 'True') markReachable(node);
      }
    }

    function monitor(): void {
      const nodes = client.list('nodes');
      const names = new Set(nodes.map((n) => n.metadata.name!));
      for (const n of nodes) {
        if (known.has(n.metadata.name!)) continue;
        known.set(n.metadata.name!, n.metadata.uid!);
        recorder.event(n, 'Normal', 'RegisteredNode', `Node ${n.metadata.name} event: Registered Node ${n.metadata.name} in Controller`, COMPONENT);
        tainter(zoneKey(n));
        markReachable(n);
      }
      for (const [name, uid] of known) {
        if (names.has(name)) continue;
        const gone: KObject = { apiVersion: 'v1', kind: 'Node', metadata: { name, uid } };
        recorder.event(gone, 'Normal', 'RemovingNode', `Node ${name} event: Removing Node ${name} from Controller`, COMPONENT);
        known.delete(name);
        health.delete(name);
        podsToMark.delete(name);
      }
      const zones = new Map<string, (NodeCondition | undefined)[]>();
      for (const listed of nodes) {
        const name = listed.metadata.name!;
        try {
          let node = client.get('nodes', undefined, name) ?? listed;
          const r = tryUpdateNodeHealth(node, health.get(name), client.get(LEASES, 'kube-node-lease', name), now(), config);
          if (r.conditions) node = client.updateStatus('nodes', { ...clone(node), status: { ...node.status, conditions: r.conditions } });
          health.set(name, r.health);
          if (!(EXCLUDE_DISRUPTION in (node.metadata.labels ?? {}))) {
            const z = zoneKey(node);
            if (!zones.has(z)) zones.set(z, []);
            zones.get(z)!.push(r.current);
          }
          if (!r.current) continue;
          processTaintBaseEviction(node, r.observed);
          if (r.current.status !== 'True' && r.observed.status === 'True') {
            recorder.event(node, 'Normal', 'NodeNotReady', `Node ${name} status is now: NodeNotReady`, COMPONENT);
            podsToMark.add(name);
          }
          if (podsToMark.has(name) && r.current.status !== 'True') markPodsNotReady(name);
          podsToMark.delete(name);
        } catch (e) {
          // One node's conflict must not stop the pass; it is looked at again next period.
          if (!(e instanceof ApiError)) throw e;
        }
      }
      applyDisruption(nodes, zones);
      if ([...tainters.values()].some((t) => t.queue.length)) noExecute.add('pass');
    }

    function applyDisruption(nodes: KObject[], zones: Map<string, (NodeCondition | undefined)[]>): void {
      const res = handleDisruption(zoneStates, zones);
      zoneStates = res.states;
      for (const [z, qps] of res.qps) tainter(z).bucket.swap(qps, now());
      if (res.markAllReachable) for (const n of nodes) markReachable(client.get('nodes', undefined, n.metadata.name!) ?? n);
      if (res.resetProbes)
        for (const [name, h] of health) health.set(name, { ...h, probeTimestamp: now(), readyTransitionTimestamp: now() });
    }

    /** doNoExecuteTaintingPass: taints queued nodes as each zone's limiter allows. */
    function taintPass(): void | { requeueAfterMs: number } {
      let wait = Infinity;
      for (const t of tainters.values()) {
        while (t.queue.length && t.bucket.tryAccept(now())) {
          const name = t.queue.shift()!;
          const node = client.get('nodes', undefined, name);
          const want = node && noExecuteTaintFor(conditionOf(node, 'Ready')?.status);
          if (node && want) swap(node, [want.add], [want.remove]);
        }
        if (t.queue.length) wait = Math.min(wait, t.bucket.waitMs(now()));
      }
      if (wait < Infinity) return { requeueAfterMs: Math.max(wait, 100) };
    }
  },
};
