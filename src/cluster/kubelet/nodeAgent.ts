/**
 * One simulated kubelet: registers its node's status if nobody did, renews the node Lease every
 * 10 s, posts node status when it changed (new images) and at least every 5 minutes, owns the node's
 * image store, serial puller and pod IPAM, and runs a PodWorker per pod bound to the node.
 *
 * Faults (`kubeplay.dev/fault` on the Node): `down` stops everything (no lease, no status, pods
 * frozen); `partitioned` keeps pods running but nothing reaches the API; removing it recovers.
 */
import type { KObject } from '../api/types';
import type { ControllerContext } from '../controllers/types';
import type { Rng } from '../sim/rng';
import { uuid } from '../sim/ids';
import { PRELOADED_IMAGES } from './imageCatalog';
import { lookupImage, type ResolvedImage } from './images';
import { Ipam } from './ipam';
import type { StageIndex } from './lifecycle';
import type { NodeEnv } from './model';
import { capacityOf, heartbeatStatus, newLease, registrationStatus, renewedLease, type NodeImage } from './nodeStatus';
import { parseFaults } from './plan';
import { PodWorker, type WorkerHost } from './podWorker';

const LEASE_MS = 10_000;
const STATUS_REPORT_MS = 5 * 60_000;
const STATUS_UPDATE_MS = 10_000;
const LEASES = 'coordination.k8s.io/leases';

export type NodeMode = 'up' | 'down' | 'partitioned';

/** What agents share: the controller context, stages, node IP/CIDR allocation. */
export interface Fleet {
  ctx: ControllerContext;
  stages: StageIndex;
  leases: boolean;
  nodeIP(node: KObject): string;
  podCIDR(node: KObject): string;
  wrote(key: string, rv: string | undefined): void;
  writing(key: string | undefined): void;
}

let preloaded: readonly ResolvedImage[] | undefined;
/** The images every node starts with: the same for all nodes, so resolved once (5,000 nodes). */
function preloadedImages(): readonly ResolvedImage[] {
  return (preloaded ??= PRELOADED_IMAGES.map((i) => lookupImage(i)).filter((r): r is ResolvedImage => r !== undefined));
}

const modeOf = (node: KObject): NodeMode => {
  const f = parseFaults(node.metadata.annotations);
  return f.has('down') ? 'down' : f.has('partitioned') ? 'partitioned' : 'up';
};

export class NodeAgent implements NodeEnv, WorkerHost {
  readonly name: string;
  readonly ip: string;
  readonly cpus: number;
  readonly bandwidth: number;
  pullFreeAt = 0;
  readonly pulling = new Set<string>();
  readonly workers = new Map<string, PodWorker>();
  mode: NodeMode;
  private readonly images = new Map<string, { img: ResolvedImage; at: number }>();
  private readonly ipam: Ipam;
  private readonly rng: Rng;
  private leaseTimer?: number;
  private statusTimer?: number;
  private statusAt = Infinity;

  constructor(
    private readonly fleet: Fleet,
    node: KObject,
  ) {
    this.name = node.metadata.name!;
    this.rng = fleet.ctx.rng.fork(`node/${this.name}`);
    this.ip = fleet.nodeIP(node);
    this.ipam = new Ipam(fleet.podCIDR(node));
    this.cpus = Math.max(1, Math.round(Number.parseFloat(node.status?.capacity?.cpu ?? capacityOf(node).cpu) || 4));
    this.bandwidth = 25_000 + this.rng.int(20_000);
    for (const r of preloadedImages()) this.images.set(r.ref.full, { img: r, at: 0 });
    this.mode = modeOf(node);
  }

  get ctx(): ControllerContext {
    return this.fleet.ctx;
  }
  get env(): NodeEnv {
    return this;
  }
  get stages(): StageIndex {
    return this.fleet.stages;
  }
  online(): boolean {
    return this.mode === 'up';
  }
  running(): boolean {
    return this.mode !== 'down';
  }
  wrote(key: string, rv: string | undefined): void {
    this.fleet.wrote(key, rv);
  }
  writing(key: string | undefined): void {
    this.fleet.writing(key);
  }
  gateway(): string {
    return this.ipam.gateway();
  }

  // ---- NodeEnv ----
  hasImage(full: string): boolean {
    return this.images.has(full);
  }
  addImage(img: ResolvedImage, at: number): void {
    if (!this.images.has(img.ref.full)) this.markDirty();
    this.images.set(img.ref.full, { img, at });
  }
  allocateIP(): string | undefined {
    return this.ipam.allocate();
  }
  releaseIP(ip: string): void {
    this.ipam.release(ip);
  }

  /** Starts the kubelet: registers status if missing, heartbeats, and takes the pods already bound here. */
  start(node: KObject): void {
    if (!node.status?.conditions?.length) this.register(node);
    if (this.mode !== 'down') this.startLoops(this.rng.int(STATUS_UPDATE_MS));
    for (const pod of this.ctx.client.byIndex('pods', 'nodeName', this.name)) this.syncPod(pod);
  }

  /** The Node object changed: fault annotations switch the mode. */
  onNode(node: KObject): void {
    const next = modeOf(node);
    if (next === this.mode) return;
    const wasDown = this.mode === 'down';
    this.mode = next;
    if (next === 'down') return this.stopLoops();
    if (wasDown) this.startLoops(0);
    if (next === 'up') {
      this.renewLease();
      this.postStatus();
      this.resumePods(wasDown);
    } else if (wasDown) this.resumePods(true);
  }

  /** A pod bound to this node was added or changed in the API. */
  syncPod(pod: KObject): void {
    // Nothing reaches a down or partitioned kubelet; it catches up when it recovers.
    if (this.mode !== 'up') return;
    const k = key(pod);
    const w = this.workers.get(k);
    if (w && w.uid === pod.metadata.uid) return w.update(pod);
    if (w) w.stop();
    if (pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed') return void this.workers.delete(k);
    this.workers.set(k, new PodWorker(this, k, pod));
  }

  /** A pod bound here disappeared from the API. */
  removePod(k: string): void {
    if (this.mode !== 'up') return;
    this.workers.get(k)?.stop();
    this.workers.delete(k);
  }

  /** The node object is gone: the kubelet stops for good. */
  stop(): void {
    this.stopLoops();
    for (const w of this.workers.values()) w.stop();
    this.workers.clear();
  }

  private resumePods(wasDown: boolean): void {
    const live = new Map<string, KObject>();
    for (const pod of this.ctx.client.byIndex('pods', 'nodeName', this.name)) live.set(key(pod), pod);
    for (const [k, w] of [...this.workers]) {
      const pod = live.get(k);
      if (!pod || pod.metadata.uid !== w.uid) {
        w.stop();
        this.workers.delete(k);
      } else if (this.mode === 'up' || wasDown) w.resume(this.mode === 'up' ? pod : undefined, wasDown);
    }
    if (this.mode !== 'up') return;
    for (const [k, pod] of live) if (!this.workers.has(k)) this.syncPod(pod);
  }

  private register(node: KObject): void {
    const now = this.ctx.clock.now();
    const ids = { machineID: uuid(this.rng).replace(/-/g, ''), systemUUID: uuid(this.rng), bootID: uuid(this.rng) };
    try {
      this.ctx.client.updateStatus('nodes', { ...node, metadata: { name: this.name, uid: node.metadata.uid }, status: registrationStatus(node, this.ip, now, ids) });
    } catch {
      return;
    }
    const ref: KObject = { apiVersion: 'v1', kind: 'Node', metadata: { name: this.name, uid: this.name } };
    const ev = (reason: string, message: string) => this.ctx.recorder.event(ref, 'Normal', reason, message, 'kubelet', this.name);
    ev('Starting', 'Starting kubelet.');
    for (const r of ['NodeHasSufficientMemory', 'NodeHasNoDiskPressure', 'NodeHasSufficientPID']) ev(r, `Node ${this.name} status is now: ${r}`);
    ev('NodeAllocatableEnforced', 'Updated Node Allocatable limit across pods');
    ev('NodeReady', `Node ${this.name} status is now: NodeReady`);
  }

  private startLoops(firstStatusIn: number): void {
    this.renewLease();
    this.scheduleStatus(this.ctx.clock.now() + firstStatusIn);
  }

  private stopLoops(): void {
    const clock = this.ctx.clock;
    if (this.leaseTimer !== undefined) clock.clear(this.leaseTimer);
    if (this.statusTimer !== undefined) clock.clear(this.statusTimer);
    this.leaseTimer = this.statusTimer = undefined;
    this.statusAt = Infinity;
  }

  private renewLease(): void {
    const { client, clock } = this.ctx;
    if (this.leaseTimer !== undefined) clock.clear(this.leaseTimer);
    this.leaseTimer = clock.after(LEASE_MS + this.rng.int(400), () => {
      this.leaseTimer = undefined;
      this.renewLease();
    });
    if (this.mode !== 'up' || !this.fleet.leases) return;
    const node = client.get('nodes', undefined, this.name);
    if (!node) return;
    try {
      const lease = client.get(LEASES, 'kube-node-lease', this.name);
      if (lease) client.update(LEASES, renewedLease(lease, node, clock.now()));
      else client.create(LEASES, newLease(node, clock.now()));
    } catch {
      // A failed renewal is retried at the next tick, as the lease controller does.
    }
  }

  private markDirty(): void {
    const at = this.ctx.clock.now() + STATUS_UPDATE_MS;
    if (this.mode !== 'down' && at < this.statusAt) this.scheduleStatus(at);
  }

  private scheduleStatus(at: number): void {
    const clock = this.ctx.clock;
    if (this.statusTimer !== undefined) clock.clear(this.statusTimer);
    this.statusAt = at;
    this.statusTimer = clock.at(at, () => {
      this.statusTimer = undefined;
      this.postStatus();
    });
  }

  private postStatus(): void {
    const { client, clock } = this.ctx;
    const now = clock.now();
    this.scheduleStatus(now + STATUS_REPORT_MS);
    if (this.mode !== 'up') return;
    const node = client.get('nodes', undefined, this.name);
    if (!node) return;
    try {
      client.updateStatus('nodes', { ...node, metadata: { name: this.name, uid: node.metadata.uid }, status: heartbeatStatus(node, this.imageList(), now) });
    } catch {
      // Retried at the next report.
    }
  }

  /** Images on the node, grouped by digest, largest first (names: repo@digest, then tags). */
  imageList(): NodeImage[] {
    const byID = new Map<string, NodeImage>();
    for (const { img } of this.images.values()) {
      const e = byID.get(img.imageID) ?? { names: [img.imageID], sizeBytes: img.size };
      e.names.push(img.ref.full);
      byID.set(img.imageID, e);
    }
    return [...byID.values()].sort((a, b) => b.sizeBytes - a.sizeBytes || (a.names[0] < b.names[0] ? -1 : 1));
  }
}

const key = (pod: KObject) => `${pod.metadata.namespace}/${pod.metadata.name}`;
