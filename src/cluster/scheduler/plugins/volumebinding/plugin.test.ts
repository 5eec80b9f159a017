import { describe, expect, it } from 'vitest';
import type { KObject } from '../../../api/types';
import { CycleState } from '../../framework/types';
import { filterVerdicts, makeNode, makePod, testHandle } from '../testing';
import { newVolumeBinding } from './plugin';

const pvc = (name: string, o: { class?: string; volume?: string; bound?: boolean; size?: string } = {}): KObject => ({
  apiVersion: 'v1',
  kind: 'PersistentVolumeClaim',
  metadata: { name, namespace: 'default', uid: `pvc-${name}`, annotations: o.bound ? { 'pv.kubernetes.io/bind-completed': 'yes' } : {} },
  spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: o.size ?? '1Gi' } }, storageClassName: o.class, volumeName: o.volume },
});
const pv = (name: string, o: { class?: string; host?: string; size?: string } = {}): KObject => ({
  apiVersion: 'v1',
  kind: 'PersistentVolume',
  metadata: { name },
  spec: {
    capacity: { storage: o.size ?? '5Gi' },
    accessModes: ['ReadWriteOnce'],
    storageClassName: o.class ?? '',
    ...(o.host ? { nodeAffinity: { required: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'kubernetes.io/hostname', operator: 'In', values: [o.host] }] }] } } } : {}),
  },
  status: { phase: 'Available' },
});
const sc = (name: string, mode: string, provisioner = 'rancher.io/local-path'): KObject => ({
  apiVersion: 'storage.k8s.io/v1',
  kind: 'StorageClass',
  metadata: { name },
  provisioner,
  volumeBindingMode: mode,
});
const withClaim = (claim = 'data') => makePod('p', { spec: { volumes: [{ name: 'v', persistentVolumeClaim: { claimName: claim } }] } });

describe('VolumeBinding', () => {
  it.each([
    { name: 'a pod without claims is not checked', pod: makePod('p'), objects: {}, want: ['Success', 'Success'] },
    {
      name: 'a missing claim is unresolvable',
      pod: withClaim(),
      objects: {},
      want: Array(2).fill('PreFilter UnschedulableAndUnresolvable: persistentvolumeclaim "data" not found'),
    },
    {
      name: 'an unbound claim of an Immediate class must wait for the PV controller',
      pod: withClaim(),
      objects: { persistentvolumeclaims: [pvc('data', { class: 'fast' })], 'storage.k8s.io/storageclasses': [sc('fast', 'Immediate')] },
      want: Array(2).fill('PreFilter UnschedulableAndUnresolvable: pod has unbound immediate PersistentVolumeClaims'),
    },
    {
      name: 'a bound claim pins the pod to the nodes its PV reaches',
      pod: withClaim(),
      objects: { persistentvolumeclaims: [pvc('data', { volume: 'pv1', bound: true })], persistentvolumes: [pv('pv1', { host: 'n1' })] },
      want: ['Success', 'UnschedulableAndUnresolvable: node(s) had volume node affinity conflict'],
    },
    {
      name: 'a claim bound to a missing PV makes every node unavailable',
      pod: withClaim(),
      objects: { persistentvolumeclaims: [pvc('data', { volume: 'gone', bound: true })] },
      want: Array(2).fill('UnschedulableAndUnresolvable: node(s) unavailable due to one or more pvc(s) bound to non-existent pv(s)'),
    },
    {
      name: 'a WaitForFirstConsumer claim can bind an available local PV on that node',
      pod: withClaim(),
      objects: {
        persistentvolumeclaims: [pvc('data', { class: 'local' })],
        persistentvolumes: [pv('pv1', { class: 'local', host: 'n2' })],
        'storage.k8s.io/storageclasses': [sc('local', 'WaitForFirstConsumer', 'kubernetes.io/no-provisioner')],
      },
      want: ["UnschedulableAndUnresolvable: node(s) didn't find available persistent volumes to bind", 'Success'],
    },
    {
      name: 'a WaitForFirstConsumer claim of a provisioning class fits anywhere',
      pod: withClaim(),
      objects: { persistentvolumeclaims: [pvc('data', { class: 'standard' })], 'storage.k8s.io/storageclasses': [sc('standard', 'WaitForFirstConsumer')] },
      want: ['Success', 'Success'],
    },
    {
      name: 'a PV smaller than the claim does not match',
      pod: withClaim(),
      objects: {
        persistentvolumeclaims: [pvc('data', { class: 'local', size: '10Gi' })],
        persistentvolumes: [pv('pv1', { class: 'local', host: 'n2', size: '5Gi' })],
        'storage.k8s.io/storageclasses': [sc('local', 'WaitForFirstConsumer', 'kubernetes.io/no-provisioner')],
      },
      want: Array(2).fill("UnschedulableAndUnresolvable: node(s) didn't find available persistent volumes to bind"),
    },
  ])('$name', ({ pod, objects, want }) => {
    const h = testHandle([makeNode('n1'), makeNode('n2')], [], objects);
    expect(filterVerdicts(newVolumeBinding(h), pod, [h.cache.get('n1')!, h.cache.get('n2')!])).toEqual(want);
  });

  it('PreFilter narrows to the hostnames of bound local PVs', () => {
    const h = testHandle([makeNode('n1'), makeNode('n2')], [], {
      persistentvolumeclaims: [pvc('data', { volume: 'pv1', bound: true })],
      persistentvolumes: [pv('pv1', { host: 'n1' })],
    });
    const r = newVolumeBinding(h).preFilter(new CycleState(), withClaim());
    expect(r && 'nodeNames' in r ? [...r.nodeNames] : r).toEqual(['n1']);
  });
});
