/** Node actions as kubectl (and a kubelet registering itself) would perform them. */
import { nodeObject, nodeStatus } from '../../cluster/bootstrap/nodes';
import type { NodeAdd, NodeFaultSet } from '../../protocol/messages';
import { FAULT_ANNOTATION } from '../feed/project';
import { MERGE, STRATEGIC, objectPath, type BoardClient } from './rest';

const nodePath = (name: string, sub = '') => objectPath('', 'v1', 'nodes', undefined, name, sub);

/** `kubectl cordon`: the scheduler stops placing new pods here; running pods stay. */
export function cordon(api: BoardClient, node: string): void {
  api.call({ method: 'PATCH', path: nodePath(node), contentType: STRATEGIC, body: { spec: { unschedulable: true } }, summary: `cordon node ${node}` });
}

/** `kubectl uncordon`. kubectl's two-way merge patch clears the field (false is omitted). */
export function uncordon(api: BoardClient, node: string): void {
  api.call({ method: 'PATCH', path: nodePath(node), contentType: STRATEGIC, body: { spec: { unschedulable: null } }, summary: `uncordon node ${node}` });
}

interface PodItem {
  metadata: { name: string; namespace: string; ownerReferences?: { kind: string; controller?: boolean }[]; annotations?: Record<string, string> };
  status?: { phase?: string };
}

/**
 * `kubectl drain --ignore-daemonsets --delete-emptydir-data`: cordon, then ask the Eviction API
 * to remove every pod but DaemonSet and mirror pods. An eviction a PodDisruptionBudget refuses
 * (429) is reported, not retried: the feed shows why the drain is incomplete.
 */
export function drain(api: BoardClient, node: string): void {
  cordon(api, node);
  const list = api.call<{ items: PodItem[] }>({ method: 'GET', path: '/api/v1/pods', query: { fieldSelector: `spec.nodeName=${node}` } });
  for (const p of list.items) {
    const m = p.metadata;
    if (m.ownerReferences?.some((r) => r.controller && r.kind === 'DaemonSet')) continue;
    if (m.annotations?.['kubernetes.io/config.mirror']) continue;
    if (p.status?.phase === 'Succeeded' || p.status?.phase === 'Failed') continue;
    try {
      api.call({
        method: 'POST',
        path: objectPath('', 'v1', 'pods', m.namespace, m.name, 'eviction'),
        body: { apiVersion: 'policy/v1', kind: 'Eviction', metadata: { name: m.name, namespace: m.namespace } },
        summary: `evict pod ${m.name} (drain ${node})`,
      });
    } catch {
      // Recorded in the audit entry; kubectl would retry a 429 until the budget allows it.
    }
  }
}

/** Sets or clears the `kubeplay.dev/fault` annotation the simulated kubelet obeys. */
export function setFault(api: BoardClient, r: NodeFaultSet): void {
  api.call({
    method: 'PATCH',
    path: nodePath(r.node),
    contentType: MERGE,
    body: { metadata: { annotations: { [FAULT_ANNOTATION]: r.fault } } },
    summary: r.fault ? `${r.fault === 'down' ? 'fail' : 'partition'} node ${r.node}` : `recover node ${r.node}`,
  });
}

export function remove(api: BoardClient, node: string): void {
  api.call({ method: 'DELETE', path: nodePath(node), summary: `delete node ${node}` });
}

/**
 * Registers a node as a kubelet does on first start: POST the Node, then report its status.
 * Names continue the `worker-N` series; zones rotate so spreading has somewhere to go.
 */
export function add(api: BoardClient, r: NodeAdd): string {
  const existing = api.call<{ items: { metadata: { name: string } }[] }>({ method: 'GET', path: '/api/v1/nodes' }).items.map((n) => n.metadata.name);
  let n = existing.length;
  const taken = new Set(existing);
  while (taken.has(`worker-${n}`)) n++;
  const name = r.name ?? `worker-${n}`;
  const spec = {
    name,
    cpu: r.cpu ?? '4',
    memory: r.memory ?? '16Gi',
    pods: r.pods,
    zone: r.zone ?? `zone-${'abc'[n % 3]}`,
    ip: `172.18.${Math.floor((n + 2) / 250)}.${((n + 2) % 250) + 2}`,
  };
  const created = api.call<{ metadata: Record<string, unknown> }>({ method: 'POST', path: '/api/v1/nodes', body: nodeObject(spec, existing.length), summary: `add node ${name}` });
  // The status a kubelet posts right after registering (timestamps = registration time).
  const now = String(created.metadata.creationTimestamp);
  api.call({ method: 'PUT', path: nodePath(name, 'status'), body: { ...created, status: nodeStatus(spec, now) }, summary: `node ${name} reports Ready` });
  return name;
}
