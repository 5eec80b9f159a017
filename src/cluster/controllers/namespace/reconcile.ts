/**
 * The namespace-controller's pure core (pkg/controller/namespace/deletion, v1.32): what remains of a
 * terminating namespace's content → the wait estimate, the error, and the five deletion conditions
 * (NamespaceDeletionDiscoveryFailure … NamespaceFinalizersRemaining) `kubectl describe ns` shows.
 */
import type { KObject } from '../../api/types';

export const FINALIZER = 'kubernetes';
/** finalizerEstimateSeconds: how long to wait for content held by finalizers. */
export const FINALIZER_ESTIMATE_SECONDS = 15;

export interface Gvr {
  group: string;
  version: string;
  plural: string;
}

export interface Condition {
  type: string;
  status: string;
  lastTransitionTime: string;
  reason: string;
  message: string;
}

const TYPES = [
  'NamespaceDeletionDiscoveryFailure',
  'NamespaceDeletionGroupVersionParsingFailure',
  'NamespaceDeletionContentFailure',
  'NamespaceContentRemaining',
  'NamespaceFinalizersRemaining',
] as const;

const OK: Record<string, [reason: string, message: string]> = {
  NamespaceDeletionDiscoveryFailure: ['ResourcesDiscovered', 'All resources successfully discovered'],
  NamespaceDeletionGroupVersionParsingFailure: ['ParsedGroupVersions', 'All legacy kube types successfully parsed'],
  NamespaceDeletionContentFailure: ['ContentDeleted', 'All content successfully deleted, may be waiting on finalization'],
  NamespaceContentRemaining: ['ContentRemoved', 'All content successfully removed'],
  NamespaceFinalizersRemaining: ['ContentHasNoFinalizers', 'All content-preserving finalizers finished'],
};

/** `/v1, Resource=pods`, `apps/v1, Resource=deployments` (schema.GroupVersionResource.String()). */
export const gvrString = (g: Gvr) => `${g.group ? `${g.group}/` : '/'}${g.version}, Resource=${g.plural}`;

/** True once the `kubernetes` finalizer is gone from spec.finalizers. */
export const finalized = (ns: KObject) => !(ns.spec?.finalizers ?? []).includes(FINALIZER);

/** estimateGracefulTerminationForPods: the longest grace period of a non-terminal pod. */
export function estimatePods(pods: readonly KObject[]): number {
  let estimate = 0;
  for (const p of pods) {
    if (p.status?.phase === 'Succeeded' || p.status?.phase === 'Failed') continue;
    const grace = p.spec?.terminationGracePeriodSeconds;
    if (typeof grace === 'number' && grace > estimate) estimate = grace;
  }
  return estimate;
}

export interface GvrRemaining {
  gvr: Gvr;
  /** Objects still present after the deletes. */
  remaining: readonly KObject[];
  /** Graceful-termination estimate for this resource (pods), seconds. */
  estimate: number;
}

export interface ContentResult {
  /** Seconds to wait before looking again; 0 = nothing left to wait for. */
  estimate: number;
  /** deleteAllContentForGroupVersionResource errors (items left that nothing will remove). */
  errors: string[];
  numRemaining: Map<string, number>;
  finalizersRemaining: Map<string, number>;
}

/** deleteAllContent's bookkeeping over what each resource still holds. */
export function contentResult(ns: string, perGvr: readonly GvrRemaining[]): ContentResult {
  const r: ContentResult = { estimate: 0, errors: [], numRemaining: new Map(), finalizersRemaining: new Map() };
  for (const g of perGvr) {
    if (!g.remaining.length) continue;
    const finalizers = new Map<string, number>();
    for (const o of g.remaining) for (const f of o.metadata.finalizers ?? []) finalizers.set(f, (finalizers.get(f) ?? 0) + 1);
    let estimate = g.estimate;
    if (!estimate && finalizers.size) estimate = FINALIZER_ESTIMATE_SECONDS;
    if (!estimate) r.errors.push(`unexpected items still remain in namespace: ${ns} for gvr: ${gvrString(g.gvr)}`);
    r.estimate = Math.max(r.estimate, estimate);
    const label = `${g.gvr.plural}.${g.gvr.group}`;
    r.numRemaining.set(label, g.remaining.length);
    for (const [f, n] of finalizers) r.finalizersRemaining.set(f, (r.finalizersRemaining.get(f) ?? 0) + n);
  }
  return r;
}

const sorted = (m: Map<string, number>, fmt: (k: string, n: number) => string) =>
  [...m.keys()].sort().map((k) => fmt(k, m.get(k)!));

/** The conditions after a pass, in upstream order; transition times move only when a condition changes. */
export function namespaceConditions(old: readonly Condition[], r: ContentResult, now: string): { conditions: Condition[]; changed: boolean } {
  const fresh = new Map<string, Omit<Condition, 'lastTransitionTime'>>();
  if (r.errors.length)
    fresh.set('NamespaceDeletionContentFailure', {
      type: 'NamespaceDeletionContentFailure',
      status: 'True',
      reason: 'ContentDeletionFailed',
      message: `Failed to delete all resource types, ${r.errors.length} remaining: ${r.errors.join(', ')}`,
    });
  if (r.numRemaining.size)
    fresh.set('NamespaceContentRemaining', {
      type: 'NamespaceContentRemaining',
      status: 'True',
      reason: 'SomeResourcesRemain',
      message: `Some resources are remaining: ${sorted(r.numRemaining, (k, n) => `${k} has ${n} resource instances`).join(', ')}`,
    });
  if (r.finalizersRemaining.size)
    fresh.set('NamespaceFinalizersRemaining', {
      type: 'NamespaceFinalizersRemaining',
      status: 'True',
      reason: 'SomeFinalizersRemain',
      message: `Some content in the namespace has finalizers remaining: ${sorted(r.finalizersRemaining, (k, n) => `${k} in ${n} resource instances`).join(', ')}`,
    });
  const conditions: Condition[] = old.map((c) => ({ ...c }));
  let changed = false;
  for (const type of TYPES) {
    const want = fresh.get(type) ?? { type, status: 'False', reason: OK[type][0], message: OK[type][1] };
    const i = conditions.findIndex((c) => c.type === type);
    const prev = conditions[i];
    if (prev && prev.status === want.status && prev.reason === want.reason && prev.message === want.message) continue;
    changed = true;
    const next = { type, status: want.status, lastTransitionTime: now, reason: want.reason, message: want.message };
    if (i < 0) conditions.push(next);
    else conditions[i] = next;
  }
  return { conditions, changed };
}
