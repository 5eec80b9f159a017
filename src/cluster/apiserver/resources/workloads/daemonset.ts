import { translateTimestampSince } from '../../../api/duration';
import { fieldErr, type FieldError } from '../../../api/errors';
import { formatLabelSelector, formatLabels } from '../../../api/labels';
import type { KObject } from '../../../api/types';
import { validateLabelSelector } from '../../../api/validation';
import { ageColumn, col, defineResource, nameColumn } from '../common';
import { defaultPodTemplateSpec } from '../pod/specDefaults';
import { validatePodTemplateSpec } from '../pod/specValidation';
import { goIntOrString, goLabelSelector, goPtr, goQuote, rawErr, rawNotSupported } from './goValues';
import { intOrPercentValue, isNotMoreThan100Percent, validatePositiveIntOrPercent } from './intOrString';
import { alwaysRestartRules } from './podTemplate';
import {
  asSelector,
  containerCells,
  containersColumn,
  imagesColumn,
  nonNegative,
  selectorImmutable,
  semanticEqual,
  templateLabelsMismatch,
} from './shared';

/** apps/v1 keeps the internal spec.templateGeneration in this annotation. */
export const TEMPLATE_GENERATION = 'deprecated.daemonset.template.generation';

/** SetDefaults_DaemonSet: RollingUpdate with maxUnavailable 1 / maxSurge 0, history 10. */
export function defaultDaemonSet(o: KObject): void {
  const spec = (o.spec ??= {});
  const us = (spec.updateStrategy ??= {});
  if (!us.type) us.type = 'RollingUpdate';
  if (us.type === 'RollingUpdate') {
    const ru = (us.rollingUpdate ??= {});
    ru.maxUnavailable ??= 1;
    ru.maxSurge ??= 0;
  }
  spec.revisionHistoryLimit ??= 10;
  defaultPodTemplateSpec((spec.template ??= {}));
}

const templateGeneration = (o: KObject): number => {
  const n = Number.parseInt(o.metadata.annotations?.[TEMPLATE_GENERATION] ?? '', 10);
  return Number.isFinite(n) ? n : 0;
};

function setTemplateGeneration(o: KObject, n: number): void {
  o.metadata.annotations = { ...(o.metadata.annotations ?? {}), [TEMPLATE_GENERATION]: String(n) };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function validateRollingUpdate(ru: Record<string, any>, path: string): FieldError[] {
  const mu = ru.maxUnavailable ?? 0;
  const ms = ru.maxSurge ?? 0;
  const errs = [
    ...validatePositiveIntOrPercent(mu, `${path}.maxUnavailable`),
    ...validatePositiveIntOrPercent(ms, `${path}.maxSurge`),
    ...isNotMoreThan100Percent(mu, `${path}.maxUnavailable`),
    ...isNotMoreThan100Percent(ms, `${path}.maxSurge`),
  ];
  const hasUnavailable = intOrPercentValue(mu) !== 0;
  const hasSurge = intOrPercentValue(ms) !== 0;
  if (hasUnavailable && hasSurge) errs.push(rawErr(`${path}.maxSurge`, goIntOrString(ms), 'may not be set when maxUnavailable is non-zero'));
  if (!hasUnavailable && !hasSurge) errs.push(fieldErr.required(`${path}.maxUnavailable`, 'cannot be 0 when maxSurge is 0'));
  return errs;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function validateUpdateStrategy(us: Record<string, any> | undefined): FieldError[] {
  const path = 'spec.updateStrategy';
  switch (us?.type) {
    case 'OnDelete':
      return [];
    case 'RollingUpdate':
      if (us.rollingUpdate == null) return [fieldErr.required(`${path}.rollingUpdate`)];
      return validateRollingUpdate(us.rollingUpdate, `${path}.rollingUpdate`);
    default: {
      const value = `apps.DaemonSetUpdateStrategy{Type:${goQuote(us?.type)}, RollingUpdate:${goPtr('apps.RollingUpdateDaemonSet', us?.rollingUpdate)}}`;
      return [rawNotSupported(path, value, ['RollingUpdate', 'OnDelete'])];
    }
  }
}

/** ValidateDaemonSetSpec (a missing selector only shows up as the template-labels mismatch). */
export function validateDaemonSet(o: KObject): FieldError[] {
  const spec = o.spec ?? {};
  const errs = validateLabelSelector(spec.selector, 'spec.selector');
  const sel = asSelector(spec.selector);
  if (sel !== 'error') errs.push(...templateLabelsMismatch(sel, spec.template?.metadata?.labels, 'spec.template.metadata.labels'));
  const ls = spec.selector;
  if (ls != null && Object.keys(ls.matchLabels ?? {}).length + (ls.matchExpressions ?? []).length === 0)
    errs.push(rawErr('spec.selector', goLabelSelector(ls), 'empty selector is invalid for daemonset'));
  errs.push(...validatePodTemplateSpec(spec.template ?? {}, 'spec.template'));
  errs.push(...alwaysRestartRules(spec.template, 'spec.template', 'DaemonSet'));
  errs.push(...nonNegative(spec.minReadySeconds, 'spec.minReadySeconds'));
  errs.push(...nonNegative(templateGeneration(o), 'spec.templateGeneration'));
  errs.push(...validateUpdateStrategy(spec.updateStrategy));
  errs.push(...nonNegative(spec.revisionHistoryLimit, 'spec.revisionHistoryLimit'));
  return errs;
}

/** apps/v1 DaemonSet. */
export const daemonsets = defineResource({
  group: 'apps',
  version: 'v1',
  kind: 'DaemonSet',
  plural: 'daemonsets',
  singular: 'daemonset',
  shortNames: ['ds'],
  namespaced: true,
  categories: ['all'],
  subresources: ['status'],
  hasStatus: true,
  tracksGeneration: true,
  defaults: defaultDaemonSet,
  prepareForCreate(o) {
    // these four DaemonSetStatus counters have no omitempty
    o.status = { currentNumberScheduled: 0, numberMisscheduled: 0, desiredNumberScheduled: 0, numberReady: 0 };
    setTemplateGeneration(o, Math.max(templateGeneration(o), 1));
  },
  prepareForUpdate(o, old) {
    // templateGeneration is server-owned: kept, and bumped when the (defaulted) template changes
    defaultDaemonSet(o);
    const changed = !semanticEqual(o.spec?.template, old.spec?.template);
    setTemplateGeneration(o, templateGeneration(old) + (changed ? 1 : 0));
  },
  validate: validateDaemonSet,
  validateUpdate: selectorImmutable,
  columns: [
    nameColumn,
    col('Desired', 'integer', 0, 'The total number of nodes that should be running the daemon pod (including nodes correctly running the daemon pod). More info: https://kubernetes.io/docs/concepts/workloads/controllers/daemonset/'),
    col('Current', 'integer', 0, 'The number of nodes that are running at least 1 daemon pod and are supposed to run the daemon pod. More info: https://kubernetes.io/docs/concepts/workloads/controllers/daemonset/'),
    col('Ready', 'integer', 0, 'numberReady is the number of nodes that should be running the daemon pod and have one or more of the daemon pod running with a Ready Condition.'),
    col('Up-to-date', 'integer', 0, 'The total number of nodes that are running updated daemon pod'),
    col('Available', 'integer', 0, 'The number of nodes that should be running the daemon pod and have one or more of the daemon pod running and available (ready for at least spec.minReadySeconds)'),
    col('Node Selector', 'string', 0, "NodeSelector is a selector which must be true for the pod to fit on a node. Selector which must match a node's labels for the pod to be scheduled on that node. More info: https://kubernetes.io/docs/concepts/configuration/assign-pod-node/"),
    ageColumn,
    containersColumn,
    imagesColumn,
    col('Selector', 'string', 1, "A label query over pods that are managed by the daemon set. Must match in order to be controlled. It must match the pod template's labels. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#label-selectors"),
  ],
  row: (o, now) => {
    const s = o.status ?? {};
    const [names, images] = containerCells(o.spec?.template?.spec?.containers);
    return [
      o.metadata.name,
      s.desiredNumberScheduled ?? 0,
      s.currentNumberScheduled ?? 0,
      s.numberReady ?? 0,
      s.updatedNumberScheduled ?? 0,
      s.numberAvailable ?? 0,
      formatLabels(o.spec?.template?.spec?.nodeSelector),
      translateTimestampSince(o.metadata.creationTimestamp, now),
      names,
      images,
      formatLabelSelector(o.spec?.selector),
    ];
  },
});
