/** Builders shared by the cluster-wide controllers' tests. */
import { clone, type KObject } from '../../api/types';
import type { TestCluster } from '../../testing/testCluster';

export interface PodOpts {
  name: string;
  ns?: string;
  labels?: Record<string, string>;
  node?: string;
  ip?: string;
  ready?: boolean;
  uid?: string;
  ports?: { name?: string; containerPort: number; protocol?: string }[];
  deleting?: boolean;
  phase?: string;
  owner?: { apiVersion: string; kind: string; name: string; uid: string; controller?: boolean };
  tolerations?: unknown[];
  hostname?: string;
  subdomain?: string;
  creationTimestamp?: string;
}

/** A pod object as the store would hold it (for pure reconcile tests). */
export function pod(o: PodOpts): KObject {
  const ready = o.ready ?? true;
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: o.name,
      namespace: o.ns ?? 'default',
      uid: o.uid ?? `uid-${o.name}`,
      labels: o.labels ?? { app: 'web' },
      creationTimestamp: o.creationTimestamp ?? '2025-01-01T00:00:00Z',
      ...(o.deleting ? { deletionTimestamp: '2025-01-01T00:10:00Z', deletionGracePeriodSeconds: 30 } : {}),
      ...(o.owner ? { ownerReferences: [{ controller: true, blockOwnerDeletion: true, ...o.owner }] } : {}),
    },
    spec: {
      ...(o.node !== undefined ? { nodeName: o.node } : { nodeName: 'worker-1' }),
      ...(o.hostname ? { hostname: o.hostname } : {}),
      ...(o.subdomain ? { subdomain: o.subdomain } : {}),
      ...(o.tolerations ? { tolerations: o.tolerations } : {}),
      containers: [{ name: 'app', image: 'nginx', ports: o.ports ?? [{ name: 'http', containerPort: 8080, protocol: 'TCP' }] }],
    },
    status: {
      phase: o.phase ?? 'Running',
      ...(o.ip !== '' ? { podIP: o.ip ?? '10.244.1.5', podIPs: [{ ip: o.ip ?? '10.244.1.5' }] } : {}),
      conditions: [{ type: 'Ready', status: ready ? 'True' : 'False', lastTransitionTime: '2025-01-01T00:00:05Z' }],
    },
  };
}

/** Sets a live pod's status as a kubelet would (IP, phase Running, Ready condition). */
export function setPodRunning(t: TestCluster, name: string, ip: string, ready = true, ns = 'default'): KObject {
  const p = clone(t.get('pods', name, ns)!);
  const now = t.api.ctx.now;
  p.status = {
    ...p.status,
    phase: 'Running',
    podIP: ip,
    podIPs: [{ ip }],
    conditions: [
      { type: 'Ready', status: ready ? 'True' : 'False', lastProbeTime: null, lastTransitionTime: now },
      { type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: now },
    ],
  };
  const out = t.api.update(t.api.registry.get('', 'pods')!, ns, name, p, {}, 'status').object;
  t.settle();
  return out;
}

/** YAML of a pod bound to a node. */
export function podYaml(name: string, labels: Record<string, string>, node = 'worker-1', extra = ''): string {
  const l = Object.entries(labels)
    .map(([k, v]) => `    ${k}: ${v}`)
    .join('\n');
  return `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
  labels:
${l}
spec:
  nodeName: ${node}
${extra}  containers:
  - name: app
    image: nginx
    ports:
    - name: http
      containerPort: 8080
`;
}
