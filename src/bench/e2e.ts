import type { KObject } from '../cluster/api/types';
import { createCluster } from '../cluster/cluster';
import type { NodeSpec } from '../cluster/bootstrap/nodes';
import { round, type Figure } from './report';

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
  const c = createCluster({ seed: 1, empty: true, nodes: nodes(nodeCount), historySize: 20_000, maxObjects: podCount * 4 + nodeCount * 4 + 10_000 });
  const deployDef = c.api.registry.get('apps', 'deployments')!;
  // Count each pod once: remember uids that reached Running.
  const seen = new Set<string>();
  c.store.watch('pods', {}, (type, o) => {
    if (type !== 'DELETED' && o.status?.phase === 'Running' && !seen.has(o.metadata.uid!)) {
      seen.add(o.metadata.uid!);
    }
  });
  const t0 = performance.now();
  const deployments = Math.ceil(podCount / perDeployment);
  for (let i = 0; i < deployments; i++) c.api.create(deployDef, 'default', deployment(i, Math.min(perDeployment, podCount - i * perDeployment)));
  let simSeconds = 0;
  while (seen.size < podCount && simSeconds < 3600) {
    c.clock.advance(1000);
    simSeconds++;
  }
  const wall = (performance.now() - t0) / 1000;
  (globalThis as { gc?: () => void }).gc?.();
  const heap = (process.memoryUsage().heapUsed - heap0) / 2 ** 20;
  if (seen.size < podCount) throw new Error(`only ${seen.size}/${podCount} pods Running after ${simSeconds} simulated seconds`);
  return [
    { name: `e2e.pods_running_per_second_${nodeCount}_nodes`, value: Math.round(podCount / wall), unit: 'pods/s', goal: '≥ 10000' },
    { name: `e2e.wall_seconds_to_${podCount}_running`, value: round(wall, 2), unit: 's' },
    { name: `e2e.simulated_seconds_to_all_running`, value: simSeconds, unit: 's' },
    { name: `e2e.heap_with_${podCount}_pods_${nodeCount}_nodes`, value: Math.round(heap), unit: 'MB', goal: '≤ 1536' },
  ];
}
