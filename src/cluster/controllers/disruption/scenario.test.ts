import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/errors';
import { Client } from '../../client/client';
import { newTestCluster, type TestCluster } from '../../testing/testCluster';
import { setPodRunning } from '../endpoints/testkit';
import { evictPod } from './eviction';

const RS = `apiVersion: apps/v1
kind: ReplicaSet
metadata: {name: web}
spec:
  replicas: 3
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec: {containers: [{name: c, image: nginx}]}
`;

function world(pdbSpec: string): TestCluster {
  const t = newTestCluster({ controllers: ['disruption-controller'] });
  const rs = t.apply(RS)[0];
  for (let i = 0; i < 3; i++) {
    t.apply(
      JSON.stringify({
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: `web-${i}`, labels: { app: 'web' }, ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web', uid: rs.metadata.uid, controller: true, blockOwnerDeletion: true }] },
        spec: { nodeName: `worker-${i + 1}`, containers: [{ name: 'c', image: 'nginx' }] },
      }),
    );
    setPodRunning(t, `web-${i}`, `10.244.${i + 1}.5`);
  }
  t.apply(`apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: {name: web}\nspec:\n  selector: {matchLabels: {app: web}}\n${pdbSpec}`);
  return t;
}

const status = (t: TestCluster) => {
  const s = t.get('poddisruptionbudgets', 'web')!.status;
  return { currentHealthy: s.currentHealthy, desiredHealthy: s.desiredHealthy, disruptionsAllowed: s.disruptionsAllowed, expectedPods: s.expectedPods, observedGeneration: s.observedGeneration };
};
const evict = (t: TestCluster, name: string) => evictPod(new Client(t.api, 'kube-apiserver'), t.get('pods', name)!, { apiVersion: 'policy/v1', kind: 'Eviction', metadata: { name, namespace: 'default' } });

describe('disruption-controller', () => {
  it('minAvailable 2 of 3 ready pods allows 1 disruption', () => {
    const t = world('  minAvailable: 2\n');
    expect(status(t)).toEqual({ currentHealthy: 3, desiredHealthy: 2, disruptionsAllowed: 1, expectedPods: 3, observedGeneration: 1 });
    const c = t.get('poddisruptionbudgets', 'web')!.status.conditions;
    expect(c.map((x: { type: string; status: string; reason: string; message: string }) => [x.type, x.status, x.reason, x.message])).toEqual([['DisruptionAllowed', 'True', 'SufficientPods', '']]);
  });

  it('maxUnavailable counts against the controller scale', () => {
    const t = world('  maxUnavailable: 1\n');
    expect(status(t)).toMatchObject({ expectedPods: 3, desiredHealthy: 2, disruptionsAllowed: 1 });
  });

  it('a pod going unready uses up the budget (InsufficientPods)', () => {
    const t = world('  minAvailable: 2\n');
    setPodRunning(t, 'web-0', '10.244.1.5', false);
    expect(status(t)).toMatchObject({ currentHealthy: 2, disruptionsAllowed: 0 });
    expect(t.get('poddisruptionbudgets', 'web')!.status.conditions[0].reason).toBe('InsufficientPods');
  });

  it('eviction decrements disruptionsAllowed, deletes the pod, then refuses with 429 and the budget cause', () => {
    const t = world('  minAvailable: 2\n');
    evict(t, 'web-0');
    t.settle();
    const pod = t.get('pods', 'web-0')!;
    expect(pod.metadata.deletionTimestamp).toBeDefined();
    expect(pod.status.conditions.find((c: { type: string }) => c.type === 'DisruptionTarget')).toMatchObject({ reason: 'EvictionByEvictionAPI', message: 'Eviction API: evicting' });
    expect(status(t)).toMatchObject({ currentHealthy: 2, disruptionsAllowed: 0 });
    let err: ApiError | undefined;
    try {
      evict(t, 'web-1');
    } catch (e) {
      err = e as ApiError;
    }
    expect(err?.status).toEqual({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: "Cannot evict pod as it would violate the pod's disruption budget.",
      reason: 'TooManyRequests',
      details: { causes: [{ reason: 'DisruptionBudget', message: 'The disruption budget web needs 2 healthy pods and has 2 currently' }] },
      code: 429,
    });
    expect(t.get('pods', 'web-1')!.metadata.deletionTimestamp).toBeUndefined();
  });

  it('reports NoPods for a budget that selects nothing', () => {
    const t = newTestCluster({ controllers: ['disruption-controller'] });
    t.apply('apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: {name: web}\nspec:\n  minAvailable: 1\n  selector: {matchLabels: {app: none}}\n');
    expect(t.events('web')).toContain('NoPods: No matching pods found');
    expect(status(t)).toMatchObject({ expectedPods: 0, disruptionsAllowed: 0 });
  });
});
