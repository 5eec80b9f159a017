/**
 * Resource arithmetic on plain numbers (cpu in millicores, everything else in units), for the hot
 * path: quantities are parsed once per distinct string. Mirrors resourcehelper.PodRequests (init
 * containers as a max, sidecars added, overhead added) and framework.Resource.
 */
import { parseQuantity, toMilli, toValue } from '../../api/quantity';
import type { KObject } from '../../api/types';

const milliMemo = new Map<string, number>();
const valueMemo = new Map<string, number>();

function memo(m: Map<string, number>, q: string | number, f: (s: string | number) => number): number {
  const k = String(q);
  let v = m.get(k);
  if (v === undefined) {
    try {
      v = f(q);
    } catch {
      v = 0;
    }
    if (m.size > 50_000) m.clear();
    m.set(k, v);
  }
  return v;
}

/** Quantity.MilliValue() (rounded up). */
export const milliValue = (q: string | number): number => memo(milliMemo, q, (s) => toMilli(parseQuantity(s)));
/** Quantity.Value() (rounded up). */
export const unitValue = (q: string | number): number => memo(valueMemo, q, (s) => toValue(parseQuantity(s)));

/** schedutil.DefaultMilliCPURequest / DefaultMemoryRequest: what scoring assumes for containers requesting nothing. */
export const DEFAULT_MILLI_CPU_REQUEST = 100;
export const DEFAULT_MEMORY_REQUEST = 200 * 1024 * 1024;

/** framework.Resource (without AllowedPodNumber). */
export interface Resources {
  cpu: number;
  mem: number;
  eph: number;
  /** Extended resources and hugepages; null when none. */
  scalar: Map<string, number> | null;
}

/** v1helper.IsScalarResourceName: hugepages, extended, native-prefixed and attachable-volume names. */
export function isScalarResourceName(name: string): boolean {
  return name.startsWith('hugepages-') || name.includes('/') || name.startsWith('attachable-volumes-');
}

function addList(into: Resources, list: Record<string, string> | undefined, nonZero: boolean): void {
  let cpu = false;
  let mem = false;
  if (list)
    for (const k in list) {
      const q = list[k]!;
      if (k === 'cpu') {
        into.cpu += milliValue(q);
        cpu = true;
      } else if (k === 'memory') {
        into.mem += unitValue(q);
        mem = true;
      } else if (k === 'ephemeral-storage') into.eph += unitValue(q);
      else if (isScalarResourceName(k)) {
        into.scalar ??= new Map();
        into.scalar.set(k, (into.scalar.get(k) ?? 0) + unitValue(q));
      }
    }
  // NonMissingContainerRequests: only a missing key takes the default; an explicit 0 stays 0.
  if (nonZero) {
    if (!cpu) into.cpu += DEFAULT_MILLI_CPU_REQUEST;
    if (!mem) into.mem += DEFAULT_MEMORY_REQUEST;
  }
}

function maxInto(into: Resources, o: Resources): void {
  if (o.cpu > into.cpu) into.cpu = o.cpu;
  if (o.mem > into.mem) into.mem = o.mem;
  if (o.eph > into.eph) into.eph = o.eph;
  if (o.scalar)
    for (const [k, v] of o.scalar) {
      into.scalar ??= new Map();
      if (v > (into.scalar.get(k) ?? 0)) into.scalar.set(k, v);
    }
}

function addInto(into: Resources, o: Resources): void {
  into.cpu += o.cpu;
  into.mem += o.mem;
  into.eph += o.eph;
  if (o.scalar)
    for (const [k, v] of o.scalar) {
      into.scalar ??= new Map();
      into.scalar.set(k, (into.scalar.get(k) ?? 0) + v);
    }
}

const zero = (): Resources => ({ cpu: 0, mem: 0, eph: 0, scalar: null });

/**
 * resourcehelper.PodRequests. With `nonZero`, containers missing a cpu/memory request count as
 * 100m / 200Mi (scoring only). Example: containers {cpu 100m} and {} → 100m (or 200m non-zero).
 */
export function podRequests(spec: KObject | undefined, nonZero = false): Resources {
  const total = zero();
  for (const c of spec?.containers ?? []) addList(total, c?.resources?.requests, nonZero);
  const inits: KObject[] = spec?.initContainers ?? [];
  if (inits.length) {
    const sidecars = zero();
    const initMax = zero();
    for (const c of inits) {
      const own = zero();
      addList(own, c?.resources?.requests, nonZero);
      if (c?.restartPolicy === 'Always') {
        addInto(total, own);
        addInto(sidecars, own);
        maxInto(initMax, sidecars);
      } else {
        addInto(own, sidecars);
        maxInto(initMax, own);
      }
    }
    maxInto(total, initMax);
  }
  if (spec?.overhead) addList(total, spec.overhead, false);
  return total;
}

/** Node allocatable as framework.NewResource(node.Status.Allocatable) plus the pod count. */
export function nodeAllocatable(status: KObject | undefined): Resources & { pods: number } {
  const r = { ...zero(), pods: 0 };
  const alloc: Record<string, string> | undefined = status?.allocatable;
  if (alloc) {
    addList(r, alloc, false);
    if (alloc.pods !== undefined) r.pods = unitValue(alloc.pods);
  }
  return r;
}
