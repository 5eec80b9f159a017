/**
 * garbage-collector-controller: watches every deletable resource (events excepted, as upstream's
 * ignoredResources) into a dependency graph, then
 * - attemptToDelete: deletes objects whose owners are all gone (Background/Foreground/Orphan as
 *   their own finalizers ask), drops dangling references of objects that still have an owner, and
 *   removes `foregroundDeletion` from an owner once no blocking dependent is left;
 * - attemptToOrphan: strips an `orphan`-finalized owner's references from its dependents, then the
 *   finalizer.
 */
import type { KObject } from '../../api/types';
import { resourceKey, type ResourceDef } from '../../apiserver/types';
import type { ControllerContext, ControllerFactory } from '../types';
import { FOREGROUND, Graph, hasFinalizer, ORPHAN, sameForGraph, type GraphNode, type OwnerRef } from './graph';
import { decideDelete, ownerState, withoutFinalizer, withoutOwner, type OwnerState } from './reconcile';

export const GARBAGE_COLLECTOR = 'garbage-collector-controller';
const IGNORED = new Set(['events', 'events.k8s.io/events']);

export const garbageCollector: ControllerFactory = {
  name: GARBAGE_COLLECTOR,
  start(ctx: ControllerContext) {
    const { client } = ctx;
    const registry = client.api.registry;
    const graph = new Graph();
    const toDelete = ctx.queue('attemptToDelete', attemptToDelete);
    const toOrphan = ctx.queue('attemptToOrphan', attemptToOrphan);

    const watched = registry.defs.filter((d) => !IGNORED.has(resourceKey(d)) && (!d.verbs || ['delete', 'list', 'watch'].every((v) => d.verbs!.includes(v))));
    for (const def of watched) {
      const key = resourceKey(def);
      const upsert = (o: KObject) => {
        const obs = graph.observe(o, key, def.namespaced);
        for (const v of obs.newVirtualOwners) toDelete.add(v.uid);
        for (const owner of obs.removedOwners) if (owner.deletingDependents) toDelete.add(owner.uid);
        if (obs.startedDeletingDependents) {
          toDelete.add(obs.node.uid);
          for (const d of obs.node.dependents) toDelete.add(d);
        }
        if (obs.wantsOrphaning) toOrphan.add(obs.node.uid);
        // A new dependent of an owner that is deleting its dependents must go too.
        if (obs.node.owners.some((r) => graph.get(r.uid)?.deletingDependents)) toDelete.add(obs.node.uid);
      };
      ctx.watch(key, {
        add: upsert,
        update: (o, _rv, old) => {
          const node = old && graph.get(o.metadata.uid!);
          if (node && !node.virtual && sameForGraph(old, o)) return;
          upsert(o);
        },
        delete: (o) => {
          const gone = graph.remove(o.metadata.uid!);
          if (!gone) return;
          for (const d of gone.node.dependents) toDelete.add(d);
          for (const owner of gone.owners) if (owner.deletingDependents) toDelete.add(owner.uid);
        },
      });
    }

    const defOf = (apiVersion: string, kind: string): ResourceDef | undefined => registry.forKind(apiVersion, kind);

    function lookupOwner(ref: OwnerRef, namespace: string): OwnerState {
      const def = defOf(ref.apiVersion, ref.kind);
      if (!def) return 'unknown';
      return ownerState(ref, client.get(resourceKey(def), def.namespaced ? namespace : undefined, ref.name));
    }

    /** The object is gone (or never existed): forget it and re-examine its dependents. */
    function absent(node: GraphNode): void {
      const gone = graph.remove(node.uid);
      for (const d of gone?.node.dependents ?? []) toDelete.add(d);
    }

    function live(node: GraphNode): KObject | undefined {
      const o = client.get(node.resource, node.namespace || undefined, node.name);
      return o && o.metadata.uid === node.uid ? o : undefined;
    }

    function attemptToDelete(uid: string): void {
      const node = graph.get(uid);
      if (!node) return;
      if (node.virtual) {
        const def = defOf(node.apiVersion, node.kind);
        if (!def) return;
        const o = client.get(resourceKey(def), def.namespaced ? node.namespace : undefined, node.name);
        if (!o || o.metadata.uid !== uid) absent(node);
        return;
      }
      const latest = live(node);
      if (!latest) return absent(node);
      if (latest.metadata.deletionTimestamp && hasFinalizer(latest, FOREGROUND)) return processDeletingDependents(node, latest);
      if (latest.metadata.deletionTimestamp) return;
      const refs = (latest.metadata.ownerReferences ?? []) as OwnerRef[];
      const states = refs.map((r) => lookupOwner(r, latest.metadata.namespace ?? ''));
      const action = decideDelete(latest, states, node.dependents.size > 0);
      if (action.type === 'patchOwners')
        client.patch(node.resource, node.namespace, node.name, { metadata: { ownerReferences: action.ownerReferences, uid } }, 'merge');
      else if (action.type === 'delete')
        client.delete(node.resource, node.namespace, node.name, { propagationPolicy: action.policy, preconditions: { uid } });
    }

    function processDeletingDependents(node: GraphNode, latest: KObject): void {
      const blocking = graph.blockingDependents(node);
      if (!blocking.length) {
        client.patch(node.resource, node.namespace, node.name, { metadata: { finalizers: withoutFinalizer(latest, FOREGROUND), resourceVersion: latest.metadata.resourceVersion } }, 'merge');
        return;
      }
      for (const dep of blocking) if (!dep.deletingDependents) toDelete.add(dep.uid);
    }

    function attemptToOrphan(uid: string): void {
      const node = graph.get(uid);
      const latest = node && !node.virtual ? live(node) : undefined;
      if (!node || !latest?.metadata.deletionTimestamp || !hasFinalizer(latest, ORPHAN)) return;
      for (const d of [...node.dependents]) {
        const dep = graph.get(d);
        const o = dep && !dep.virtual ? live(dep) : undefined;
        if (!dep || !o) continue;
        const refs = withoutOwner(o, uid);
        client.patch(dep.resource, dep.namespace, dep.name, { metadata: { ownerReferences: refs.length ? refs : null } }, 'merge');
      }
      client.patch(node.resource, node.namespace, node.name, { metadata: { finalizers: withoutFinalizer(latest, ORPHAN), resourceVersion: latest.metadata.resourceVersion } }, 'merge');
    }
  },
};
