/**
 * `kubelet`: one simulated kubelet per Node object. Watches only enqueue; the node queue starts,
 * updates and stops agents, the pod queue routes each pod to its node's agent. The kubelet's own
 * status writes are recognised by resourceVersion and not re-synced.
 */
import type { KObject } from '../api/types';
import type { ControllerContext, ControllerFactory } from '../controllers/types';
import { keyOf, splitKey } from '../controllers/types';
import type { WorkQueue } from '../client/workqueue';
import { indexStages, type StageIndex } from './lifecycle';
import { ipString } from './ipam';
import { NodeAgent, type Fleet } from './nodeAgent';
import { defaultStages } from './stages';
import type { Stage } from './stages/types';

export { logsFor, createLogProvider, type LogQuery, type LogResult } from './logs';
export { parseImage, resolveImage, lookupImage, digestFor } from './images';
export { behaviourOf } from './behaviour';
export { defaultStages } from './stages';
export { FAULT_ANNOTATION, STARTUP_ANNOTATION } from './plan';
export { CAPACITY_ANNOTATION } from './nodeStatus';

const CIDR = /^(\d+)\.(\d+)\.(\d+)\.(\d+)\/(\d+)$/;

class Kubelets implements Fleet {
  readonly stages: StageIndex;
  readonly leases: boolean;
  private agents = new Map<string, NodeAgent>();
  /** pod key → node it was routed to (deletes carry no node once gone). */
  private podNode = new Map<string, string>();
  private own = new Map<string, string>();
  /** The pod whose status we are writing right now (its event may arrive during the write). */
  private ownWrite?: string;
  private nodeIPs = new Set<string>();
  private cidrs = new Set<string>();
  private nextNodeIP = (172 << 24) + (18 << 16) + 2;
  private nextCIDR = 0;
  private nodes!: WorkQueue;
  private pods!: WorkQueue;

  constructor(
    readonly ctx: ControllerContext,
    stages: readonly Stage[],
  ) {
    this.stages = indexStages(stages);
    let leases = true;
    try {
      ctx.client.def('coordination.k8s.io/leases');
    } catch {
      leases = false;
    }
    this.leases = leases;
  }

  start(): void {
    this.nodes = this.ctx.queue('nodes', (name) => this.syncNode(name));
    this.pods = this.ctx.queue('pods', (key) => this.syncPod(key));
    this.ctx.watch('nodes', {
      add: (o) => this.nodes.add(o.metadata.name!),
      update: (o) => this.nodes.add(o.metadata.name!),
      delete: (o) => this.nodes.add(o.metadata.name!),
    });
    const onPod = (o: KObject, rv?: number) => {
      if (!o.spec?.nodeName) return;
      const k = keyOf(o);
      if (rv !== undefined && (this.ownWrite === k || this.own.get(k) === String(rv))) return;
      this.pods.add(k);
    };
    this.ctx.watch('pods', { add: (o) => onPod(o), update: (o, rv) => onPod(o, rv), delete: (o) => onPod(o) });
  }

  wrote(key: string, rv: string | undefined): void {
    if (rv) this.own.set(key, rv);
  }

  writing(key: string | undefined): void {
    this.ownWrite = key;
  }

  /** The node's InternalIP, or a free one from 172.18.0.0/16 for a node that has none yet. */
  nodeIP(node: KObject): string {
    const have = (node.status?.addresses ?? []).find((a: { type: string }) => a.type === 'InternalIP')?.address;
    if (have) {
      this.nodeIPs.add(have);
      return have;
    }
    let ip = ipString(this.nextNodeIP);
    while (this.nodeIPs.has(ip)) ip = ipString(++this.nextNodeIP);
    this.nodeIPs.add(ip);
    this.nextNodeIP++;
    return ip;
  }

  /** The node's podCIDR, or (no node IPAM ran) an unused /24 under 10.244.0.0/14 kept by the kubelet. */
  podCIDR(node: KObject): string {
    const cidr: string = node.spec?.podCIDR ?? '';
    const m = CIDR.exec(cidr);
    if (m && m.slice(1, 5).every((o) => Number(o) < 256)) {
      this.cidrs.add(cidr);
      return cidr;
    }
    for (;;) {
      const n = 200 + this.nextCIDR++;
      const c = `10.${244 + Math.floor(n / 256)}.${n % 256}.0/24`;
      if (!this.cidrs.has(c)) {
        this.cidrs.add(c);
        return c;
      }
    }
  }

  private syncNode(name: string): void {
    const node = this.ctx.client.get('nodes', undefined, name);
    const agent = this.agents.get(name);
    if (!node) {
      agent?.stop();
      this.agents.delete(name);
      return;
    }
    if (agent) return agent.onNode(node);
    const a = new NodeAgent(this, node);
    this.agents.set(name, a);
    a.start(node);
  }

  private syncPod(key: string): void {
    const [ns, name] = splitKey(key);
    const pod = this.ctx.client.get('pods', ns, name);
    const was = this.podNode.get(key);
    const node = pod?.spec?.nodeName;
    if (was && was !== node) {
      this.agents.get(was)?.removePod(key);
      this.podNode.delete(key);
    }
    if (!pod || !node) {
      this.own.delete(key);
      return;
    }
    this.podNode.set(key, node);
    this.agents.get(node)?.syncPod(pod);
  }
}

/** A kubelet factory with its own stage list (lessons, tests); `kubelet` uses the default stages. */
export function kubeletFactory(stages: readonly Stage[] = defaultStages): ControllerFactory {
  return { name: 'kubelet', start: (ctx) => new Kubelets(ctx, stages).start() };
}

export const kubelet: ControllerFactory = kubeletFactory();
