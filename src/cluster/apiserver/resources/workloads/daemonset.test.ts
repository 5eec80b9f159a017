import { describe, expect, it } from 'vitest';
import type { KObject } from '../../../api/types';
import { TEMPLATE_GENERATION, daemonsets } from './daemonset';
import { mutable, workloadServer } from './testkit';

const ds = (mut: (d: KObject) => void = () => {}): KObject => {
  const d: KObject = {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: { name: 'fluentd' },
    spec: {
      selector: { matchLabels: { name: 'fluentd' } },
      template: { metadata: { labels: { name: 'fluentd' } }, spec: { containers: [{ name: 'fluentd', image: 'fluentd:v2' }] } },
    },
  };
  mut(d);
  return d;
};

describe('DaemonSet defaults', () => {
  it('fills RollingUpdate 1/0, history 10, the template generation annotation and the counters', () => {
    const { create } = workloadServer();
    const d = create(ds());
    expect(d.spec.updateStrategy).toEqual({ type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: 0 } });
    expect(d.spec.revisionHistoryLimit).toBe(10);
    expect(d.metadata.annotations).toEqual({ [TEMPLATE_GENERATION]: '1' });
    expect(d.status).toEqual({ currentNumberScheduled: 0, numberMisscheduled: 0, desiredNumberScheduled: 0, numberReady: 0 });
  });

  it.each([
    ['a template change bumps the template generation', (d: KObject) => (d.spec.template.spec.containers[0].image = 'fluentd:v3'), '2', 2],
    ['a non-template spec change does not', (d: KObject) => (d.spec.minReadySeconds = 5), '1', 2],
    ['the annotation cannot be edited away', (d: KObject) => (d.metadata.annotations = {}), '1', 1],
  ])('%s', (_n, mut, templateGeneration, generation) => {
    const { create, update } = workloadServer();
    const d = mutable(create(ds()));
    mut(d);
    const after = update(d);
    expect([after.metadata.annotations?.[TEMPLATE_GENERATION], after.metadata.generation]).toEqual([templateGeneration, generation]);
  });
});

describe('DaemonSet validation', () => {
  it.each<[string, (d: KObject) => void, string]>([
    [
      'reports a missing selector only through the template labels',
      (d) => delete d.spec.selector,
      'DaemonSet.apps "fluentd" is invalid: spec.template.metadata.labels: Invalid value: map[string]string{"name":"fluentd"}: `selector` does not match template `labels`',
    ],
    [
      'rejects maxUnavailable 0 with maxSurge 0',
      (d) => (d.spec.updateStrategy = { rollingUpdate: { maxUnavailable: 0 } }),
      'DaemonSet.apps "fluentd" is invalid: spec.updateStrategy.rollingUpdate.maxUnavailable: Required value: cannot be 0 when maxSurge is 0',
    ],
    [
      'rejects both maxUnavailable and maxSurge',
      (d) => (d.spec.updateStrategy = { rollingUpdate: { maxUnavailable: 1, maxSurge: '10%' } }),
      'DaemonSet.apps "fluentd" is invalid: spec.updateStrategy.rollingUpdate.maxSurge: Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:"10%"}: may not be set when maxUnavailable is non-zero',
    ],
    [
      'rejects an unknown strategy',
      (d) => (d.spec.updateStrategy = { type: 'Canary' }),
      'DaemonSet.apps "fluentd" is invalid: spec.updateStrategy: Unsupported value: apps.DaemonSetUpdateStrategy{Type:"Canary", RollingUpdate:(*apps.RollingUpdateDaemonSet)(nil)}: supported values: "RollingUpdate", "OnDelete"',
    ],
    [
      'requires restartPolicy Always',
      (d) => (d.spec.template.spec.restartPolicy = 'Never'),
      'DaemonSet.apps "fluentd" is invalid: spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always"',
    ],
  ])('%s', (_n, mut, message) => {
    const { create, errorOf } = workloadServer();
    expect(errorOf(() => create(ds(mut)))).toBe(message);
  });

  it('refuses a selector change', () => {
    const { create, update, errorOf } = workloadServer();
    const d = mutable(create(ds()));
    d.spec.selector = { matchExpressions: [{ key: 'name', operator: 'Exists' }] };
    expect(errorOf(() => update(d))).toBe(
      'DaemonSet.apps "fluentd" is invalid: spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string(nil), MatchExpressions:[]v1.LabelSelectorRequirement{v1.LabelSelectorRequirement{Key:"name", Operator:"Exists", Values:[]string(nil)}}}: field is immutable',
    );
  });
});

describe('DaemonSet table', () => {
  it('prints the counters, NODE SELECTOR and the wide columns', () => {
    const d = ds((x) => (x.spec.template.spec.nodeSelector = { 'kubernetes.io/os': 'linux' }));
    d.metadata.creationTimestamp = '2025-01-01T00:00:00Z';
    d.status = { desiredNumberScheduled: 3, currentNumberScheduled: 3, numberReady: 2, updatedNumberScheduled: 3, numberAvailable: 2 };
    expect(daemonsets.row!(d, Date.parse('2025-01-02T00:00:00Z'))).toEqual([
      'fluentd', 3, 3, 2, 3, 2, 'kubernetes.io/os=linux', '24h', 'fluentd', 'fluentd:v2', 'name=fluentd',
    ]);
    expect(daemonsets.row!(ds(), 0)[6]).toBe('<none>');
  });
});
