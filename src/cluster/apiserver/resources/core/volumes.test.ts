import { describe, expect, it } from 'vitest';
import type { KObject } from '../../../api/types';
import { coreServer, mutable } from './testkit';

const pv = (spec: KObject['spec'], name = 'pv1'): KObject => ({ apiVersion: 'v1', kind: 'PersistentVolume', metadata: { name }, spec });
const pvc = (spec: KObject['spec'], name = 'data'): KObject => ({ apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name }, spec });
const sc = (name: string, isDefault = false): KObject => ({
  apiVersion: 'storage.k8s.io/v1',
  kind: 'StorageClass',
  metadata: { name, ...(isDefault ? { annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' } } : {}) },
  provisioner: 'rancher.io/local-path',
});
const hostPathPV = { capacity: { storage: '1.5Gi' }, accessModes: ['ReadWriteOnce'], hostPath: { path: '/data' } };
const claim = { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } };

describe('PersistentVolume', () => {
  it('defaults reclaim policy, volume mode and hostPath type, canonicalises capacity and starts Pending', () => {
    const { create, clock } = coreServer();
    const v = create(pv(hostPathPV));
    expect([v.spec.persistentVolumeReclaimPolicy, v.spec.volumeMode, v.spec.hostPath, v.spec.capacity]).toEqual([
      'Retain',
      'Filesystem',
      { path: '/data', type: '' },
      { storage: '1536Mi' },
    ]);
    expect(v.status).toEqual({ phase: 'Pending', lastPhaseTransitionTime: v.metadata.creationTimestamp });
    expect(clock).toBeDefined();
  });

  it.each<[string, KObject['spec'], string]>([
    [
      'requires access modes, capacity and a volume type',
      {},
      'PersistentVolume "pv1" is invalid: [spec.accessModes: Required value, spec.capacity: Required value, spec.capacity: Unsupported value: core.ResourceList(nil): supported values: "storage", spec: Required value: must specify a volume type]',
    ],
    [
      'refuses an unknown access mode',
      { ...hostPathPV, accessModes: ['ReadWriteAll'] },
      'PersistentVolume "pv1" is invalid: spec.accessModes: Unsupported value: "ReadWriteAll": supported values: "ReadOnlyMany", "ReadWriteMany", "ReadWriteOnce", "ReadWriteOncePod"',
    ],
    [
      'refuses two volume types',
      { ...hostPathPV, nfs: { server: 'nfs', path: '/x' } },
      'PersistentVolume "pv1" is invalid: spec.nfs: Forbidden: may not specify more than 1 volume type',
    ],
    ['requires a hostPath path', { ...hostPathPV, hostPath: {} }, 'PersistentVolume "pv1" is invalid: spec.hostPath.path: Required value'],
    [
      'requires node affinity for local volumes',
      { ...hostPathPV, hostPath: undefined, local: { path: '/mnt/disk' } },
      'PersistentVolume "pv1" is invalid: spec.nodeAffinity: Required value: Local volume requires node affinity',
    ],
    [
      'refuses a zero capacity',
      { ...hostPathPV, capacity: { storage: '0' } },
      'PersistentVolume "pv1" is invalid: spec.capacity[storage]: Invalid value: "0": must be greater than zero',
    ],
  ])('%s', (_n, spec, message) => {
    const { create, errorOf } = coreServer();
    expect(errorOf(() => create(pv(spec)))).toBe(message);
  });

  it('prints capacity, modes, claim, class and the unset attributes class', () => {
    const { create, row } = coreServer();
    const v = create(pv({ ...hostPathPV, storageClassName: 'manual', claimRef: { namespace: 'default', name: 'data' } }));
    expect(row(v)).toEqual(['pv1', '1536Mi', 'RWO', 'Retain', 'Pending', 'default/data', 'manual', '<unset>', '', '5s', 'Filesystem']);
  });
});

describe('PersistentVolumeClaim', () => {
  it('starts Pending with volumeMode Filesystem and takes the newest default StorageClass', () => {
    const { create, clock } = coreServer();
    create(sc('standard', true));
    clock.advance(1000);
    create(sc('fast', true));
    create(sc('slow'));
    const c = create(pvc(claim));
    expect([c.status, c.spec.volumeMode, c.spec.storageClassName]).toEqual([{ phase: 'Pending' }, 'Filesystem', 'fast']);
  });

  it('keeps an explicit empty class (no default applied)', () => {
    const { create } = coreServer();
    create(sc('standard', true));
    expect(create(pvc({ ...claim, storageClassName: '' })).spec.storageClassName).toBe('');
  });

  it.each<[string, KObject['spec'], string]>([
    [
      'requires access modes and a storage request',
      {},
      'PersistentVolumeClaim "data" is invalid: [spec.accessModes: Required value: at least 1 access mode is required, spec.resources[storage]: Required value]',
    ],
    [
      'refuses ReadWriteOncePod with other modes',
      { ...claim, accessModes: ['ReadWriteOncePod', 'ReadOnlyMany'] },
      'PersistentVolumeClaim "data" is invalid: spec.accessModes: Forbidden: may not use ReadWriteOncePod with other access modes',
    ],
    [
      'refuses an unknown volume mode',
      { ...claim, volumeMode: 'Raw' },
      'PersistentVolumeClaim "data" is invalid: spec.volumeMode: Unsupported value: "Raw": supported values: "Block", "Filesystem"',
    ],
  ])('%s', (_n, spec, message) => {
    const { create, errorOf } = coreServer();
    expect(errorOf(() => create(pvc(spec)))).toBe(message);
  });

  it('freezes the spec of an unbound claim', () => {
    const { create, update, errorOf } = coreServer();
    const c = mutable(create(pvc(claim)));
    c.spec.resources.requests.storage = '2Gi';
    expect(errorOf(() => update(c))).toBe(
      'PersistentVolumeClaim "data" is invalid: spec: Forbidden: spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims',
    );
  });

  it.each<[string, Record<string, unknown>, unknown[]]>([
    ['a pending claim', {}, ['data', 'Pending', '', '', '', 'standard', '<unset>', '5s', 'Filesystem']],
    [
      'a bound claim',
      { volumeName: 'pv1', status: { phase: 'Bound', capacity: { storage: '1Gi' }, accessModes: ['ReadWriteOnce'] } },
      ['data', 'Bound', 'pv1', '1Gi', 'RWO', 'standard', '<unset>', '5s', 'Filesystem'],
    ],
  ])('prints %s', (_n, extra, cells) => {
    const { create, defOf } = coreServer();
    const c = mutable(create(pvc({ ...claim, storageClassName: 'standard' })));
    if (extra.volumeName) c.spec.volumeName = extra.volumeName;
    if (extra.status) c.status = extra.status;
    expect(defOf(c).row!(c, Date.parse(c.metadata.creationTimestamp!) + 5000)).toEqual(cells);
  });
});

describe('StorageClass', () => {
  it('defaults reclaimPolicy and volumeBindingMode and marks the default in the name cell', () => {
    const { create, row } = coreServer();
    const s = create(sc('standard', true));
    expect([s.reclaimPolicy, s.volumeBindingMode]).toEqual(['Delete', 'Immediate']);
    expect(row(s)).toEqual(['standard (default)', 'rancher.io/local-path', 'Delete', 'Immediate', false, '5s']);
  });

  it.each<[string, Partial<KObject>, string]>([
    ['requires a provisioner', { provisioner: undefined }, 'StorageClass.storage.k8s.io "standard" is invalid: provisioner: Required value'],
    [
      'refuses an unknown reclaim policy',
      { reclaimPolicy: 'Recycle' },
      'StorageClass.storage.k8s.io "standard" is invalid: reclaimPolicy: Unsupported value: "Recycle": supported values: "Delete", "Retain"',
    ],
    [
      'refuses an unknown binding mode',
      { volumeBindingMode: 'Later' },
      'StorageClass.storage.k8s.io "standard" is invalid: volumeBindingMode: Unsupported value: "Later": supported values: "Immediate", "WaitForFirstConsumer"',
    ],
  ])('%s', (_n, o, message) => {
    const { create, errorOf } = coreServer();
    expect(errorOf(() => create({ ...sc('standard'), ...o }))).toBe(message);
  });

  it('refuses provisioner changes', () => {
    const { create, update, errorOf } = coreServer();
    const s = mutable(create(sc('standard')));
    s.provisioner = 'other.io/x';
    expect(errorOf(() => update(s))).toBe('StorageClass.storage.k8s.io "standard" is invalid: provisioner: Forbidden: updates to provisioner are forbidden.');
  });
});
