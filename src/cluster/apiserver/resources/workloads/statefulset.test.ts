import { describe, expect, it } from 'vitest';
import type { KObject } from '../../../api/types';
import { statefulsets } from './statefulset';
import { mutable, workloadServer } from './testkit';

const sts = (mut: (s: KObject) => void = () => {}): KObject => {
  const s: KObject = {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: { name: 'web' },
    spec: {
      serviceName: 'nginx',
      selector: { matchLabels: { app: 'nginx' } },
      template: { metadata: { labels: { app: 'nginx' } }, spec: { containers: [{ name: 'nginx', image: 'registry.k8s.io/nginx-slim:0.8' }] } },
      volumeClaimTemplates: [
        { metadata: { name: 'www' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } },
      ],
    },
  };
  mut(s);
  return s;
};

describe('StatefulSet defaults', () => {
  it('fills policy, strategy, retention, replicas, history and the claim templates', () => {
    const { create } = workloadServer();
    const s = create(sts());
    expect(s.spec).toMatchObject({
      podManagementPolicy: 'OrderedReady',
      updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 0 } },
      persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Retain', whenScaled: 'Retain' },
      replicas: 1,
      revisionHistoryLimit: 10,
    });
    expect(s.spec.volumeClaimTemplates[0]).toMatchObject({ spec: { volumeMode: 'Filesystem' }, status: { phase: 'Pending' } });
    expect(s.status).toEqual({ replicas: 0, availableReplicas: 0 });
  });

  it.each([
    ['leaves OnDelete without rollingUpdate', { type: 'OnDelete' }, { type: 'OnDelete' }],
    ['defaults the partition of an explicit rollingUpdate', { type: 'RollingUpdate', rollingUpdate: {} }, { type: 'RollingUpdate', rollingUpdate: { partition: 0 } }],
    ['drops maxUnavailable (MaxUnavailableStatefulSet is alpha)', { rollingUpdate: { maxUnavailable: 2 } }, { type: 'RollingUpdate', rollingUpdate: { partition: 0 } }],
  ])('%s', (_n, strategy, expected) => {
    const { create } = workloadServer();
    expect(create(sts((s) => (s.spec.updateStrategy = strategy))).spec.updateStrategy).toEqual(expected);
  });

  it('accepts a StatefulSet without serviceName (the server never required it)', () => {
    const { create, errorOf } = workloadServer();
    const { create: create2 } = workloadServer();
    expect(errorOf(() => create(sts((s) => delete s.spec.serviceName)))).toBe('');
    expect(create2(sts((s) => delete s.spec.serviceName)).spec.serviceName).toBe('');
  });
});

describe('StatefulSet validation', () => {
  it.each<[string, (s: KObject) => void, string]>([
    [
      'rejects an unknown podManagementPolicy',
      (s) => (s.spec.podManagementPolicy = 'Random'),
      "StatefulSet.apps \"web\" is invalid: spec.podManagementPolicy: Invalid value: \"Random\": must be 'OrderedReady' or 'Parallel'",
    ],
    [
      'rejects an unknown update strategy',
      (s) => (s.spec.updateStrategy = { type: 'Foo' }),
      "StatefulSet.apps \"web\" is invalid: spec.updateStrategy: Invalid value: apps.StatefulSetUpdateStrategy{Type:\"Foo\", RollingUpdate:(*apps.RollingUpdateStatefulSetStrategy)(nil)}: must be 'RollingUpdate' or 'OnDelete'",
    ],
    [
      'rejects rollingUpdate with OnDelete',
      (s) => (s.spec.updateStrategy = { type: 'OnDelete', rollingUpdate: { partition: 1 } }),
      "StatefulSet.apps \"web\" is invalid: spec.updateStrategy.rollingUpdate: Invalid value: apps.RollingUpdateStatefulSetStrategy{Partition:1, MaxUnavailable:(*intstr.IntOrString)(nil)}: only allowed for updateStrategy 'RollingUpdate'",
    ],
    [
      'rejects a negative partition',
      (s) => (s.spec.updateStrategy = { type: 'RollingUpdate', rollingUpdate: { partition: -1 } }),
      'StatefulSet.apps "web" is invalid: spec.updateStrategy.rollingUpdate.partition: Invalid value: -1: must be greater than or equal to 0',
    ],
    [
      'rejects an unknown retention policy',
      (s) => (s.spec.persistentVolumeClaimRetentionPolicy = { whenDeleted: 'Keep' }),
      'StatefulSet.apps "web" is invalid: spec.persistentVolumeClaimRetentionPolicy.whenDeleted: Unsupported value: "Keep": supported values: "Retain", "Delete"',
    ],
    [
      'rejects an empty selector',
      (s) => (s.spec.selector = {}),
      'StatefulSet.apps "web" is invalid: spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string(nil), MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: empty selector is invalid for statefulset',
    ],
    [
      'requires restartPolicy Always',
      (s) => (s.spec.template.spec.restartPolicy = 'OnFailure'),
      'StatefulSet.apps "web" is invalid: spec.template.spec.restartPolicy: Unsupported value: "OnFailure": supported values: "Always"',
    ],
    [
      'validates template labels under upstream\'s spec.template.labels path',
      (s) => {
        s.spec.template.metadata.labels['bad key!'] = 'x';
      },
      `StatefulSet.apps "web" is invalid: spec.template.labels: Invalid value: "bad key!": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')`,
    ],
  ])('%s', (_n, mut, message) => {
    const { create, errorOf } = workloadServer();
    expect(errorOf(() => create(sts(mut)))).toBe(message);
  });

  it.each<[string, (s: KObject) => void, string]>([
    ['allows scaling', (s) => (s.spec.replicas = 5), ''],
    ['allows a new template', (s) => (s.spec.template.spec.containers[0].image = 'nginx:2'), ''],
    [
      'forbids changing the service name',
      (s) => (s.spec.serviceName = 'other'),
      "StatefulSet.apps \"web\" is invalid: spec: Forbidden: updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden",
    ],
  ])('update: %s', (_n, mut, message) => {
    const { create, update, errorOf } = workloadServer();
    const s = mutable(create(sts()));
    mut(s);
    expect(errorOf(() => update(s))).toBe(message);
  });
});

describe('StatefulSet table', () => {
  it('prints READY as ready/desired', () => {
    const s = { ...sts((x) => (x.spec.replicas = 3)), status: { readyReplicas: 1 } };
    s.metadata.creationTimestamp = '2025-01-01T00:00:00Z';
    expect(statefulsets.row!(s, Date.parse('2025-01-01T02:00:00Z'))).toEqual(['web', '1/3', '120m', 'nginx', 'registry.k8s.io/nginx-slim:0.8']);
    expect(statefulsets.columns!.map((c) => c.name)).toEqual(['Name', 'Ready', 'Age', 'Containers', 'Images']);
  });
});
