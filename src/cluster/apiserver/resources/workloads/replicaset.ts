import { translateTimestampSince } from '../../../api/duration';
import type { FieldError } from '../../../api/errors';
import { formatLabelSelector } from '../../../api/labels';
import type { KObject } from '../../../api/types';
import { ageColumn, col, defineResource, nameColumn } from '../common';
import { defaultPodTemplateSpec } from '../pod/specDefaults';
import { goLabelSelector, rawErr } from './goValues';
import { validateReplicaSetTemplate } from './podTemplate';
import {
  appsScale,
  asSelector,
  containerCells,
  containersColumn,
  imagesColumn,
  nonNegative,
  ownerIndexer,
  selectorImmutable,
  validateRequiredSelector,
} from './shared';

/** SetDefaults_ReplicaSet: replicas 1 (plus the pod template defaults). */
export function defaultReplicaSet(o: KObject): void {
  const spec = (o.spec ??= {});
  spec.replicas ??= 1;
  defaultPodTemplateSpec((spec.template ??= {}));
}

/** ValidateReplicaSetSpec (its empty-selector message says "deployment" upstream too). */
export function validateReplicaSet(o: KObject): FieldError[] {
  const spec = o.spec ?? {};
  const errs = nonNegative(spec.replicas, 'spec.replicas');
  errs.push(...nonNegative(spec.minReadySeconds, 'spec.minReadySeconds'));
  errs.push(...validateRequiredSelector(spec.selector, 'spec.selector', 'deployment'));
  const sel = asSelector(spec.selector);
  if (sel === 'error') errs.push(rawErr('spec.selector', goLabelSelector(spec.selector), 'invalid label selector'));
  else errs.push(...validateReplicaSetTemplate(spec.template, sel, 'spec.template'));
  return errs;
}

/** apps/v1 ReplicaSet; indexed by owner so the Deployment controller finds its ReplicaSets. */
export const replicasets = defineResource({
  group: 'apps',
  version: 'v1',
  kind: 'ReplicaSet',
  plural: 'replicasets',
  singular: 'replicaset',
  shortNames: ['rs'],
  namespaced: true,
  categories: ['all'],
  subresources: ['scale', 'status'],
  hasStatus: true,
  tracksGeneration: true,
  defaults: defaultReplicaSet,
  prepareForCreate(o) {
    // ReplicaSetStatus.replicas has no omitempty: a fresh status serialises as {replicas: 0}.
    o.status = { replicas: 0 };
  },
  validate: validateReplicaSet,
  validateUpdate: selectorImmutable,
  scale: appsScale,
  indexers: ownerIndexer,
  fieldSelectors: { 'status.replicas': (o) => String(o.status?.replicas ?? 0) },
  columns: [
    nameColumn,
    col('Desired', 'integer', 0, 'Replicas is the number of desired replicas. This is a pointer to distinguish between explicit zero and unspecified. Defaults to 1. More info: https://kubernetes.io/docs/concepts/workloads/controllers/replicationcontroller/#what-is-a-replicationcontroller'),
    col('Current', 'integer', 0, 'Replicas is the most recently observed number of replicas. More info: https://kubernetes.io/docs/concepts/workloads/controllers/replicationcontroller/#what-is-a-replicationcontroller'),
    col('Ready', 'integer', 0, 'readyReplicas is the number of pods targeted by this ReplicaSet with a Ready Condition.'),
    ageColumn,
    containersColumn,
    imagesColumn,
    col('Selector', 'string', 1, "Selector is a label query over pods that should match the replica count. Label keys and values that must match in order to be controlled by this replica set. It must match the pod template's labels. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#label-selectors"),
  ],
  row: (o, now) => {
    const [names, images] = containerCells(o.spec?.template?.spec?.containers);
    return [
      o.metadata.name,
      o.spec?.replicas ?? 0,
      o.status?.replicas ?? 0,
      o.status?.readyReplicas ?? 0,
      translateTimestampSince(o.metadata.creationTimestamp, now),
      names,
      images,
      formatLabelSelector(o.spec?.selector),
    ];
  },
});
