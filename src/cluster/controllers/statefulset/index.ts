/**
 * statefulset-controller: the shell around reconcileStatefulSet. A sync reads the set, its pods
 * (owner index), its ControllerRevisions and claims, resolves the current/update revisions, applies
 * the plan in order (stopping at the first failure, as upstream does) and writes the status.
 */
import { matches } from '../../api/labels';
import type { KObject } from '../../api/types';
import { asSelector } from '../../apiserver/resources/workloads/shared';
import { errorMessage, isAlreadyExists, isNotFound } from '../util/errors';
import { controllerOf } from '../util/owners';
import { keyOf, splitKey, type ControllerContext, type ControllerFactory, type SyncResult } from '../types';
import { candidatePods, claimPods, isOrphan, OrphanScan, ownersSelecting } from '../job/podcontrol';
import { claimOwnerUpdates } from './claims';
import { resolveRevisions, revisionsToPrune } from './history';
import { claimName, isMemberOf, ordinalOf, startOrdinal, endOrdinal } from './identity';
import { reconcileStatefulSet, type StsAction } from './reconcile';
import { completeRollingUpdate, inconsistentStatus, statusJson } from './status';

export const STATEFULSET_CONTROLLER = 'statefulset-controller';
const SETS = 'apps/statefulsets';
const PVCS = 'persistentvolumeclaims';

export { reconcileStatefulSet } from './reconcile';

const selectorOf = (set: KObject) => {
  const sel = asSelector(set.spec?.selector);
  return sel === 'error' ? null : sel;
};

export const statefulSetController: ControllerFactory = {
  name: STATEFULSET_CONTROLLER,
  start(ctx: ControllerContext) {
    const scan = new OrphanScan();
    const q = ctx.queue('statefulset', sync);
    ctx.watch(SETS, {
      add: (s) => {
        scan.flag(keyOf(s));
        q.add(keyOf(s));
      },
      update: (s) => q.add(keyOf(s)),
      delete: (s) => q.add(keyOf(s)),
    });
    const onPod = (p: KObject) => {
      const ref = controllerOf(p);
      if (ref) {
        if (ref.kind !== 'StatefulSet') return;
        const set = ctx.client.get(SETS, p.metadata.namespace, ref.name);
        if (set?.metadata.uid === ref.uid) q.add(keyOf(set));
        return;
      }
      if (!isOrphan(p)) return;
      for (const set of ownersSelecting(ctx.client.list(SETS, { namespace: p.metadata.namespace }), p, selectorOf)) {
        scan.flag(keyOf(set));
        q.add(keyOf(set));
      }
    };
    ctx.watch('pods', { add: onPod, update: onPod, delete: onPod });

    const podEvent = (set: KObject, verb: string, pod: KObject, err?: unknown) => {
      if (err === undefined) ctx.recorder.event(set, 'Normal', `Successful${verb[0]!.toUpperCase()}${verb.slice(1)}`, `${verb} Pod ${pod.metadata.name} in StatefulSet ${set.metadata.name} successful`, STATEFULSET_CONTROLLER);
      else ctx.recorder.event(set, 'Warning', `Failed${verb[0]!.toUpperCase()}${verb.slice(1)}`, `${verb} Pod ${pod.metadata.name} in StatefulSet ${set.metadata.name} failed error: ${errorMessage(err)}`, STATEFULSET_CONTROLLER);
    };

    /** createPersistentVolumeClaims: one event per claim; returns the aggregate error, if any. */
    function createClaims(set: KObject, pod: KObject, claims: KObject[]): Error | undefined {
      const errs: string[] = [];
      for (const c of claims) {
        const name = c.metadata.name!;
        try {
          ctx.client.create(PVCS, c);
          ctx.recorder.event(set, 'Normal', 'SuccessfulCreate', `create Claim ${name} Pod ${pod.metadata.name} in StatefulSet ${set.metadata.name} success`, STATEFULSET_CONTROLLER);
        } catch (e) {
          errs.push(`failed to create PVC ${name}: ${errorMessage(e)}`);
          if (!isAlreadyExists(e))
            ctx.recorder.event(set, 'Warning', 'FailedCreate', `create Claim ${name} for Pod ${pod.metadata.name} in StatefulSet ${set.metadata.name} failed error: ${errorMessage(e)}`, STATEFULSET_CONTROLLER);
        }
      }
      if (!errs.length) return undefined;
      return new Error(errs.length === 1 ? errs[0] : `[${errs.join(', ')}]`);
    }

    const claimLookup = (ns: string | undefined) => (name: string) => ctx.client.get(PVCS, ns, name);

    // Applies one action; throws (after recording the failure event) when the sync must stop.
    function apply(set: KObject, a: StsAction): void {
      const ns = set.metadata.namespace;
      if (a.kind === 'createPod') {
        const err = createClaims(set, a.pod, a.claims);
        if (err) {
          podEvent(set, 'create', a.pod, err);
          throw err;
        }
        let created: KObject;
        try {
          created = ctx.client.create('pods', a.pod);
        } catch (e) {
          if (!isAlreadyExists(e)) podEvent(set, 'create', a.pod, e);
          throw e;
        }
        for (const c of claimOwnerUpdates(set, created, claimLookup(ns))) ctx.client.update(PVCS, c);
        podEvent(set, 'create', created);
      } else if (a.kind === 'createClaims') {
        const err = createClaims(set, a.pod, a.claims);
        if (err) throw err;
        for (const c of claimOwnerUpdates(set, a.pod, claimLookup(ns))) ctx.client.update(PVCS, c);
      } else if (a.kind === 'updatePod') {
        try {
          const err = createClaims(set, a.pod, a.newClaims);
          if (err) throw err;
          for (const c of a.claims) ctx.client.update(PVCS, c);
          ctx.client.update('pods', a.pod);
        } catch (e) {
          podEvent(set, 'update', a.pod, e);
          throw e;
        }
        podEvent(set, 'update', a.pod);
      } else if (a.kind === 'updateClaims') {
        for (const c of a.claims) ctx.client.update(PVCS, c);
      } else {
        try {
          ctx.client.delete('pods', ns, a.pod.metadata.name!);
        } catch (e) {
          podEvent(set, 'delete', a.pod, e);
          if (isNotFound(e)) return;
          throw e;
        }
        podEvent(set, 'delete', a.pod);
      }
    }

    function sync(key: string): SyncResult {
      const [ns, name] = splitKey(key);
      const set = ctx.client.get(SETS, ns, name);
      if (!set) return scan.forget(key);
      const sel = selectorOf(set);
      if (!sel || !sel.length) return;
      const ref = { apiVersion: 'apps/v1', kind: 'StatefulSet', name, uid: set.metadata.uid!, controller: true, blockOwnerDeletion: true };
      const candidates = candidatePods(ctx, set, sel, scan.take(key));
      const pods = claimPods(ctx, set, ref, candidates, (p) => matches(sel, p.metadata.labels) && isMemberOf(set, p));
      const owned = ctx.client.byIndex('apps/controllerrevisions', 'owner', set.metadata.uid!).filter((r) => controllerOf(r)?.uid === set.metadata.uid);
      const revs = resolveRevisions(ctx, set, owned);
      // The claims of every ordinal this sync may look at, read once.
      const claims = new Map<string, KObject>();
      const ordinals = new Set(pods.map(ordinalOf));
      for (let o = startOrdinal(set); o <= endOrdinal(set); o++) ordinals.add(o);
      for (const t of set.spec?.volumeClaimTemplates ?? [])
        for (const o of ordinals) {
          const c = ctx.client.get(PVCS, ns, claimName(set, t, o));
          if (c) claims.set(c.metadata.name!, c);
        }
      const plan = reconcileStatefulSet({ set, pods, current: revs.current, update: revs.update, collisionCount: revs.collisionCount, claims: (n) => claims.get(n), now: ctx.clock.now() });
      let failure: unknown;
      for (const a of plan.actions) {
        try {
          apply(set, a);
        } catch (e) {
          failure = e;
          break;
        }
      }
      const status = plan.status;
      completeRollingUpdate(set, status);
      const latest = ctx.client.get(SETS, ns, name) ?? set;
      if (inconsistentStatus(set, status)) ctx.client.updateStatus(SETS, { ...latest, status: statusJson(status) });
      for (const r of revisionsToPrune(set, pods, revs.sorted, revs.current, revs.update)) {
        try {
          ctx.client.delete('apps/controllerrevisions', ns, r.metadata.name!);
        } catch (e) {
          if (!isNotFound(e)) failure ??= e;
        }
      }
      if (failure !== undefined) throw failure;
      const minReady = set.spec?.minReadySeconds ?? 0;
      if (minReady > 0 && status.availableReplicas !== (set.spec?.replicas ?? 1)) return { requeueAfterMs: minReady * 1000 };
    }
  },
};
