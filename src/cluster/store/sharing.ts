/**
 * Structural sharing of repeated subtrees. Objects of one kind repeat most of their content: every
 * pod of a ReplicaSet has the same tolerations, resources and probes, pods started in the same
 * second have the same conditions, a kubelet's Events the same `source`. Stored objects are frozen,
 * so equal subtrees can be one object: at 150,000 pods that is hundreds of megabytes.
 *
 * A resource names the paths worth sharing (`status.conditions[]`: each element; `spec.tolerations`:
 * the array); the store replaces each such subtree of a new write by an equal one it already holds.
 * Only values are shared, never identity-dependent state, so no reader can tell the difference.
 */
import { deepFreeze } from '../api/types';

/** One step of the shared paths, as a tree: `spec` is looked at once for all its listed parts. */
interface PathNode {
  key: string;
  /** `key[]`: the path continues into (or ends at) each element of the array. */
  each: boolean;
  /** The value here is shared itself (after its own listed parts, so elements come before arrays). */
  share: boolean;
  children: PathNode[];
}

export type SharedPaths = readonly PathNode[];

/** Parses `a.b[].c` paths into a tree. */
export function compileSharedPaths(paths: readonly string[]): SharedPaths {
  const root: PathNode[] = [];
  for (const p of paths) {
    let level = root;
    const segs = p.split('.');
    segs.forEach((raw, i) => {
      const each = raw.endsWith('[]');
      const key = each ? raw.slice(0, -2) : raw;
      let node = level.find((n) => n.key === key && n.each === each);
      if (!node) level.push((node = { key, each, share: false, children: [] }));
      if (i === segs.length - 1) node.share = true;
      level = node.children;
    });
  }
  // `x[]` before `x`: elements are shared first, so the array is keyed by their identities.
  const order = (level: PathNode[]) => {
    level.sort((a, b) => Number(b.each) - Number(a.each));
    for (const n of level) order(n.children);
  };
  order(root);
  return root;
}

/** Canonical frozen values by content, bounded: when full it starts over (no unbounded growth). */
export class SubtreePool {
  private values = new Map<string, object>();
  private strings = new Map<string, string>();
  /** Ids of frozen objects, for keys of arrays made of them (cheaper than their JSON). */
  private ids = new WeakMap<object, number>();
  private nextId = 0;

  constructor(private readonly limit = 1 << 14) {}

  /** The pool's equal value (frozen) for `v`; `v` itself (frozen) when it is new. */
  share<T>(v: T): T {
    if (typeof v === 'string') return this.shareString(v) as T;
    // Frozen values come from stored objects or shared constants: already shared or meant as is.
    if (v === null || typeof v !== 'object' || Object.isFrozen(v)) return v;
    const key = Array.isArray(v) ? this.arrayKey(v) : JSON.stringify(v);
    const known = this.values.get(key);
    if (known !== undefined) return known as T;
    if (this.values.size >= this.limit) this.values.clear();
    this.values.set(key, deepFreeze(v as object));
    return v;
  }

  /**
   * An array of frozen objects (conditions the kubelet already shares, constant tolerations) is
   * keyed by their identities: same objects in the same order are equal arrays. Otherwise its JSON.
   */
  private arrayKey(a: unknown[]): string {
    let key = '#';
    for (const el of a) {
      if (el === null || typeof el !== 'object' || !Object.isFrozen(el)) return JSON.stringify(a);
      let id = this.ids.get(el);
      if (id === undefined) this.ids.set(el, (id = this.nextId++));
      key += `${id},`;
    }
    return key;
  }

  private shareString(s: string): string {
    const known = this.strings.get(s);
    if (known !== undefined) return known;
    if (this.strings.size >= this.limit) this.strings.clear();
    this.strings.set(s, s);
    return s;
  }

  /** Replaces the subtrees of `obj` (a fresh, not yet frozen write) at `paths` by shared equals. */
  apply(obj: object, paths: SharedPaths): void {
    this.visit(obj as Record<string, unknown>, paths);
  }

  private visit(o: Record<string, unknown>, nodes: SharedPaths): void {
    for (const n of nodes) {
      const v = o[n.key];
      // Frozen: an unchanged part of the previous version, or a shared value already.
      if (v === undefined || v === null || (typeof v === 'object' && Object.isFrozen(v))) continue;
      if (!n.each) {
        if (n.children.length && typeof v === 'object') this.visit(v as Record<string, unknown>, n.children);
        if (n.share) o[n.key] = this.share(v);
        continue;
      }
      if (!Array.isArray(v)) continue;
      for (let j = 0; j < v.length; j++) {
        const el = v[j];
        if (n.children.length && el !== null && typeof el === 'object' && !Object.isFrozen(el)) this.visit(el as Record<string, unknown>, n.children);
        if (n.share) v[j] = this.share(el);
      }
    }
  }
}
