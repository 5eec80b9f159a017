import type { KObject } from '../cluster/api/types';
import { createCluster } from '../cluster/cluster';
import { round, type Figure } from './report';

/** A pod as a ReplicaSet controller would create it (before defaulting). */
export function benchPod(i: number, app: string): KObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: `${app}-${i.toString(36)}`,
      namespace: 'default',
      labels: { app, 'pod-template-hash': '7d9c8b6f5d' },
    },
    spec: {
      containers: [
        {
          name: 'nginx',
          image: 'nginx:1.27',
          ports: [{ containerPort: 80 }],
          resources: { requests: { cpu: '100m', memory: '64Mi' } },
        },
      ],
    },
  };
}

function gcHeapMB(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().heapUsed / 2 ** 20;
}

/** API-layer figures from issue 2: create rate, selector list latency, watch fan-out, heap. */
export function apiFigures(total: number): Figure[] {
  const figures: Figure[] = [];
  const heapBefore = gcHeapMB();
  const c = createCluster({ seed: 1, empty: true, controllers: 'none', maxObjects: total + 10_000, historySize: 10_000 });
  const podDef = c.api.registry.get('', 'pods')!;

  // 1. Creates through the API layer (defaulting, admission, validation, store, watch history).
  const t0 = performance.now();
  for (let i = 0; i < total; i++) c.api.create(podDef, 'default', benchPod(i, `app-${i % 1000}`));
  const secs = (performance.now() - t0) / 1000;
  figures.push({ name: 'api.pod_creates_per_second', value: Math.round(total / secs), unit: 'pods/s', goal: '≥ 20000' });

  // 2. Heap with every pod stored.
  figures.push({ name: `api.heap_with_${total}_pods`, value: Math.round(gcHeapMB() - heapBefore), unit: 'MB', goal: '≤ 600' });

  // 3. List by label selector (150 matches among `total`).
  const runs = 200;
  let found = 0;
  const t1 = performance.now();
  for (let r = 0; r < runs; r++) found += c.api.list(podDef, 'default', { labelSelector: `app=app-${r % 1000}` }).items.length;
  figures.push({ name: 'api.list_by_label_selector', value: round((performance.now() - t1) / runs, 3), unit: 'ms', goal: '≤ 20' });
  if (found === 0) throw new Error('selector list found nothing');

  // 4. Watch fan-out: one write delivered to 100 watchers.
  const watchers = 100;
  let delivered = 0;
  const stops = Array.from({ length: watchers }, () => c.api.watch(podDef, 'default', { resourceVersion: String(c.store.rv) }, () => delivered++));
  const writes = 2_000;
  const t2 = performance.now();
  for (let i = 0; i < writes; i++) c.api.create(podDef, 'default', benchPod(total + i, 'fanout'));
  const perWrite = (performance.now() - t2) / writes;
  stops.forEach((s) => s());
  if (delivered !== watchers * writes) throw new Error(`fan-out delivered ${delivered}, expected ${watchers * writes}`);
  figures.push({ name: 'api.watch_fanout_100_watchers_per_write', value: round(perWrite * 1000, 1), unit: 'µs' });
  return figures;
}
