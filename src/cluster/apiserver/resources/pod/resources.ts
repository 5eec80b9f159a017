/**
 * Pod resource arithmetic shared by the pod strategy, LimitRanger, ResourceQuota and the scheduler:
 * component-helpers/resource PodRequests/PodLimits (init containers as a max, sidecars added) and
 * pkg/apis/core/helper/qos ComputePodQOS. Resource lists are JSON maps of quantity strings.
 */
import { addQuantities, compareQuantity, formatQuantity, parseQuantity, type Quantity } from '../../../api/quantity';

/** A parsed ResourceList; insertion order is irrelevant, callers sort when printing. */
export type QuantityMap = Map<string, Quantity>;

/** Parses a JSON resource list, skipping values that are not quantities (validation reports those). */
export function parseResourceList(list: unknown): QuantityMap {
  const out: QuantityMap = new Map();
  if (!list || typeof list !== 'object') return out;
  for (const [k, v] of Object.entries(list as Record<string, unknown>)) {
    if (typeof v !== 'string' && typeof v !== 'number') continue;
    try {
      out.set(k, parseQuantity(v));
    } catch {
      /* not a quantity */
    }
  }
  return out;
}

/** addResourceList: adds `add` into `into` (new names are copied). */
export function addInto(into: QuantityMap, add: QuantityMap): void {
  for (const [k, q] of add) {
    const cur = into.get(k);
    into.set(k, cur ? addQuantities(cur, q) : q);
  }
}

/** maxResourceList: keeps the larger of each quantity. */
export function maxInto(into: QuantityMap, other: QuantityMap): void {
  for (const [k, q] of other) {
    const cur = into.get(k);
    if (!cur || compareQuantity(q, cur) > 0) into.set(k, q);
  }
}

/** A QuantityMap as a JSON resource list, keys sorted. */
export function formatResourceList(m: QuantityMap): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of [...m.keys()].sort()) out[k] = formatQuantity(m.get(k)!);
  return out;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Container = any;

export const isRestartableInitContainer = (c: Container): boolean => c?.restartPolicy === 'Always';

export interface PodResourcesOptions {
  /** Scheduler-style defaults for containers that request nothing (e.g. cpu 100m, memory 200Mi). */
  nonMissingContainerRequests?: QuantityMap;
  excludeOverhead?: boolean;
}

function containerList(c: Container, which: 'requests' | 'limits', opts: PodResourcesOptions): QuantityMap {
  const m = parseResourceList(c?.resources?.[which]);
  if (which === 'requests' && opts.nonMissingContainerRequests)
    for (const [k, q] of opts.nonMissingContainerRequests) if (!m.has(k)) m.set(k, q);
  return m;
}

// AggregateContainerRequests/Limits: regular containers and sidecars add up; each classic init
// container runs alone (plus the sidecars started before it), so the pod needs the max of those.
function aggregate(spec: Container, which: 'requests' | 'limits', opts: PodResourcesOptions): QuantityMap {
  const total: QuantityMap = new Map();
  for (const c of spec?.containers ?? []) addInto(total, containerList(c, which, opts));
  const sidecars: QuantityMap = new Map();
  const initMax: QuantityMap = new Map();
  for (const c of spec?.initContainers ?? []) {
    const own = containerList(c, which, opts);
    let use: QuantityMap;
    if (isRestartableInitContainer(c)) {
      addInto(total, own);
      addInto(sidecars, own);
      use = sidecars;
    } else {
      use = new Map(own);
      addInto(use, sidecars);
    }
    maxInto(initMax, use);
  }
  maxInto(total, initMax);
  if (!opts.excludeOverhead && spec?.overhead) addInto(total, parseResourceList(spec.overhead));
  return total;
}

/** resourcehelper.PodRequests (overhead included unless excluded). */
export function podRequests(spec: Container, opts: PodResourcesOptions = {}): QuantityMap {
  return aggregate(spec, 'requests', opts);
}

/** resourcehelper.PodLimits. */
export function podLimits(spec: Container, opts: PodResourcesOptions = {}): QuantityMap {
  return aggregate(spec, 'limits', opts);
}

export type QOSClass = 'Guaranteed' | 'Burstable' | 'BestEffort';

/**
 * ComputePodQOS. Requests missing but limited are taken from the limits, as SetDefaults_Pod would have
 * filled them (the pod strategy here runs before defaulting).
 */
export function computeQOSClass(spec: Container): QOSClass {
  const requests: QuantityMap = new Map();
  const limits: QuantityMap = new Map();
  let guaranteed = true;
  const zero = parseQuantity('0');
  for (const c of [...(spec?.containers ?? []), ...(spec?.initContainers ?? [])]) {
    const lim = parseResourceList(c?.resources?.limits);
    const req = parseResourceList(c?.resources?.requests);
    for (const [k, q] of lim) if (!req.has(k)) req.set(k, q);
    for (const [k, q] of req) if ((k === 'cpu' || k === 'memory') && compareQuantity(q, zero) > 0) addInto(requests, new Map([[k, q]]));
    const found = new Set<string>();
    for (const [k, q] of lim) {
      if ((k !== 'cpu' && k !== 'memory') || compareQuantity(q, zero) <= 0) continue;
      found.add(k);
      addInto(limits, new Map([[k, q]]));
    }
    if (!found.has('cpu') || !found.has('memory')) guaranteed = false;
  }
  if (requests.size === 0 && limits.size === 0) return 'BestEffort';
  if (guaranteed) {
    for (const [k, q] of requests) {
      const l = limits.get(k);
      if (!l || compareQuantity(l, q) !== 0) {
        guaranteed = false;
        break;
      }
    }
  }
  return guaranteed && requests.size === limits.size ? 'Guaranteed' : 'Burstable';
}
