/**
 * ResourceQuota admission (plugin/pkg/admission/resourcequota, v1.32) on CREATE: a quota whose
 * hard limits an object's evaluator understands (and whose scopes match) first checks the pod
 * constraints (`failed quota: q: must specify …`), then rejects when used + request exceeds a limit
 * (`exceeded quota: q, requested: …, used: …, limited: …`).
 *
 * As upstream, usage is read from status.used (kept by the quota controller) and an accepted
 * create charges its request there, written with the create itself (`Attributes.charges`), so the
 * next create sees it without any scan. Differences: a quota the controller has not synced yet
 * (no status.used for a resource) is checked against a count of the namespace instead of being
 * refused as "status unknown"; hard limits come from status.hard, or spec.hard before the first
 * sync; updates are not charged.
 */
import { addQuantities, compareQuantity, formatQuantity, newQuantity, type Quantity } from '../../api/quantity';
import type { KObject } from '../../api/types';
import { parseResourceList, type QuantityMap } from '../resources/pod/resources';
import { resourceKey, type RequestContext } from '../types';
import { evaluatorFor, podComputeUsage, type Evaluator, type ScopeRequirement } from './quotaUsage';
import type { AdmissionPlugin, Attributes } from './types';
import { forbiddenValidating, tryList } from './util';

/** prettyPrint: `k=v` sorted by key, comma-joined. */
const pretty = (m: QuantityMap) =>
  [...m.keys()]
    .sort()
    .map((k) => `${k}=${formatQuantity(m.get(k)!)}`)
    .join(',');

const hardOf = (q: KObject): QuantityMap => {
  const status = parseResourceList(q.status?.hard);
  return status.size ? status : parseResourceList(q.spec?.hard);
};

function scopesOf(q: KObject): ScopeRequirement[] {
  const scopes: ScopeRequirement[] = (q.spec?.scopes ?? []).map((s: string) => ({ scopeName: s, operator: 'Exists' }));
  return scopes.concat(q.spec?.scopeSelector?.matchExpressions ?? []);
}

function quotaMatches(q: KObject, ev: Evaluator, o: KObject): boolean {
  if (![...hardOf(q).keys()].some((k) => ev.matches(k))) return false;
  return scopesOf(q).every((s) => ev.matchesScope?.(s, o) ?? false);
}

const validationSet = ['cpu', 'memory', 'requests.cpu', 'requests.memory', 'limits.cpu', 'limits.memory'];

/** podEvaluator.Constraints: every container must request/limit what a compute quota tracks. */
export function podConstraints(required: string[], pod: KObject): string | undefined {
  const req = required.filter((r) => validationSet.includes(r));
  const missing = new Map<string, Set<string>>();
  for (const c of [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])]) {
    const usage = podComputeUsage(parseResourceList(c?.resources?.requests), parseResourceList(c?.resources?.limits));
    for (const r of req) if (!usage.has(r)) (missing.get(r) ?? missing.set(r, new Set()).get(r)!).add(c?.name ?? '');
  }
  if (!missing.size) return undefined;
  const parts = [...missing.keys()].sort().map((r) => `${r} for: ${[...missing.get(r)!].sort().join(',')}`);
  return `must specify ${parts.join('; ')}`;
}

function usedInNamespace(ctx: RequestContext, a: Attributes, ev: Evaluator, q: KObject, names: string[]): QuantityMap {
  const used: QuantityMap = new Map(names.map((n) => [n, newQuantity(0, 'DecimalSI')]));
  for (const o of tryList(ctx, resourceKey(a.def), a.namespace)) {
    if (o.metadata.name === a.object?.metadata.name) continue;
    if (!scopesOf(q).every((s) => ev.matchesScope?.(s, o) ?? false)) continue;
    for (const [k, v] of ev.usage(o, ctx.nowMs)) if (used.has(k)) used.set(k, addQuantities(used.get(k)!, v));
  }
  return used;
}

const mask = (m: QuantityMap, keys: Iterable<string>): QuantityMap => {
  const out: QuantityMap = new Map();
  for (const k of keys) if (m.has(k)) out.set(k, m.get(k)!);
  return out;
};

/** status.used for the requested resources, or undefined when the controller has not recorded them yet. */
function recordedUsage(q: KObject, names: Iterable<string>): QuantityMap | undefined {
  const raw = q.status?.used;
  if (!raw || typeof raw !== 'object') return undefined;
  const used: QuantityMap = new Map();
  for (const n of names) {
    if (raw[n] === undefined) return undefined;
    const parsed = parseResourceList({ [n]: raw[n] }).get(n);
    if (!parsed) return undefined;
    used.set(n, parsed);
  }
  return used;
}

/** The quota with `requested` added to status.used, in the controller's canonical form (sorted keys, canonical quantities). */
function charged(q: KObject, used: QuantityMap, requested: QuantityMap): KObject {
  const next: Record<string, string> = { ...q.status.used };
  for (const [k, r] of requested) next[k] = formatQuantity({ ...addQuantities(used.get(k)!, r), text: undefined });
  const sorted: Record<string, string> = {};
  for (const k of Object.keys(next).sort()) sorted[k] = next[k];
  return { ...q, metadata: { ...q.metadata }, status: { ...q.status, used: sorted } };
}

export const resourceQuota: AdmissionPlugin = {
  name: 'ResourceQuota',
  validate(a, ctx) {
    if (a.operation !== 'CREATE' || a.subresource || !a.def.namespaced || !a.object) return;
    const ev = evaluatorFor(a.def.group, a.def.plural);
    if (!ev) return;
    const quotas = tryList(ctx, 'resourcequotas', a.namespace);
    if (!quotas.length) return;
    quotas.sort((x, y) => (x.metadata.name! < y.metadata.name! ? -1 : 1));
    const interesting: KObject[] = [];
    for (const q of quotas) {
      if (!quotaMatches(q, ev, a.object)) continue;
      const restricted = [...hardOf(q).keys()].filter((k) => ev.matches(k));
      if (a.def.plural === 'pods' && !a.def.group) {
        const err = podConstraints(restricted, a.object);
        if (err) throw forbiddenValidating(a, `failed quota: ${q.metadata.name}: ${err}`);
      }
      interesting.push(q);
    }
    if (!interesting.length) return;
    const delta = new Map([...ev.usage(a.object, ctx.nowMs)].filter(([, v]) => v.nanos !== 0n));
    if (!delta.size) return;
    const charges: KObject[] = [];
    for (const q of interesting) {
      const hard = hardOf(q);
      const requested = mask(delta, hard.keys());
      if (!requested.size) continue;
      const recorded = recordedUsage(q, requested.keys());
      const used = recorded ?? usedInNamespace(ctx, a, ev, q, [...requested.keys()]);
      const exceeded: string[] = [];
      for (const [k, r] of requested) {
        const next: Quantity = addQuantities(used.get(k)!, r);
        if (compareQuantity(next, hard.get(k)!) > 0) exceeded.push(k);
      }
      if (exceeded.length)
        throw forbiddenValidating(
          a,
          `exceeded quota: ${q.metadata.name}, requested: ${pretty(mask(requested, exceeded))}, used: ${pretty(mask(used, exceeded))}, limited: ${pretty(mask(hard, exceeded))}`,
        );
      // Unsynced quotas are left to the controller, which counts the new object on its next sync.
      if (recorded) charges.push(charged(q, used, requested));
    }
    if (charges.length && !a.dryRun) (a.charges ??= []).push(...charges.map((object) => ({ resource: 'resourcequotas', object })));
  },
};
