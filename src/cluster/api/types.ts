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

/** Deep copy for callers that want to change an object read from the store. */
export function clone<T>(o: T): T {
  return structuredClone(o);
}

/** Recursively freezes plain JSON data (objects written to the store). */
export function deepFreeze<T>(o: T): T {
  if (o && typeof o === 'object' && !Object.isFrozen(o)) {
    Object.freeze(o);
    for (const v of Object.values(o as object)) deepFreeze(v);
  }
  return o;
}
