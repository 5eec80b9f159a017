/**
 * Scenario helpers for Deployment/ReplicaSet tests without kubelet: pods stay Pending unless a
 * test marks them Running and Ready, as a kubelet would.
 */
import type { KObject } from '../../api/types';
import { rfc3339 } from '../../sim/clock';
import type { TestCluster } from '../../testing/testCluster';

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
