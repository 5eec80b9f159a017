/**
 * Builders for plugin tests (st.MakePod / st.MakeNode style): nodes and pods as API objects, a
 * handle over a real cache, and helpers that run one plugin's extension points like the runner.
 */
import type { KObject } from '../../api/types';
import { Cache } from '../framework/cache';
import type { Handle } from '../framework/handle';
import type { NodeInfo } from '../framework/nodeInfo';
import { newPodInfo, type PodInfo } from '../framework/podInfo';
import { Framework } from '../framework/runner';
import { CODE_NAMES, CycleState, Status, type AnyPlugin } from '../framework/types';
import { Nominator } from '../nominator';
import { newPrioritySort } from './prioritysort/plugin';

export interface NodeOpts {
  cpu?: string;
  memory?: string;
  pods?: number;
  labels?: Record<string, string>;
  taints?: { key: string; value?: string; effect: string }[];
  unschedulable?: boolean;
  images?: { names: string[]; sizeBytes: number }[];
  allocatable?: Record<string, string>;
}

export function makeNode(name: string, o: NodeOpts = {}): KObject {
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name, uid: `uid-${name}`, labels: { 'kubernetes.io/hostname': name, ...(o.labels ?? {}) } },
    spec: { ...(o.taints ? { taints: o.taints } : {}), ...(o.unschedulable ? { unschedulable: true } : {}) },
    status: {
      allocatable: { cpu: o.cpu ?? '4', memory: o.memory ?? '16Gi', pods: String(o.pods ?? 110), ...(o.allocatable ?? {}) },
      images: o.images ?? [],
    },
  };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = Record<string, any>;

export interface PodOpts {
  namespace?: string;
  uid?: string;
  labels?: Record<string, string>;
  cpu?: string;
  memory?: string;
  /** Several containers' requests. */
  containers?: Record<string, string>[];
  node?: string;
  priority?: number;
  tolerations?: Json[];
  nodeSelector?: Record<string, string>;
  affinity?: Json;
  hostPorts?: { hostPort: number; protocol?: string; hostIP?: string }[];
  spread?: Json[];
  image?: string;
  spec?: Json;
  status?: Json;
  deleting?: boolean;
  ownerReferences?: Json[];
}

let uid = 0;
export function makePodObject(name: string, o: PodOpts = {}): KObject {
  const reqs = o.containers ?? [{ ...(o.cpu ? { cpu: o.cpu } : {}), ...(o.memory ? { memory: o.memory } : {}) }];
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: <KObject['metadata']>{
      name,
      namespace: o.namespace ?? 'default',
      uid: o.uid ?? `pod-uid-${++uid}`,
      labels: o.labels ?? {},
      ...(o.deleting ? { deletionTimestamp: '2025-01-01T00:00:00Z' } : {}),
      ...(o.ownerReferences ? { ownerReferences: o.ownerReferences } : {}),
    },
    spec: {
      containers: reqs.map((r, i) => ({
        name: `c${i}`,
        image: o.image ?? 'nginx:1.27',
        resources: Object.keys(r).length ? { requests: r } : {},
        ...(i === 0 && o.hostPorts ? { ports: o.hostPorts.map((p) => ({ containerPort: p.hostPort, ...p })) } : {}),
      })),
      ...(o.node ? { nodeName: o.node } : {}),
      ...(o.priority !== undefined ? { priority: o.priority } : {}),
      ...(o.tolerations ? { tolerations: o.tolerations } : {}),
      ...(o.nodeSelector ? { nodeSelector: o.nodeSelector } : {}),
      ...(o.affinity ? { affinity: o.affinity } : {}),
      ...(o.spread ? { topologySpreadConstraints: o.spread } : {}),
      ...(o.spec ?? {}),
    },
    status: o.status ?? { phase: 'Pending' },
  };
}

export function makePod(name: string, o: PodOpts = {}): PodInfo {
  return newPodInfo(makePodObject(name, o));
}

/** A handle over a real cache holding `nodes` and the bound `pods`; `objects` answer client gets/lists. */
export function testHandle(nodes: KObject[], pods: PodInfo[] = [], objects: Record<string, KObject[] | undefined> = {}): Handle {
  const cache = new Cache();
  for (const n of nodes) cache.addNode(n);
  for (const p of pods) cache.addPod(p);
  const find = (resource: string, ns: string | undefined, name: string) =>
    (objects[resource] ?? []).find((o) => o.metadata.name === name && (!ns || !o.metadata.namespace || o.metadata.namespace === ns));
  return {
    schedulerName: 'default-scheduler',
    cache,
    nominator: new Nominator(),
    client: {
      get: find,
      list: (resource: string) => objects[resource] ?? [],
      patch: () => ({}) as KObject,
      update: (_r: string, o: KObject) => o,
      updateStatus: (_r: string, o: KObject) => o,
      delete: () => ({ object: {} as KObject }),
      bind: () => {},
    } as unknown as Handle['client'],
    recorder: { event() {} },
    clock: { now: () => Date.UTC(2025, 0, 1), nowRFC3339: () => '2025-01-01T00:00:00Z' },
    services: (ns) => (objects.services ?? []).filter((s) => s.metadata.namespace === ns),
  };
}

/** Wires `plugins` (plus a queue sort) into a framework on `h`, as a profile would. */
export function frameworkFor(h: Handle, plugins: AnyPlugin[]): Framework {
  const fw = new Framework('test', [{ plugin: newPrioritySort() }, ...plugins.map((plugin) => ({ plugin }))], h);
  h.framework = fw;
  return fw;
}

/** "Code: reason, reason" or "Success" — compact verdicts for table-driven tests. */
export function verdict(s: Status | null): string {
  return s === null || s.isSuccess() ? 'Success' : `${CODE_NAMES[s.code]}: ${s.message()}`;
}

/** PreFilter (if any) then Filter on each node; a PreFilter Skip means every node passes. */
export function filterVerdicts(plugin: AnyPlugin, pod: PodInfo, nodes: readonly NodeInfo[]): string[] {
  const state = new CycleState();
  const pre = plugin.preFilter?.(state, pod);
  if (pre instanceof Status) {
    if (pre.code === 5) return nodes.map(() => 'Success');
    if (!pre.isSuccess()) return nodes.map(() => `PreFilter ${verdict(pre)}`);
  }
  return nodes.map((n) => verdict(plugin.filter!(state, pod, n)));
}

/** PreScore (Skip → null), Score on each node, NormalizeScore — the plugin's normalized scores. */
export function scores(plugin: AnyPlugin, pod: PodInfo, nodes: readonly NodeInfo[]): number[] | null {
  const state = new CycleState();
  plugin.preFilter?.(state, pod);
  const pre = plugin.preScore?.(state, pod, nodes);
  if (pre instanceof Status && pre.code === 5) return null;
  const out = new Float64Array(nodes.length);
  nodes.forEach((n, i) => (out[i] = plugin.score!(state, pod, n)));
  plugin.normalizeScore?.(state, pod, out, nodes.length, nodes);
  return [...out];
}
