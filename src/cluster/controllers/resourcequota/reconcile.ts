/**
 * resourcequota-controller's pure core (pkg/controller/resourcequota + pkg/quota/v1, v1.32):
 * status.hard mirrors spec.hard; status.used is, for every hard resource, the sum of what the
 * namespace's objects charge (the same evaluators as the ResourceQuota admission plugin), zero when
 * nothing does, counting only objects in the quota's scopes.
 */
import { deepEqual } from '../../api/equal';
import { addQuantities, formatQuantity, newQuantity, type Quantity } from '../../api/quantity';
import type { KObject } from '../../api/types';
import type { Evaluator, ScopeRequirement } from '../../apiserver/admission/quotaUsage';
import { parseResourceList } from '../../apiserver/resources/pod/resources';

/** spec.scopes (as Exists) plus spec.scopeSelector's expressions. */
export function scopesOf(q: KObject): ScopeRequirement[] {
  const scopes: ScopeRequirement[] = (q.spec?.scopes ?? []).map((s: string) => ({ scopeName: s, operator: 'Exists' }));
  return scopes.concat(q.spec?.scopeSelector?.matchExpressions ?? []);
}

/** The hard limits, re-serialized canonically (quota.Add of spec.hard). */
export function hardOf(q: KObject): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of parseResourceList(q.spec?.hard)) out[k] = formatQuantity({ ...v, text: undefined });
  return out;
}

export interface ResourceObjects {
  evaluator: Evaluator;
  objects: readonly KObject[];
}

/** CalculateUsage masked to the hard resources: every hard resource an evaluator tracks, zero-filled. */
export function computeUsed(q: KObject, groups: readonly ResourceObjects[], nowMs: number): Record<string, string> {
  const hard = Object.keys(hardOf(q));
  const scopes = scopesOf(q);
  const used = new Map<string, Quantity>();
  for (const { evaluator, objects } of groups) {
    const names = hard.filter((h) => evaluator.matches(h));
    if (!names.length) continue;
    for (const n of names) if (!used.has(n)) used.set(n, newQuantity(0, 'DecimalSI'));
    for (const o of objects) {
      if (!scopes.every((s) => evaluator.matchesScope?.(s, o) ?? false)) continue;
      for (const [k, v] of evaluator.usage(o, nowMs)) if (names.includes(k)) used.set(k, addQuantities(used.get(k)!, v));
    }
  }
  const out: Record<string, string> = {};
  for (const k of [...used.keys()].sort()) out[k] = formatQuantity({ ...used.get(k)!, text: undefined });
  return out;
}

/** The status to write, or undefined when hard and used are already current. */
export function quotaStatus(q: KObject, used: Record<string, string>): KObject['status'] | undefined {
  const hard = hardOf(q);
  const s = q.status ?? {};
  if (s.hard && s.used && deepEqual(s.hard, hard) && deepEqual(s.used, used)) return undefined;
  return { hard, used };
}
