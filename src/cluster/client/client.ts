import type { KObject } from '../api/types';
import { applyPatch } from '../apiserver/patch';
import type { ApiServer, DeleteOptions, WriteOptions, WriteResult } from '../apiserver/server';
import { resourceKey, type ResourceDef } from '../apiserver/types';
import type { ListOptions, WatchCallback } from '../store/store';
import { bindPod } from '../apiserver/subresources';

export type PatchKind = 'merge' | 'strategic' | 'json';

/** See Client.create. */
export interface OwnedWrite {
  owned?: boolean;
}

const PATCH_CT: Record<PatchKind, string> = {
  merge: 'application/merge-patch+json',
  strategic: 'application/strategic-merge-patch+json',
  json: 'application/json-patch+json',
};

/**
 * The in-process client the control loops use: writes go through the ApiServer (defaulting,
 * admission, validation, optimistic concurrency — exactly what kubectl's requests meet), reads come
 * straight from the store's frozen objects and indexes (the informer cache of a real controller).
 * Resources are named by store key: `pods`, `apps/deployments`.
 */
export class Client {
  private defs = new Map<string, ResourceDef>();

  constructor(
    readonly api: ApiServer,
    readonly fieldManager: string,
  ) {
    for (const d of api.registry.defs) this.defs.set(resourceKey(d), d);
  }

  def(resource: string): ResourceDef {
    const d = this.defs.get(resource);
    if (!d) throw new Error(`unknown resource ${resource}`);
    return d;
  }

  get(resource: string, ns: string | undefined, name: string): KObject | undefined {
    return this.api.store.get(resource, this.def(resource).namespaced ? ns : undefined, name);
  }

  list(resource: string, opts: ListOptions = {}): KObject[] {
    return this.api.store.list(resource, opts).items;
  }

  byIndex(resource: string, index: string, value: string): KObject[] {
    return this.api.store.byIndex(resource, index, value);
  }

  /** Watches from now on (no replay); the callback must only enqueue work. */
  watch(resource: string, cb: WatchCallback): () => void {
    return this.api.store.watch(resource, {}, cb);
  }

  /**
   * POST. With `owned`, `obj` was built for this call alone and the caller never touches it again:
   * the server keeps it (frozen parts may be shared with stored objects) instead of copying it.
   */
  create(resource: string, obj: KObject, opts: OwnedWrite = {}): KObject {
    return this.api.create(this.def(resource), obj.metadata.namespace ?? '', obj, this.writeOpts(opts)).object;
  }

  /** PUT of the main resource; `obj` carries the resourceVersion it was read at (409 if stale). `owned` as for create. */
  update(resource: string, obj: KObject, opts: OwnedWrite = {}): KObject {
    return this.api.update(this.def(resource), obj.metadata.namespace ?? '', obj.metadata.name!, obj, this.writeOpts(opts)).object;
  }

  private writeOpts(opts: OwnedWrite): WriteOptions {
    return opts.owned ? { fieldManager: this.fieldManager, internal: true, owned: true } : { fieldManager: this.fieldManager, internal: true };
  }

  /** PUT …/status: only identity, annotations, finalizers and status are read from `obj`. `owned` as for create. */
  updateStatus(resource: string, obj: KObject, opts: OwnedWrite = {}): KObject {
    return this.api.update(this.def(resource), obj.metadata.namespace ?? '', obj.metadata.name!, obj, this.writeOpts(opts), 'status').object;
  }

  patch(resource: string, ns: string | undefined, name: string, patch: unknown, kind: PatchKind = 'merge', sub = ''): KObject {
    return this.api.patch(this.def(resource), ns ?? '', name, patch, PATCH_CT[kind], { fieldManager: this.fieldManager, internal: true }, sub, applyPatch).object;
  }

  /** POST pods/<name>/binding: what the scheduler's DefaultBinder does. */
  bind(ns: string, name: string, node: string): void {
    bindPod(this.api, this.def('pods'), ns, name, { apiVersion: 'v1', kind: 'Binding', metadata: { name, namespace: ns }, target: { apiVersion: 'v1', kind: 'Node', name: node } }, { fieldManager: this.fieldManager, internal: true });
  }

  delete(resource: string, ns: string | undefined, name: string, opts: DeleteOptions = {}): WriteResult {
    return this.api.delete(this.def(resource), ns ?? '', name, opts);
  }
}
