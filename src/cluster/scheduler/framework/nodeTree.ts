/**
 * The cache's nodeTree: nodes grouped by zone (region + zone labels), listed round-robin across
 * zones so the first nodes examined are spread over zones — the order upstream's snapshot uses.
 */
import type { KObject } from '../../api/types';

/** utilnode.GetZoneKey. */
export function zoneKey(node: KObject): string {
  const l = node.metadata.labels ?? {};
  const zone = l['topology.kubernetes.io/zone'] ?? l['failure-domain.beta.kubernetes.io/zone'] ?? '';
  const region = l['topology.kubernetes.io/region'] ?? l['failure-domain.beta.kubernetes.io/region'] ?? '';
  return region === '' && zone === '' ? '' : `${region}:\x00:${zone}`;
}

export class NodeTree {
  private zones: string[] = [];
  private tree = new Map<string, string[]>();
  private count = 0;

  get size(): number {
    return this.count;
  }

  /** Adds a node the tree does not hold yet (the cache guarantees it). */
  add(node: KObject): void {
    const z = zoneKey(node);
    let names = this.tree.get(z);
    if (!names) {
      this.tree.set(z, (names = []));
      this.zones.push(z);
    }
    names.push(node.metadata.name!);
    this.count++;
  }

  remove(node: KObject): void {
    const z = zoneKey(node);
    const names = this.tree.get(z);
    if (!names) return;
    const i = names.indexOf(node.metadata.name!);
    if (i < 0) return;
    names.splice(i, 1);
    this.count--;
    if (names.length === 0) {
      this.tree.delete(z);
      this.zones.splice(this.zones.indexOf(z), 1);
    }
  }

  /** Zone changes move the node to the end of its new zone; true when the order changed. */
  update(oldNode: KObject, newNode: KObject): boolean {
    if (zoneKey(oldNode) === zoneKey(newNode)) return false;
    this.remove(oldNode);
    this.add(newNode);
    return true;
  }

  /** nodeTree.list(): the i-th node of every zone, then the (i+1)-th… */
  list(): string[] {
    const out: string[] = [];
    for (let i = 0; out.length < this.count; i++)
      for (const z of this.zones) {
        const names = this.tree.get(z)!;
        if (i < names.length) out.push(names[i]!);
      }
    return out;
  }
}
