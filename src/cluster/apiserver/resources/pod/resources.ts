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
  // Only cpu and memory decide the class, so they are read directly (this runs on every pod create).
  const zero = parseQuantity('0');
  const requests: (Quantity | undefined)[] = [undefined, undefined];
  const limits: (Quantity | undefined)[] = [undefined, undefined];
  let guaranteed = true;
  for (const list of [spec?.containers, spec?.initContainers]) {
    if (!Array.isArray(list)) continue;
    for (const c of list) {
      let limited = 0;
      for (let i = 0; i < 2; i++) {
        const k = QOS_RESOURCES[i];
        const lim = listQuantity(c?.resources?.limits, k);
        const req = listQuantity(c?.resources?.requests, k) ?? lim;
        if (req && compareQuantity(req, zero) > 0) requests[i] = requests[i] ? addQuantities(requests[i]!, req) : req;
        if (lim && compareQuantity(lim, zero) > 0) {
          limited++;
          limits[i] = limits[i] ? addQuantities(limits[i]!, lim) : lim;
        }
      }
      if (limited < 2) guaranteed = false;
    }
  }
  if (!requests[0] && !requests[1] && !limits[0] && !limits[1]) return 'BestEffort';
  for (let i = 0; i < 2 && guaranteed; i++) {
    const r = requests[i];
    const l = limits[i];
    if (!r !== !l || (r && l && compareQuantity(l, r) !== 0)) guaranteed = false;
  }
  return guaranteed ? 'Guaranteed' : 'Burstable';
}

const QOS_RESOURCES = ['cpu', 'memory'] as const;

/** One quantity of a JSON resource list, or undefined when absent or not a quantity (as parseResourceList skips it). */
function listQuantity(list: unknown, k: string): Quantity | undefined {
  if (!list || typeof list !== 'object' || !Object.prototype.hasOwnProperty.call(list, k)) return undefined;
  const v = (list as Record<string, unknown>)[k];
  if (typeof v !== 'string' && typeof v !== 'number') return undefined;
  try {
    return parseQuantity(v);
  } catch {
    return undefined;
  }
}
