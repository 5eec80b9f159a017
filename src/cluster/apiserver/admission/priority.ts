/**
 * Priority admission (plugin/pkg/admission/priority, v1.32). Pods: resolves spec.priorityClassName
 * to spec.priority and spec.preemptionPolicy (the globalDefault class, else priority 0 with
 * PreemptLowerPriority); keeps both on updates. PriorityClasses: at most one globalDefault.
 * The two system classes are bootstrap objects upstream; they resolve here even when not stored.
 */
import type { KObject } from '../../api/types';
import type { RequestContext } from '../types';
import type { AdmissionPlugin } from './types';
import { forbidden, forbiddenValidating, isPod, tryGet, tryList } from './util';

export const PRIORITY_CLASSES = 'scheduling.k8s.io/priorityclasses';

interface Resolved {
  name: string;
  value: number;
  preemptionPolicy?: string;
}

/** The built-in classes the apiserver creates at start-up. */
export const SYSTEM_PRIORITY_CLASSES: Record<string, number> = {
  'system-node-critical': 2000001000,
  'system-cluster-critical': 2000000000,
};

const fromObject = (pc: KObject): Resolved => ({
  name: pc.metadata.name!,
  value: pc.value ?? 0,
  // PriorityClass defaulting fills PreemptLowerPriority; tolerate undefaulted objects.
  preemptionPolicy: pc.preemptionPolicy ?? 'PreemptLowerPriority',
});

/** getDefaultPriorityClass: the globalDefault class (the lowest value if several). */
export function defaultPriorityClass(ctx: RequestContext): KObject | undefined {
  const defaults = tryList(ctx, PRIORITY_CLASSES).filter((pc) => pc.globalDefault === true);
  return defaults.sort((x, y) => (x.value ?? 0) - (y.value ?? 0))[0];
}

/** Resolves a class name; undefined when no such class exists. */
export function resolvePriorityClass(ctx: RequestContext, name: string): Resolved | undefined {
  const pc = tryGet(ctx, PRIORITY_CLASSES, undefined, name);
  if (pc) return fromObject(pc);
  const builtin = SYSTEM_PRIORITY_CLASSES[name];
  return builtin === undefined ? undefined : { name, value: builtin, preemptionPolicy: 'PreemptLowerPriority' };
}

export const priority: AdmissionPlugin = {
  name: 'Priority',
  admit(a, ctx) {
    if (!isPod(a) || !a.object) return;
    const spec = (a.object.spec ??= {});
    if (a.operation === 'UPDATE') {
      // Set on create; PUTs that omit them must not look like a change of an immutable field.
      if (spec.priority == null && a.old?.spec?.priority != null) spec.priority = a.old.spec.priority;
      if (spec.preemptionPolicy == null && a.old?.spec?.preemptionPolicy != null) spec.preemptionPolicy = a.old.spec.preemptionPolicy;
      return;
    }
    if (a.operation !== 'CREATE') return;
    let resolved: Resolved;
    if (!spec.priorityClassName) {
      const dpc = defaultPriorityClass(ctx);
      resolved = dpc ? fromObject(dpc) : { name: '', value: 0, preemptionPolicy: 'PreemptLowerPriority' };
      if (resolved.name) spec.priorityClassName = resolved.name;
    } else {
      const found = resolvePriorityClass(ctx, spec.priorityClassName);
      if (!found) throw forbidden(a, `no PriorityClass with name ${spec.priorityClassName} was found`);
      resolved = found;
    }
    if (spec.priority != null && spec.priority !== resolved.value)
      throw forbidden(
        a,
        `the integer value of priority (${spec.priority}) must not be provided in pod spec; priority admission controller computed ${resolved.value} from the given PriorityClass name`,
      );
    spec.priority = resolved.value;
    if (resolved.preemptionPolicy) {
      if (spec.preemptionPolicy != null && spec.preemptionPolicy !== resolved.preemptionPolicy)
        throw forbidden(
          a,
          `the string value of PreemptionPolicy (${spec.preemptionPolicy}) must not be provided in pod spec; priority admission controller computed ${resolved.preemptionPolicy} from the given PriorityClass name`,
        );
      spec.preemptionPolicy = resolved.preemptionPolicy;
    }
  },
  validate(a, ctx) {
    if (a.def.group !== 'scheduling.k8s.io' || a.def.plural !== 'priorityclasses' || a.subresource) return;
    if ((a.operation !== 'CREATE' && a.operation !== 'UPDATE') || a.object?.globalDefault !== true) return;
    const dpc = defaultPriorityClass(ctx);
    if (dpc && (a.operation === 'CREATE' || dpc.metadata.name !== a.object.metadata.name))
      throw forbiddenValidating(a, `PriorityClass ${dpc.metadata.name} is already marked as default. Only one default can exist`);
  },
};
