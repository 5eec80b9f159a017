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
  private byLabel = new Map<string, Set<string>>();
  private byIndex = new Map<string, Map<string, Set<string>>>();
  private sorted: string[] | null = [];

  constructor(private readonly indexers: Record<string, Indexer> = {}) {
    for (const name of Object.keys(indexers)) this.byIndex.set(name, new Map());
  }

  get size(): number {
    return this.objects.size;
  }

  put(key: string, obj: KObject): KObject | undefined {
    const prev = this.objects.get(key);
    if (prev) this.unindex(key, prev);
    else this.sorted = null;
    this.objects.set(key, obj);
    this.index(key, obj);
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
    return this.byLabel.get(`${key}=${value}`) ?? EMPTY;
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
    if (labels) for (const k in labels) addTo(this.byLabel, `${k}=${labels[k]}`, key);
    for (const [name, fn] of Object.entries(this.indexers)) {
      const m = this.byIndex.get(name)!;
      for (const v of fn(o)) addTo(m, v, key);
    }
  }

  private unindex(key: string, o: KObject): void {
    removeFrom(this.byNamespace, o.metadata.namespace ?? '', key);
    const labels = o.metadata.labels;
    if (labels) for (const k in labels) removeFrom(this.byLabel, `${k}=${labels[k]}`, key);
    for (const [name, fn] of Object.entries(this.indexers)) {
      const m = this.byIndex.get(name)!;
      for (const v of fn(o)) removeFrom(m, v, key);
    }
  }
}

const EMPTY: ReadonlySet<string> = new Set();
