/**
 * daemonset-controller: one pod per eligible node. The controller keeps its own node cache (to see
 * which DaemonSets a node change concerns without listing), creates pods pinned to their node with
 * a required `metadata.name` node affinity and leaves the placement to the default scheduler.
 */
import { matches, type Selector } from '../../api/labels';
import type { KObject } from '../../api/types';
import { asSelector } from '../../apiserver/resources/workloads/shared';
import { isNotFound } from '../util/errors';
import { controllerOf } from '../util/owners';
import { slowStartBatch } from '../util/slowStart';
import { keyOf, splitKey, type ControllerContext, type ControllerFactory, type SyncResult } from '../types';
import { candidatePods, claimPods, createPodWithEvents, deletePodWithEvents, isOrphan, OrphanScan, ownersSelecting, podFromTemplate } from '../job/podcontrol';
import { constructHistory, DS_HASH_LABEL, historyToPrune } from './history';
import { daemonTolerations, pinToNode, shouldRun } from './predicates';
import { placements, reconcileDaemonSet, TEMPLATE_GENERATION_LABEL, templateGeneration } from './reconcile';
import { computeDsStatus, statusUpdate } from './status';

export const DAEMONSET_CONTROLLER = 'daemonset-controller';
const DSS = 'apps/daemonsets';
const MAX_FAILED_BACKOFF_MS = 15 * 60_000;
/**
 * A sync walks every node, so on big clusters pod events are coalesced for a simulated second
 * (upstream reacts at once; its informer latency hides the cost). Small DaemonSets stay immediate.
 */
const COALESCE_ABOVE = 100;
const COALESCE_MS = 1_000;

export { reconcileDaemonSet } from './reconcile';

const selectorOf = (ds: KObject): Selector | null => {
  const sel = asSelector(ds.spec?.selector);
  return sel === 'error' ? null : sel;
};

// The node fields the placement depends on.
const placementKey = (n: KObject) => JSON.stringify([n.metadata.labels ?? {}, n.spec?.taints ?? []]);

/** CreatePodTemplate: daemon tolerations plus the generation and revision-hash labels. */
function podTemplate(ds: KObject, hash: string): KObject {
  const t = structuredClone(ds.spec?.template ?? {});
  t.metadata = { ...(t.metadata ?? {}) };
  t.spec = { ...(t.spec ?? {}), tolerations: daemonTolerations(t.spec) };
  const gen = templateGeneration(ds);
  t.metadata.labels = { ...(t.metadata.labels ?? {}), ...(gen !== undefined ? { [TEMPLATE_GENERATION_LABEL]: gen } : {}), [DS_HASH_LABEL]: hash };
  return t;
}

export const daemonSetController: ControllerFactory = {
  name: DAEMONSET_CONTROLLER,
  start(ctx: ControllerContext) {
    const nodes = new Map<string, KObject>();
    const backoff = new Map<string, { delayMs: number; lastUpdate: number }>();
    const scan = new OrphanScan();
    const q = ctx.queue('daemonset', sync);
    const allSets = () => ctx.client.list(DSS);

    ctx.watch(DSS, {
      add: (ds) => {
        scan.flag(keyOf(ds));
        q.add(keyOf(ds));
      },
      update: (ds) => q.add(keyOf(ds)),
      delete: (ds) => q.add(keyOf(ds)),
    });
    ctx.watch('nodes', {
      add: (n) => {
        nodes.set(n.metadata.name!, n);
        for (const ds of allSets()) if (shouldRun(n, ds)[0]) q.add(keyOf(ds));
      },
      update: (n) => {
        const old = nodes.get(n.metadata.name!);
        nodes.set(n.metadata.name!, n);
        if (old && placementKey(old) === placementKey(n)) return;
        for (const ds of allSets()) {
          const [a, b] = old ? shouldRun(old, ds) : [false, false];
          const [c, d] = shouldRun(n, ds);
          if (a !== c || b !== d) q.add(keyOf(ds));
        }
      },
      delete: (n) => {
        nodes.delete(n.metadata.name!);
        for (const ds of allSets()) q.add(keyOf(ds));
      },
    });
    const onPod = (p: KObject) => {
      const ref = controllerOf(p);
      if (ref) {
        if (ref.kind !== 'DaemonSet') return;
        const ds = ctx.client.get(DSS, p.metadata.namespace, ref.name);
        if (ds?.metadata.uid === ref.uid) q.addAfter(keyOf(ds), (ds.status?.desiredNumberScheduled ?? 0) > COALESCE_ABOVE ? COALESCE_MS : 0);
        return;
      }
      if (!isOrphan(p)) return;
      for (const ds of ownersSelecting(ctx.client.list(DSS, { namespace: p.metadata.namespace }), p, selectorOf)) {
        scan.flag(keyOf(ds));
        q.add(keyOf(ds));
      }
    };
    ctx.watch('pods', { add: onPod, update: onPod, delete: onPod });

    const ownedPods = (ds: KObject, sel: Selector) =>
      ctx.client.byIndex('pods', 'owner', ds.metadata.uid!).filter((p) => controllerOf(p)?.uid === ds.metadata.uid && matches(sel, p.metadata.labels));

    function bumpBackoff(key: string, now: number): void {
      const b = backoff.get(key);
      const fresh = !b || now - b.lastUpdate > 2 * MAX_FAILED_BACKOFF_MS;
      backoff.set(key, { delayMs: fresh ? 1000 : Math.min(b.delayMs * 2, MAX_FAILED_BACKOFF_MS), lastUpdate: now });
    }

    function sync(key: string): SyncResult {
      const [ns, name] = splitKey(key);
      const now = ctx.clock.now();
      const ds = ctx.client.get(DSS, ns, name);
      if (!ds) return scan.forget(key);
      const sel = selectorOf(ds);
      if (!sel || !sel.length) return;
      const ref = { apiVersion: 'apps/v1', kind: 'DaemonSet', name, uid: ds.metadata.uid!, controller: true, blockOwnerDeletion: true };
      const pods = claimPods(ctx, ds, ref, candidatePods(ctx, ds, sel, scan.take(key)), (p) => matches(sel, p.metadata.labels));
      const owned = ctx.client.byIndex('apps/controllerrevisions', 'owner', ds.metadata.uid!).filter((r) => controllerOf(r)?.uid === ds.metadata.uid);
      const hist = constructHistory(ctx, ds, owned, pods);
      const nodeList = [...nodes.values()];
      const placement = placements(ds, nodeList);
      const plan = reconcileDaemonSet({ ds, nodes: nodeList, pods, hash: hist.hash, now, backoff: { get: (k) => backoff.get(k) }, placement });
      for (const e of plan.events) ctx.recorder.event(ds, e.type, e.reason, e.message, DAEMONSET_CONTROLLER);
      for (const k of plan.backoffNext) bumpBackoff(k, now);
      let failure: unknown;
      for (const p of plan.deletes) {
        try {
          deletePodWithEvents(ctx, ds, p, DAEMONSET_CONTROLLER);
        } catch (e) {
          if (!isNotFound(e)) failure ??= e;
        }
      }
      const template = plan.creates.length ? podTemplate(ds, hist.hash) : undefined;
      let next = 0;
      const created = slowStartBatch(plan.creates.length, 1, () => {
        const node = plan.creates[next++]!;
        const t = { ...template, spec: { ...template!.spec, affinity: pinToNode(template!.spec.affinity, node) } };
        try {
          createPodWithEvents(ctx, ds, podFromTemplate(t, ds, ref), DAEMONSET_CONTROLLER);
          return undefined;
        } catch (e) {
          return e;
        }
      });
      failure ??= created.error;
      const after = ownedPods(ds, sel);
      for (const r of historyToPrune(ds, hist.old, after)) {
        try {
          ctx.client.delete('apps/controllerrevisions', ns, r.metadata.name!);
        } catch (e) {
          if (!isNotFound(e)) failure ??= e;
        }
      }
      const latest = ctx.client.get(DSS, ns, name) ?? ds;
      const counts = computeDsStatus(latest, nodeList, after, hist.hash, now, placement);
      const status = statusUpdate(latest, counts);
      if (status) ctx.client.updateStatus(DSS, { ...latest, status });
      if (failure !== undefined) throw failure;
      const minReady = ds.spec?.minReadySeconds ?? 0;
      let requeue = plan.requeueAfterMs;
      if (minReady > 0 && counts.numberReady !== counts.numberAvailable) requeue = Math.min(requeue ?? Infinity, minReady * 1000);
      if (requeue !== undefined) return { requeueAfterMs: requeue };
    }
  },
};
