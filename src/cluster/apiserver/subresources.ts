import { apiErrors } from '../api/errors';
import { clone, type KObject } from '../api/types';
import type { ApiServer, WriteOptions, WriteResult } from './server';
import type { ResourceDef } from './types';

type Patcher = (doc: KObject, body: unknown, contentType: string, kind: string) => KObject;

/** autoscaling/v1 Scale view of a scalable object. */
export function toScale(def: ResourceDef, o: KObject): KObject {
  const s = def.scale!;
  return {
    kind: 'Scale',
    apiVersion: 'autoscaling/v1',
    metadata: {
      name: o.metadata.name,
      namespace: o.metadata.namespace,
      uid: o.metadata.uid,
      resourceVersion: o.metadata.resourceVersion,
      creationTimestamp: o.metadata.creationTimestamp,
    },
    spec: { replicas: s.specReplicas(o) },
    status: { replicas: s.statusReplicas(o), selector: s.selector(o) },
  };
}

function requireScale(def: ResourceDef): void {
  if (!def.scale) throw apiErrors.pageNotFound();
}

export function getScale(api: ApiServer, def: ResourceDef, ns: string, name: string): KObject {
  requireScale(def);
  return toScale(def, api.get(def, ns, name));
}

/** PUT/PATCH …/scale: the new Scale's spec.replicas lands in the object's spec through the normal update path. */
export function writeScale(
  api: ApiServer,
  def: ResourceDef,
  ns: string,
  name: string,
  scaleOrPatch: unknown,
  contentType: string | undefined,
  opts: WriteOptions,
  patch: Patcher,
): KObject {
  requireScale(def);
  const live = api.get(def, ns, name);
  const current = toScale(def, live);
  const next = contentType ? patch(clone(current), scaleOrPatch, contentType, 'Scale') : (scaleOrPatch as KObject);
  const replicas = next?.spec?.replicas;
  if (typeof replicas !== 'number' || !Number.isInteger(replicas) || replicas < 0)
    throw apiErrors.invalid('Scale', 'autoscaling', name, [
      { type: 'FieldValueInvalid', field: 'spec.replicas', value: String(replicas), detail: 'must be greater than or equal to 0' },
    ]);
  const rv = next.metadata?.resourceVersion;
  if (rv && rv !== live.metadata.resourceVersion) throw api.conflictFor(def, name);
  const obj = clone(live) as KObject;
  obj.spec = { ...(obj.spec ?? {}), replicas };
  const res: WriteResult = api.commitUpdate(def, live, obj, opts, '');
  return toScale(def, res.object);
}

/** POST pods/<name>/binding: assigns the pod to a node, once. */
export function bindPod(api: ApiServer, def: ResourceDef, ns: string, name: string, binding: KObject, opts: WriteOptions): void {
  const pod = api.get(def, ns, name);
  const node = binding?.target?.name;
  if (!node) throw apiErrors.invalid('Binding', '', name, [{ type: 'FieldValueRequired', field: 'target.name', detail: undefined }]);
  if (pod.metadata.deletionTimestamp)
    throw apiErrors.conflict('pods', '', name, `pod ${name} is being deleted, cannot be assigned to a host`);
  if (pod.spec?.nodeName)
    throw apiErrors.conflict('pods', '', name, `pod ${name} is already assigned to node "${pod.spec.nodeName}"`);
  // As the binding storage does: one guaranteed update that sets spec.nodeName (and the binding's
  // annotations) and records PodScheduled=True — no pod-update validation, one MODIFIED event.
  // Copy on write: only the changed paths are new; the rest stays shared with the stored (frozen) pod.
  const next: KObject = { ...pod, metadata: { ...pod.metadata }, spec: { ...pod.spec, nodeName: node } };
  if (binding.metadata?.annotations)
    next.metadata.annotations = { ...(pod.metadata.annotations ?? {}), ...clone(binding.metadata.annotations) };
  const conds = (pod.status?.conditions ?? []).filter((c: { type: string }) => c.type !== 'PodScheduled');
  conds.push(scheduledCondition(api.ctx.now));
  next.status = { ...(pod.status ?? {}), conditions: conds };
  if (opts.dryRun) return;
  try {
    api.store.update(api.registry.key(def), next, pod.metadata.resourceVersion);
  } catch {
    throw api.conflictFor(def, name);
  }
}

// Every pod bound in the same second gets the same condition: one frozen object (store/sharing.ts).
let lastScheduled: Readonly<Record<string, unknown>> | undefined;
function scheduledCondition(now: string): Readonly<Record<string, unknown>> {
  if (lastScheduled?.lastTransitionTime !== now)
    lastScheduled = Object.freeze({ type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: now });
  return lastScheduled;
}

/** A Status object for successful subresource POSTs (binding, eviction). */
export function successStatus(code = 201): KObject {
  return { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', code } as unknown as KObject;
}
