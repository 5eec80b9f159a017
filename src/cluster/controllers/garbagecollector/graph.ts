/**
 * The garbage collector's dependency graph (GraphBuilder's uidToNode): one node per object uid with
 * its owner references and the uids of its dependents. Owners referenced before they are seen are
 * "virtual" nodes until observed (or found absent). Kept up to date by watch events.
 */
import type { KObject } from '../../api/types';

export interface OwnerRef {
  apiVersion: string;
  kind: string;
  name: string;
  uid: string;
  controller?: boolean;
  blockOwnerDeletion?: boolean;
}

export interface GraphNode {
  uid: string;
  /** Store key of the resource (`pods`, `apps/replicasets`); '' for a virtual node of unknown resource. */
  resource: string;
  apiVersion: string;
  kind: string;
  namespace: string;
  name: string;
  owners: OwnerRef[];
  dependents: Set<string>;
  /** deletionTimestamp set. */
  beingDeleted: boolean;
  /** deletionTimestamp set and the `foregroundDeletion` finalizer present. */
  deletingDependents: boolean;
  virtual: boolean;
}

export const FOREGROUND = 'foregroundDeletion';
export const ORPHAN = 'orphan';

export const hasFinalizer = (o: KObject, f: string) => (o.metadata.finalizers ?? []).includes(f);

/**
 * Whether an update leaves the graph as it was: same owners, deletion state and finalizers (what
 * upstream's processGraphChanges compares; status writes never matter).
 */
export function sameForGraph(a: KObject, b: KObject): boolean {
  const am = a.metadata;
  const bm = b.metadata;
  if (am.deletionTimestamp !== bm.deletionTimestamp) return false;
  if (am.finalizers !== bm.finalizers && (am.finalizers ?? []).join('\0') !== (bm.finalizers ?? []).join('\0')) return false;
  return am.ownerReferences === bm.ownerReferences || JSON.stringify(am.ownerReferences ?? []) === JSON.stringify(bm.ownerReferences ?? []);
}

/** What an observed change means for the collector. */
export interface Observed {
  node: GraphNode;
  /** Owners this change referenced that the graph had never seen (virtual nodes to verify). */
  newVirtualOwners: GraphNode[];
  /** Owners no longer referenced (they may be waiting for this dependent). */
  removedOwners: GraphNode[];
  /** The object just started deleting its dependents (foreground). */
  startedDeletingDependents: boolean;
  /** The object carries deletionTimestamp + the `orphan` finalizer. */
  wantsOrphaning: boolean;
}

export class Graph {
  readonly nodes = new Map<string, GraphNode>();

  get(uid: string): GraphNode | undefined {
    return this.nodes.get(uid);
  }

  /** Records an added or updated object. */
  observe(o: KObject, resource: string, namespaced: boolean): Observed {
    const uid = o.metadata.uid!;
    const owners = ((o.metadata.ownerReferences ?? []) as OwnerRef[]).map((r) => ({ ...r }));
    let node = this.nodes.get(uid);
    const oldOwners = node && !node.virtual ? node.owners : [];
    const wasDeletingDependents = !!node?.deletingDependents;
    if (!node) {
      node = { uid, resource, apiVersion: o.apiVersion ?? '', kind: o.kind ?? '', namespace: '', name: '', owners: [], dependents: new Set(), beingDeleted: false, deletingDependents: false, virtual: false };
      this.nodes.set(uid, node);
    }
    Object.assign(node, {
      resource,
      apiVersion: o.apiVersion ?? node.apiVersion,
      kind: o.kind ?? node.kind,
      namespace: namespaced ? (o.metadata.namespace ?? '') : '',
      name: o.metadata.name ?? '',
      owners,
      virtual: false,
      beingDeleted: !!o.metadata.deletionTimestamp,
      deletingDependents: !!o.metadata.deletionTimestamp && hasFinalizer(o, FOREGROUND),
    });
    const newVirtualOwners: GraphNode[] = [];
    const removedOwners: GraphNode[] = [];
    const now = new Set(owners.map((r) => r.uid));
    for (const r of owners) {
      let owner = this.nodes.get(r.uid);
      if (!owner) {
        // Namespaced dependents look for namespaced owners in their own namespace.
        owner = { uid: r.uid, resource: '', apiVersion: r.apiVersion, kind: r.kind, namespace: node.namespace, name: r.name, owners: [], dependents: new Set(), beingDeleted: false, deletingDependents: false, virtual: true };
        this.nodes.set(r.uid, owner);
        newVirtualOwners.push(owner);
      }
      owner.dependents.add(uid);
    }
    for (const r of oldOwners) {
      if (now.has(r.uid)) continue;
      const owner = this.nodes.get(r.uid);
      if (!owner) continue;
      owner.dependents.delete(uid);
      removedOwners.push(owner);
    }
    return {
      node,
      newVirtualOwners,
      removedOwners,
      startedDeletingDependents: node.deletingDependents && !wasDeletingDependents,
      wantsOrphaning: node.beingDeleted && hasFinalizer(o, ORPHAN),
    };
  }

  /** Removes a deleted (or found-absent) object; returns it with its dependents and owners. */
  remove(uid: string): { node: GraphNode; owners: GraphNode[] } | undefined {
    const node = this.nodes.get(uid);
    if (!node) return undefined;
    this.nodes.delete(uid);
    const owners: GraphNode[] = [];
    for (const r of node.owners) {
      const owner = this.nodes.get(r.uid);
      if (!owner) continue;
      owner.dependents.delete(uid);
      owners.push(owner);
      // A virtual owner nobody references any more is forgotten.
      if (owner.virtual && owner.dependents.size === 0) this.nodes.delete(owner.uid);
    }
    return { node, owners };
  }

  /** Dependents whose reference to `owner` has blockOwnerDeletion: true. */
  blockingDependents(owner: GraphNode): GraphNode[] {
    const out: GraphNode[] = [];
    for (const d of owner.dependents) {
      const dep = this.nodes.get(d);
      if (dep?.owners.some((r) => r.uid === owner.uid && r.blockOwnerDeletion)) out.push(dep);
    }
    return out;
  }
}
