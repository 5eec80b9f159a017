/** The shapes every stored object shares. Kind-specific types come from `kubernetes-types`. */
import type { ObjectMeta as K8sObjectMeta } from 'kubernetes-types/meta/v1';

/** metav1.ObjectMeta, writable (kubernetes-types marks every field readonly). */
export type ObjectMeta = { -readonly [K in keyof K8sObjectMeta]: K8sObjectMeta[K] };

/** Any Kubernetes object as JSON. Objects read from the store are deeply frozen. */
export interface KObject {
  apiVersion?: string;
  kind?: string;
  metadata: ObjectMeta;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  [field: string]: any;
}

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK' | 'ERROR';

/**
 * Deep copy of JSON data, for callers that want to change an object read from the store. A plain
 * recursive copy: several times faster than structuredClone for API objects.
 */
export function clone<T>(o: T): T {
  if (o === null || typeof o !== 'object') return o;
  if (Array.isArray(o)) {
    const a = new Array(o.length);
    for (let i = 0; i < o.length; i++) {
      const v = o[i];
      a[i] = v !== null && typeof v === 'object' ? clone(v) : v;
    }
    return a as T;
  }
  const out: Record<string, unknown> = {};
  for (const k in o as Record<string, unknown>) {
    const v = (o as Record<string, unknown>)[k];
    if (v === undefined) continue;
    out[k] = v !== null && typeof v === 'object' ? clone(v) : v;
  }
  return out as T;
}

/** Recursively freezes plain JSON data (objects written to the store); frozen subtrees are shared, so they are skipped. */
export function deepFreeze<T>(o: T): T {
  if (o !== null && typeof o === 'object' && !Object.isFrozen(o)) freezeTree(o as object);
  return o;
}

// Leaves are tested inline: most values in an object are strings and numbers, not worth a call each.
function freezeTree(o: object): void {
  Object.freeze(o);
  if (Array.isArray(o)) {
    for (let i = 0; i < o.length; i++) {
      const v = o[i];
      if (v !== null && typeof v === 'object' && !Object.isFrozen(v)) freezeTree(v);
    }
  } else {
    for (const k in o) {
      const v = (o as Record<string, unknown>)[k];
      if (v !== null && typeof v === 'object' && !Object.isFrozen(v)) freezeTree(v);
    }
  }
}

/**
 * Deep copy that shares frozen subtrees: they are immutable already (stored objects, shared
 * constants), so only the caller's own mutable parts need copying.
 */
export function cloneShared<T>(o: T): T {
  if (o === null || typeof o !== 'object' || Object.isFrozen(o)) return o;
  if (Array.isArray(o)) {
    const a = new Array(o.length);
    for (let i = 0; i < o.length; i++) {
      const v = o[i];
      a[i] = v !== null && typeof v === 'object' ? cloneShared(v) : v;
    }
    return a as T;
  }
  const out: Record<string, unknown> = {};
  for (const k in o as Record<string, unknown>) {
    const v = (o as Record<string, unknown>)[k];
    if (v === undefined) continue;
    out[k] = v !== null && typeof v === 'object' ? cloneShared(v) : v;
  }
  return out as T;
}

/**
 * Takes over a body its caller built for one write and never touches again: the result equals
 * `clone(o)` but reuses `o`'s own nodes in place. Undefined-valued keys are dropped (as a copy
 * would); frozen subtrees are copied when `thaw` (the write pipeline may change them) and shared
 * otherwise.
 */
export function adopt<T>(o: T, thaw: boolean): T {
  if (o === null || typeof o !== 'object') return o;
  if (Object.isFrozen(o)) return thaw ? clone(o) : o;
  if (Array.isArray(o)) {
    for (let i = 0; i < o.length; i++) {
      const v = o[i];
      if (v !== null && typeof v === 'object') o[i] = adopt(v, thaw);
    }
    return o;
  }
  const r = o as Record<string, unknown>;
  for (const k in r) {
    const v = r[k];
    if (v === undefined) delete r[k];
    else if (v !== null && typeof v === 'object') {
      const a = adopt(v, thaw);
      if (a !== v) r[k] = a;
    }
  }
  return o;
}
