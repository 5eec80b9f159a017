import { describe, expect, it } from 'vitest';
import type { KObject } from '../../../api/types';
import { replicasets } from './replicaset';
import { mutable, workloadServer } from './testkit';

const replicaSet = (mut: (r: KObject) => void = () => {}): KObject => {
  const r: KObject = {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: { name: 'frontend' },
    spec: {
      selector: { matchLabels: { tier: 'frontend' } },
      template: { metadata: { labels: { tier: 'frontend' } }, spec: { containers: [{ name: 'php', image: 'php:8' }] } },
    },
  };
  mut(r);
  return r;
};

describe('ReplicaSet', () => {
  it('defaults replicas to 1 and starts with status {replicas: 0}', () => {
    const { create } = workloadServer();
    const r = create(replicaSet());
    expect([r.spec.replicas, r.status, r.metadata.generation, r.spec.template.spec.dnsPolicy]).toEqual([1, { replicas: 0 }, 1, 'ClusterFirst']);
  });

  it.each<[string, (r: KObject) => void, string]>([
    [
      'says "deployment" in its empty-selector message, as upstream does',
      (r) => (r.spec.selector = { matchLabels: {} }),
      'ReplicaSet.apps "frontend" is invalid: spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: empty selector is invalid for deployment',
    ],
    ['rejects negative minReadySeconds', (r) => (r.spec.minReadySeconds = -1), 'ReplicaSet.apps "frontend" is invalid: spec.minReadySeconds: Invalid value: -1: must be greater than or equal to 0'],
    [
      'checks matchExpressions against the template',
      (r) => (r.spec.selector = { matchExpressions: [{ key: 'tier', operator: 'In', values: ['backend'] }] }),
      'ReplicaSet.apps "frontend" is invalid: spec.template.metadata.labels: Invalid value: map[string]string{"tier":"frontend"}: `selector` does not match template `labels`',
    ],
    [
      'validates selector operators',
      (r) => (r.spec.selector = { matchLabels: { tier: 'frontend' }, matchExpressions: [{ key: 'x', operator: 'Foo' }] }),
      'ReplicaSet.apps "frontend" is invalid: [spec.selector.matchExpressions[0].operator: Invalid value: "Foo": not a valid selector operator, spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"tier":"frontend"}, MatchExpressions:[]v1.LabelSelectorRequirement{v1.LabelSelectorRequirement{Key:"x", Operator:"Foo", Values:[]string(nil)}}}: invalid label selector]',
    ],
  ])('%s', (_n, mut, message) => {
    const { create, errorOf } = workloadServer();
    expect(errorOf(() => create(replicaSet(mut)))).toBe(message);
  });

  it('refuses a selector change', () => {
    const { create, update, errorOf } = workloadServer();
    const r = mutable(create(replicaSet()));
    r.spec.selector.matchLabels = { tier: 'frontend', x: 'y' };
    r.spec.template.metadata.labels.x = 'y';
    expect(errorOf(() => update(r))).toBe(
      'ReplicaSet.apps "frontend" is invalid: spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"tier":"frontend", "x":"y"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: field is immutable',
    );
  });

  it('prints DESIRED CURRENT READY AGE (+ CONTAINERS IMAGES SELECTOR)', () => {
    const r = { ...replicaSet((x) => (x.spec.replicas = 3)), status: { replicas: 3, readyReplicas: 2 } };
    r.metadata.creationTimestamp = '2025-01-01T00:00:00Z';
    expect(replicasets.row!(r, Date.parse('2025-01-01T00:05:00Z'))).toEqual(['frontend', 3, 3, 2, '5m', 'php', 'php:8', 'tier=frontend']);
    expect(replicasets.columns!.map((c) => c.name)).toEqual(['Name', 'Desired', 'Current', 'Ready', 'Age', 'Containers', 'Images', 'Selector']);
  });

  it('indexes by owner uid and selects on status.replicas', () => {
    const r = replicaSet((x) => (x.metadata.ownerReferences = [{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'd', uid: 'u1' }]));
    r.status = { replicas: 2 };
    expect(replicasets.indexers!.owner!(r)).toEqual(['u1']);
    expect(replicasets.fieldSelectors!['status.replicas']!(r)).toBe('2');
  });
});
