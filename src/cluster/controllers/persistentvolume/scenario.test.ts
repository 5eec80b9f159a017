import { describe, expect, it } from 'vitest';
import { clone } from '../../api/types';
import { newTestCluster, type TestCluster } from '../../testing/testCluster';

const controllers = ['persistentvolume-binder-controller', 'local-path-provisioner'];
const pv = (name: string, size: string, policy = 'Retain', cls = '') => `apiVersion: v1
kind: PersistentVolume
metadata: {name: ${name}}
spec:
  capacity: {storage: ${size}}
  accessModes: [ReadWriteOnce]
  persistentVolumeReclaimPolicy: ${policy}
  storageClassName: "${cls}"
  hostPath: {path: /data/${name}}
`;
const pvc = (name: string, size: string, cls?: string) => `apiVersion: v1
kind: PersistentVolumeClaim
metadata: {name: ${name}}
spec:
${cls === undefined ? '' : `  storageClassName: "${cls}"\n`}  accessModes: [ReadWriteOnce]
  resources: {requests: {storage: ${size}}}
`;
const del = (t: TestCluster, resource: string, name: string, ns = 'default') => {
  t.api.delete(t.api.registry.get('', resource)!, ns, name, {});
  t.settle();
};

describe('persistentvolume-binder-controller', () => {
  it('binds a claim to the smallest Available volume that fits and marks both Bound', () => {
    const t = newTestCluster({ controllers });
    t.apply(pv('big', '10Gi'));
    t.apply(pv('small', '2Gi'));
    t.apply(pv('tiny', '500Mi'));
    expect(t.get('persistentvolumes', 'small', '')!.status.phase).toBe('Available');
    t.apply(pvc('data', '1Gi', ''));
    const claim = t.get('persistentvolumeclaims', 'data')!;
    expect(claim.spec.volumeName).toBe('small');
    expect(claim.status).toEqual({ phase: 'Bound', accessModes: ['ReadWriteOnce'], capacity: { storage: '2Gi' } });
    expect(claim.metadata.annotations).toEqual({ 'pv.kubernetes.io/bind-completed': 'yes', 'pv.kubernetes.io/bound-by-controller': 'yes' });
    const vol = t.get('persistentvolumes', 'small', '')!;
    expect(vol.status.phase).toBe('Bound');
    expect(vol.spec.claimRef).toMatchObject({ kind: 'PersistentVolumeClaim', namespace: 'default', name: 'data', uid: claim.metadata.uid });
    expect(vol.metadata.annotations).toEqual({ 'pv.kubernetes.io/bound-by-controller': 'yes' });
  });

  it('releases a Retain volume when its claim is deleted, and keeps it', () => {
    const t = newTestCluster({ controllers });
    t.apply(pv('keep', '1Gi'));
    t.apply(pvc('data', '1Gi', ''));
    del(t, 'persistentvolumeclaims', 'data');
    expect(t.get('persistentvolumes', 'keep', '')!.status.phase).toBe('Released');
  });

  it('keeps a claim with no matching volume and no class Pending with FailedBinding', () => {
    const t = newTestCluster({ controllers });
    t.apply(pvc('data', '1Gi', ''));
    expect(t.get('persistentvolumeclaims', 'data')!.status.phase).toBe('Pending');
    expect(t.events('data')).toEqual(['FailedBinding: no persistent volumes available for this claim and no storage class is set']);
  });

  it('provisions a local-path volume for the default WaitForFirstConsumer class once a node is selected, and deletes it with the claim', () => {
    const t = newTestCluster({ controllers });
    t.apply(pvc('data', '1Gi'));
    const claim = t.get('persistentvolumeclaims', 'data')!;
    expect(claim.spec.storageClassName).toBe('standard');
    expect(t.events('data')).toEqual(['WaitForFirstConsumer: waiting for first consumer to be created before binding']);
    t.advance('15s');
    expect(t.events('data')).toHaveLength(1);
    expect(t.list('events').find((e) => e.reason === 'WaitForFirstConsumer')!.count).toBe(2);
    // The scheduler picks a node for the pod using the claim.
    const c = clone(claim);
    c.metadata.annotations = { 'volume.kubernetes.io/selected-node': 'worker-2' };
    t.api.update(t.api.registry.get('', 'persistentvolumeclaims')!, 'default', 'data', c);
    t.settle();
    const name = `pvc-${claim.metadata.uid}`;
    expect(t.events('data')).toEqual([
      'WaitForFirstConsumer: waiting for first consumer to be created before binding',
      "ExternalProvisioning: Waiting for a volume to be created either by the external provisioner 'rancher.io/local-path' or manually by the system administrator. If volume creation is delayed, please verify that the provisioner is running and correctly registered.",
      'Provisioning: External provisioner is provisioning volume for claim "default/data"',
      `ProvisioningSucceeded: Successfully provisioned volume ${name}`,
    ]);
    const vol = t.get('persistentvolumes', name, '')!;
    expect(vol.spec).toMatchObject({
      storageClassName: 'standard',
      persistentVolumeReclaimPolicy: 'Delete',
      capacity: { storage: '1Gi' },
      hostPath: { path: `/var/local-path-provisioner/${name}_default_data`, type: 'DirectoryOrCreate' },
      nodeAffinity: { required: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'kubernetes.io/hostname', operator: 'In', values: ['worker-2'] }] }] } },
    });
    expect(vol.metadata.annotations).toEqual({ 'pv.kubernetes.io/provisioned-by': 'rancher.io/local-path', 'local.path.provisioner/selected-node': 'worker-2' });
    expect(vol.status.phase).toBe('Bound');
    const bound = t.get('persistentvolumeclaims', 'data')!;
    expect(bound.status.phase).toBe('Bound');
    expect(bound.metadata.annotations).toEqual({
      'pv.kubernetes.io/bind-completed': 'yes',
      'pv.kubernetes.io/bound-by-controller': 'yes',
      'volume.beta.kubernetes.io/storage-provisioner': 'rancher.io/local-path',
      'volume.kubernetes.io/selected-node': 'worker-2',
      'volume.kubernetes.io/storage-provisioner': 'rancher.io/local-path',
    });
    del(t, 'persistentvolumeclaims', 'data');
    expect(t.get('persistentvolumes', name, '')).toBeUndefined();
  });
});
