/**
 * The board's model: the mirror regrouped the way every view draws it (nodes in order, pods per
 * node and in the wings, services with their ready pods, top-level workloads). Pure, memoised on
 * the mirror's version.
 */
import type { NodeView, PodView, ServiceView, WorkloadView } from '../../protocol/views';
import type { MirrorState } from '../bridge';
import { colourOf, workloadKey } from './palette';

export interface ServiceModel {
  service: ServiceView;
  /** Pods behind ready endpoints. */
  ready: PodView[];
}

export interface BoardModel {
  version: number;
  /** Control-plane nodes first, then workers, in natural name order. */
  nodes: NodeView[];
  controlPlanes: NodeView[];
  workers: NodeView[];
  /** Pods by node name, grouped by workload so sections sit together. */
  podsByNode: Map<string, PodView[]>;
  /** Pods with no node (or whose node is gone): the wings. */
  pending: PodView[];
  pods: PodView[];
  services: ServiceModel[];
  /** Workloads nobody owns (Deployments, StatefulSets, DaemonSets, Jobs, bare ReplicaSets). */
  workloads: WorkloadView[];
  /** ReplicaSets by owning Deployment uid, newest revision last. */
  replicaSets: Map<string, WorkloadView[]>;
  colour(p: PodView | WorkloadView): string;
}

const natural = new Intl.Collator(undefined, { numeric: true }).compare;

/** Workloads numbered in the order they are first seen, so sorting compares numbers, not strings. */
const workloadRank = new Map<string, number>();
const rankOf = new WeakMap<PodView, number>();
function rank(p: PodView): number {
  let r = rankOf.get(p);
  if (r === undefined) {
    const k = workloadKey(p.workload);
    r = workloadRank.get(k);
    if (r === undefined) workloadRank.set(k, (r = workloadRank.size));
    rankOf.set(p, r);
  }
  return r;
}

/**
 * Sorts pods so each workload's pods sit together, oldest first. Each pod's rank is looked up once,
 * not once per comparison: with thousands of pods the lookups dominated the sort.
 */
function sortPods(pods: PodView[]): PodView[] {
  const keyed = pods.map((p) => ({ p, r: rank(p) }));
  keyed.sort(byKey);
  for (let i = 0; i < keyed.length; i++) pods[i] = keyed[i].p;
  return pods;
}

type Keyed = { p: PodView; r: number };
const byKey = (a: Keyed, b: Keyed) => a.r - b.r || a.p.created - b.p.created || (a.p.name < b.p.name ? -1 : a.p.name > b.p.name ? 1 : 0);

/**
 * Sorts `pods` reusing `prev`, the same group's order in the last model: a pod's sort key never
 * changes, so the pods that stay keep their order and only the arrivals are sorted and merged in.
 * In a burst, a frame's model then costs a pass per group instead of a full sort.
 */
function resortPods(pods: PodView[], prev: readonly PodView[] | undefined): PodView[] {
  if (!prev?.length || pods.length < 32) return sortPods(pods);
  const now = new Map<string, PodView>();
  for (const p of pods) now.set(p.uid, p);
  const kept: Keyed[] = [];
  for (const p of prev) {
    const v = now.get(p.uid);
    if (v) {
      kept.push({ p: v, r: rank(v) });
      now.delete(p.uid);
    }
  }
  const arrivals = [...now.values()].map((p) => ({ p, r: rank(p) })).sort(byKey);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < kept.length || j < arrivals.length) {
    pods[k++] = j >= arrivals.length || (i < kept.length && byKey(kept[i], arrivals[j]) <= 0) ? kept[i++].p : arrivals[j++].p;
  }
  return pods;
}

/** Pod colours by view object: unchanged pods (most of them, most frames) cost a lookup. */
const podColours = new WeakMap<PodView, string>();

let cache: BoardModel | undefined;
let cacheKey: unknown[] = [];

/** Memoised on the maps the model reads, so clock-only deltas (every frame) cost nothing. */
export function boardModel(m: MirrorState): BoardModel {
  const key = [m.nodes, m.pods, m.workloads, m.services, m.endpoints];
  if (cache && key.every((k, i) => k === cacheKey[i])) return cache;
  cacheKey = key;
  const nodes = [...m.nodes.values()].sort((a, b) => (a.role ? 0 : 1) - (b.role ? 0 : 1) || natural(a.name, b.name));
  const names = new Set(nodes.map((n) => n.name));
  const podsByNode = new Map<string, PodView[]>(nodes.map((n) => [n.name, []]));
  const pending: PodView[] = [];
  const pods = [...m.pods.values()];
  for (const p of pods) {
    if (p.node && names.has(p.node)) podsByNode.get(p.node)!.push(p);
    else pending.push(p);
  }
  for (const [node, list] of podsByNode) podsByNode.set(node, resortPods(list, cache?.podsByNode.get(node)));
  const pendingSorted = resortPods(pending, cache?.pending);

  const byUid = m.pods;
  const endpointsByName = new Map<string, string[]>();
  for (const e of m.endpoints.values()) endpointsByName.set(`${e.namespace}/${e.name}`, e.ready);
  const services: ServiceModel[] = [...m.services.values()]
    .filter((s) => s.selector && Object.keys(s.selector).length)
    .sort((a, b) => natural(`${a.namespace}/${a.name}`, `${b.namespace}/${b.name}`))
    .map((service) => ({
      service,
      ready: (endpointsByName.get(`${service.namespace}/${service.name}`) ?? []).map((uid) => byUid.get(uid)).filter((p): p is PodView => !!p),
    }));

  const all = [...m.workloads.values()];
  const replicaSets = new Map<string, WorkloadView[]>();
  for (const w of all) {
    if (w.kind === 'ReplicaSet' && w.owner?.kind === 'Deployment' && w.owner.uid) {
      const list = replicaSets.get(w.owner.uid) ?? [];
      list.push(w);
      replicaSets.set(w.owner.uid, list);
    }
  }
  for (const list of replicaSets.values()) list.sort((a, b) => Number(a.revision ?? 0) - Number(b.revision ?? 0) || a.created - b.created);
  const workloads = all
    .filter((w) => !w.owner)
    .sort((a, b) => Number(isSystem(a)) - Number(isSystem(b)) || a.created - b.created || natural(a.name, b.name));

  cache = {
    version: m.version,
    nodes,
    controlPlanes: nodes.filter((n) => n.role === 'control-plane'),
    workers: nodes.filter((n) => n.role !== 'control-plane'),
    podsByNode,
    pending: pendingSorted,
    pods,
    services,
    workloads,
    replicaSets,
    colour: (x) => {
      if (x.kind !== 'Pod') return colourOf(x.owner ?? { kind: x.kind, name: x.name, namespace: x.namespace });
      let c = podColours.get(x);
      if (c === undefined) podColours.set(x, (c = colourOf(x.workload)));
      return c;
    },
  };
  return cache;
}

function isSystem(w: WorkloadView): boolean {
  return w.namespace === 'kube-system';
}
