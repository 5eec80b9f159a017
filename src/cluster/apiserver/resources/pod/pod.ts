/**
 * core/v1 Pod: the registry strategy of pkg/registry/core/pod (v1.32) — PrepareForCreate (Pending +
 * QoS class, SchedulingGated condition), defaulting, create/update validation, CheckGracefulDelete,
 * the spec.nodeName index, field selectors and the `kubectl get pods` table.
 */
import { fieldErr, type FieldError } from '../../../api/errors';
import type { KObject } from '../../../api/types';
import { defineResource } from '../common';
import { dropDisabledPodSpecFields } from './dropDisabled';
import { validatePodUpdate } from './podUpdate';
import { podColumns, podRow, podRowConditions } from './printer';
import { computeQOSClass } from './resources';
import { defaultPodSpec } from './specDefaults';
import { validatePodSpec, validatePodSpecificAnnotations } from './specValidation';
import { arr, str } from './validationHelpers';

const MIRROR = 'kubernetes.io/config.mirror';

// `validate` also runs on updates; a few rules are create-only (ValidatePodCreate vs ValidatePodUpdate).
function validatePod(o: KObject, creating: boolean): FieldError[] {
  const spec = o.spec ?? {};
  const errs: FieldError[] = [];
  errs.push(...validatePodSpecificAnnotations(o.metadata.annotations, spec, 'metadata.annotations'));
  errs.push(...validatePodSpec(spec, 'spec', { isTemplate: false, podName: o.metadata.name }));
  if (!str(spec.serviceAccountName))
    arr(spec.volumes).forEach((v, vi) =>
      arr(v?.projected?.sources).forEach((s, si) => {
        if (s?.serviceAccountToken)
          errs.push(
            fieldErr.forbidden(`spec.volumes[${vi}].projected.sources[${si}].serviceAccountToken`, 'must not be specified when serviceAccountName is not set'),
          );
      }),
    );
  for (const key of ['containers', 'initContainers'])
    arr(spec[key]).forEach((c, i) => {
      const image = str(c?.image);
      if (image.trim() !== image) errs.push(fieldErr.invalid(`spec.${key}[${i}].image`, image, 'must not have leading or trailing whitespace'));
    });
  if (creating) {
    if (arr(spec.ephemeralContainers).length) errs.push(fieldErr.forbidden('spec.ephemeralContainers', 'cannot be set on create'));
    if (str(spec.nodeName) && arr(spec.schedulingGates).length)
      errs.push(fieldErr.forbidden('spec.nodeName', 'cannot be set until all schedulingGates have been cleared'));
  }
  return errs;
}

function validateMirrorAnnotationUpdate(o: KObject, old: KObject): FieldError[] {
  const now = o.metadata.annotations ?? {};
  const before = old.metadata.annotations ?? {};
  if (MIRROR in before && now[MIRROR] !== before[MIRROR])
    return [fieldErr.forbidden(`metadata.annotations[${MIRROR}]`, 'may not remove or update mirror pod annotation')];
  if (MIRROR in now && !(MIRROR in before)) return [fieldErr.forbidden(`metadata.annotations[${MIRROR}]`, 'may not add mirror pod annotation')];
  return [];
}

/** CheckGracefulDelete: requested else spec grace; 0 when unscheduled or terminal; negative → 1. */
export function podGracePeriod(pod: KObject, requested: number | undefined): number {
  let period = requested ?? pod.spec?.terminationGracePeriodSeconds ?? 0;
  if (!pod.spec?.nodeName) period = 0;
  if (pod.status?.phase === 'Failed' || pod.status?.phase === 'Succeeded') period = 0;
  return period < 0 ? 1 : period;
}

export const pods = defineResource({
  group: '',
  version: 'v1',
  kind: 'Pod',
  plural: 'pods',
  singular: 'pod',
  shortNames: ['po'],
  namespaced: true,
  categories: ['all'],
  // 1.32 has no pods/resize (that arrived with 1.33).
  subresources: ['attach', 'binding', 'ephemeralcontainers', 'eviction', 'exec', 'log', 'portforward', 'proxy', 'status'],
  hasStatus: true,
  prepareForCreate(o) {
    o.spec ??= {};
    dropDisabledPodSpecFields(o.spec);
    o.status = { phase: 'Pending', qosClass: computeQOSClass(o.spec) };
    if (arr(o.spec.schedulingGates).length)
      o.status.conditions = [
        {
          type: 'PodScheduled',
          status: 'False',
          lastProbeTime: null,
          lastTransitionTime: null,
          reason: 'SchedulingGated',
          message: 'Scheduling is blocked due to non-empty scheduling gates',
        },
      ];
  },
  prepareForUpdate(o, old) {
    if (o.spec && typeof o.spec === 'object') dropDisabledPodSpecFields(o.spec, old.spec);
  },
  defaults(o) {
    o.spec ??= {};
    defaultPodSpec(o.spec, { isTemplate: false });
  },
  validate: (o, _ctx, old) => validatePod(o, !old),
  validateUpdate: (o, old) => [...validateMirrorAnnotationUpdate(o, old), ...validatePodUpdate(o, old, { allowBinding: true })],
  gracePeriod: podGracePeriod,
  indexers: {
    nodeName: (o) => [o.spec?.nodeName ?? ''],
    owner: (o) => (o.metadata.ownerReferences ?? []).map((r) => r.uid),
    // Pods without a controller, by namespace: what a ReplicaSet may adopt, without listing every pod.
    orphan: (o) => ((o.metadata.ownerReferences ?? []).some((r) => r.controller) ? [] : [o.metadata.namespace ?? '']),
  },
  indexedFields: { 'spec.nodeName': 'nodeName' },
  // What a ReplicaSet's pods, or pods started in the same second, have in common (a volume's name
  // and the IPs differ, so the volumes' sources are shared, not the volumes).
  sharedPaths: [
    'metadata.labels',
    'metadata.ownerReferences',
    'spec.containers[].ports',
    'spec.containers[].resources',
    'spec.containers[].readinessProbe',
    'spec.containers[].livenessProbe',
    'spec.containers[].startupProbe',
    'spec.containers[].securityContext',
    'spec.containers[].env',
    'spec.containers[].command',
    'spec.containers[].args',
    'spec.securityContext',
    'spec.tolerations',
    'spec.affinity',
    'spec.nodeSelector',
    'spec.topologySpreadConstraints',
    'spec.volumes[].projected',
    'status.conditions[]',
    'status.conditions',
    'status.hostIPs',
    'status.containerStatuses[].state',
    'status.containerStatuses[].lastState',
    'status.containerStatuses[].image',
    'status.containerStatuses[].imageID',
  ],
  fieldSelectors: {
    'spec.nodeName': (o) => o.spec?.nodeName ?? '',
    'spec.restartPolicy': (o) => o.spec?.restartPolicy ?? '',
    'spec.schedulerName': (o) => o.spec?.schedulerName ?? '',
    'spec.serviceAccountName': (o) => o.spec?.serviceAccountName ?? '',
    'spec.hostNetwork': (o) => String(o.spec?.hostNetwork === true),
    'status.phase': (o) => o.status?.phase ?? '',
    'status.podIP': (o) => o.status?.podIPs?.[0]?.ip ?? '',
    'status.nominatedNodeName': (o) => o.status?.nominatedNodeName ?? '',
  },
  columns: podColumns,
  row: podRow,
  rowConditions: podRowConditions,
});
