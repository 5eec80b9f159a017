import type { KObject } from '../cluster/api/types';
import { createCluster } from '../cluster/cluster';
import { nodeObject, nodeStatus, type NodeSpec } from '../cluster/bootstrap/nodes';
import type { Cluster } from '../cluster/cluster';
import { round, type Figure } from './report';
import { startProfile } from './profile';

function nodes(n: number): NodeSpec[] {
  return Array.from({ length: n }, (_, i) => ({
    name: `node-${i}`,
    cpu: '32',
    memory: '128Gi',
    pods: 110,
    zone: `zone-${i % 3}`,
    ip: `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`,
  }));
}

/** Joins the nodes as bootstrap does: create, then status. */
function addNodes(c: Cluster, specs: NodeSpec[]): void {
  const nodeDef = c.api.registry.get('', 'nodes')!;
  specs.forEach((spec, i) => {
    const n = nodeObject(spec, i);
    const created = c.api.create(nodeDef, '', n).object;
    c.api.update(nodeDef, '', spec.name, { ...created, status: nodeStatus(spec, c.api.ctx.now) }, {}, 'status');
  });
  c.clock.flush();
}

/**
 * Lets the new nodes settle before the clock starts: their DaemonSet pods (kube-proxy on every
 * node) pulled and Running, so the figure measures the Deployments' pods, not the nodes joining.
 */
function settle(c: Cluster): void {
  const daemonPodsPending = () => c.store.list('pods', { namespace: 'kube-system' }).items.some((p) => p.status?.phase !== 'Running');
  for (let s = 0; s < 300 && daemonPodsPending(); s++) c.clock.advance(1000);
}

function deployment(i: number, replicas: number): KObject {
  const app = `app-${i}`;
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: app, namespace: 'default' },
    spec: {
      replicas,
      selector: { matchLabels: { app } },
      template: {
        metadata: { labels: { app } },
        spec: { containers: [{ name: 'app', image: 'registry.k8s.io/pause:3.10', resources: { requests: { cpu: '10m', memory: '16Mi' } } }] },
      },
    },
  };
}

/**
 * Issue 3's end-to-end figure: apply Deployments, then run the whole control plane (controllers,
 * scheduler, kubelets) on simulated time until every pod is Running; report wall time.
 */
export function e2eFigures(nodeCount: number, podCount: number, perDeployment = 100): Figure[] {
  (globalThis as { gc?: () => void }).gc?.();
  const heap0 = process.memoryUsage().heapUsed;
  const c = createCluster({ seed: 1, empty: true, nodes: [], historySize: 20_000 });
  addNodes(c, nodes(nodeCount));
  settle(c);
  const deployDef = c.api.registry.get('apps', 'deployments')!;
  // Count each of the Deployments' pods once (not kube-system's DaemonSet pods, one per node):
  // remember uids that reached Running.
  const seen = new Set<string>();
  c.store.watch('pods', { namespace: 'default' }, (type, o) => {
    if (type !== 'DELETED' && o.metadata.namespace === 'default' && o.status?.phase === 'Running' && !seen.has(o.metadata.uid!)) {
      seen.add(o.metadata.uid!);
    }
  });
  const stopProfile = startProfile(`e2e-${nodeCount}-nodes-${podCount}-pods`);
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const deployments = Math.ceil(podCount / perDeployment);
  for (let i = 0; i < deployments; i++) c.api.create(deployDef, 'default', deployment(i, Math.min(perDeployment, podCount - i * perDeployment)));
  let simSeconds = 0;
  while (seen.size < podCount && simSeconds < 3600) {
    c.clock.advance(1000);
    simSeconds++;
  }
  const wall = (performance.now() - t0) / 1000;
  // CPU time too: on a shared machine wall time mostly measures the neighbours.
  const cpuUsed = process.cpuUsage(cpu0);
  stopProfile();
  const cpu = (cpuUsed.user + cpuUsed.system) / 1e6;
  (globalThis as { gc?: () => void }).gc?.();
  const heap = (process.memoryUsage().heapUsed - heap0) / 2 ** 20;
  if (seen.size < podCount) throw new Error(`only ${seen.size}/${podCount} pods Running after ${simSeconds} simulated seconds`);
  return [
    { name: `e2e.pods_running_per_second_${nodeCount}_nodes`, value: Math.round(podCount / wall), unit: 'pods/s', goal: '≥ 10000' },
    { name: `e2e.pods_running_per_cpu_second_${nodeCount}_nodes`, value: Math.round(podCount / cpu), unit: 'pods/s' },
    { name: `e2e.wall_seconds_to_${podCount}_running`, value: round(wall, 2), unit: 's' },
    { name: `e2e.cpu_seconds_to_${podCount}_running`, value: round(cpu, 2), unit: 's' },
    { name: `e2e.simulated_seconds_to_all_running`, value: simSeconds, unit: 's' },
    { name: `e2e.heap_with_${podCount}_pods_${nodeCount}_nodes`, value: Math.round(heap), unit: 'MB', goal: '≤ 1536' },
  ];
}
