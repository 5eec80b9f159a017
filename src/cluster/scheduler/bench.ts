/**
 * Scheduler throughput: `nodes` Ready nodes, `pods` pending pods (100m / 64Mi) owned by one
 * ReplicaSet per 100 pods (so the default topology spreading applies, as in the e2e bench), then
 * the clock runs until every pod is bound. Wall time comes from the caller's `now` (simulation
 * code never reads a real clock): the harness outside src/cluster passes its high-resolution timer,
 * or a CPU-time clock on a shared machine.
 *
 * - `e2e` (default): a real cluster (`createCluster({controllers: ['default-scheduler']})`) — every
 *   bind is a POST pods/binding through the API server, plus the `Scheduled` event.
 * - `algorithm`: the same scheduler with an in-memory client, to separate the scheduler's own cost
 *   from the API server's.
 */
import type { KObject } from '../api/types';
import { nodeObject, nodeStatus, type NodeSpec } from '../bootstrap/nodes';
import { createCluster } from '../cluster';
import { createRng } from '../sim/rng';
import { SimClock } from '../sim/clock';
import { newPodInfo } from './framework/podInfo';
import { Scheduler } from './scheduler';

export interface BenchOptions {
  nodes: number;
  pods: number;
  /** A clock in milliseconds, supplied by the caller (wall or CPU time). */
  now: () => number;
  mode?: 'e2e' | 'algorithm';
  seed?: number;
  /** Called when the measured window opens; the function it returns is called when it closes (profiling). */
  window?: () => () => void;
}

export interface BenchResult {
  mode: 'e2e' | 'algorithm';
  nodes: number;
  pods: number;
  scheduled: number;
  /** Pods bound per wall-clock second while the scheduler ran. */
  podsPerSecond: number;
  scheduleSeconds: number;
  /** Creating nodes and pods (not part of the rate). */
  setupSeconds: number;
}

const ZONES = ['zone-a', 'zone-b', 'zone-c'];

function nodeSpec(i: number): NodeSpec {
  return { name: `node-${i}`, cpu: '4', memory: '16Gi', zone: ZONES[i % ZONES.length], ip: `172.${16 + ((i >> 16) & 15)}.${(i >> 8) & 255}.${i & 255}` };
}

/** A kubeadm-style node. */
function benchNode(i: number): KObject {
  return nodeObject(nodeSpec(i), i);
}

/** Replicas per Deployment, as in the e2e bench: pods of one app spread against each other. */
export const PODS_PER_APP = 100;
const appsFor = (pods: number) => Math.max(1, Math.ceil(pods / PODS_PER_APP));
const hashOf = (app: number) => (0x5f3759df ^ (app * 2654435761)).toString(16).replace('-', '').padStart(8, '0').slice(-10);

/** The ReplicaSet a Deployment `app-<k>` owns (what the default spreading selector comes from). */
export function benchReplicaSet(k: number): KObject {
  const labels = { app: `app-${k}`, 'pod-template-hash': hashOf(k) };
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: { name: `app-${k}-${labels['pod-template-hash']}`, namespace: 'default', labels, uid: `rs-uid-${k}` },
    spec: {
      replicas: PODS_PER_APP,
      selector: { matchLabels: labels },
      template: { metadata: { labels }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.27' }] } },
    },
  };
}

/**
 * A pod as a ReplicaSet controller would create it: labelled and owned by its ReplicaSet, so the
 * system-default PodTopologySpread constraints apply. Pods of the apps are created interleaved.
 */
export function benchPod(i: number, apps = 1000, rsUid?: string): KObject {
  const k = i % apps;
  const rs = benchReplicaSet(k);
  const labels = { ...rs.metadata.labels };
  const uid = rsUid ?? rs.metadata.uid!;
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: `${rs.metadata.name}-${i.toString(36)}`,
      namespace: 'default',
      labels,
      ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: rs.metadata.name!, uid, controller: true, blockOwnerDeletion: true }],
    },
    spec: {
      containers: [{ name: 'nginx', image: 'nginx:1.27', resources: { requests: { cpu: '100m', memory: '64Mi' } } }],
    },
  };
}

export function benchScheduler(o: BenchOptions): BenchResult {
  return (o.mode ?? 'e2e') === 'e2e' ? benchE2E(o) : benchAlgorithm(o);
}

function benchE2E(o: BenchOptions): BenchResult {
  const t0 = o.now();
  const c = createCluster({
    seed: o.seed ?? 1,
    empty: true,
    nodes: [],
    controllers: ['default-scheduler'],
    maxObjects: 4 * (o.nodes + o.pods) + 10_000,
    historySize: 10_000,
    // runUntilIdle would otherwise run on to the Events' expiry, an hour later, inside the measurement.
    eventTtlMs: 0,
  });
  const nodeDef = c.api.registry.get('', 'nodes')!;
  const podDef = c.api.registry.get('', 'pods')!;
  for (let i = 0; i < o.nodes; i++) {
    const spec = nodeSpec(i);
    const created = c.api.create(nodeDef, '', benchNode(i)).object;
    c.api.update(nodeDef, '', spec.name, { ...created, status: nodeStatus(spec, c.api.ctx.now) }, {}, 'status');
  }
  c.clock.flush();
  const rsDef = c.api.registry.get('apps', 'replicasets')!;
  const apps = appsFor(o.pods);
  const uids: string[] = [];
  for (let k = 0; k < apps; k++) {
    const rs = benchReplicaSet(k);
    delete rs.metadata.uid;
    uids.push(c.api.create(rsDef, 'default', rs).object.metadata.uid!);
  }
  for (let i = 0; i < o.pods; i++) c.api.create(podDef, 'default', benchPod(i, apps, uids[i % apps]));
  const close = o.window?.();
  const t1 = o.now();
  c.clock.runUntilIdle();
  const t2 = o.now();
  close?.();
  const pending = c.store.byIndex('pods', 'nodeName', '').length;
  return result('e2e', o, o.pods - pending, t0, t1, t2);
}

function benchAlgorithm(o: BenchOptions): BenchResult {
  const t0 = o.now();
  const clock = new SimClock();
  const pods = new Map<string, KObject>();
  const apps = appsFor(o.pods);
  const replicaSets = new Map<string, KObject>();
  for (let k = 0; k < apps; k++) {
    const rs = benchReplicaSet(k);
    replicaSets.set(`default/${rs.metadata.name}`, rs);
  }
  let s: Scheduler | undefined;
  const client = {
    get: (resource: string, ns: string | undefined, name: string) =>
      resource === 'pods' ? pods.get(`${ns}/${name}`) : resource === 'apps/replicasets' ? replicaSets.get(`${ns}/${name}`) : undefined,
    list: () => [],
    bind(ns: string, name: string, node: string) {
      const p = pods.get(`${ns}/${name}`)!;
      const bound = { ...p, spec: { ...p.spec, nodeName: node } };
      pods.set(`${ns}/${name}`, bound);
      // What the watch delivers after a real bind: the cache confirms the assumed pod.
      s!.cache.addPod(newPodInfo(bound));
    },
    patch: () => ({}) as KObject,
    update: (_: string, x: KObject) => x,
    updateStatus: (_: string, x: KObject) => x,
    delete: () => ({ object: {} as KObject }),
  };
  s = new Scheduler({ client, recorder: { event() {} }, clock, rng: createRng(o.seed ?? 1) });
  for (let i = 0; i < o.nodes; i++) {
    const n = benchNode(i);
    n.status = nodeStatus(nodeSpec(i), clock.nowRFC3339());
    s.cache.addNode(n);
  }
  for (let i = 0; i < o.pods; i++) {
    const p = benchPod(i, apps);
    p.metadata.uid = `uid-${i}`;
    pods.set(`default/${p.metadata.name}`, p);
    s.queue.add(newPodInfo(p));
  }
  const close = o.window?.();
  const t1 = o.now();
  clock.runUntilIdle();
  const t2 = o.now();
  close?.();
  let scheduled = 0;
  for (const p of pods.values()) if (p.spec.nodeName) scheduled++;
  return result('algorithm', o, scheduled, t0, t1, t2);
}

function result(mode: BenchResult['mode'], o: BenchOptions, scheduled: number, t0: number, t1: number, t2: number): BenchResult {
  const secs = (t2 - t1) / 1000;
  return {
    mode,
    nodes: o.nodes,
    pods: o.pods,
    scheduled,
    podsPerSecond: Math.round(scheduled / secs),
    scheduleSeconds: Math.round(secs * 1000) / 1000,
    setupSeconds: Math.round(t1 - t0) / 1000,
  };
}
