/**
 * Scenario helpers for Deployment/ReplicaSet tests without kubelet: pods stay Pending unless a
 * test marks them Running and Ready, as a kubelet would.
 */
import type { KObject } from '../../api/types';
import { rfc3339 } from '../../sim/clock';
import type { TestCluster } from '../../testing/testCluster';
import { applyPatch } from '../../apiserver/patch';
import { bindPod } from '../../apiserver/subresources';

/** Marks pods Running + Ready (lastTransitionTime = now) through pods/status. */
export function markReady(t: TestCluster, pods: readonly KObject[]): void {
  const def = t.api.registry.resolve('pods')!;
  const now = rfc3339(t.clock.now());
  for (const p of pods) {
    if (p.status?.conditions?.some((c: { type: string; status: string }) => c.type === 'Ready' && c.status === 'True')) continue;
    const status = {
      ...p.status,
      phase: 'Running',
      conditions: [
        { type: 'Ready', status: 'True', lastProbeTime: null, lastTransitionTime: now },
        { type: 'ContainersReady', status: 'True', lastProbeTime: null, lastTransitionTime: now },
      ],
    };
    t.api.update(def, p.metadata.namespace!, p.metadata.name!, { ...p, status }, {}, 'status');
  }
  t.settle();
}

/** Marks every not-yet-ready, non-terminating pod matching `selector` ready. */
export function markAllReady(t: TestCluster, selector?: string): void {
  markReady(
    t,
    t.pods(selector).filter((p) => !p.metadata.deletionTimestamp),
  );
}

/** kubectl rollout status's message for the Deployment as it is now (rollout_status.go, 1.32). */
export function rolloutStatus(d: KObject): string {
  const name = d.metadata.name;
  const s = d.status ?? {};
  const replicas = d.spec?.replicas ?? 1;
  if ((d.metadata.generation ?? 0) <= (s.observedGeneration ?? 0)) {
    const c = (s.conditions ?? []).find((x: { type: string }) => x.type === 'Progressing');
    if (c?.reason === 'ProgressDeadlineExceeded') return `error: deployment "${name}" exceeded its progress deadline`;
    const updated = s.updatedReplicas ?? 0;
    if (updated < replicas) return `Waiting for deployment "${name}" rollout to finish: ${updated} out of ${replicas} new replicas have been updated...`;
    if ((s.replicas ?? 0) > updated) return `Waiting for deployment "${name}" rollout to finish: ${(s.replicas ?? 0) - updated} old replicas are pending termination...`;
    if ((s.availableReplicas ?? 0) < updated) return `Waiting for deployment "${name}" rollout to finish: ${s.availableReplicas ?? 0} of ${updated} updated replicas are available...`;
    return `deployment "${name}" successfully rolled out`;
  }
  return 'Waiting for deployment spec update to be observed...';
}

export const deploymentYaml = (o: { name?: string; replicas?: number; image?: string; extra?: string; strategy?: string } = {}) => `
apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${o.name ?? 'web'}
spec:
  replicas: ${o.replicas ?? 3}
  selector:
    matchLabels: {app: ${o.name ?? 'web'}}
${o.strategy ?? ''}${o.extra ?? ''}  template:
    metadata:
      labels: {app: ${o.name ?? 'web'}}
    spec:
      containers:
      - name: nginx
        image: ${o.image ?? 'nginx:1.27'}
`;

/** The Deployment's ReplicaSets as `name=spec.replicas`, oldest revision first. */
export function replicaSetSizes(t: TestCluster, app = 'web'): string[] {
  return t
    .list('replicasets', `app=${app}`)
    .sort((a, b) => Number(a.metadata.annotations?.['deployment.kubernetes.io/revision']) - Number(b.metadata.annotations?.['deployment.kubernetes.io/revision']))
    .map((rs) => `${rs.metadata.name}=${rs.spec.replicas}`);
}

/** Events on the Deployment named `name`, as `Reason: message`. */
export function deploymentEvents(t: TestCluster, name = 'web'): string[] {
  return t
    .list('events')
    .filter((e) => e.involvedObject?.kind === 'Deployment' && e.involvedObject?.name === name)
    .sort((a, b) => Number(a.metadata.resourceVersion) - Number(b.metadata.resourceVersion))
    .map((e) => `${e.reason}: ${e.message}`);
}

/** `kubectl patch` through the API (what kubectl scale / rollout pause|resume|restart send). */
export function patchDeployment(t: TestCluster, patch: unknown, name = 'web', kind: 'merge' | 'strategic' | 'json' = 'strategic'): KObject {
  const def = t.api.registry.resolve('deployments')!;
  const ct = { merge: 'application/merge-patch+json', strategic: 'application/strategic-merge-patch+json', json: 'application/json-patch+json' }[kind];
  const out = t.api.patch(def, 'default', name, patch, ct, { fieldManager: 'kubectl' }, '', applyPatch).object;
  t.settle();
  return out;
}

const SKIP = new Set([
  'kubectl.kubernetes.io/last-applied-configuration',
  'deployment.kubernetes.io/revision',
  'deployment.kubernetes.io/revision-history',
  'deployment.kubernetes.io/desired-replicas',
  'deployment.kubernetes.io/max-replicas',
  'deprecated.deployment.rollback.to',
]);

/**
 * `kubectl rollout undo` (kubectl rollback.go, 1.32): the ReplicaSet of `toRevision` (0 = the
 * previous one), its template minus pod-template-hash and its annotations, sent as a JSON patch.
 */
export function rolloutUndo(t: TestCluster, name = 'web', toRevision = 0): KObject {
  const d = t.get('deployments', name)!;
  const rss = t.list('replicasets').filter((rs) => rs.metadata.ownerReferences?.some((r: { uid: string }) => r.uid === d.metadata.uid));
  const rev = (rs: KObject) => Number(rs.metadata.annotations?.['deployment.kubernetes.io/revision'] ?? 0);
  let target: KObject | undefined;
  if (toRevision === 0) target = [...rss].sort((a, b) => rev(b) - rev(a))[1];
  else target = rss.find((rs) => rev(rs) === toRevision);
  if (!target) throw new Error('no rollout history');
  const template = structuredClone(target.spec.template);
  delete template.metadata.labels['pod-template-hash'];
  const annotations: Record<string, string> = {};
  for (const [k, v] of Object.entries((d.metadata.annotations ?? {}) as Record<string, string>)) if (SKIP.has(k)) annotations[k] = v;
  for (const [k, v] of Object.entries((target.metadata.annotations ?? {}) as Record<string, string>)) if (!SKIP.has(k)) annotations[k] = v;
  return patchDeployment(
    t,
    [
      { op: 'replace', path: '/spec/template', value: template },
      { op: 'replace', path: '/metadata/annotations', value: annotations },
    ],
    name,
    'json',
  );
}

/** Binds a pod to a node, so deleting it is graceful (it lingers as Terminating without a kubelet). */
export function bind(t: TestCluster, pod: KObject, node = 'worker-1'): void {
  const def = t.api.registry.resolve('pods')!;
  bindPod(t.api, def, pod.metadata.namespace!, pod.metadata.name!, {
    apiVersion: 'v1',
    kind: 'Binding',
    metadata: { name: pod.metadata.name, namespace: pod.metadata.namespace },
    target: { apiVersion: 'v1', kind: 'Node', name: node },
  }, {});
}
