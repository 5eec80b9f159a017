/**
 * The pod plumbing the Job, StatefulSet and DaemonSet controllers share (controller_utils.go
 * GetPodFromTemplate / RealPodControl and the ControllerRefManager, v1.32), plus a tracker that
 * keeps the orphan-adoption scan off the hot path.
 */
import type { KObject } from '../../api/types';
import { matches, type Selector } from '../../api/labels';
import { claimObjects } from '../util/claim';
import { isNamespaceTerminating, isNotFound } from '../util/errors';
import { adoptPatch, controllerOf, releasePatch, type OwnerReference } from '../util/owners';
import type { ControllerContext } from '../types';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/** getPodsPrefix: `<name>-` when that is still a valid pod name prefix, else the bare name. */
export function podsPrefix(name: string): string {
  const prefix = `${name}-`;
  return prefix.length <= 253 && DNS1123_SUBDOMAIN.test(`${prefix}a`) ? prefix : name;
}

/**
 * GetPodFromTemplate: labels, annotations and finalizers of the template, the controllerRef and a
 * copy of the spec; the name comes from `generateName` (default `<owner>-`) unless `name` is given.
 */
export function podFromTemplate(
  template: Json,
  owner: KObject,
  ref: OwnerReference,
  opts: { name?: string; generateName?: string } = {},
): KObject {
  const meta = template?.metadata ?? {};
  const pod: KObject = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      namespace: owner.metadata.namespace,
      ...(opts.name ? { name: opts.name } : { generateName: opts.generateName || podsPrefix(owner.metadata.name!) }),
      ...(meta.labels ? { labels: { ...meta.labels } } : {}),
      ...(meta.annotations ? { annotations: { ...meta.annotations } } : {}),
      ...(meta.finalizers?.length ? { finalizers: [...meta.finalizers] } : {}),
      ownerReferences: [{ ...ref }],
    },
    spec: structuredClone(template?.spec ?? {}),
  };
  return pod;
}

/** RealPodControl.CreatePods: create, then `SuccessfulCreate` / `FailedCreate` on the owner. */
export function createPodWithEvents(ctx: ControllerContext, owner: KObject, pod: KObject, component: string): KObject {
  if (!Object.keys(pod.metadata.labels ?? {}).length) throw new Error('unable to create pods, no labels');
  try {
    const created = ctx.client.create('pods', pod);
    ctx.recorder.event(owner, 'Normal', 'SuccessfulCreate', `Created pod: ${created.metadata.name}`, component);
    return created;
  } catch (e) {
    if (!isNamespaceTerminating(e)) ctx.recorder.event(owner, 'Warning', 'FailedCreate', `Error creating: ${(e as Error).message}`, component);
    throw e;
  }
}

/** RealPodControl.DeletePod: NotFound is passed on silently, other errors get `FailedDelete`. */
export function deletePodWithEvents(ctx: ControllerContext, owner: KObject, pod: KObject, component: string): void {
  try {
    ctx.client.delete('pods', pod.metadata.namespace, pod.metadata.name!);
  } catch (e) {
    if (!isNotFound(e)) ctx.recorder.event(owner, 'Warning', 'FailedDelete', `Error deleting: ${(e as Error).message}`, component);
    throw e;
  }
  ctx.recorder.event(owner, 'Normal', 'SuccessfulDelete', `Deleted pod: ${pod.metadata.name}`, component);
}

/**
 * Which owners must look for orphans to adopt on their next sync. Owners start flagged; a pod
 * without a controller flags the owners whose selector matches it. Syncs of unflagged owners read
 * only their own pods (the `owner` index), so big DaemonSets and Jobs stay cheap.
 */
export class OrphanScan {
  private flagged = new Set<string>();

  flag(key: string): void {
    this.flagged.add(key);
  }

  /** True once per flag: the caller scans now. */
  take(key: string): boolean {
    return this.flagged.delete(key);
  }

  forget(key: string): void {
    this.flagged.delete(key);
  }
}

/** True for a pod that an owner could adopt (no controller, not being deleted). */
export function isOrphan(p: KObject): boolean {
  return !controllerOf(p) && !p.metadata.deletionTimestamp;
}

/**
 * ClaimPods through the API: adopt matching orphans (with `adoptFinalizers`), release owned pods
 * that no longer match. Returns the claimed pods as they are after the patches.
 */
export function claimPods(
  ctx: ControllerContext,
  owner: KObject,
  ref: OwnerReference,
  candidates: KObject[],
  match: (p: KObject) => boolean,
  adoptFinalizers: string[] = [],
): KObject[] {
  const res = claimObjects(owner, candidates, match);
  let firstError: unknown;
  const replaced = new Map<KObject, KObject | undefined>();
  for (const p of res.adopt) {
    const patch = adoptPatch(ref, p.metadata.uid!) as Json;
    if (adoptFinalizers.length) patch.metadata.finalizers = adoptFinalizers;
    try {
      replaced.set(p, ctx.client.patch('pods', p.metadata.namespace, p.metadata.name!, patch, 'strategic'));
    } catch (e) {
      replaced.set(p, undefined);
      if (!isNotFound(e)) firstError ??= e;
    }
  }
  for (const p of res.release) {
    try {
      ctx.client.patch('pods', p.metadata.namespace, p.metadata.name!, releasePatch(owner.metadata.uid!, p.metadata.uid!), 'strategic');
    } catch (e) {
      if (!isNotFound(e)) firstError ??= e;
    }
  }
  if (firstError !== undefined) throw firstError;
  const out: KObject[] = [];
  for (const p of res.claimed) {
    if (!replaced.has(p)) out.push(p);
    else if (replaced.get(p)) out.push(replaced.get(p)!);
  }
  return out;
}

/** Owned pods (owner index) plus, when `scan`, the namespace's pods matching `sel`. */
export function candidatePods(ctx: ControllerContext, owner: KObject, sel: Selector | null, scan: boolean): KObject[] {
  const ns = owner.metadata.namespace;
  const out = ctx.client.byIndex('pods', 'owner', owner.metadata.uid!).filter((p) => p.metadata.namespace === ns);
  if (scan && sel && sel.length) out.push(...ctx.client.list('pods', { namespace: ns, selector: sel }).filter(isOrphan));
  return out;
}

/** The owners (of one kind, in the pod's namespace) whose selector matches an orphan pod. */
export function ownersSelecting(owners: KObject[], pod: KObject, selectorOf: (o: KObject) => Selector | null): KObject[] {
  return owners.filter((o) => {
    const sel = selectorOf(o);
    return !!sel && sel.length > 0 && matches(sel, pod.metadata.labels);
  });
}
