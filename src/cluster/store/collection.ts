import type { KObject } from '../api/types';

/** A function that lists the index values an object files under (e.g. a pod's node name). */
export type Indexer = (o: KObject) => readonly string[];

/** Key of an object inside its resource: `namespace/name`, or `name` when cluster-scoped. */
export function objectKey(namespace: string | undefined, name: string): string {
  return namespace ? `${namespace}/${name}` : name;
}

function addTo(m: Map<string, Set<string>>, v: string, key: string): void {
  let s = m.get(v);
  if (!s) m.set(v, (s = new Set()));
  s.add(key);
}
function removeFrom(m: Map<string, Set<string>>, v: string, key: string): void {
  const s = m.get(v);
  if (s && s.delete(key) && s.size === 0) m.delete(v);
}

/**
 * All objects of one resource with their indexes: by namespace, by every `label=value`, and by
 * each registered indexer. Lists pick the smallest matching index, so hot paths never scan
 * every object; a sorted key array (etcd order) is rebuilt lazily only after adds or removes.
 */
export class Collection {
  readonly objects = new Map<string, KObject>();
  private byNamespace = new Map<string, Set<string>>();
  /** label key → label value → keys: two lookups instead of building a `k=v` string per label per write. */
  private byLabel = new Map<string, Map<string, Set<string>>>();
  private byIndex = new Map<string, Map<string, Set<string>>>();
  /** The indexers with their value maps, as arrays: the write path walks them without allocating. */
  private readonly indexFns: Indexer[] = [];
  private readonly indexMaps: Map<string, Set<string>>[] = [];
  private sorted: string[] | null = [];

  constructor(indexers: Record<string, Indexer> = {}) {
    for (const name of Object.keys(indexers)) {
      const m = new Map<string, Set<string>>();
      this.byIndex.set(name, m);
      this.indexFns.push(indexers[name]);
      this.indexMaps.push(m);
    }
  }

  get size(): number {
    return this.objects.size;
  }

  put(key: string, obj: KObject): KObject | undefined {
    const prev = this.objects.get(key);
    this.objects.set(key, obj);
    if (prev) this.reindex(key, prev, obj);
    else {
      this.sorted = null;
      this.index(key, obj);
    }
    return prev;
  }

  remove(key: string): KObject | undefined {
    const prev = this.objects.get(key);
    if (!prev) return undefined;
    this.unindex(key, prev);
    this.objects.delete(key);
    this.sorted = null;
    return prev;
  }

  /** Keys in etcd order (namespace, then name). */
  sortedKeys(): string[] {
    if (!this.sorted) this.sorted = [...this.objects.keys()].sort();
    return this.sorted;
  }

  keysInNamespace(ns: string): ReadonlySet<string> {
    return this.byNamespace.get(ns) ?? EMPTY;
  }

  keysWithLabel(key: string, value: string): ReadonlySet<string> {
    return this.byLabel.get(key)?.get(value) ?? EMPTY;
  }

  keysByIndex(index: string, value: string): ReadonlySet<string> {
    const m = this.byIndex.get(index);
    if (!m) throw new Error(`no index ${index}`);
    return m.get(value) ?? EMPTY;
  }

  hasIndex(index: string): boolean {
    return this.byIndex.has(index);
  }

  private index(key: string, o: KObject): void {
    addTo(this.byNamespace, o.metadata.namespace ?? '', key);
    const labels = o.metadata.labels;
    if (labels)
      for (const k in labels) {
        let m = this.byLabel.get(k);
        if (!m) this.byLabel.set(k, (m = new Map()));
        addTo(m, labels[k], key);
      }
    for (let i = 0; i < this.indexFns.length; i++) {
      const values = this.indexFns[i](o);
      for (let j = 0; j < values.length; j++) addTo(this.indexMaps[i], values[j], key);
    }
  }

  /**
   * An update touches only the index entries whose values changed: a status write leaves the
   * namespace, labels and most indexed fields alone, and big buckets are costly to churn.
   */
  private reindex(key: string, prev: KObject, o: KObject): void {
    const pns = prev.metadata.namespace ?? '';
    const ns = o.metadata.namespace ?? '';
    if (pns !== ns) {
      removeFrom(this.byNamespace, pns, key);
      addTo(this.byNamespace, ns, key);
    }
    const before = prev.metadata.labels;
    const after = o.metadata.labels;
    if (before !== after) {
      if (before)
        for (const k in before) {
          if (after && Object.prototype.hasOwnProperty.call(after, k) && after[k] === before[k]) continue;
          const m = this.byLabel.get(k);
          if (!m) continue;
          removeFrom(m, before[k], key);
          if (m.size === 0) this.byLabel.delete(k);
        }
      if (after)
        for (const k in after) {
          if (before && Object.prototype.hasOwnProperty.call(before, k) && before[k] === after[k]) continue;
          let m = this.byLabel.get(k);
          if (!m) this.byLabel.set(k, (m = new Map()));
          addTo(m, after[k], key);
        }
    }
    for (let i = 0; i < this.indexFns.length; i++) {
      const was = this.indexFns[i](prev);
      const now = this.indexFns[i](o);
      if (was.length === 1 && now.length === 1 && was[0] === now[0]) continue;
      const m = this.indexMaps[i];
      for (const v of was) if (!now.includes(v)) removeFrom(m, v, key);
      for (const v of now) if (!was.includes(v)) addTo(m, v, key);
    }
  }

  private unindex(key: string, o: KObject): void {
    removeFrom(this.byNamespace, o.metadata.namespace ?? '', key);
    const labels = o.metadata.labels;
    if (labels)
      for (const k in labels) {
        const m = this.byLabel.get(k);
        if (!m) continue;
        removeFrom(m, labels[k], key);
        if (m.size === 0) this.byLabel.delete(k);
      }
    for (let i = 0; i < this.indexFns.length; i++) {
      const values = this.indexFns[i](o);
      for (let j = 0; j < values.length; j++) removeFrom(this.indexMaps[i], values[j], key);
    }
  }
}

const EMPTY: ReadonlySet<string> = new Set();
