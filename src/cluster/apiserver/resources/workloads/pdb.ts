import { translateTimestampSince } from '../../../api/duration';
import { fieldErr, type FieldError } from '../../../api/errors';
import type { KObject } from '../../../api/types';
import { validateLabelSelector } from '../../../api/validation';
import { ageColumn, col, defineResource, nameColumn } from '../common';
import { goPtr, rawErr } from './goValues';
import { intOrStringText, isNotMoreThan100Percent, validatePositiveIntOrPercent } from './intOrString';

const EVICTION_POLICIES = ['AlwaysAllow', 'IfHealthyBudget'];

/** ValidatePodDisruptionBudgetSpec: minAvailable XOR maxUnavailable, each a count or ≤ 100%. */
export function validatePDB(o: KObject): FieldError[] {
  const spec = o.spec ?? {};
  const errs: FieldError[] = [];
  if (spec.minAvailable != null && spec.maxUnavailable != null) {
    // the whole spec struct is the bad value; its pointer fields print as addresses
    const value =
      `policy.PodDisruptionBudgetSpec{MinAvailable:${goPtr('intstr.IntOrString', spec.minAvailable)}, ` +
      `Selector:${goPtr('v1.LabelSelector', spec.selector)}, MaxUnavailable:${goPtr('intstr.IntOrString', spec.maxUnavailable)}, ` +
      `UnhealthyPodEvictionPolicy:${goPtr('policy.UnhealthyPodEvictionPolicyType', spec.unhealthyPodEvictionPolicy)}}`;
    errs.push(rawErr('spec', value, 'minAvailable and maxUnavailable cannot be both set'));
  }
  for (const f of ['minAvailable', 'maxUnavailable']) {
    if (spec[f] == null) continue;
    errs.push(...validatePositiveIntOrPercent(spec[f], `spec.${f}`), ...isNotMoreThan100Percent(spec[f], `spec.${f}`));
  }
  errs.push(...validateLabelSelector(spec.selector, 'spec.selector'));
  const policy = spec.unhealthyPodEvictionPolicy;
  if (policy != null && !EVICTION_POLICIES.includes(policy))
    errs.push(fieldErr.notSupported('spec.unhealthyPodEvictionPolicy', policy, EVICTION_POLICIES));
  return errs;
}

/** policy/v1 PodDisruptionBudget (spec changes are allowed and bump the generation). */
export const poddisruptionbudgets = defineResource({
  group: 'policy',
  version: 'v1',
  kind: 'PodDisruptionBudget',
  plural: 'poddisruptionbudgets',
  singular: 'poddisruptionbudget',
  shortNames: ['pdb'],
  namespaced: true,
  subresources: ['status'],
  hasStatus: true,
  tracksGeneration: true,
  prepareForCreate(o) {
    // these four counters have no omitempty in PodDisruptionBudgetStatus
    o.status = { disruptionsAllowed: 0, currentHealthy: 0, desiredHealthy: 0, expectedPods: 0 };
  },
  validate: validatePDB,
  columns: [
    nameColumn,
    col('Min Available', 'string', 0, 'The minimum number of pods that must be available.'),
    col('Max Unavailable', 'string', 0, 'The maximum number of pods that may be unavailable.'),
    col('Allowed Disruptions', 'integer', 0, 'Calculated number of pods that may be disrupted at this time.'),
    ageColumn,
  ],
  row: (o, now) => [
    o.metadata.name,
    o.spec?.minAvailable != null ? intOrStringText(o.spec.minAvailable) : 'N/A',
    o.spec?.maxUnavailable != null ? intOrStringText(o.spec.maxUnavailable) : 'N/A',
    o.status?.disruptionsAllowed ?? 0,
    translateTimestampSince(o.metadata.creationTimestamp, now),
  ],
});
