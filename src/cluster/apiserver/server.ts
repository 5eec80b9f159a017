import { ApiError, apiErrors, fieldErr, type FieldError } from '../api/errors';
import { deepEqual } from '../api/equal';
import { clone, type KObject } from '../api/types';
import { validateObjectMeta } from '../api/validation';
import type { SimClock } from '../sim/clock';
import { rfc3339 } from '../sim/clock';
import { generateName, uuid } from '../sim/ids';
import type { Rng } from '../sim/rng';
import { ExpiredError, StoreError, type Store } from '../store/store';
import { admissionPlugins, type AdmissionPlugin, type Attributes, type Operation } from './admission';
import { createAllocators } from './allocators';
import { decode, decodeStatus } from './decode';
import type { Registry } from './registry';
import { fieldSelectorParam, labelSelectorParam } from './selectors';
import { resourceKey, type RequestContext, type ResourceDef } from './types';

export interface WriteOptions {
  dryRun?: boolean;
  /** Writes from the control plane's own loops: their bodies are built by code, not typed by users, so the schema walk is skipped. */
  internal?: boolean;
  fieldManager?: string;
  fieldValidation?: 'Strict' | 'Warn' | 'Ignore';
  /**
   * The body was built for this one write and its caller never touches it again: the server keeps
   * (and finally freezes) it instead of copying it. Only in-process callers may say so.
   */
  owned?: boolean;
}

export interface DeleteOptions {
  gracePeriodSeconds?: number;
  propagationPolicy?: 'Background' | 'Foreground' | 'Orphan';
  preconditions?: { uid?: string; resourceVersion?: string };
  dryRun?: boolean;
}

export interface ListParams {
  labelSelector?: string;
  fieldSelector?: string;
  limit?: number;
  continue?: string;
}

export interface ListResponse {
  items: KObject[];
  resourceVersion: string;
  continue?: string;
  remainingItemCount?: number;
}

export interface WriteResult {
  object: KObject;
  /** True when a create happened (HTTP 201). */
  created?: boolean;
  /** For delete: the object is gone (false while graceful deletion or finalizers hold it). */
  deleted?: boolean;
  warnings?: string[];
}

export type WatchSink = (type: 'ADDED' | 'MODIFIED' | 'DELETED' | 'ERROR', obj: KObject) => void;

/** Checks raw request bodies against the kind's schema (strict field validation); returns warnings. */
export type FieldChecker = (body: KObject, def: ResourceDef, mode: 'Strict' | 'Warn' | 'Ignore') => string[];

export interface ApiServerDeps {
  store: Store;
  registry: Registry;
  clock: SimClock;
  rng: Rng;
  admission?: AdmissionPlugin[];
  fieldChecker?: FieldChecker;
}

/**
 * The API server's storage layer: the generic registry store of the upstream apiserver
 * (create/get/list/update/patch/delete/watch with defaulting, validation, admission, generation,
 * graceful deletion and finalizers). Transport-agnostic: the REST router and in-process clients
 * both call these methods.
 */
export class ApiServer {
  readonly store: Store;
  readonly registry: Registry;
  readonly clock: SimClock;
  private rng: Rng;
  private admission: AdmissionPlugin[];
  fieldChecker?: FieldChecker;
  readonly ctx: RequestContext;

  constructor(deps: ApiServerDeps) {
    this.store = deps.store;
    this.registry = deps.registry;
    this.clock = deps.clock;
    this.rng = deps.rng;
    this.admission = deps.admission ?? admissionPlugins;
    this.fieldChecker = deps.fieldChecker;
    for (const d of this.registry.defs) this.store.register(resourceKey(d), d.indexers, d.sharedPaths);
    const store = this.store;
    const self = this;
    this.ctx = {
      get nowMs() {
        return self.clock.now();
      },
      get now() {
        return rfc3339(self.clock.now());
      },
      rng: this.rng,
      get: (r, ns, n) => store.get(r, ns, n),
      list: (r, ns) => store.list(r, { namespace: ns }).items,
      allocators: createAllocators(store, '10.96.0.0/12'),
    };
  }

  // ---- reads ----

  get(def: ResourceDef, ns: string, name: string): KObject {
    const o = this.store.get(resourceKey(def), def.namespaced ? ns : undefined, name);
    if (!o) throw apiErrors.notFound(def.plural, def.group, name);
    return o;
  }

  list(def: ResourceDef, ns: string, p: ListParams = {}): ListResponse {
    const selector = labelSelectorParam(p.labelSelector);
    const fields = fieldSelectorParam(def, p.fieldSelector);
    let after: string | undefined;
    let rv: number | undefined;
    if (p.continue) {
      const tok = decodeContinue(p.continue);
      if (tok.rv < this.store.oldestRv()) throw apiErrors.gone(CONTINUE_EXPIRED);
      after = tok.start;
      rv = tok.rv;
    }
    const res = this.store.list(resourceKey(def), {
      namespace: def.namespaced && ns ? ns : undefined,
      selector,
      ...fields,
      limit: p.limit,
      after,
    });
    const out: ListResponse = { items: res.items, resourceVersion: String(rv ?? res.rv) };
    if (res.nextAfter !== undefined) {
      out.continue = encodeContinue(rv ?? res.rv, res.nextAfter);
      if (res.remaining !== undefined) out.remainingItemCount = res.remaining;
    }
    return out;
  }

  /**
   * Watches a collection. `resourceVersion` unset or "0": synthetic ADDED events for the current
   * state first; a number: changes after it (410 as an ERROR event when too old). Returns stop().
   */
  watch(def: ResourceDef, ns: string, p: ListParams & { resourceVersion?: string }, sink: WatchSink): () => void {
    const selector = labelSelectorParam(p.labelSelector);
    const fields = fieldSelectorParam(def, p.fieldSelector);
    const opts = { namespace: def.namespaced && ns ? ns : undefined, selector, filter: fields.filter };
    const key = resourceKey(def);
    const cb = (t: 'ADDED' | 'MODIFIED' | 'DELETED', o: KObject) => sink(t, o);
    if (!p.resourceVersion || p.resourceVersion === '0') {
      const rv = this.store.rv;
      for (const o of this.store.list(key, { ...opts, index: fields.index }).items) sink('ADDED', o);
      return this.store.watch(key, opts, cb, rv);
    }
    const from = Number(p.resourceVersion);
    if (!Number.isFinite(from)) throw apiErrors.badRequest(`invalid resource version: ${p.resourceVersion}`);
    try {
      return this.store.watch(key, opts, cb, from);
    } catch (e) {
      if (e instanceof ExpiredError) {
        sink('ERROR', apiErrors.gone(e.message).status as unknown as KObject);
        return () => {};
      }
      throw e;
    }
  }

  // ---- writes ----

  create(def: ResourceDef, ns: string, body: KObject, opts: WriteOptions = {}): WriteResult {
    const obj = decode(def, body, opts);
    const warnings = this.checkFields(def, body, opts);
    const meta = (obj.metadata ??= {});
    if (def.namespaced) {
      if (meta.namespace && ns && meta.namespace !== ns)
        throw apiErrors.badRequest('the namespace of the provided object does not match the namespace sent on the request');
      meta.namespace = meta.namespace || ns || 'default';
    } else delete meta.namespace;
    if (!meta.name && meta.generateName) meta.name = generateName(this.rng, meta.generateName);
    const name = meta.name ?? '';
    meta.uid = uuid(this.rng);
    meta.creationTimestamp = this.ctx.now;
    delete meta.resourceVersion;
    delete meta.deletionTimestamp;
    delete meta.deletionGracePeriodSeconds;
    delete (meta as Record<string, unknown>).selfLink;
    if (def.tracksGeneration) meta.generation = 1;
    else delete meta.generation;
    def.prepareForCreate?.(obj, this.ctx);
    def.defaults?.(obj, this.ctx);
    const a = this.attrs('CREATE', def, meta.namespace ?? '', name, '', obj, undefined, opts);
    this.runAdmit(a);
    this.validate(def, obj, undefined);
    this.runValidate(a);
    if (opts.dryRun) return { object: obj, created: true, warnings };
    const key = resourceKey(def);
    try {
      if (a.charges && !this.store.get(key, meta.namespace, name)) this.commitCharges(a.charges);
      return { object: this.store.create(key, obj), created: true, warnings };
    } catch (e) {
      throw this.storeError(e, def, name);
    }
  }

  update(def: ResourceDef, ns: string, name: string, body: KObject, opts: WriteOptions = {}, sub = ''): WriteResult {
    const old = this.get(def, ns, name);
    const obj = sub === 'status' ? decodeStatus(def, body, !!opts.owned) : decode(def, body, opts);
    const warnings = this.checkFields(def, body, opts);
    return { ...this.commitUpdate(def, old, obj, opts, sub), warnings };
  }

  /** Applies a patch document to the live object, then runs the update pipeline. */
  patch(
    def: ResourceDef,
    ns: string,
    name: string,
    patchBody: unknown,
    contentType: string,
    opts: WriteOptions = {},
    sub = '',
    applyPatch: (doc: KObject, body: unknown, contentType: string, kind: string) => KObject,
  ): WriteResult {
    const old = this.get(def, ns, name);
    const patched = applyPatch(clone(old) as KObject, patchBody, contentType, def.kind);
    const rvInPatch = (patchBody as KObject | undefined)?.metadata?.resourceVersion;
    if (!rvInPatch) patched.metadata.resourceVersion = old.metadata.resourceVersion;
    return this.commitUpdate(def, old, patched, opts, sub);
  }

  /** The shared update pipeline: meta rules, status handling, defaults, admission, validation, generation. */
  commitUpdate(def: ResourceDef, old: KObject, obj: KObject, opts: WriteOptions, sub: string): WriteResult {
    const name = old.metadata.name!;
    const ns = old.metadata.namespace ?? '';
    obj.metadata ??= {};
    if (obj.metadata.name && obj.metadata.name !== name)
      throw apiErrors.badRequest(`the name of the object (${obj.metadata.name}) does not match the name on the URL (${name})`);
    if (def.namespaced && obj.metadata.namespace && obj.metadata.namespace !== ns)
      throw apiErrors.badRequest('the namespace of the provided object does not match the namespace sent on the request');
    const expectRv = obj.metadata.resourceVersion || undefined;
    if (expectRv && expectRv !== old.metadata.resourceVersion) throw apiErrors.staleResourceVersion(def.plural, def.group, name);
    if (obj.metadata.uid && obj.metadata.uid !== old.metadata.uid)
      throw apiErrors.conflict(
        def.plural,
        def.group,
        name,
        `Precondition failed: UID in precondition: ${obj.metadata.uid}, UID in object meta: ${old.metadata.uid}`,
      );
    let next: KObject;
    if (sub === 'finalize') {
      // namespaces/finalize: spec (and metadata) from the body, status kept.
      next = { ...obj, status: clone(old.status) };
    } else if (sub === 'status') {
      // The status subresource writes status (and, as the classic status strategies allow, annotations
      // and finalizers); spec, labels and ownerReferences stay as stored. Nothing on this path changes
      // them, so the stored (frozen) subtrees are shared instead of copied; `obj` is already our own copy.
      next = { ...old, metadata: { ...old.metadata }, status: obj.status };
      if (obj.metadata.annotations !== undefined) next.metadata.annotations = obj.metadata.annotations;
      if (obj.metadata.finalizers !== undefined) next.metadata.finalizers = obj.metadata.finalizers;
    } else {
      next = obj;
      if (def.hasStatus) {
        if (old.status === undefined) delete next.status;
        else next.status = clone(old.status);
      }
      def.prepareForUpdate?.(next, old, this.ctx);
    }
    const m = next.metadata;
    m.name = name;
    if (def.namespaced) m.namespace = ns;
    else delete m.namespace;
    m.uid = old.metadata.uid;
    m.creationTimestamp = old.metadata.creationTimestamp;
    if (old.metadata.deletionTimestamp) {
      m.deletionTimestamp = old.metadata.deletionTimestamp;
      m.deletionGracePeriodSeconds = old.metadata.deletionGracePeriodSeconds;
    } else {
      delete m.deletionTimestamp;
      delete m.deletionGracePeriodSeconds;
    }
    if (sub !== 'status') def.defaults?.(next, this.ctx);
    if (def.tracksGeneration) {
      const bump =
        sub !== 'status' &&
        (!deepEqual(next.spec, old.spec) ||
          (def.generationOnAnnotations && !deepEqual(next.metadata.annotations ?? {}, old.metadata.annotations ?? {})));
      m.generation = (old.metadata.generation ?? 1) + (bump ? 1 : 0);
    } else delete m.generation;
    const a = this.attrs('UPDATE', def, ns, name, sub, next, old, opts);
    this.runAdmit(a);
    // Status writes (kubelets, controllers) only change status: spec validation would be wasted work.
    if (sub !== 'status') this.validate(def, next, old);
    this.runValidate(a);
    m.resourceVersion = old.metadata.resourceVersion;
    if (deepEqual(next, old)) return { object: old };
    if (opts.dryRun) return { object: next };
    const key = resourceKey(def);
    // An object marked for deletion goes away once its last finalizer is removed.
    const namespaceHeld = def.kind === 'Namespace' && !!next.spec?.finalizers?.length;
    if (m.deletionTimestamp && !(m.finalizers?.length) && !(m.deletionGracePeriodSeconds ?? 0) && !namespaceHeld) {
      const last = this.store.delete(key, def.namespaced ? ns : undefined, name);
      def.afterDelete?.(last, this.ctx);
      return { object: last, deleted: true };
    }
    try {
      return { object: this.store.update(key, next, old.metadata.resourceVersion) };
    } catch (e) {
      throw this.storeError(e, def, name);
    }
  }

  delete(def: ResourceDef, ns: string, name: string, opts: DeleteOptions = {}): WriteResult {
    const obj = this.get(def, ns, name);
    const pre = opts.preconditions;
    if (pre?.uid && pre.uid !== obj.metadata.uid)
      throw apiErrors.conflict(def.plural, def.group, name, `Precondition failed: UID in precondition: ${pre.uid}, UID in object meta: ${obj.metadata.uid}`);
    if (pre?.resourceVersion && pre.resourceVersion !== obj.metadata.resourceVersion)
      throw apiErrors.conflict(
        def.plural,
        def.group,
        name,
        `Precondition failed: ResourceVersion in precondition: ${pre.resourceVersion}, ResourceVersion in object meta: ${obj.metadata.resourceVersion}`,
      );
    const a = this.attrs('DELETE', def, ns, name, '', undefined, obj, { dryRun: opts.dryRun });
    this.runAdmit(a);
    this.runValidate(a);
    const next = clone(obj) as KObject;
    const m = next.metadata;
    const finalizers = new Set(m.finalizers ?? []);
    if (opts.propagationPolicy === 'Foreground') finalizers.add('foregroundDeletion');
    if (opts.propagationPolicy === 'Orphan') finalizers.add('orphan');
    // A namespace is held by spec.finalizers ("kubernetes") until the namespace controller empties it.
    if (def.kind === 'Namespace' && (obj.spec?.finalizers?.length || finalizers.size)) {
      if (m.deletionTimestamp) {
        if (obj.spec?.finalizers?.length)
          throw apiErrors.conflict(
            'namespaces',
            '',
            name,
            'The system is ensuring all content is removed from this namespace.  Upon completion, this namespace will automatically be purged by the system.',
          );
        return { object: obj };
      }
      m.deletionTimestamp = this.ctx.now;
      if (finalizers.size) m.finalizers = [...finalizers];
      next.status = { ...(next.status ?? {}), phase: 'Terminating' };
      return { object: opts.dryRun ? next : this.store.update(resourceKey(def), next) };
    }
    const requested = opts.gracePeriodSeconds;
    const grace = def.gracePeriod?.(obj, requested) ?? 0;
    const nowMs = this.clock.now();
    if (m.deletionTimestamp) {
      // Already terminating: a shorter grace period may bring the deadline forward.
      if (grace > 0 && grace < (m.deletionGracePeriodSeconds ?? 0)) {
        m.deletionGracePeriodSeconds = grace;
        m.deletionTimestamp = rfc3339(nowMs + grace * 1000);
        return { object: opts.dryRun ? next : this.store.update(resourceKey(def), next) };
      }
      if (grace > 0 || finalizers.size) return { object: obj };
    }
    if (grace > 0 || finalizers.size) {
      m.deletionTimestamp = rfc3339(nowMs + grace * 1000);
      m.deletionGracePeriodSeconds = grace;
      if (finalizers.size) m.finalizers = [...finalizers];
      if (def.tracksGeneration && m.generation) m.generation++;
      if (def.kind === 'Namespace') next.status = { ...(next.status ?? {}), phase: 'Terminating' };
      return { object: opts.dryRun ? next : this.store.update(resourceKey(def), next) };
    }
    if (opts.dryRun) return { object: obj, deleted: true };
    const last = this.store.delete(resourceKey(def), def.namespaced ? ns : undefined, name);
    def.afterDelete?.(last, this.ctx);
    return { object: last, deleted: true };
  }

  /** DELETE on a collection: deletes every matching object, as kubectl delete --all / -l does per item. */
  deleteCollection(def: ResourceDef, ns: string, p: ListParams, opts: DeleteOptions = {}): KObject[] {
    const items = this.list(def, ns, { labelSelector: p.labelSelector, fieldSelector: p.fieldSelector }).items;
    return items.map((o) => this.delete(def, o.metadata.namespace ?? '', o.metadata.name!, opts).object);
  }

  // ---- helpers ----

  /** The optimistic-lock Conflict for an object of this resource. */
  conflictFor(def: ResourceDef, name: string): Error {
    return apiErrors.staleResourceVersion(def.plural, def.group, name);
  }

  private checkFields(def: ResourceDef, body: KObject, opts: WriteOptions): string[] | undefined {
    if (!this.fieldChecker || opts.internal) return undefined;
    const w = this.fieldChecker(body, def, opts.fieldValidation ?? 'Warn');
    return w.length ? w : undefined;
  }

  private validate(def: ResourceDef, obj: KObject, old: KObject | undefined): void {
    const errs: FieldError[] = [];
    if (!obj.metadata.name && !old) errs.push(fieldErr.required('metadata.name', 'name or generateName is required'));
    else errs.push(...validateObjectMeta(obj.metadata, { namespaced: def.namespaced, nameValidator: def.nameValidator }));
    errs.push(...(def.validate?.(obj, this.ctx, old) ?? []));
    if (old) errs.push(...(def.validateUpdate?.(obj, old, this.ctx) ?? []));
    if (errs.length) throw apiErrors.invalid(def.kind, def.group, obj.metadata.name ?? '', errs);
  }

  private attrs(op: Operation, def: ResourceDef, ns: string, name: string, sub: string, object: KObject | undefined, old: KObject | undefined, opts: { dryRun?: boolean }): Attributes {
    return { operation: op, def, namespace: ns, name, subresource: sub, object, old, dryRun: !!opts.dryRun };
  }

  /** Admission's companion writes (quota charges), committed just before the object they admit. */
  private commitCharges(charges: NonNullable<Attributes['charges']>): void {
    for (const c of charges) this.store.update(c.resource, c.object, c.object.metadata.resourceVersion);
  }

  private runAdmit(a: Attributes): void {
    for (const p of this.admission) p.admit?.(a, this.ctx);
  }

  private runValidate(a: Attributes): void {
    for (const p of this.admission) p.validate?.(a, this.ctx);
  }

  private storeError(e: unknown, def: ResourceDef, name: string): Error {
    if (e instanceof ApiError) return e;
    if (e instanceof StoreError) {
      if (e.reason === 'AlreadyExists') return apiErrors.alreadyExists(def.plural, def.group, name);
      if (e.reason === 'NotFound') return apiErrors.notFound(def.plural, def.group, name);
      if (e.reason === 'Conflict') return apiErrors.staleResourceVersion(def.plural, def.group, name);
      if (e.reason === 'Capacity') return apiErrors.forbidden(def.plural, def.group, name, e.message);
    }
    return e as Error;
  }
}

const CONTINUE_EXPIRED =
  'The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter, or use the continue token in this response to retrieve the remainder of the results. Continuing with the provided token results in an inconsistent list - objects that were created, modified, or deleted between the time the first chunk was returned and now may show up in the list.';

function encodeContinue(rv: number, start: string): string {
  return btoa(JSON.stringify({ v: 'meta.k8s.io/v1', rv, start }));
}

function decodeContinue(tok: string): { rv: number; start: string } {
  try {
    const o = JSON.parse(atob(tok));
    if (typeof o.rv === 'number' && typeof o.start === 'string') return o;
  } catch {
    /* fall through */
  }
  throw apiErrors.badRequest('continue key is not valid: incorrect encoded start resourceVersion (version meta.k8s.io/v1)');
}
