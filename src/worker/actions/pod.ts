/** Pod and workload actions, as kubectl sends them. */
import type { PodFaultSet, WorkloadScale } from '../../protocol/messages';
import { FAULT_ANNOTATION } from '../feed/project';
import { MERGE, objectPath, type BoardClient } from './rest';

/** `kubectl delete pod`: graceful deletion with the pod's own grace period. */
export function deletePod(api: BoardClient, namespace: string, name: string): void {
  api.call({ method: 'DELETE', path: objectPath('', 'v1', 'pods', namespace, name), summary: `delete pod ${name}` });
}

/** Sets or clears the `kubeplay.dev/fault` annotation the simulated kubelet obeys. */
export function setPodFault(api: BoardClient, r: PodFaultSet): void {
  api.call({
    method: 'PATCH',
    path: objectPath('', 'v1', 'pods', r.namespace, r.name),
    contentType: MERGE,
    body: { metadata: { annotations: { [FAULT_ANNOTATION]: r.fault } } },
    summary: r.fault ? `inject ${r.fault} into pod ${r.name}` : `clear fault of pod ${r.name}`,
  });
}

const SCALABLE: Readonly<Record<string, string>> = { Deployment: 'deployments', ReplicaSet: 'replicasets', StatefulSet: 'statefulsets' };

/** `kubectl scale`: a merge patch of the scale subresource. */
export function scale(api: BoardClient, r: WorkloadScale): void {
  const plural = SCALABLE[r.ref.kind];
  if (!plural) throw new Error(`${r.ref.kind} cannot be scaled`);
  if (!Number.isInteger(r.replicas) || r.replicas < 0) throw new RangeError(`replicas must be a whole number ≥ 0, got ${r.replicas}`);
  api.call({
    method: 'PATCH',
    path: objectPath('apps', 'v1', plural, r.ref.namespace ?? 'default', r.ref.name, 'scale'),
    contentType: MERGE,
    body: { spec: { replicas: r.replicas } },
    summary: `scale ${r.ref.kind.toLowerCase()}/${r.ref.name} to ${r.replicas}`,
  });
}
