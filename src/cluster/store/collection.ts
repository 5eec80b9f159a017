import type { KObject } from '../api/types';

/** A function that lists the index values an object files under (e.g. a pod's node name). */
export type Indexer = (o: KObject) => readonly string[];

/** Key of an object inside its resource: `namespace/name`, or `name` when cluster-scoped. */
export function objectKey(namespace: string | undefined, name: string): string {
  return namespace ? `${namespace}/${name}` : name;
}

/**
 * One stored object's slot. Every index files the cell, not the key: an update swaps `obj` once
 * and every bucket sees it, and reading a bucket needs no lookup per object.
 */
export interface Cell {
  readonly key: string;
  obj: KObject;
}

/** The cells filed under one index value, in filing order. */
export type Bucket = ReadonlySet<Cell>;
type Buckets = Map<string, Set<Cell>>;

function addTo(m: Buckets, v: string, c: Cell): void {
  let s = m.get(v);
  if (!s) m.set(v, (s = new Set()));
  s.add(c);
}
function removeFrom(m: Buckets, v: string, c: Cell): void {
  const s = m.get(v);
  if (s && s.delete(c) && s.size === 0) m.delete(v);
}

/**
 * All objects of one resource with their indexes: by namespace, by every `label=value`, and by
 * each registered indexer. Lists pick the smallest matching index, so hot paths never scan
 * every object; a sorted key array (etcd order) is rebuilt lazily only after adds or removes.
 */
export class Collection {
  /** namespace → name → cell: reads and writes need no `namespace/name` string built and hashed. */
  private named = new Map<string, Map<string, Cell>>();
  private count = 0;
  private byNamespace: Buckets = new Map();
  /** label key → label value → cells: two lookups instead of building a `k=v` string per label per write. */
  private byLabel = new Map<string, Buckets>();
  private byIndex = new Map<string, Buckets>();
  /** The indexers with their value maps, as arrays: the write path walks them without allocating. */
  private readonly indexFns: Indexer[] = [];
  private readonly indexMaps: Buckets[] = [];
  /** Cells in etcd order; rebuilt after adds and removes only (an update swaps a cell's object in place). */
  private sorted: Cell[] | null = [];

  constructor(indexers: Record<string, Indexer> = {}) {
    for (const name of Object.keys(indexers)) {
      const m: Buckets = new Map();
      this.byIndex.set(name, m);
      this.indexFns.push(indexers[name]);
      this.indexMaps.push(m);
    }
  }

  get size(): number {
    return this.count;
  }

  get(namespace: string | undefined, name: string): KObject | undefined {
    return this.named.get(namespace || '')?.get(name)?.obj;
  }

  /** Files a new object under `key` (`namespace/name`, its etcd order); the caller checked that none has its name. */
  add(key: string, obj: KObject): void {
    const ns = obj.metadata.namespace || '';
    let m = this.named.get(ns);
    const c: Cell = { key, obj };
    if (!m) this.named.set(ns, (m = new Map()));
    m.set(obj.metadata.name!, c);
    this.count++;
    this.sorted = null;
    this.index(c, obj);
  }

  /** Swaps in the new version of a stored object (the caller checked it exists). */
  replace(obj: KObject): KObject | undefined {
    const cell = this.named.get(obj.metadata.namespace || '')?.get(obj.metadata.name!);
    if (!cell) return undefined;
    const prev = cell.obj;
    cell.obj = obj;
    this.reindex(cell, prev, obj);
    return prev;
  }

  remove(namespace: string | undefined, name: string): KObject | undefined {
    const ns = namespace || '';
    const m = this.named.get(ns);
    const c = m?.get(name);
    if (!m || !c) return undefined;
    const prev = c.obj;
    this.unindex(c, prev);
    m.delete(name);
    if (m.size === 0) this.named.delete(ns);
    this.count--;
    this.sorted = null;
    return prev;
  }

  /** Cells in etcd order (namespace, then name). */
  sortedCells(): readonly Cell[] {
    if (!this.sorted) {
      const all: Cell[] = [];
      for (const m of this.named.values()) for (const c of m.values()) all.push(c);
      this.sorted = all.sort(byKey);
    }
    return this.sorted;
  }

  keysInNamespace(ns: string): Bucket {
    return this.byNamespace.get(ns) ?? EMPTY;
  }

  keysWithLabel(key: string, value: string): Bucket {
    return this.byLabel.get(key)?.get(value) ?? EMPTY;
  }

  keysByIndex(index: string, value: string): Bucket {
    const m = this.byIndex.get(index);
    if (!m) throw new Error(`no index ${index}`);
    return m.get(value) ?? EMPTY;
  }

  hasIndex(index: string): boolean {
    return this.byIndex.has(index);
  }

  private index(c: Cell, o: KObject): void {
    addTo(this.byNamespace, o.metadata.namespace ?? '', c);
    const labels = o.metadata.labels;
    if (labels)
      for (const k in labels) {
        let m = this.byLabel.get(k);
        if (!m) this.byLabel.set(k, (m = new Map()));
        addTo(m, labels[k], c);
      }
    for (let i = 0; i < this.indexFns.length; i++) {
      const values = this.indexFns[i](o);
      for (let j = 0; j < values.length; j++) addTo(this.indexMaps[i], values[j], c);
    }
  }

  /**
   * An update touches only the index entries whose values changed: a status write leaves the
   * namespace, labels and most indexed fields alone, and big buckets are costly to churn.
   */
  private reindex(c: Cell, prev: KObject, o: KObject): void {
    const pns = prev.metadata.namespace ?? '';
    const ns = o.metadata.namespace ?? '';
    if (pns !== ns) {
      removeFrom(this.byNamespace, pns, c);
      addTo(this.byNamespace, ns, c);
    }
    const before = prev.metadata.labels;
    const after = o.metadata.labels;
    if (before !== after) {
      if (before)
        for (const k in before) {
          if (after && Object.prototype.hasOwnProperty.call(after, k) && after[k] === before[k]) continue;
          const m = this.byLabel.get(k);
          if (!m) continue;
          removeFrom(m, before[k], c);
          if (m.size === 0) this.byLabel.delete(k);
        }
      if (after)
        for (const k in after) {
          if (before && Object.prototype.hasOwnProperty.call(before, k) && before[k] === after[k]) continue;
          let m = this.byLabel.get(k);
          if (!m) this.byLabel.set(k, (m = new Map()));
          addTo(m, after[k], c);
        }
    }
    for (let i = 0; i < this.indexFns.length; i++) {
      const was = this.indexFns[i](prev);
      const now = this.indexFns[i](o);
      if (was.length === 1 && now.length === 1 && was[0] === now[0]) continue;
      const m = this.indexMaps[i];
      for (const v of was) if (!now.includes(v)) removeFrom(m, v, c);
      for (const v of now) if (!was.includes(v)) addTo(m, v, c);
    }
  }

  private unindex(c: Cell, o: KObject): void {
    removeFrom(this.byNamespace, o.metadata.namespace ?? '', c);
    const labels = o.metadata.labels;
    if (labels)
      for (const k in labels) {
        const m = this.byLabel.get(k);
        if (!m) continue;
        removeFrom(m, labels[k], c);
        if (m.size === 0) this.byLabel.delete(k);
      }
    for (let i = 0; i < this.indexFns.length; i++) {
      const values = this.indexFns[i](o);
      for (let j = 0; j < values.length; j++) removeFrom(this.indexMaps[i], values[j], c);
    }
  }
}

const EMPTY: Bucket = new Set();

/** etcd order: by `namespace/name` key, compared as the default string sort does. */
export function byKey(a: Cell, b: Cell): number {
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}
