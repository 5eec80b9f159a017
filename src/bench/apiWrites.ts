import type { KObject } from '../cluster/api/types';
import { Client } from '../cluster/client/client';
import { EventRecorder } from '../cluster/client/recorder';
import { createCluster, type Cluster } from '../cluster/cluster';
import { round, type Figure } from './report';

/**
 * The per-write cost every control loop pays, by write kind: a ReplicaSet's pod create, a
 * kubelet's pod status write, the scheduler's binding, a new Event and an aggregated Event
 * (count bump). Each kind reports CPU µs per write and bytes allocated per write (median heap growth
 * of single writes, so a collection in the middle of one is thrown out, not averaged in).
 */

function ownedPod(i: number, prefix = 'web-7d9c8b6f5d-'): KObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      // Fixed names: generated ones collide now and then (the controller would retry).
      name: `${prefix}${i.toString(36)}`,
      namespace: 'default',
      labels: { app: `web-${i % 50}`, 'pod-template-hash': '7d9c8b6f5d' },
      ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web-7d9c8b6f5d', uid: 'rs-uid', controller: true, blockOwnerDeletion: true }],
    },
    spec: { containers: [{ name: 'app', image: 'registry.k8s.io/pause:3.10', resources: { requests: { cpu: '10m', memory: '16Mi' } } }] },
  };
}

/** What the kubelet writes once the container runs (its body carries only identity and status). */
function runningStatus(p: KObject, now: string, round: number): KObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: p.metadata.name, namespace: p.metadata.namespace, uid: p.metadata.uid },
    status: {
      phase: 'Running',
      conditions: [
        { type: 'PodReadyToStartContainers', status: 'True', lastProbeTime: null, lastTransitionTime: now },
        { type: 'Initialized', status: 'True', lastProbeTime: null, lastTransitionTime: now },
        { type: 'Ready', status: 'True', lastProbeTime: null, lastTransitionTime: now },
        { type: 'ContainersReady', status: 'True', lastProbeTime: null, lastTransitionTime: now },
        { type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: now },
      ],
      hostIP: '10.0.0.1',
      hostIPs: [{ ip: '10.0.0.1' }],
      podIP: `10.244.0.${round % 250}`,
      podIPs: [{ ip: `10.244.0.${round % 250}` }],
      startTime: now,
      containerStatuses: [
        {
          containerID: `containerd://${round.toString(16).padStart(12, '0')}`,
          image: 'registry.k8s.io/pause:3.10',
          imageID: 'registry.k8s.io/pause@sha256:ee6521f290b2168b6e0935a181d4cff9be1ac3f505666ef0e3c98fae8199917a',
          lastState: {},
          name: 'app',
          ready: true,
          restartCount: round,
          started: true,
          state: { running: { startedAt: now } },
        },
      ],
      qosClass: 'Burstable',
    },
  };
}

function heapUsed(): number {
  return process.memoryUsage().heapUsed;
}

/**
 * CPU µs per write (the best of several rounds, so other processes on the machine disturb it
 * less), then the median heap growth of single writes. `write(i)` must accept every i once.
 */
function measure(name: string, n: number, write: (i: number) => void): Figure[] {
  const rounds = 5;
  const per = Math.floor(n / rounds);
  let best = Infinity;
  let i = 0;
  for (let r = 0; r < rounds; r++) {
    const t0 = process.cpuUsage();
    for (const end = i + per; i < end; i++) write(i);
    const t = process.cpuUsage(t0);
    best = Math.min(best, (t.user + t.system) / per);
  }
  const growth: number[] = [];
  for (const end = i + SAMPLES; i < end; i++) {
    const h = heapUsed();
    write(i);
    const d = heapUsed() - h;
    if (d >= 0) growth.push(d);
  }
  growth.sort((a, b) => a - b);
  return [
    { name: `api.write_us.${name}`, value: round(best, 2), unit: 'µs' },
    { name: `api.write_bytes.${name}`, value: growth[growth.length >> 1] ?? 0, unit: 'B' },
  ];
}

const SAMPLES = 400;

export function apiWriteFigures(n = 5_000): Figure[] {
  const c: Cluster = createCluster({ seed: 1, empty: true, controllers: 'none', historySize: 20_000 });
  const client = new Client(c.api, 'bench');
  let seq = 0;
  const recorder = new EventRecorder(client, () => (seq++).toString(16));
  const total = n + SAMPLES;
  const pods: KObject[] = [];
  const figures: Figure[] = [];
  // Warm up every path once so the first kind does not pay for compilation.
  for (let i = 0; i < 200; i++) client.create('pods', ownedPod(i, 'warm-'));
  figures.push(...measure('pod_create', n, (i) => pods.push(client.create('pods', ownedPod(i)))));
  figures.push(...measure('pod_binding', n, (i) => client.bind('default', pods[i % total].metadata.name!, `node-${i % 100}`)));
  const now = c.api.ctx.now;
  figures.push(
    ...measure('pod_status_update', n, (i) => client.updateStatus('pods', runningStatus(pods[i % total], now, Math.floor(i / total) + 1))),
  );
  figures.push(
    ...measure('event_create', n, (i) => {
      const p = pods[i % total];
      recorder.event(p, 'Normal', 'Scheduled', `Successfully assigned default/${p.metadata.name} to node-${i}`, 'default-scheduler');
    }),
  );
  figures.push(
    ...measure('event_aggregate', n, (i) => {
      const p = pods[i % 100];
      recorder.event(p, 'Warning', 'BackOff', 'Back-off restarting failed container app in pod', 'kubelet', 'node-1');
    }),
  );
  return figures;
}
