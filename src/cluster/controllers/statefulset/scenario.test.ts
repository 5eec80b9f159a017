import { describe, expect, it } from 'vitest';
import { newTestCluster, type TestCluster } from '../../testing/testCluster';
import { mergePatch, podNames, runPod } from '../job/testkit';

const stsYaml = (replicas: number, extra = '', image = 'nginx:1.27') => `apiVersion: apps/v1
kind: StatefulSet
metadata: {name: web}
spec:
  serviceName: nginx
  replicas: ${replicas}
${extra}
  selector: {matchLabels: {app: nginx}}
  template:
    metadata: {labels: {app: nginx}}
    spec: {containers: [{name: nginx, image: "${image}"}]}
  volumeClaimTemplates:
  - metadata: {name: www}
    spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}
`;

const newCluster = () => newTestCluster({ controllers: ['statefulset-controller'] });
const runAll = (t: TestCluster) => {
  for (const p of t.pods('app=nginx')) if (p.status.phase === 'Pending' && !p.metadata.deletionTimestamp) runPod(t, p.metadata.name!);
};

describe('statefulset-controller scenarios', () => {
  it('scales up in order: each pod only after its predecessor is Running and Ready', () => {
    const t = newCluster();
    t.apply(stsYaml(3));
    expect(podNames(t)).toEqual(['web-0']);
    const pvc = t.get('persistentvolumeclaims', 'www-web-0')!;
    expect(pvc.metadata.labels).toEqual({ app: 'nginx' });
    expect(pvc.spec.resources.requests.storage).toBe('1Gi');
    const p0 = t.get('pods', 'web-0')!;
    expect(p0.metadata.labels).toMatchObject({ app: 'nginx', 'statefulset.kubernetes.io/pod-name': 'web-0', 'apps.kubernetes.io/pod-index': '0' });
    expect(p0.metadata.labels!['controller-revision-hash']).toMatch(/^web-[bcdfghjklmnpqrstvwxz2456789]+$/);
    expect(p0.spec).toMatchObject({ hostname: 'web-0', subdomain: 'nginx' });
    expect(p0.spec.volumes[0]).toEqual({ name: 'www', persistentVolumeClaim: { claimName: 'www-web-0' } });
    expect(p0.metadata.ownerReferences![0]).toMatchObject({ apiVersion: 'apps/v1', kind: 'StatefulSet', name: 'web', controller: true });
    t.advance('10s');
    expect(podNames(t)).toEqual(['web-0']);
    runPod(t, 'web-0');
    expect(podNames(t)).toEqual(['web-0', 'web-1']);
    runPod(t, 'web-1');
    runPod(t, 'web-2');
    const sts = t.get('statefulsets', 'web')!;
    const rev = p0.metadata.labels!['controller-revision-hash'];
    expect(sts.status).toEqual({
      observedGeneration: 1,
      replicas: 3,
      readyReplicas: 3,
      currentReplicas: 3,
      updatedReplicas: 3,
      currentRevision: rev,
      updateRevision: rev,
      collisionCount: 0,
      availableReplicas: 3,
    });
    expect(t.events('web').slice(0, 2)).toEqual(['SuccessfulCreate: create Claim www-web-0 Pod web-0 in StatefulSet web success', 'SuccessfulCreate: create Pod web-0 in StatefulSet web successful']);
    const cr = t.get('controllerrevisions', rev)!;
    expect(cr.revision).toBe(1);
    expect(cr.metadata.labels).toMatchObject({ app: 'nginx', 'controller.kubernetes.io/hash': rev.slice(4) });
    expect(cr.data.spec.template.$patch).toBe('replace');
  });

  it('scales down in reverse ordinal order, one pod at a time', () => {
    const t = newCluster();
    t.apply(stsYaml(3));
    for (let i = 0; i < 3; i++) runAll(t);
    mergePatch(t, 'apps/statefulsets', 'web', { spec: { replicas: 1 } });
    // unscheduled pods go away at once; a deleted pod's successor waits for the next sync
    expect(podNames(t)).toEqual(['web-0']);
    const deletes = t.events('web').filter((e) => e.startsWith('SuccessfulDelete'));
    expect(deletes).toEqual(['SuccessfulDelete: delete Pod web-2 in StatefulSet web successful', 'SuccessfulDelete: delete Pod web-1 in StatefulSet web successful']);
    // claims are retained (whenScaled: Retain)
    expect(t.get('persistentvolumeclaims', 'www-web-2')).toBeDefined();
  });

  it('Parallel creates every pod at once', () => {
    const t = newCluster();
    t.apply(stsYaml(3, '  podManagementPolicy: Parallel'));
    expect(podNames(t)).toEqual(['web-0', 'web-1', 'web-2']);
  });

  it('rolls out a new template from the highest ordinal down, honouring the partition', () => {
    const t = newCluster();
    t.apply(stsYaml(3, '  updateStrategy: {type: RollingUpdate, rollingUpdate: {partition: 1}}'));
    for (let i = 0; i < 3; i++) runAll(t);
    const oldRev = t.get('statefulsets', 'web')!.status.currentRevision;
    mergePatch(t, 'apps/statefulsets', 'web', { spec: { template: { spec: { containers: [{ name: 'nginx', image: 'nginx:1.28' }] } } } });
    const newRev = t.get('statefulsets', 'web')!.status.updateRevision;
    expect(newRev).not.toBe(oldRev);
    // web-2 was replaced first; web-1 waits until web-2 is Running and Ready
    expect(t.get('pods', 'web-2')!.metadata.labels!['controller-revision-hash']).toBe(newRev);
    expect(t.get('pods', 'web-1')!.metadata.labels!['controller-revision-hash']).toBe(oldRev);
    runPod(t, 'web-2');
    expect(t.get('pods', 'web-1')!.metadata.labels!['controller-revision-hash']).toBe(newRev);
    runPod(t, 'web-1');
    // the partition keeps web-0 at the old revision
    expect(t.get('pods', 'web-0')!.metadata.labels!['controller-revision-hash']).toBe(oldRev);
    const s = t.get('statefulsets', 'web')!.status;
    expect(s).toMatchObject({ currentRevision: oldRev, updateRevision: newRev, currentReplicas: 1, updatedReplicas: 2 });
    expect(t.list('controllerrevisions').map((r) => r.revision).sort()).toEqual([1, 2]);
  });

  it('OnDelete leaves pods alone until they are deleted', () => {
    const t = newCluster();
    t.apply(stsYaml(1, '  updateStrategy: {type: OnDelete}'));
    runAll(t);
    const oldRev = t.get('pods', 'web-0')!.metadata.labels!['controller-revision-hash'];
    mergePatch(t, 'apps/statefulsets', 'web', { spec: { template: { spec: { containers: [{ name: 'nginx', image: 'nginx:1.28' }] } } } });
    expect(t.get('pods', 'web-0')!.metadata.labels!['controller-revision-hash']).toBe(oldRev);
    t.api.delete(t.api.registry.get('', 'pods')!, 'default', 'web-0');
    t.settle();
    expect(t.get('pods', 'web-0')!.metadata.labels!['controller-revision-hash']).not.toBe(oldRev);
  });

  it('a whenDeleted: Delete policy makes the set own its claims', () => {
    const t = newCluster();
    t.apply(stsYaml(1, '  persistentVolumeClaimRetentionPolicy: {whenDeleted: Delete, whenScaled: Retain}'));
    const set = t.get('statefulsets', 'web')!;
    expect(t.get('persistentvolumeclaims', 'www-web-0')!.metadata.ownerReferences).toEqual([
      { apiVersion: 'apps/v1', kind: 'StatefulSet', name: 'web', uid: set.metadata.uid, controller: true, blockOwnerDeletion: true },
    ]);
  });

  it('a failed pod is deleted and recreated with the same name', () => {
    const t = newCluster();
    t.apply(stsYaml(1));
    runAll(t);
    const uid = t.get('pods', 'web-0')!.metadata.uid;
    const p = structuredClone(t.get('pods', 'web-0')!);
    p.status.phase = 'Failed';
    t.api.update(t.api.registry.get('', 'pods')!, 'default', 'web-0', p, {}, 'status');
    t.settle();
    expect(t.get('pods', 'web-0')!.metadata.uid).not.toBe(uid);
  });
});
