/**
 * The scheduler cache (pkg/scheduler/backend/cache): NodeInfos kept current from node and pod
 * watch events, plus assumed pods — placed by the scheduler but not yet seen bound. Every change is
 * incremental (one pod touches one NodeInfo and a few index entries); nothing rescans all pods.
 *
 * Scheduling runs synchronously between events, so the cache doubles as the cycle's snapshot.
 */
import type { KObject } from '../../api/types';
import { equalityTerms, matches, type Selector } from '../../api/labels';
import { NodeInfo, type ImageStateSummary } from './nodeInfo';
import { NodeTable } from './nodeTable';
import { SelectorCountIndex, type SelectorCounts } from './selectorCounts';
import { NodeTree } from './nodeTree';
import { samePlacement, type PodInfo } from './podInfo';

interface PodState {
  info: PodInfo;
  assumed: boolean;
}

interface ImageState {
  summary: ImageStateSummary;
  nodes: Set<string>;
}

export class Cache {
  private nodeInfos = new Map<string, NodeInfo>();
  private podStates = new Map<string, PodState>();
  private tree = new NodeTree();
  private ordered: NodeInfo[] | null = null;
  private orderedRows = new Int32Array(0);
  /** Every NodeInfo's numbers, one row each (batch Filter/Score read rows in list() order). */
  readonly table = new NodeTable();
  private images = new Map<string, ImageState>();
  /** Nodes with at least one pod having pod (anti-)affinity / required anti-affinity. */
  readonly nodesWithAffinityPods = new Set<NodeInfo>();
  readonly nodesWithRequiredAntiAffinityPods = new Set<NodeInfo>();
  /** Nodes carrying a PreferNoSchedule taint (TaintToleration scoring can skip the rest). */
  private preferNoSchedule = new Set<string>();
  /** Nodes with a NoSchedule/NoExecute taint, and cordoned nodes (filters skip when none). */
  private hardTainted = new Set<string>();
  private cordoned = new Set<string>();
  /** Cached pods by `key=value` label and by namespace (topology spread and affinity counting). */
  private byLabel = new Map<string, Set<PodInfo>>();
  private byNamespace = new Map<string, Set<PodInfo>>();
  private nsSets = new Map<string, ReadonlySet<string>>();
  /** Matching pods per node for the selectors topology spreading asked about. */
  private selectorCounts = new SelectorCountIndex(this.table);

  // ---- nodes ----

  addNode(node: KObject): void {
    const name = node.metadata.name!;
    let n = this.nodeInfos.get(name);
    if (!n) this.nodeInfos.set(name, (n = new NodeInfo(name, this.table)));
    if (n.node) return this.updateNode(n.node, node);
    n.setNode(node);
    this.tree.add(node);
    this.setImages(n, node);
    this.trackTaints(n);
    this.ordered = null;
  }

  updateNode(oldNode: KObject, node: KObject): void {
    const n = this.nodeInfos.get(node.metadata.name!);
    if (!n?.node) return this.addNode(node);
    // Heartbeats update nodes every few seconds: only a zone change reorders the list.
    if (this.tree.update(oldNode, node)) this.ordered = null;
    n.setNode(node);
    if (!sameImages(oldNode.status?.images, node.status?.images)) this.setImages(n, node);
    this.trackTaints(n);
  }

  removeNode(node: KObject): void {
    const n = this.nodeInfos.get(node.metadata.name!);
    if (!n?.node) return;
    this.tree.remove(n.node);
    this.dropImages(n);
    this.preferNoSchedule.delete(n.name);
    this.hardTainted.delete(n.name);
    this.cordoned.delete(n.name);
    n.clearNode();
    // Pods still bound to a deleted node stay accounted until they go (as upstream's ghost NodeInfo).
    if (n.pods.length === 0) this.deleteInfo(n);
    this.ordered = null;
  }

  private trackTaints(n: NodeInfo): void {
    toggle(this.preferNoSchedule, n.name, n.taints.some((t) => t.effect === 'PreferNoSchedule'));
    toggle(this.hardTainted, n.name, n.taints.some((t) => t.effect === 'NoSchedule' || t.effect === 'NoExecute'));
    toggle(this.cordoned, n.name, n.unschedulable);
  }

  private deleteInfo(n: NodeInfo): void {
    this.nodeInfos.delete(n.name);
    n.dispose();
  }

  /** Whether any node has a NoSchedule/NoExecute taint (TaintToleration's Filter has work). */
  get anyHardTaint(): boolean {
    return this.hardTainted.size > 0;
  }

  /** Whether any node is cordoned (NodeUnschedulable's Filter has work). */
  get anyUnschedulable(): boolean {
    return this.cordoned.size > 0;
  }

  /** Whether any node has a PreferNoSchedule taint. */
  get anyPreferNoSchedule(): boolean {
    return this.preferNoSchedule.size > 0;
  }

  /** The cluster-wide summary of an image (normalized name): its size and how many nodes have it. */
  imageSummary(name: string): ImageStateSummary | undefined {
    return this.images.get(name)?.summary;
  }

  /** Whether any node reports images (ImageLocality scores 0 everywhere otherwise). */
  get anyImages(): boolean {
    return this.images.size > 0;
  }

  private setImages(n: NodeInfo, node: KObject): void {
    this.dropImages(n);
    const list: KObject[] = node.status?.images ?? [];
    if (!list.length) return;
    n.imageStates = new Map();
    for (const img of list)
      for (const name of img?.names ?? []) {
        let st = this.images.get(name);
        if (!st) this.images.set(name, (st = { summary: { size: img.sizeBytes ?? 0, numNodes: 0 }, nodes: new Set() }));
        st.summary.size = img.sizeBytes ?? 0;
        st.nodes.add(n.name);
        st.summary.numNodes = st.nodes.size;
        n.imageStates.set(name, st.summary);
      }
  }

  private dropImages(n: NodeInfo): void {
    if (!n.imageStates) return;
    for (const name of n.imageStates.keys()) {
      const st = this.images.get(name);
      if (!st) continue;
      st.nodes.delete(n.name);
      st.summary.numNodes = st.nodes.size;
      if (st.nodes.size === 0) this.images.delete(name);
    }
    n.imageStates = null;
  }

  // ---- pods ----

  /** A bound pod seen through the watch; confirms it if it was assumed. */
  addPod(pi: PodInfo): void {
    const st = this.podStates.get(pi.uid);
    if (st) return this.replace(st, pi);
    this.place(pi, false);
  }

  updatePod(pi: PodInfo): void {
    const st = this.podStates.get(pi.uid);
    if (!st) return this.place(pi, false);
    this.replace(st, pi);
  }

  /**
   * A newer version of a cached pod whose scheduling inputs are the very same objects (a status
   * write shares spec, labels and the deletion mark): only the pod object is swapped, in place, so
   * every node's list keeps pointing at the current version without re-accounting anything.
   * Returns the version it replaced.
   */
  refreshPod(pod: KObject): KObject | undefined {
    const st = this.podStates.get(pod.metadata.uid!);
    if (!st || st.assumed) return undefined;
    const old = st.info.pod;
    if (old.spec !== pod.spec || old.metadata.labels !== pod.metadata.labels || old.metadata.deletionTimestamp !== pod.metadata.deletionTimestamp) return undefined;
    (st.info as { pod: KObject }).pod = pod;
    return old;
  }

  removePod(uid: string): PodInfo | undefined {
    const st = this.podStates.get(uid);
    if (!st) return undefined;
    this.unplace(st.info);
    this.podStates.delete(uid);
    return st.info;
  }

  /** AssumePod: account the pod on its chosen node before the bind is confirmed. */
  assumePod(pi: PodInfo): void {
    if (this.podStates.has(pi.uid)) throw new Error(`pod ${pi.namespace}/${pi.name} is in the cache, so can't be assumed`);
    this.place(pi, true);
  }

  /** ForgetPod: undo an assume after a failed reserve/bind. */
  forgetPod(pi: PodInfo): void {
    const st = this.podStates.get(pi.uid);
    if (st?.assumed) this.removePod(pi.uid);
  }

  isAssumed(uid: string): boolean {
    return this.podStates.get(uid)?.assumed ?? false;
  }

  getPod(uid: string): PodInfo | undefined {
    return this.podStates.get(uid)?.info;
  }

  get podCount(): number {
    return this.podStates.size;
  }

  private replace(st: PodState, pi: PodInfo): void {
    st.assumed = false;
    if (samePlacement(st.info, pi)) {
      // Typically the bind's own echo, or a status update: only the object changes.
      const n = this.nodeInfos.get(pi.nodeName);
      if (n) {
        const i = n.pods.indexOf(st.info);
        if (i >= 0) n.pods[i] = pi;
      }
      for (const k in pi.labels) swapIn(this.byLabel.get(`${k}=${pi.labels[k]}`), st.info, pi);
      swapIn(this.byNamespace.get(pi.namespace), st.info, pi);
      st.info = pi;
      return;
    }
    this.unplace(st.info);
    st.info = pi;
    st.assumed = false;
    this.place(pi, false, st);
  }

  private place(pi: PodInfo, assumed: boolean, st?: PodState): void {
    let n = this.nodeInfos.get(pi.nodeName);
    if (!n) this.nodeInfos.set(pi.nodeName, (n = new NodeInfo(pi.nodeName, this.table)));
    n.addPod(pi);
    this.selectorCounts.onPod(pi, n, 1);
    if (pi.hasPodAffinity) this.nodesWithAffinityPods.add(n);
    if (pi.hasRequiredAntiAffinity) this.nodesWithRequiredAntiAffinityPods.add(n);
    if (!st) this.podStates.set(pi.uid, { info: pi, assumed });
    for (const k in pi.labels) addTo(this.byLabel, `${k}=${pi.labels[k]}`, pi);
    addTo(this.byNamespace, pi.namespace, pi);
  }

  private unplace(pi: PodInfo): void {
    const n = this.nodeInfos.get(pi.nodeName);
    if (n) {
      if (n.removePod(pi)) this.selectorCounts.onPod(pi, n, -1);
      if (n.podsWithAffinity.length === 0) this.nodesWithAffinityPods.delete(n);
      if (n.podsWithRequiredAntiAffinity.length === 0) this.nodesWithRequiredAntiAffinityPods.delete(n);
      if (!n.node && n.pods.length === 0) this.deleteInfo(n);
    }
    for (const k in pi.labels) removeFrom(this.byLabel, `${k}=${pi.labels[k]}`, pi);
    removeFrom(this.byNamespace, pi.namespace, pi);
  }

  // ---- reads (the snapshot) ----

  /** Nodes in nodeTree order (zones interleaved); rebuilt only when nodes come or go. */
  list(): readonly NodeInfo[] {
    if (!this.ordered) {
      const ordered = this.tree.list().map((name) => this.nodeInfos.get(name)!);
      this.orderedRows = Int32Array.from(ordered, (n) => n.row);
      this.ordered = ordered;
    }
    return this.ordered;
  }

  /** The table rows of list(), in the same order. */
  listRows(): Int32Array {
    this.list();
    return this.orderedRows;
  }

  get numNodes(): number {
    return this.tree.size;
  }

  /** The NodeInfo of an existing node. */
  get(name: string): NodeInfo | undefined {
    const n = this.nodeInfos.get(name);
    return n?.node ? n : undefined;
  }

  /**
   * Cached pods that may match `sel` within `namespaces` (all namespaces when null), narrowed by
   * the label index: the caller still checks the selector on each. Example: `app=web` yields only
   * pods labelled app=web, never the whole cluster.
   */
  candidates(sel: Selector | null, namespaces: ReadonlySet<string> | null): Iterable<PodInfo> {
    if (sel === null) return [];
    let best: Set<PodInfo> | undefined;
    let empty = false;
    for (const [k, v] of equalityTerms(sel)) {
      const s = this.byLabel.get(`${k}=${v}`);
      if (!s) empty = true;
      else if (!best || s.size < best.size) best = s;
    }
    if (empty) return [];
    if (best) return best;
    if (namespaces) {
      const out: PodInfo[] = [];
      for (const ns of namespaces) for (const p of this.byNamespace.get(ns) ?? []) out.push(p);
      return out;
    }
    return [...this.podStates.values()].map((s) => s.info);
  }

  /**
   * Matching pods per node for pods in `ns`, not terminating, labels matching `sel` — kept current
   * incrementally once asked for; null when `sel` has no equality term (use matchingPodNodes).
   * Nodes in the counts may be ghosts (deleted Node, pods still bound): check `node.node`.
   */
  countsFor(sel: Selector, ns: string): SelectorCounts | null {
    return this.selectorCounts.get(sel, ns, (s) => this.podsWithNodes(s, ns));
  }

  private *podsWithNodes(sel: Selector, ns: string): Iterable<[PodInfo, NodeInfo]> {
    for (const p of this.candidates(sel, this.nsSet(ns))) {
      const n = this.nodeInfos.get(p.nodeName);
      if (n) yield [p, n];
    }
  }

  private nsSet(ns: string): ReadonlySet<string> {
    let one = this.nsSets.get(ns);
    if (!one) this.nsSets.set(ns, (one = new Set([ns])));
    return one;
  }

  /**
   * The node of every pod in `ns`, not terminating, with labels matching `sel` (once per pod, so a
   * node holding three matching pods appears three times); pods of deleted nodes are left out.
   */
  matchingPodNodes(sel: Selector | null, ns: string, out: NodeInfo[]): void {
    if (sel === null || sel.length === 0) return;
    for (const p of this.candidates(sel, this.nsSet(ns))) {
      if (p.namespace !== ns || p.terminating || !matches(sel, p.labels)) continue;
      const n = this.nodeInfos.get(p.nodeName);
      if (n?.node) out.push(n);
    }
  }

  /** Counts matching pods per node: pods in `ns`, not terminating, labels matching `sel`. */
  countMatching(sel: Selector | null, ns: string, into: Map<NodeInfo, number>): void {
    if (sel === null || sel.length === 0) return;
    for (const p of this.candidates(sel, new Set([ns]))) {
      if (p.namespace !== ns || p.terminating || !matches(sel, p.labels)) continue;
      const n = this.nodeInfos.get(p.nodeName);
      if (n?.node) into.set(n, (into.get(n) ?? 0) + 1);
    }
  }
}

function sameImages(a: KObject[] | undefined, b: KObject[] | undefined): boolean {
  if (a === b) return true;
  if (!a || !b || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x.sizeBytes !== y.sizeBytes || (x.names ?? []).join('\n') !== (y.names ?? []).join('\n')) return false;
  }
  return true;
}

function toggle(s: Set<string>, name: string, on: boolean): void {
  if (on) s.add(name);
  else s.delete(name);
}

function addTo(m: Map<string, Set<PodInfo>>, k: string, p: PodInfo): void {
  let s = m.get(k);
  if (!s) m.set(k, (s = new Set()));
  s.add(p);
}

function swapIn(s: Set<PodInfo> | undefined, old: PodInfo, pi: PodInfo): void {
  if (s?.delete(old)) s.add(pi);
}

function removeFrom(m: Map<string, Set<PodInfo>>, k: string, p: PodInfo): void {
  const s = m.get(k);
  if (!s) return;
  s.delete(p);
  if (s.size === 0) m.delete(k);
}
