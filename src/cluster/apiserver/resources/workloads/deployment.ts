import { translateTimestampSince } from '../../../api/duration';
import { fieldErr, type FieldError } from '../../../api/errors';
import type { KObject } from '../../../api/types';
import { ageColumn, col, defineResource, nameColumn } from '../common';
import { defaultPodTemplateSpec } from '../pod/specDefaults';
import { goIntOrString, goLabelSelector, goPtr, goQuote, rawErr, rawNotSupported } from './goValues';
import { intOrPercentValue, isNotMoreThan100Percent, validatePositiveIntOrPercent } from './intOrString';
import { validateReplicaSetTemplate } from './podTemplate';
import {
  appsScale,
  asSelector,
  containerCells,
  containersColumn,
  imagesColumn,
  nonNegative,
  selectorImmutable,
  selectorString,
  validateRequiredSelector,
} from './shared';

/** SetDefaults_Deployment (apps/v1): replicas 1, RollingUpdate 25%/25%, history 10, deadline 600 s. */
export function defaultDeployment(o: KObject): void {
  const spec = (o.spec ??= {});
  spec.replicas ??= 1;
  const strategy = (spec.strategy ??= {});
  if (!strategy.type) strategy.type = 'RollingUpdate';
  if (strategy.type === 'RollingUpdate') {
    const ru = (strategy.rollingUpdate ??= {});
    ru.maxUnavailable ??= '25%';
    ru.maxSurge ??= '25%';
  }
  spec.revisionHistoryLimit ??= 10;
  spec.progressDeadlineSeconds ??= 600;
  defaultPodTemplateSpec((spec.template ??= {}));
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function validateStrategy(strategy: Record<string, any> | undefined): FieldError[] {
  const s = strategy ?? {};
  const path = 'spec.strategy';
  switch (s.type) {
    case 'Recreate':
      return s.rollingUpdate != null
        ? [fieldErr.forbidden(`${path}.rollingUpdate`, "may not be specified when strategy `type` is 'Recreate'")]
        : [];
    case 'RollingUpdate': {
      if (s.rollingUpdate == null) return [fieldErr.required(`${path}.rollingUpdate`, 'this should be defaulted and never be nil')];
      const ru = s.rollingUpdate;
      const p = `${path}.rollingUpdate`;
      const errs = [
        ...validatePositiveIntOrPercent(ru.maxUnavailable ?? 0, `${p}.maxUnavailable`),
        ...validatePositiveIntOrPercent(ru.maxSurge ?? 0, `${p}.maxSurge`),
      ];
      if (intOrPercentValue(ru.maxUnavailable) === 0 && intOrPercentValue(ru.maxSurge) === 0)
        errs.push(rawErr(`${p}.maxUnavailable`, goIntOrString(ru.maxUnavailable ?? 0), 'may not be 0 when `maxSurge` is 0'));
      errs.push(...isNotMoreThan100Percent(ru.maxUnavailable, `${p}.maxUnavailable`));
      return errs;
    }
    default: {
      const value = `apps.DeploymentStrategy{Type:${goQuote(s.type)}, RollingUpdate:${goPtr('apps.RollingUpdateDeployment', s.rollingUpdate)}}`;
      return [rawNotSupported(path, value, ['Recreate', 'RollingUpdate'])];
    }
  }
}

/** ValidateDeploymentSpec. */
export function validateDeployment(o: KObject): FieldError[] {
  const spec = o.spec ?? {};
  const errs = nonNegative(spec.replicas, 'spec.replicas');
  errs.push(...validateRequiredSelector(spec.selector, 'spec.selector', 'deployment'));
  const sel = asSelector(spec.selector);
  if (sel === 'error') errs.push(rawErr('spec.selector', goLabelSelector(spec.selector), 'invalid label selector'));
  else errs.push(...validateReplicaSetTemplate(spec.template, sel, 'spec.template'));
  errs.push(...validateStrategy(spec.strategy));
  errs.push(...nonNegative(spec.minReadySeconds, 'spec.minReadySeconds'));
  errs.push(...nonNegative(spec.revisionHistoryLimit, 'spec.revisionHistoryLimit'));
  if (spec.progressDeadlineSeconds != null) {
    errs.push(...nonNegative(spec.progressDeadlineSeconds, 'spec.progressDeadlineSeconds'));
    if (spec.progressDeadlineSeconds <= (spec.minReadySeconds ?? 0))
      errs.push(fieldErr.invalid('spec.progressDeadlineSeconds', spec.progressDeadlineSeconds, 'must be greater than minReadySeconds'));
  }
  return errs;
}

/** apps/v1 Deployment: status and scale subresources; annotations bump the generation too. */
export const deployments = defineResource({
  group: 'apps',
  version: 'v1',
  kind: 'Deployment',
  plural: 'deployments',
  singular: 'deployment',
  shortNames: ['deploy'],
  namespaced: true,
  categories: ['all'],
  subresources: ['scale', 'status'],
  hasStatus: true,
  tracksGeneration: true,
  generationOnAnnotations: true,
  defaults: defaultDeployment,
  prepareForCreate(o) {
    o.status = {};
  },
  validate: validateDeployment,
  validateUpdate: selectorImmutable,
  scale: appsScale,
  columns: [
    nameColumn,
    col('Ready', 'string', 0, 'Number of the pod with ready state'),
    col('Up-to-date', 'string', 0, 'Total number of non-terminated pods targeted by this deployment that have the desired template spec.'),
    col('Available', 'string', 0, 'Total number of available pods (ready for at least minReadySeconds) targeted by this deployment.'),
    ageColumn,
    containersColumn,
    imagesColumn,
    col('Selector', 'string', 1, "Label selector for pods. Existing ReplicaSets whose pods are selected by this will be the ones affected by this deployment. It must match the pod template's labels."),
  ],
  row: (o, now) => {
    const [names, images] = containerCells(o.spec?.template?.spec?.containers);
    const sel = asSelector(o.spec?.selector);
    return [
      o.metadata.name,
      `${o.status?.readyReplicas ?? 0}/${o.spec?.replicas ?? 0}`,
      o.status?.updatedReplicas ?? 0,
      o.status?.availableReplicas ?? 0,
      translateTimestampSince(o.metadata.creationTimestamp, now),
      names,
      images,
      sel === 'error' ? '<invalid>' : selectorString(o.spec?.selector),
    ];
  },
});
