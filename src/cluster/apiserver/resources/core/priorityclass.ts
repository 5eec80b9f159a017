import { apiErrors, fieldErr, type FieldError } from '../../../api/errors';
import type { KObject } from '../../../api/types';
import type { RequestContext } from '../../types';
import { ageColumn, col, defineResource, nameColumn } from '../common';
import { age, str, updateChecksFirst } from './helpers';

const HIGHEST_USER_PRIORITY = 1_000_000_000;
const SYSTEM_CLASSES: Record<string, number> = { 'system-node-critical': 2_000_001_000, 'system-cluster-critical': 2_000_000_000 };

/** IsKnownSystemPriorityClass: the error text, or undefined when `pc` is one of the built-in classes. */
function systemClassError(name: string, value: number, globalDefault: boolean): string | undefined {
  if (!(name in SYSTEM_CLASSES)) return `${name} is not a known system priority class`;
  if (SYSTEM_CLASSES[name] !== value) return `value of ${name} PriorityClass must be ${SYSTEM_CLASSES[name]}`;
  if (globalDefault) return `globalDefault of ${name} PriorityClass must be false`;
  return undefined;
}

/** ValidatePriorityClass. */
export function validatePriorityClass(o: KObject): FieldError[] {
  const errs: FieldError[] = [];
  const name = o.metadata.name ?? '';
  const value = typeof o.value === 'number' ? o.value : 0;
  if (name.startsWith('system-')) {
    const err = systemClassError(name, value, !!o.globalDefault);
    if (err) errs.push(fieldErr.forbidden('metadata.name', `priority class names with 'system-' prefix are reserved for system use only. error: ${err}`));
  } else if (value > HIGHEST_USER_PRIORITY)
    errs.push(fieldErr.forbidden('value', `maximum allowed value of a user defined priority is ${HIGHEST_USER_PRIORITY}`));
  const pp = o.preemptionPolicy;
  if (pp != null) {
    if (pp === '') errs.push(fieldErr.required('preemptionPolicy', ''));
    else if (pp !== 'PreemptLowerPriority' && pp !== 'Never') errs.push(fieldErr.notSupported('preemptionPolicy', pp, ['PreemptLowerPriority', 'Never']));
  }
  return errs;
}

/** The Priority admission plugin: only one PriorityClass may be the global default. */
function checkSingleDefault(o: KObject, ctx: RequestContext, update: boolean): void {
  if (!o.globalDefault) return;
  const other = ctx.list('scheduling.k8s.io/priorityclasses').find((pc) => pc.globalDefault && pc.metadata.name !== o.metadata.name);
  const existing = update ? other : (other ?? ctx.list('scheduling.k8s.io/priorityclasses').find((pc) => pc.globalDefault));
  if (existing)
    throw apiErrors.forbidden('priorityclasses', 'scheduling.k8s.io', o.metadata.name ?? '', `PriorityClass ${existing.metadata.name} is already marked as default. Only one default can exist`);
}

/** scheduling.k8s.io/v1 PriorityClass (cluster-scoped). */
export const priorityClasses = defineResource({
  group: 'scheduling.k8s.io',
  version: 'v1',
  kind: 'PriorityClass',
  plural: 'priorityclasses',
  singular: 'priorityclass',
  shortNames: ['pc'],
  namespaced: false,
  defaults(o) {
    o.preemptionPolicy ??= 'PreemptLowerPriority';
  },
  // the Priority admission check runs after validation, so only for objects that validate
  ...updateChecksFirst(
    'scheduling.k8s.io/priorityclasses',
    (o, ctx) => {
      const errs = validatePriorityClass(o);
      if (!errs.length) checkSingleDefault(o, ctx, false);
      return errs;
    },
    (o, old, ctx) => {
      // ValidatePriorityClassUpdate checks only value and preemptionPolicy, not the create rules
      const errs: FieldError[] = [];
      if (o.value !== old.value) errs.push(fieldErr.forbidden('value', 'may not be changed in an update.'));
      if (str(o.preemptionPolicy) !== str(old.preemptionPolicy)) errs.push(fieldErr.immutable('preemptionPolicy', o.preemptionPolicy ?? null));
      if (!errs.length) checkSingleDefault(o, ctx, true);
      return errs;
    },
    () => [],
  ),
  columns: [
    nameColumn,
    col('Value', 'integer', 0, 'value represents the integer value of this priority class.'),
    col('Global-Default', 'boolean', 0, 'globalDefault specifies whether this PriorityClass should be considered as the default priority for pods that do not have any priority class.'),
    ageColumn,
    // priority 0 upstream too: kubectl shows it by default since the server always prints wide
    col('PreemptionPolicy', 'string', 0, 'preemptionPolicy is the Policy for preempting pods with lower priority.'),
  ],
  row: (o, now) => [o.metadata.name, typeof o.value === 'number' ? o.value : 0, !!o.globalDefault, age(o, now), str(o.preemptionPolicy)],
});
