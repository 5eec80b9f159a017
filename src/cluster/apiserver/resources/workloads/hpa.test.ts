import { describe, expect, it } from 'vitest';
import type { KObject } from '../../../api/types';
import { formatHPAMetrics, horizontalpodautoscalers } from './hpa';
import { workloadServer } from './testkit';

const hpa = (mut: (h: KObject) => void = () => {}): KObject => {
  const h: KObject = {
    apiVersion: 'autoscaling/v2',
    kind: 'HorizontalPodAutoscaler',
    metadata: { name: 'php-apache' },
    spec: { scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'php-apache' }, maxReplicas: 10 },
  };
  mut(h);
  return h;
};

const cpu = (target: Record<string, unknown>) => ({ type: 'Resource', resource: { name: 'cpu', target } });

describe('HorizontalPodAutoscaler defaults', () => {
  it('defaults minReplicas to 1 and the metric to 80% CPU, with a zero status and no generation', () => {
    const { create } = workloadServer();
    const h = create(hpa());
    expect(h.spec.minReplicas).toBe(1);
    expect(h.spec.metrics).toEqual([cpu({ type: 'Utilization', averageUtilization: 80 })]);
    expect(h.spec.behavior).toBeUndefined();
    expect(h.status).toEqual({ currentMetrics: null, desiredReplicas: 0 });
    expect(h.metadata.generation).toBeUndefined();
  });

  it('fills both behavior rule sets once behavior is given', () => {
    const { create } = workloadServer();
    const h = create(hpa((x) => (x.spec.behavior = { scaleDown: { stabilizationWindowSeconds: 60 } })));
    expect(h.spec.behavior).toEqual({
      scaleUp: {
        stabilizationWindowSeconds: 0,
        selectPolicy: 'Max',
        policies: [
          { type: 'Pods', value: 4, periodSeconds: 15 },
          { type: 'Percent', value: 100, periodSeconds: 15 },
        ],
      },
      scaleDown: { stabilizationWindowSeconds: 60, selectPolicy: 'Max', policies: [{ type: 'Percent', value: 100, periodSeconds: 15 }] },
    });
  });

  it('stores target quantities canonically', () => {
    const { create } = workloadServer();
    const h = create(hpa((x) => (x.spec.metrics = [cpu({ type: 'AverageValue', averageValue: '0.5' })])));
    expect(h.spec.metrics[0].resource.target.averageValue).toBe('500m');
  });
});

describe('HorizontalPodAutoscaler validation', () => {
  it.each<[string, (h: KObject) => void, string]>([
    [
      'requires maxReplicas ≥ minReplicas',
      (h) => Object.assign(h.spec, { minReplicas: 5, maxReplicas: 2 }),
      'HorizontalPodAutoscaler.autoscaling "php-apache" is invalid: spec.maxReplicas: Invalid value: 2: must be greater than or equal to `minReplicas`',
    ],
    [
      'refuses minReplicas 0 (HPAScaleToZero is off)',
      (h) => (h.spec.minReplicas = 0),
      'HorizontalPodAutoscaler.autoscaling "php-apache" is invalid: [spec.minReplicas: Invalid value: 0: must be greater than or equal to 1, spec.metrics: Forbidden: must specify at least one Object or External metric to support scaling to zero replicas]',
    ],
    [
      'requires a positive maxReplicas',
      (h) => (h.spec.maxReplicas = 0),
      'HorizontalPodAutoscaler.autoscaling "php-apache" is invalid: [spec.maxReplicas: Invalid value: 0: must be greater than 0, spec.maxReplicas: Invalid value: 0: must be greater than or equal to `minReplicas`]',
    ],
    [
      'requires the target kind and name',
      (h) => (h.spec.scaleTargetRef = { name: 'a/b' }),
      "HorizontalPodAutoscaler.autoscaling \"php-apache\" is invalid: [spec.scaleTargetRef.kind: Required value, spec.scaleTargetRef.name: Invalid value: \"a/b\": may not contain '/']",
    ],
    [
      'rejects utilization below 1',
      (h) => (h.spec.metrics = [cpu({ type: 'Utilization', averageUtilization: 0 })]),
      'HorizontalPodAutoscaler.autoscaling "php-apache" is invalid: spec.metrics[0].resource.target.averageUtilization: Invalid value: 0: must be greater than 0',
    ],
    [
      'requires a target for resource metrics',
      (h) => (h.spec.metrics = [cpu({ type: 'Utilization' })]),
      'HorizontalPodAutoscaler.autoscaling "php-apache" is invalid: spec.metrics[0].resource.target.averageUtilization: Required value: must set either a target raw value or a target utilization',
    ],
    [
      'rejects an unknown metric type',
      (h) => (h.spec.metrics = [{ type: 'Magic' }]),
      'HorizontalPodAutoscaler.autoscaling "php-apache" is invalid: spec.metrics[0].type: Unsupported value: "Magic": supported values: "ContainerResource", "External", "Object", "Pods", "Resource"',
    ],
    [
      'requires the source block of the metric type',
      (h) => (h.spec.metrics = [{ type: 'Pods' }]),
      'HorizontalPodAutoscaler.autoscaling "php-apache" is invalid: spec.metrics[0].pods: Required value: must populate information for the given metric source',
    ],
    [
      'checks behavior policies',
      (h) => (h.spec.behavior = { scaleUp: { policies: [{ type: 'Pods', value: 0, periodSeconds: 3600 }] } }),
      'HorizontalPodAutoscaler.autoscaling "php-apache" is invalid: [spec.behavior.scaleUp.policies[0].value: Invalid value: 0: must be greater than zero, spec.behavior.scaleUp.policies[0].periodSeconds: Invalid value: 3600: must be less than or equal to 1800]',
    ],
  ])('%s', (_n, mut, message) => {
    const { create, errorOf } = workloadServer();
    expect(errorOf(() => create(hpa(mut)))).toBe(message);
  });
});

describe('HorizontalPodAutoscaler table', () => {
  it.each<[string, unknown[], unknown[] | null, string]>([
    ['no metrics status yet', [cpu({ type: 'Utilization', averageUtilization: 80 })], null, 'cpu: <unknown>/80%'],
    ['a measured utilization', [cpu({ type: 'Utilization', averageUtilization: 50 })], [{ type: 'Resource', resource: { name: 'cpu', current: { averageUtilization: 23, averageValue: '46m' } } }], 'cpu: 23%/50%'],
    ['an average value target', [cpu({ type: 'AverageValue', averageValue: '500m' })], null, 'cpu: <unknown>/500m'],
    ['a pods metric', [{ type: 'Pods', pods: { metric: { name: 'qps' }, target: { type: 'AverageValue', averageValue: '1k' } } }], null, '<unknown>/1k'],
    ['an external per-pod metric', [{ type: 'External', external: { metric: { name: 'q' }, target: { type: 'AverageValue', averageValue: '30' } } }], null, '<unknown>/30 (avg)'],
    [
      'more than two metrics',
      [cpu({ type: 'Utilization', averageUtilization: 1 }), cpu({ type: 'Utilization', averageUtilization: 2 }), cpu({ type: 'Utilization', averageUtilization: 3 })],
      null,
      'cpu: <unknown>/1%, cpu: <unknown>/2% + 1 more...',
    ],
    ['no metrics at all', [], null, '<none>'],
  ])('formats TARGETS for %s', (_n, specs, statuses, text) => {
    expect(formatHPAMetrics(specs as never, statuses as never)).toBe(text);
  });

  it('prints REFERENCE, MINPODS, MAXPODS and REPLICAS', () => {
    const h = hpa((x) => Object.assign(x.spec, { minReplicas: 1, metrics: [cpu({ type: 'Utilization', averageUtilization: 50 })] }));
    h.metadata.creationTimestamp = '2025-01-01T00:00:00Z';
    h.status = { currentReplicas: 1, desiredReplicas: 1 };
    expect(horizontalpodautoscalers.row!(h, Date.parse('2025-01-01T00:00:10Z'))).toEqual([
      'php-apache', 'Deployment/php-apache', 'cpu: <unknown>/50%', '1', 10, 1, '10s',
    ]);
    expect(horizontalpodautoscalers.columns!.map((c) => c.name)).toEqual(['Name', 'Reference', 'Targets', 'MinPods', 'MaxPods', 'Replicas', 'Age']);
  });
});
