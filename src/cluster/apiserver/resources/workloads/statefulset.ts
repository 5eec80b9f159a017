import { translateTimestampSince } from '../../../api/duration';
import { fieldErr, type FieldError } from '../../../api/errors';
import type { KObject } from '../../../api/types';
import { validateAnnotations, validateLabels } from '../../../api/validation';
import { ageColumn, col, defineResource, nameColumn } from '../common';
import { defaultPodTemplateSpec, roundResourceList } from '../pod/specDefaults';
import { validatePodSpecificAnnotations } from '../pod/specValidation';
import { goIntOrString, goLabelSelector, goPtr, goQuote, rawErr } from './goValues';
import { intOrPercentValue, isNotMoreThan100Percent, validatePositiveIntOrPercent } from './intOrString';
import { alwaysRestartRules } from './podTemplate';
import {
  appsScale,
  asSelector,
  containerCells,
  containersColumn,
  imagesColumn,
  nonNegative,
  semanticEqual,
  templateLabelsMismatch,
  validateRequiredSelector,
} from './shared';

/** SetDefaults_StatefulSet plus the PersistentVolumeClaim defaults applied to each claim template. */
export function defaultStatefulSet(o: KObject): void {
  const spec = (o.spec ??= {});
  if (!spec.podManagementPolicy) spec.podManagementPolicy = 'OrderedReady';
  const us = (spec.updateStrategy ??= {});
  if (!us.type) {
    us.type = 'RollingUpdate';
    us.rollingUpdate ??= {};
  }
  if (us.type === 'RollingUpdate' && us.rollingUpdate != null) us.rollingUpdate.partition ??= 0;
  // StatefulSetAutoDeletePVC is GA in 1.32: the retention policy is always filled in.
  const retention = (spec.persistentVolumeClaimRetentionPolicy ??= {});
  if (!retention.whenDeleted) retention.whenDeleted = 'Retain';
  if (!retention.whenScaled) retention.whenScaled = 'Retain';
  spec.replicas ??= 1;
  spec.revisionHistoryLimit ??= 10;
  // serviceName has no omitempty in 1.32 and the server never required it: absent reads back as ""
  spec.serviceName ??= '';
  defaultPodTemplateSpec((spec.template ??= {}));
  for (const claim of spec.volumeClaimTemplates ?? []) {
    if (!claim || typeof claim !== 'object') continue;
    const claimSpec = (claim.spec ??= {});
    claimSpec.volumeMode ??= 'Filesystem';
    for (const list of [claimSpec.resources?.requests, claimSpec.resources?.limits])
      if (list && typeof list === 'object') roundResourceList(list);
    const status = (claim.status ??= {});
    if (!status.phase) status.phase = 'Pending';
  }
}

// MaxUnavailableStatefulSet is alpha (off) in 1.32: the field is dropped unless already in use.
function dropMaxUnavailable(o: KObject, old?: KObject): void {
  if (old?.spec?.updateStrategy?.rollingUpdate?.maxUnavailable != null) return;
  const ru = o.spec?.updateStrategy?.rollingUpdate;
  if (ru && typeof ru === 'object') delete ru.maxUnavailable;
}

const rollingUpdateStruct = (ru: KObject['spec']) =>
  `apps.RollingUpdateStatefulSetStrategy{Partition:${ru?.partition ?? 0}, MaxUnavailable:${goPtr('intstr.IntOrString', ru?.maxUnavailable)}}`;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function validateUpdateStrategy(us: Record<string, any> | undefined): FieldError[] {
  const path = 'spec.updateStrategy';
  const type = us?.type ?? '';
  const ru = us?.rollingUpdate;
  switch (type) {
    case '':
      return [fieldErr.required(path)];
    case 'OnDelete':
      return ru != null ? [rawErr(`${path}.rollingUpdate`, rollingUpdateStruct(ru), "only allowed for updateStrategy 'RollingUpdate'")] : [];
    case 'RollingUpdate': {
      if (ru == null) return [];
      const errs = nonNegative(ru.partition, `${path}.rollingUpdate.partition`);
      if (ru.maxUnavailable != null) {
        const p = `${path}.rollingUpdate.maxUnavailable`;
        errs.push(...validatePositiveIntOrPercent(ru.maxUnavailable, p));
        if (intOrPercentValue(ru.maxUnavailable) === 0) errs.push(rawErr(p, goIntOrString(ru.maxUnavailable), 'cannot be 0'));
        errs.push(...isNotMoreThan100Percent(ru.maxUnavailable, p));
      }
      return errs;
    }
    default: {
      const value = `apps.StatefulSetUpdateStrategy{Type:${goQuote(type)}, RollingUpdate:${goPtr('apps.RollingUpdateStatefulSetStrategy', ru)}}`;
      return [rawErr(path, value, "must be 'RollingUpdate' or 'OnDelete'")];
    }
  }
}

function validateRetention(policy: Record<string, unknown> | undefined | null): FieldError[] {
  if (!policy) return [];
  const errs: FieldError[] = [];
  for (const f of ['whenDeleted', 'whenScaled']) {
    const v = policy[f] ?? '';
    if (v !== 'Retain' && v !== 'Delete')
      errs.push(fieldErr.notSupported(`spec.persistentVolumeClaimRetentionPolicy.${f}`, v, ['Retain', 'Delete']));
  }
  return errs;
}

/** ValidateStatefulSetSpec (the pod template itself is only checked for labels and annotations). */
export function validateStatefulSet(o: KObject): FieldError[] {
  const spec = o.spec ?? {};
  const errs: FieldError[] = [];
  const pmp = spec.podManagementPolicy ?? '';
  if (pmp === '') errs.push(fieldErr.required('spec.podManagementPolicy'));
  else if (pmp !== 'OrderedReady' && pmp !== 'Parallel')
    errs.push(fieldErr.invalid('spec.podManagementPolicy', pmp, "must be 'OrderedReady' or 'Parallel'"));
  errs.push(...validateUpdateStrategy(spec.updateStrategy));
  errs.push(...validateRetention(spec.persistentVolumeClaimRetentionPolicy));
  errs.push(...nonNegative(spec.replicas, 'spec.replicas'));
  errs.push(...nonNegative(spec.minReadySeconds, 'spec.minReadySeconds'));
  if (spec.ordinals != null) errs.push(...nonNegative(spec.ordinals.start, 'spec.ordinals.start'));
  errs.push(...validateRequiredSelector(spec.selector, 'spec.selector', 'statefulset'));
  const sel = asSelector(spec.selector);
  if (sel === 'error') errs.push(rawErr('spec.selector', goLabelSelector(spec.selector), ''));
  else {
    const meta = spec.template?.metadata ?? {};
    errs.push(...templateLabelsMismatch(sel, meta.labels, 'spec.template.metadata.labels'));
    // upstream builds these paths from spec.template directly (no ".metadata")
    errs.push(...validateLabels(meta.labels, 'spec.template.labels'));
    errs.push(...validateAnnotations(meta.annotations, 'spec.template.annotations'));
    errs.push(...validatePodSpecificAnnotations(meta.annotations, spec.template?.spec ?? {}, 'spec.template.annotations'));
  }
  errs.push(...alwaysRestartRules(spec.template, 'spec.template', 'StatefulSet'));
  return errs;
}

const MUTABLE = ['replicas', 'template', 'updateStrategy', 'minReadySeconds', 'ordinals', 'persistentVolumeClaimRetentionPolicy'];

/** ValidateStatefulSetUpdate: only a handful of spec fields may change. */
export function validateStatefulSetUpdate(o: KObject, old: KObject): FieldError[] {
  const strip = (spec: Record<string, unknown> | undefined) =>
    Object.fromEntries(Object.entries(spec ?? {}).filter(([k]) => !MUTABLE.includes(k)));
  if (semanticEqual(strip(o.spec), strip(old.spec))) return [];
  return [
    fieldErr.forbidden(
      'spec',
      "updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden",
    ),
  ];
}

/** apps/v1 StatefulSet. */
export const statefulsets = defineResource({
  group: 'apps',
  version: 'v1',
  kind: 'StatefulSet',
  plural: 'statefulsets',
  singular: 'statefulset',
  shortNames: ['sts'],
  namespaced: true,
  categories: ['all'],
  subresources: ['scale', 'status'],
  hasStatus: true,
  tracksGeneration: true,
  defaults: defaultStatefulSet,
  prepareForCreate(o) {
    // replicas and availableReplicas have no omitempty in StatefulSetStatus
    o.status = { replicas: 0, availableReplicas: 0 };
    dropMaxUnavailable(o);
  },
  prepareForUpdate: (o, old) => dropMaxUnavailable(o, old),
  validate: validateStatefulSet,
  validateUpdate: validateStatefulSetUpdate,
  scale: appsScale,
  columns: [nameColumn, col('Ready', 'string', 0, 'Number of the pod with ready state'), ageColumn, containersColumn, imagesColumn],
  row: (o, now) => {
    const [names, images] = containerCells(o.spec?.template?.spec?.containers);
    return [
      o.metadata.name,
      `${o.status?.readyReplicas ?? 0}/${o.spec?.replicas ?? 0}`,
      translateTimestampSince(o.metadata.creationTimestamp, now),
      names,
      images,
    ];
  },
});
