import type { KObject } from '../api/types';
import { deepFreeze } from '../api/types';
import { equalityTerms, matches, type Selector } from '../api/labels';
import { byKey, Collection, objectKey, type Bucket, type Cell, type Indexer } from './collection';
import { History, type StoreEvent } from './history';
import { compileSharedPaths, SubtreePool, type SharedPaths } from './sharing';

export type { StoreEvent };

/** Why a store write was refused; the API server turns these into Kubernetes Status errors. */
export class StoreError extends Error {
  constructor(
    readonly reason: 'AlreadyExists' | 'NotFound' | 'Conflict' | 'Capacity',
    message: string,
  ) {
    super(message);
  }
}

export interface ListOptions {
  namespace?: string;
  selector?: Selector;
  /** Use a registered index: only objects filed under `value`. */
  index?: { name: string; value: string };
  /** Any further predicate (field selectors). */
  filter?: (o: KObject) => boolean;
  limit?: number;
  /** Resume after this key (decoded from a continue token). */
  after?: string;
}

export interface ListResult {
  items: KObject[];
  rv: number;
  /** Key of the last returned item when more remain. */
  nextAfter?: string;
  remaining?: number;
}

export interface WatchOptions {
  namespace?: string;
  selector?: Selector;
  filter?: (o: KObject) => boolean;
}

/** `prev` (MODIFIED only) is the version before this write, as an informer's UpdateFunc(old, new) gets it. */
export type WatchCallback = (type: 'ADDED' | 'MODIFIED' | 'DELETED', obj: KObject, rv: number, prev?: KObject) => void;

interface Watcher extends WatchOptions {
  cb: WatchCallback;
}

export interface StoreConfig {
  /** Events kept for watch resumption; older resourceVersions answer 410 Expired. */
  historySize?: number;
  /** Total objects the store accepts before refusing creates (memory guard). */
  maxObjects?: number;
}

/**
 * The etcd analogue: objects by resource, namespace and name, one global revision, history for
 * watches, indexes for the hot queries. Stored objects are frozen; writers pass fresh copies.
 */
export class Store {
  private collections = new Map<string, Collection>();
  /** Per resource: subtrees that repeat across its objects, stored once (see sharing.ts). */
  private sharedPaths = new Map<string, SharedPaths>();
  private pool = new SubtreePool();
  private watchers = new Map<string, Set<Watcher>>();
  private history: History;
  private revision = 0;
  private count = 0;
  readonly maxObjects: number;
  /** Every committed write in order (for the sim's event log / debugging); optional tap. */
  onCommit?: (e: StoreEvent) => void;

  constructor(cfg: StoreConfig = {}) {
    this.history = new History(cfg.historySize ?? 200_000);
    this.maxObjects = cfg.maxObjects ?? 1_000_000;
  }

  /**
   * Declares a resource, its extra indexes and the paths of subtrees its objects share (e.g.
   * `status.conditions[]`); must precede any write to it.
   */
  register(resource: string, indexers: Record<string, Indexer> = {}, shared: readonly string[] = []): void {
    if (!this.collections.has(resource)) this.collections.set(resource, new Collection(indexers));
    if (shared.length) this.sharedPaths.set(resource, compileSharedPaths(shared));
  }

  get rv(): number {
    return this.revision;
  }

  get size(): number {
    return this.count;
  }

  /** The oldest revision a watch can resume from. */
  oldestRv(): number {
    return this.history.oldest();
  }

  private col(resource: string): Collection {
    const c = this.collections.get(resource);
    if (!c) throw new Error(`resource ${resource} is not registered`);
    return c;
  }

  get(resource: string, namespace: string | undefined, name: string): KObject | undefined {
    return this.col(resource).get(namespace, name);
  }

  countOf(resource: string, namespace?: string): number {
    const c = this.col(resource);
    return namespace === undefined ? c.size : c.keysInNamespace(namespace).size;
  }

  /** Stores a new object (its metadata already complete but for resourceVersion). */
  create(resource: string, obj: KObject): KObject {
    const c = this.col(resource);
    const key = objectKey(obj.metadata.namespace, obj.metadata.name!);
    if (c.get(obj.metadata.namespace, obj.metadata.name!)) throw new StoreError('AlreadyExists', key);
    if (this.count >= this.maxObjects)
      throw new StoreError('Capacity', `the cluster holds its maximum of ${this.maxObjects} objects`);
    const stored = this.stamp(resource, obj);
    c.add(key, stored);
    this.count++;
    this.commit({ type: 'ADDED', resource, object: stored, rv: this.revision });
    return stored;
  }

  /**
   * Replaces an object. With `expectRv`, the write only happens if the stored resourceVersion still
   * equals it (optimistic concurrency); otherwise Conflict.
   */
  update(resource: string, obj: KObject, expectRv?: string): KObject {
    const c = this.col(resource);
    const prev = c.get(obj.metadata.namespace, obj.metadata.name!);
    if (!prev) throw new StoreError('NotFound', objectKey(obj.metadata.namespace, obj.metadata.name!));
    if (expectRv !== undefined && expectRv !== prev.metadata.resourceVersion)
      throw new StoreError('Conflict', objectKey(obj.metadata.namespace, obj.metadata.name!));
    const stored = this.stamp(resource, obj);
    c.replace(stored);
    this.commit({ type: 'MODIFIED', resource, object: stored, prev, rv: this.revision });
    return stored;
  }

  /** Removes an object; the DELETED event carries its last state at the new revision. */
  delete(resource: string, namespace: string | undefined, name: string, expectRv?: string): KObject {
    const c = this.col(resource);
    const prev = c.get(namespace, name);
    if (!prev) throw new StoreError('NotFound', objectKey(namespace, name));
    if (expectRv !== undefined && expectRv !== prev.metadata.resourceVersion) throw new StoreError('Conflict', objectKey(namespace, name));
    c.remove(namespace, name);
    this.count--;
    this.revision++;
    const last = deepFreeze({ ...prev, metadata: { ...prev.metadata, resourceVersion: String(this.revision) } });
    this.commit({ type: 'DELETED', resource, object: last, prev, rv: this.revision });
    return last;
  }

  private stamp(resource: string, obj: KObject): KObject {
    this.revision++;
    obj.metadata.resourceVersion = String(this.revision);
    const shared = this.sharedPaths.get(resource);
    if (shared && !Object.isFrozen(obj)) this.pool.apply(obj, shared);
    return deepFreeze(obj);
  }

  /** Lists in etcd key order, using the most selective index available. */
  list(resource: string, opts: ListOptions = {}): ListResult {
    const c = this.col(resource);
    const candidates = this.candidates(c, opts);
    const cells = candidates ? [...candidates].sort(byKey) : c.sortedCells();
    let start = 0;
    if (opts.after !== undefined) start = upperBound(cells, opts.after);
    const items: KObject[] = [];
    const limit = opts.limit && opts.limit > 0 ? opts.limit : Infinity;
    // candidates() picked the smallest index; the named index must still hold for every item.
    const inIndex = opts.index ? c.keysByIndex(opts.index.name, opts.index.value) : undefined;
    let i = start;
    for (; i < cells.length; i++) {
      const cell = cells[i];
      if (inIndex && !inIndex.has(cell)) continue;
      const o = cell.obj;
      if (!this.accepts(o, opts)) continue;
      if (items.length >= limit) break;
      items.push(o);
    }
    const res: ListResult = { items, rv: this.revision };
    if (i < cells.length) {
      res.nextAfter = cells[i - 1].key;
      // Like etcd, the remaining count is only exact (and only reported) for unfiltered lists.
      if (!opts.selector && !opts.filter && !inIndex && !opts.namespace) res.remaining = cells.length - i;
    }
    return res;
  }

  /** Objects filed under `value` in a registered index (e.g. pods on a node, children of an owner). */
  byIndex(resource: string, index: string, value: string): KObject[] {
    const out: KObject[] = [];
    for (const cell of this.col(resource).keysByIndex(index, value)) out.push(cell.obj);
    return out;
  }

  private candidates(c: Collection, opts: ListOptions): Bucket | undefined {
    let best: Bucket | undefined;
    if (opts.index) best = c.keysByIndex(opts.index.name, opts.index.value);
    if (opts.namespace) best = smaller(best, c.keysInNamespace(opts.namespace));
    if (opts.selector) for (const [k, v] of equalityTerms(opts.selector)) best = smaller(best, c.keysWithLabel(k, v));
    return best;
  }

  private accepts(o: KObject, opts: ListOptions | WatchOptions): boolean {
    if (opts.namespace && o.metadata.namespace !== opts.namespace) return false;
    if (opts.selector && !matches(opts.selector, o.metadata.labels)) return false;
    if (opts.filter && !opts.filter(o)) return false;
    return true;
  }

  /**
   * Watches a resource. From `fromRv` (a number): replays history after it, then live events;
   * throws 'Expired' (as StoreError Conflict-free) when fromRv was compacted. Returns a stop function.
   */
  watch(resource: string, opts: WatchOptions, cb: WatchCallback, fromRv?: number): () => void {
    this.col(resource);
    if (fromRv !== undefined) {
      const past = this.history.since(fromRv);
      if (!past) throw new ExpiredError(fromRv, this.history.oldest() + 1);
      for (const e of past) if (e.resource === resource) this.deliver({ ...opts, cb }, e);
    }
    const w: Watcher = { ...opts, cb };
    let set = this.watchers.get(resource);
    if (!set) this.watchers.set(resource, (set = new Set()));
    set.add(w);
    return () => set!.delete(w);
  }

  watcherCount(resource: string): number {
    return this.watchers.get(resource)?.size ?? 0;
  }

  private commit(e: StoreEvent): void {
    this.history.push(e);
    this.onCommit?.(e);
    const set = this.watchers.get(e.resource);
    if (set) for (const w of set) this.deliver(w, e);
  }

  /** Filtered delivery: an object that starts (stops) matching a watch's filter arrives as ADDED (DELETED). */
  private deliver(w: Watcher, e: StoreEvent): void {
    const now = e.type !== 'DELETED' && this.accepts(e.object, w);
    const before = e.prev !== undefined && this.accepts(e.prev, w);
    if (e.type === 'ADDED') {
      if (now) w.cb('ADDED', e.object, e.rv);
    } else if (e.type === 'MODIFIED') {
      if (now && before) w.cb('MODIFIED', e.object, e.rv, e.prev);
      else if (now) w.cb('ADDED', e.object, e.rv);
      else if (before) w.cb('DELETED', e.object, e.rv);
    } else if (before) w.cb('DELETED', e.object, e.rv);
  }
}

/** A watch or continue asked for a revision older than the kept history. */
export class ExpiredError extends Error {
  constructor(
    readonly requested: number,
    readonly oldest: number,
  ) {
    super(`too old resource version: ${requested} (${oldest})`);
  }
}

function smaller(best: Bucket | undefined, s: Bucket): Bucket {
  return !best || s.size < best.size ? s : best;
}

/** First index whose key is > k. */
function upperBound(cells: readonly Cell[], k: string): number {
  let lo = 0;
  let hi = cells.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cells[mid].key <= k) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
