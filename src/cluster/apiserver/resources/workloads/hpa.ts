import { translateTimestampSince } from '../../../api/duration';
import { apiErrors } from '../../../api/errors';
import { formatQuantity, parseQuantity } from '../../../api/quantity';
import type { KObject } from '../../../api/types';
import { ageColumn, col, defineResource, nameColumn } from '../common';
import { validateHPA } from './hpaValidation';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Obj = Record<string, any>;

// SetDefaults_HorizontalPodAutoscalerBehavior: the rules the controller used before behavior existed.
const scaleUpDefaults = () => ({
  stabilizationWindowSeconds: 0,
  selectPolicy: 'Max',
  policies: [
    { type: 'Pods', value: 4, periodSeconds: 15 },
    { type: 'Percent', value: 100, periodSeconds: 15 },
  ],
});
const scaleDownDefaults = (): Obj => ({ selectPolicy: 'Max', policies: [{ type: 'Percent', value: 100, periodSeconds: 15 }] });

function mergeRules(from: Obj | undefined | null, to: Obj): Obj {
  if (from == null) return to;
  for (const k of ['selectPolicy', 'stabilizationWindowSeconds', 'policies']) if (from[k] != null) to[k] = from[k];
  return to;
}

// Quantities are stored canonically; an unparseable one fails decoding (400) as upstream.
function canonicalQuantity(target: Obj | undefined, key: string): void {
  if (!target || target[key] == null) return;
  try {
    target[key] = formatQuantity(parseQuantity(String(target[key]).trim()));
  } catch (e) {
    throw apiErrors.badRequest(`HorizontalPodAutoscaler in version "v2" cannot be handled as a HorizontalPodAutoscaler: ${(e as Error).message}`);
  }
}

/** SetDefaults_HorizontalPodAutoscaler (autoscaling/v2): minReplicas 1, CPU 80% when no metrics, behavior rules filled in. */
export function defaultHPA(o: KObject): void {
  const spec = (o.spec ??= {});
  spec.minReplicas ??= 1;
  if (!Array.isArray(spec.metrics) || spec.metrics.length === 0)
    spec.metrics = [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 80 } } }];
  if (spec.behavior != null) {
    spec.behavior.scaleUp = mergeRules(spec.behavior.scaleUp, scaleUpDefaults());
    spec.behavior.scaleDown = mergeRules(spec.behavior.scaleDown, scaleDownDefaults());
  }
  for (const m of spec.metrics as Obj[]) {
    for (const src of [m?.object, m?.pods, m?.resource, m?.external, m?.containerResource]) {
      canonicalQuantity(src?.target, 'value');
      canonicalQuantity(src?.target, 'averageValue');
    }
  }
}

const qty = (v: unknown): string => {
  try {
    return formatQuantity(parseQuantity(String(v)));
  } catch {
    return String(v ?? '');
  }
};

// One TARGETS entry; `cur` is the matching status entry's source block.
function formatMetric(spec: Obj, status: Obj | undefined): string {
  const unknown = '<unknown>';
  // Object and External: `cur/target (avg)` for per-pod targets, else `cur/target`.
  const withAvg = (src: Obj, cur: Obj | undefined) => {
    if (src.target?.averageValue != null)
      return `${cur?.current?.averageValue != null ? qty(cur.current.averageValue) : unknown}/${qty(src.target.averageValue)} (avg)`;
    return `${cur ? qty(cur.current?.value ?? 0) : unknown}/${qty(src.target?.value ?? 0)}`;
  };
  switch (spec.type) {
    case 'External':
      return withAvg(spec.external ?? {}, status?.external);
    case 'Object':
      return withAvg(spec.object ?? {}, status?.object);
    case 'Pods': {
      const cur = status?.pods;
      return `${cur ? qty(cur.current?.averageValue ?? 0) : unknown}/${qty(spec.pods?.target?.averageValue ?? 0)}`;
    }
    case 'Resource':
    case 'ContainerResource': {
      const src = (spec.type === 'Resource' ? spec.resource : spec.containerResource) ?? {};
      const cur = spec.type === 'Resource' ? status?.resource : status?.containerResource;
      if (src.target?.averageValue != null)
        return `${src.name}: ${cur ? qty(cur.current?.averageValue ?? 0) : unknown}/${qty(src.target.averageValue)}`;
      const current = cur?.current?.averageUtilization != null ? `${cur.current.averageUtilization}%` : unknown;
      const target = src.target?.averageUtilization != null ? `${src.target.averageUtilization}%` : '<auto>';
      return `${src.name}: ${current}/${target}`;
    }
    default:
      return '<unknown type>';
  }
}

/** formatHPAMetrics: up to two entries, then ` + N more...`; `<none>` without metrics. */
export function formatHPAMetrics(specs: Obj[] | undefined, statuses: Obj[] | undefined | null): string {
  if (!specs?.length) return '<none>';
  const list = specs.map((s, i) => formatMetric(s ?? {}, statuses?.[i]));
  if (list.length > 2) return `${list.slice(0, 2).join(', ')} + ${list.length - 2} more...`;
  return list.join(', ');
}

/** autoscaling/v2 HorizontalPodAutoscaler (no generation tracking in 1.32). */
export const horizontalpodautoscalers = defineResource({
  group: 'autoscaling',
  version: 'v2',
  kind: 'HorizontalPodAutoscaler',
  plural: 'horizontalpodautoscalers',
  singular: 'horizontalpodautoscaler',
  shortNames: ['hpa'],
  namespaced: true,
  categories: ['all'],
  subresources: ['status'],
  hasStatus: true,
  defaults: defaultHPA,
  prepareForCreate(o) {
    // desiredReplicas and currentMetrics have no omitempty in autoscaling/v2
    o.status = { currentMetrics: null, desiredReplicas: 0 };
  },
  validate: validateHPA,
  columns: [
    nameColumn,
    col('Reference', 'string', 0, 'scaleTargetRef points to the target resource to scale, and is used to the pods for which metrics should be collected, as well as to actually change the replica count.'),
    col('Targets', 'string', 0, 'metrics contains the specifications for which to use to calculate the desired replica count (the maximum replica count across all metrics will be used).  The desired replica count is calculated multiplying the ratio between the target value and the current value by the current number of pods.  Ergo, metrics used must decrease as the pod count is increased, and vice-versa.  See the individual metric source types for more information about how each type of metric must respond. If not set, the default metric will be set to 80% average CPU utilization.'),
    col('MinPods', 'string', 0, 'minReplicas is the lower limit for the number of replicas to which the autoscaler can scale down.  It defaults to 1 pod.  minReplicas is allowed to be 0 if the alpha feature gate HPAScaleToZero is enabled and at least one Object or External metric is configured.  Scaling is active as long as at least one metric value is available.'),
    col('MaxPods', 'string', 0, 'maxReplicas is the upper limit for the number of replicas to which the autoscaler can scale up. It cannot be less that minReplicas.'),
    col('Replicas', 'string', 0, 'currentReplicas is current number of replicas of pods managed by this autoscaler, as last seen by the autoscaler.'),
    ageColumn,
  ],
  row: (o, now) => {
    const spec = o.spec ?? {};
    return [
      o.metadata.name,
      `${spec.scaleTargetRef?.kind ?? ''}/${spec.scaleTargetRef?.name ?? ''}`,
      formatHPAMetrics(spec.metrics, o.status?.currentMetrics),
      spec.minReplicas != null ? String(spec.minReplicas) : '<unset>',
      spec.maxReplicas ?? 0,
      o.status?.currentReplicas ?? 0,
      translateTimestampSince(o.metadata.creationTimestamp, now),
    ];
  },
});
