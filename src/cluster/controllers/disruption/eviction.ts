/**
 * What POST pods/<name>/eviction does (pkg/registry/core/pod/storage/eviction.go, v1.32):
 * checkEviction is the pure decision against the pod's PodDisruptionBudget; evictPod applies it
 * (decrement disruptionsAllowed and record the pod in disruptedPods, add the DisruptionTarget
 * condition, delete the pod with the eviction's deleteOptions). Wired to the REST layer as
 * RestExtensions.evict, so `kubectl drain` respects budgets.
 */
import { ApiError, apiErrors, type Status } from '../../api/errors';
import { selectorFromLabelSelector, matches } from '../../api/labels';
import { clone, type KObject } from '../../api/types';
import type { Client } from '../../client/client';
import type { DeleteOptions } from '../../apiserver/server';
import { rfc3339 } from '../../sim/clock';
import { isPodReady } from '../endpoints/podutil';
import { disruptionAllowedCondition } from './reconcile';

export const PDBS = 'policy/poddisruptionbudgets';
const MAX_DISRUPTED_PODS = 2000;
export const VIOLATES = "Cannot evict pod as it would violate the pod's disruption budget.";

export type EvictionCheck = { allowed: true; pdb?: KObject } | { allowed: false; error: ApiError };

function tooManyRequests(cause: string): ApiError {
  const status = {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message: VIOLATES,
    reason: 'TooManyRequests',
    details: { causes: [{ reason: 'DisruptionBudget', message: cause }] },
    code: 429,
  };
  return new ApiError(status as unknown as Status);
}

/** getPodDisruptionBudgets: budgets in the pod's namespace whose (non-empty) selector matches it. */
export function budgetsFor(pod: KObject, pdbs: readonly KObject[]): KObject[] {
  return pdbs.filter((pdb) => {
    if (pdb.metadata.namespace !== pod.metadata.namespace) return false;
    let sel;
    try {
      sel = selectorFromLabelSelector(pdb.spec?.selector);
    } catch {
      return false;
    }
    return !!sel && sel.length > 0 && matches(sel, pod.metadata.labels);
  });
}

/**
 * Whether `pod` may be evicted now: terminal, pending and terminating pods always; with no budget,
 * always; unready pods when the budget is healthy (or AlwaysAllow); otherwise only if the budget
 * allows a disruption — then `pdb` is the budget with the decremented status to write.
 */
export function checkEviction(pod: KObject, pdbs: readonly KObject[], nowMs: number): EvictionCheck {
  const phase = pod.status?.phase;
  if (phase === 'Succeeded' || phase === 'Failed' || phase === 'Pending' || pod.metadata.deletionTimestamp) return { allowed: true };
  const mine = budgetsFor(pod, pdbs);
  if (mine.length > 1) return { allowed: false, error: apiErrors.internal('This pod has more than one PodDisruptionBudget, which the eviction subresource does not support.') };
  if (!mine.length) return { allowed: true };
  const pdb = mine[0];
  const s = pdb.status ?? {};
  const name = pdb.metadata.name!;
  if (!isPodReady(pod)) {
    if (pdb.spec?.unhealthyPodEvictionPolicy === 'AlwaysAllow') return { allowed: true };
    if ((s.currentHealthy ?? 0) >= (s.desiredHealthy ?? 0) && (s.desiredHealthy ?? 0) > 0) return { allowed: true };
  }
  if ((s.observedGeneration ?? 0) < (pdb.metadata.generation ?? 0)) return { allowed: false, error: tooManyRequests(`The disruption budget ${name} is still being processed by the server.`) };
  const allowed = s.disruptionsAllowed ?? 0;
  if (allowed < 0) return { allowed: false, error: apiErrors.forbidden('poddisruptionbudget', 'policy', name, 'pdb disruptions allowed is negative') };
  if (Object.keys(s.disruptedPods ?? {}).length > MAX_DISRUPTED_PODS)
    return { allowed: false, error: apiErrors.forbidden('poddisruptionbudget', 'policy', name, 'DisruptedPods map too big - too many evictions not confirmed by PDB controller') };
  if (allowed === 0)
    return { allowed: false, error: tooManyRequests(`The disruption budget ${name} needs ${s.desiredHealthy ?? 0} healthy pods and has ${s.currentHealthy ?? 0} currently`) };
  const now = rfc3339(nowMs);
  const status = { ...s, disruptionsAllowed: allowed - 1, disruptedPods: { ...(s.disruptedPods ?? {}), [pod.metadata.name!]: now } };
  if (status.disruptionsAllowed === 0) status.conditions = disruptionAllowedCondition(status, now);
  return { allowed: true, pdb: { ...clone(pdb), status } };
}

/** Options of the eviction request (the REST layer's ?dryRun=All). */
export interface EvictOptions {
  dryRun?: boolean;
}

/** POST pods/<name>/eviction through `client`: throws the ApiError the API would answer with. */
export function evictPod(client: Client, pod: KObject, eviction: KObject, opts: EvictOptions = {}): void {
  const ns = pod.metadata.namespace!;
  const name = pod.metadata.name!;
  if (eviction?.metadata?.name && eviction.metadata.name !== name) throw apiErrors.badRequest('name in URL does not match name in Eviction object');
  const del: DeleteOptions & { dryRun?: unknown } = { ...(eviction?.deleteOptions ?? {}) };
  const dryRun = !!opts.dryRun || (Array.isArray(del.dryRun) && del.dryRun.includes('All')) || del.dryRun === true;
  // The budget update may race a controller write: retry on conflict, as upstream does.
  for (let attempt = 0; ; attempt++) {
    const live = client.get('pods', ns, name);
    if (!live) throw apiErrors.notFound('pods', '', name);
    const check = checkEviction(live, client.list(PDBS, { namespace: ns }), client.api.clock.now());
    if (!check.allowed) throw check.error;
    if (!check.pdb || dryRun) break;
    try {
      client.updateStatus(PDBS, check.pdb);
      break;
    } catch (e) {
      if (!(e instanceof ApiError) || e.code !== 409 || attempt >= 4) throw e;
    }
  }
  if (dryRun) return;
  const live = client.get('pods', ns, name)!;
  const terminal = live.status?.phase === 'Succeeded' || live.status?.phase === 'Failed';
  const conds = live.status?.conditions ?? [];
  if (!terminal && !conds.some((c: { type: string; status: string }) => c.type === 'DisruptionTarget' && c.status === 'True')) {
    const condition = { type: 'DisruptionTarget', status: 'True', lastProbeTime: null, lastTransitionTime: client.api.ctx.now, reason: 'EvictionByEvictionAPI', message: 'Eviction API: evicting' };
    client.updateStatus('pods', { ...clone(live), status: { ...live.status, conditions: [...conds.filter((c: { type: string }) => c.type !== 'DisruptionTarget'), condition] } });
  }
  client.delete('pods', ns, name, { gracePeriodSeconds: del.gracePeriodSeconds, propagationPolicy: del.propagationPolicy, preconditions: del.preconditions?.uid ? { uid: del.preconditions.uid } : undefined });
}
