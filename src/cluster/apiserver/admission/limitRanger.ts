/**
 * LimitRanger (plugin/pkg/admission/limitranger, v1.32) for pods on CREATE. Mutating: containers
 * without a request/limit get the Container-type `defaultRequest`/`default` of each LimitRange and
 * the pod is annotated `kubernetes.io/limit-ranger`. Validating: Container and Pod min, max and
 * maxLimitRequestRatio. Errors aggregate like utilerrors.NewAggregate. (PVC limits: not yet.)
 */
import { formatQuantity, toMilli, toValue, type Quantity } from '../../api/quantity';
import type { KObject } from '../../api/types';
import { computeQOSClass, parseResourceList, podLimits, podRequests, type QuantityMap } from '../resources/pod/resources';
import type { RequestContext } from '../types';
import type { Attributes, AdmissionPlugin } from './types';
import { forbiddenValidating, isPod, tryList } from './util';

const ANNOTATION = 'kubernetes.io/limit-ranger';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

/** SetDefaults_LimitRangeItem for Container items, applied on read in case the object was stored raw. */
function containerDefaults(item: Json): { limits: QuantityMap; requests: QuantityMap } {
  const max = parseResourceList(item.max);
  const min = parseResourceList(item.min);
  const limits = parseResourceList(item.default);
  const requests = parseResourceList(item.defaultRequest);
  for (const [k, q] of max) if (!limits.has(k)) limits.set(k, q);
  for (const [k, q] of limits) if (!requests.has(k)) requests.set(k, q);
  for (const [k, q] of min) if (!requests.has(k)) requests.set(k, q);
  return { limits, requests };
}

const items = (lr: KObject): Json[] => (Array.isArray(lr.spec?.limits) ? lr.spec.limits : []);

// mergeContainerResources: fills what is missing and records it for the annotation.
function mergeContainer(c: Json, defaults: { limits: QuantityMap; requests: QuantityMap }, prefix: string, notes: string[]): void {
  const setReq: string[] = [];
  const setLim: string[] = [];
  const res = (c.resources ??= {});
  for (const [which, src, set] of [['limits', defaults.limits, setLim], ['requests', defaults.requests, setReq]] as const) {
    for (const [k, q] of src) {
      if (res[which]?.[k] !== undefined) continue;
      res[which] ??= {};
      res[which][k] = formatQuantity(q);
      set.push(k);
    }
  }
  if (setReq.length) notes.push(`${setReq.sort().join(', ')} request for ${prefix} ${c.name}`);
  if (setLim.length) notes.push(`${setLim.sort().join(', ')} limit for ${prefix} ${c.name}`);
}

function mutate(pod: KObject, lr: KObject): void {
  const defaults = { limits: new Map(), requests: new Map() } as { limits: QuantityMap; requests: QuantityMap };
  for (const item of items(lr)) {
    if (item?.type !== 'Container') continue;
    const d = containerDefaults(item);
    for (const [k, q] of d.requests) defaults.requests.set(k, q);
    for (const [k, q] of d.limits) defaults.limits.set(k, q);
  }
  const notes: string[] = [];
  for (const c of pod.spec?.containers ?? []) if (c) mergeContainer(c, defaults, 'container', notes);
  for (const c of pod.spec?.initContainers ?? []) if (c) mergeContainer(c, defaults, 'init container', notes);
  if (notes.length) pod.metadata.annotations = { ...(pod.metadata.annotations ?? {}), [ANNOTATION]: `LimitRanger plugin set: ${notes.join('; ')}` };
}

// requestLimitEnforcedValues: compare in milli-units unless something is too large for them.
const MAX_MILLI = 2 ** 63 / 1000;
function values(req: Quantity | undefined, lim: Quantity | undefined, enforced: Quantity): [number, number, number] {
  const all = [req, lim, enforced].filter((q): q is Quantity => !!q);
  const milli = all.every((q) => Math.abs(toValue(q)) <= MAX_MILLI);
  const v = (q: Quantity | undefined) => (q ? (milli ? toMilli(q) : toValue(q)) : 0);
  return [v(req), v(lim), v(enforced)];
}

function constraintErrors(type: string, item: Json, requests: QuantityMap, limits: QuantityMap): string[] {
  const errs: string[] = [];
  const fmt = formatQuantity;
  for (const [k, enforced] of [...parseResourceList(item.min)].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const req = requests.get(k);
    const lim = limits.get(k);
    const [r, l, e] = values(req, lim, enforced);
    if (!req) errs.push(`minimum ${k} usage per ${type} is ${fmt(enforced)}.  No request is specified`);
    else if (r < e) errs.push(`minimum ${k} usage per ${type} is ${fmt(enforced)}, but request is ${fmt(req)}`);
    else if (lim && l < e) errs.push(`minimum ${k} usage per ${type} is ${fmt(enforced)}, but limit is ${fmt(lim)}`);
  }
  for (const [k, enforced] of [...parseResourceList(item.max)].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const req = requests.get(k);
    const lim = limits.get(k);
    const [r, l, e] = values(req, lim, enforced);
    if (!lim) errs.push(`maximum ${k} usage per ${type} is ${fmt(enforced)}.  No limit is specified`);
    else if (l > e) errs.push(`maximum ${k} usage per ${type} is ${fmt(enforced)}, but limit is ${fmt(lim)}`);
    else if (req && r > e) errs.push(`maximum ${k} usage per ${type} is ${fmt(enforced)}, but request is ${fmt(req)}`);
  }
  for (const [k, enforced] of [...parseResourceList(item.maxLimitRequestRatio)].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const req = requests.get(k);
    const lim = limits.get(k);
    const [r, l] = values(req, lim, enforced);
    if (!req || r === 0) errs.push(`${k} max limit to request ratio per ${type} is ${fmt(enforced)}, but no request is specified or request is 0`);
    else if (!lim || l === 0) errs.push(`${k} max limit to request ratio per ${type} is ${fmt(enforced)}, but no limit is specified or limit is 0`);
    else {
      const observed = l / r;
      const small = toValue(enforced) <= MAX_MILLI;
      if ((small ? observed * 1000 : observed) > (small ? toMilli(enforced) : toValue(enforced)))
        errs.push(`${k} max limit to request ratio per ${type} is ${fmt(enforced)}, but provided ratio is ${observed.toFixed(6)}`);
    }
  }
  return errs;
}

function validatePodAgainst(pod: KObject, lr: KObject): string[] {
  const errs: string[] = [];
  for (const item of items(lr)) {
    if (item?.type === 'Container') {
      for (const c of [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])])
        errs.push(...constraintErrors('Container', item, parseResourceList(c?.resources?.requests), parseResourceList(c?.resources?.limits)));
    } else if (item?.type === 'Pod') {
      errs.push(...constraintErrors('Pod', item, podRequests(pod.spec, { excludeOverhead: true }), podLimits(pod.spec, { excludeOverhead: true })));
    }
  }
  return errs;
}

/** utilerrors.NewAggregate(...).Error(): one message bare, several de-duplicated in brackets. */
export function aggregateMessage(msgs: string[]): string {
  const uniq = [...new Set(msgs)];
  return uniq.length === 1 ? uniq[0]! : `[${uniq.join(', ')}]`;
}

const applies = (a: Attributes) => isPod(a) && a.operation === 'CREATE' && !!a.object;
const limitRanges = (ctx: RequestContext, ns: string) =>
  tryList(ctx, 'limitranges', ns).sort((x, y) => (x.metadata.name! < y.metadata.name! ? -1 : 1));

export const limitRanger: AdmissionPlugin = {
  name: 'LimitRanger',
  admit(a, ctx) {
    if (!applies(a)) return;
    const pod = a.object!;
    const ranges = limitRanges(ctx, a.namespace);
    for (const lr of ranges) mutate(pod, lr);
    // PrepareForCreate computed the QoS class before admission; upstream computes it after.
    if (ranges.length && pod.status) pod.status.qosClass = computeQOSClass(pod.spec);
  },
  validate(a, ctx) {
    if (!applies(a)) return;
    for (const lr of limitRanges(ctx, a.namespace)) {
      const errs = validatePodAgainst(a.object!, lr);
      if (errs.length) throw forbiddenValidating(a, aggregateMessage(errs));
    }
  },
};
