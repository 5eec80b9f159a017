/**
 * The nominator: pods with status.nominatedNodeName (preemptors) by node, so filters can treat
 * them as already there for pods of lower priority.
 */
import type { NominatedPods } from './framework/handle';
import type { PodInfo } from './framework/podInfo';

const NONE: readonly PodInfo[] = [];

export class Nominator implements NominatedPods {
  private byNode = new Map<string, PodInfo[]>();
  private nodeOf = new Map<string, string>();

  get size(): number {
    return this.nodeOf.size;
  }

  podsForNode(node: string): readonly PodInfo[] {
    return this.nodeOf.size === 0 ? NONE : (this.byNode.get(node) ?? NONE);
  }

  /**
   * addNominatedPod: `override` (a PostFilter result, '' = clear) wins; otherwise the pod's own
   * status.nominatedNodeName. Bound pods are never nominated.
   */
  add(pi: PodInfo, override?: string): void {
    this.delete(pi.uid);
    const node = override ?? (pi.pod.status?.nominatedNodeName as string | undefined) ?? '';
    if (!node || pi.nodeName) return;
    this.nodeOf.set(pi.uid, node);
    let list = this.byNode.get(node);
    if (!list) this.byNode.set(node, (list = []));
    list.push(pi);
  }

  delete(uid: string): void {
    const node = this.nodeOf.get(uid);
    if (node === undefined) return;
    this.nodeOf.delete(uid);
    const list = this.byNode.get(node)!;
    const i = list.findIndex((p) => p.uid === uid);
    if (i >= 0) list.splice(i, 1);
    if (list.length === 0) this.byNode.delete(node);
  }

  /**
   * UpdateNominatedPod: when neither version carries status.nominatedNodeName, keep a nomination
   * the scheduler made in memory that the API has not echoed yet.
   */
  update(old: PodInfo, pi: PodInfo): void {
    const keep = !old.pod.status?.nominatedNodeName && !pi.pod.status?.nominatedNodeName ? this.nodeOf.get(old.uid) : undefined;
    this.add(pi, keep);
  }

  nodeFor(uid: string): string | undefined {
    return this.nodeOf.get(uid);
  }
}
