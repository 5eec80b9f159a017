/** Test helpers for the workload controllers: pod builders and a stand-in kubelet/scheduler. */
import { clone, type KObject } from '../../api/types';
import { Client } from '../../client/client';
import type { TestCluster } from '../../testing/testCluster';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

export interface PodSpecOpts {
  name: string;
  uid?: string;
  phase?: string;
  ready?: boolean;
  node?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  owner?: { apiVersion: string; kind: string; name: string; uid: string };
  finalizers?: string[];
  deleting?: string;
  created?: string;
  /** Container exit code (terminated state) and when it finished. */
  exitCode?: number;
  finishedAt?: string;
  restarts?: number;
}

/** A pod as the store holds it, for the pure reconcile tests. */
export function mkPod(o: PodSpecOpts): KObject {
  const conds: Json[] = [];
  if (o.ready !== undefined) conds.push({ type: 'Ready', status: o.ready ? 'True' : 'False', lastTransitionTime: o.finishedAt ?? '2025-01-01T00:00:05Z' });
  const terminated = o.exitCode !== undefined ? { state: { terminated: { exitCode: o.exitCode, finishedAt: o.finishedAt ?? '2025-01-01T00:00:10Z' } } } : {};
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: o.name,
      namespace: 'default',
      uid: o.uid ?? `uid-${o.name}`,
      creationTimestamp: o.created ?? '2025-01-01T00:00:00Z',
      labels: o.labels ?? {},
      ...(o.annotations ? { annotations: o.annotations } : {}),
      ...(o.finalizers ? { finalizers: o.finalizers } : {}),
      ...(o.deleting ? { deletionTimestamp: o.deleting, deletionGracePeriodSeconds: 0 } : {}),
      ...(o.owner ? { ownerReferences: [{ ...o.owner, controller: true, blockOwnerDeletion: true }] } : {}),
    },
    spec: { ...(o.node ? { nodeName: o.node } : {}), containers: [{ name: 'main', image: 'busybox' }] },
    status: {
      phase: o.phase ?? 'Pending',
      conditions: conds,
      containerStatuses: [{ name: 'main', restartCount: o.restarts ?? 0, ...terminated }],
    },
  };
}

const podsDef = (t: TestCluster) => t.api.registry.get('', 'pods')!;

/** Writes a pod's status as a kubelet would, then lets the controllers react. */
export function setPodStatus(t: TestCluster, name: string, status: Json, ns = 'default'): KObject {
  const p = clone(t.get('pods', name, ns)!);
  p.status = { ...p.status, ...status };
  const out = t.api.update(podsDef(t), ns, name, p, {}, 'status').object;
  t.settle();
  return out;
}

/** Running and Ready. */
export function runPod(t: TestCluster, name: string, ns = 'default'): KObject {
  const now = t.api.ctx.now;
  return setPodStatus(
    t,
    name,
    {
      phase: 'Running',
      conditions: [
        { type: 'Ready', status: 'True', lastProbeTime: null, lastTransitionTime: now },
        { type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: now },
      ],
    },
    ns,
  );
}

/** Terminates the pod's container with `exitCode` (0 → Succeeded, else Failed). */
export function finishPod(t: TestCluster, name: string, exitCode: number, ns = 'default'): KObject {
  const now = t.api.ctx.now;
  return setPodStatus(
    t,
    name,
    {
      phase: exitCode === 0 ? 'Succeeded' : 'Failed',
      conditions: [{ type: 'Ready', status: 'False', lastProbeTime: null, lastTransitionTime: now, reason: 'PodCompleted' }],
      containerStatuses: [
        { name: 'main', ready: false, restartCount: 0, state: { terminated: { exitCode, reason: exitCode === 0 ? 'Completed' : 'Error', startedAt: now, finishedAt: now } } },
      ],
    },
    ns,
  );
}

/** Binds every unscheduled pod to the node its required affinity names (a stand-in scheduler). */
export function bindDaemonPods(t: TestCluster, ns = 'default'): void {
  const client = new Client(t.api, 'default-scheduler');
  for (const p of t.pods(undefined, ns)) {
    if (p.spec?.nodeName) continue;
    const node = p.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms?.[0]?.matchFields?.[0]?.values?.[0];
    if (node) client.bind(ns, p.metadata.name!, node);
  }
  t.settle();
}

/** Pod names sorted, optionally by label selector. */
export const podNames = (t: TestCluster, selector?: string): string[] =>
  t
    .pods(selector)
    .map((p) => p.metadata.name!)
    .sort();

/** A merge patch of any object, as `kubectl patch --type merge` sends it. */
export function mergePatch(t: TestCluster, resource: string, name: string, patch: unknown, ns = 'default'): KObject {
  const out = new Client(t.api, 'kubectl').patch(resource, ns, name, patch, 'merge');
  t.settle();
  return out;
}
