/**
 * Spread constraints as the plugin sees them: the pod's own (filtered by whenUnsatisfiable, with
 * matchLabelKeys merged into the selector) or the system defaults (hostname maxSkew 3, zone
 * maxSkew 5, ScheduleAnyway) whose selector comes from the pod's Services and controller.
 */
import { matches, selectorFromLabelSelector, selectorFromSet, type Selector } from '../../../api/labels';
import type { KObject } from '../../../api/types';
import type { NodeMatcher } from '../../framework/affinity';
import type { Handle } from '../../framework/handle';
import type { PodInfo } from '../../framework/podInfo';
import { doNotSchedule, findUntoleratedTaint, parseTaints } from '../../framework/taints';
import { requiredMatcher } from '../nodeaffinity/plugin';

export const LabelHostname = 'kubernetes.io/hostname';

export interface Constraint {
  maxSkew: number;
  topologyKey: string;
  selector: Selector;
  minDomains: number;
  /** NodeAffinityPolicy Honor (default): only nodes matching the pod's required node affinity count. */
  honorAffinity: boolean;
  /** NodeTaintsPolicy Honor (default Ignore): only nodes whose taints the pod tolerates count. */
  honorTaints: boolean;
}

/** A v1.TopologySpreadConstraint as JSON. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type RawConstraint = Record<string, any>;

/** The scheduler's default (List) constraints: defaultingType System. */
export const SYSTEM_DEFAULT_CONSTRAINTS: readonly RawConstraint[] = [
  { maxSkew: 3, topologyKey: LabelHostname, whenUnsatisfiable: 'ScheduleAnyway' },
  { maxSkew: 5, topologyKey: 'topology.kubernetes.io/zone', whenUnsatisfiable: 'ScheduleAnyway' },
];

/** filterTopologySpreadConstraints: the constraints with `action`, parsed. */
export function filterConstraints(list: readonly RawConstraint[], podLabels: Readonly<Record<string, string>>, action: string): Constraint[] {
  const out: Constraint[] = [];
  for (const c of list) {
    if (c.whenUnsatisfiable !== action) continue;
    let selector = selectorFromLabelSelector(c.labelSelector) ?? [];
    const keys: string[] = c.matchLabelKeys ?? [];
    const extra = keys.filter((k) => k in podLabels).map((k) => ({ key: k, op: 'In' as const, values: [podLabels[k]!] }));
    if (extra.length) selector = [...selector, ...extra];
    out.push({
      maxSkew: c.maxSkew ?? 1,
      topologyKey: c.topologyKey ?? '',
      selector,
      minDomains: c.minDomains ?? 1,
      honorAffinity: (c.nodeAffinityPolicy ?? 'Honor') === 'Honor',
      honorTaints: c.nodeTaintsPolicy === 'Honor',
    });
  }
  return out;
}

// Parsed controller selectors by object identity: stored objects are immutable (a change is a new
// object), so every pod of a ReplicaSet shares one parsed selector — and one set of constraints.
const controllerSelectors = new WeakMap<object, Selector | null>();
function controllerSelector(o: KObject): Selector | null {
  let s = controllerSelectors.get(o);
  if (s === undefined) {
    try {
      s = selectorFromLabelSelector(o.spec?.selector);
    } catch {
      s = null; // an unparsable selector adds nothing
    }
    controllerSelectors.set(o, s);
  }
  return s;
}

/**
 * helper.DefaultSelector: the union of the selectors of Services selecting the pod and of its
 * controlling ReplicaSet / StatefulSet / ReplicationController. Empty = no default spreading.
 */
export function defaultSelector(pod: PodInfo, h: Handle): Selector {
  const set: Record<string, string> = {};
  let fromServices = false;
  for (const svc of h.services(pod.namespace)) {
    const sel: Record<string, string> | undefined = svc.spec?.selector;
    if (sel && Object.keys(sel).length && matches(selectorFromSet(sel), pod.labels)) {
      Object.assign(set, sel);
      fromServices = true;
    }
  }
  let selector = selectorFromSet(set);
  const owner = (pod.pod.metadata.ownerReferences ?? []).find((r) => r.controller);
  if (!owner) return selector;
  const av: string = owner.apiVersion ?? '';
  const group = av.includes('/') ? av.slice(0, av.indexOf('/')) : '';
  if (owner.kind === 'ReplicationController' && group === '') {
    const rc = safeGet(h, 'replicationcontrollers', pod.namespace, owner.name);
    if (rc?.spec?.selector) selector = selectorFromSet({ ...set, ...rc.spec.selector });
  } else if ((owner.kind === 'ReplicaSet' || owner.kind === 'StatefulSet') && group === 'apps') {
    const o = safeGet(h, owner.kind === 'ReplicaSet' ? 'apps/replicasets' : 'apps/statefulsets', pod.namespace, owner.name);
    const extra = o ? controllerSelector(o) : null;
    // Without Services the controller's own (shared) selector is the whole selector.
    if (extra) selector = fromServices ? [...selector, ...extra] : extra;
  }
  return selector;
}

function safeGet(h: Handle, resource: string, ns: string, name: string): KObject | undefined {
  try {
    return h.client.get(resource, ns, name);
  } catch {
    return undefined; // a resource this cluster doesn't serve
  }
}

// System-default constraints per default selector (by identity) and action, built once.
const defaultsBySelector = { DoNotSchedule: new WeakMap<Selector, Constraint[]>(), ScheduleAnyway: new WeakMap<Selector, Constraint[]>() };

/** getConstraints for Filter (DoNotSchedule) or Score (ScheduleAnyway). The result is shared: read only. */
export function getConstraints(pod: PodInfo, h: Handle, action: 'DoNotSchedule' | 'ScheduleAnyway'): Constraint[] {
  const own: RawConstraint[] = pod.pod.spec?.topologySpreadConstraints ?? [];
  if (own.length) return filterConstraints(own, pod.labels, action);
  if (!SYSTEM_DEFAULT_CONSTRAINTS.some((c) => c.whenUnsatisfiable === action)) return [];
  const sel = defaultSelector(pod, h);
  if (sel.length === 0) return [];
  let defaults = defaultsBySelector[action].get(sel);
  if (!defaults) {
    defaults = filterConstraints(SYSTEM_DEFAULT_CONSTRAINTS, pod.labels, action);
    for (const c of defaults) c.selector = sel;
    defaultsBySelector[action].set(sel, defaults);
  }
  return defaults;
}

/** nodeLabelsMatchSpreadConstraints: the node carries every constraint's topology key. */
export function hasAllKeys(labels: Readonly<Record<string, string>>, cs: readonly Constraint[]): boolean {
  for (const c of cs) if (!(c.topologyKey in labels)) return false;
  return true;
}

/** matchNodeInclusionPolicies. */
export function includesNode(c: Constraint, pod: PodInfo, node: KObject, affinity: NodeMatcher | null): boolean {
  if (c.honorAffinity && affinity && !affinity(node)) return false;
  if (c.honorTaints && findUntoleratedTaint(parseTaints(node.spec?.taints), pod.tolerations, doNotSchedule)) return false;
  return true;
}

export { requiredMatcher };
