/**
 * The ReplicaSet controller shell (pkg/controller/replicaset/replica_set.go, v1.32): watches
 * ReplicaSets and Pods, enqueues the owning ReplicaSet, and in `sync` claims pods, applies the
 * plan of `reconcile` (slow-start creates, ranked deletes) and writes the status.
 */
import { ApiError } from '../../api/errors';
import type { KObject } from '../../api/types';
import { asSelector } from '../../apiserver/resources/workloads/shared';
import { matches, type Selector } from '../../api/labels';
import { keyOf, splitKey, type ControllerContext, type ControllerFactory, type SyncResult } from '../types';
import type { ClaimResult } from '../util/claim';
import { errorMessage, isNamespaceTerminating, isNotFound } from '../util/errors';
import { Expectations } from '../util/expectations';
import { OwnWrites } from '../util/ownWrites';
import { adoptPatch, controllerOf, releasePatch, type OwnerReference } from '../util/owners';
import { podFacts, podMatches } from '../util/podFacts';
import { isPodActive, isPodReady, podReadyCondition } from '../util/pods';
import { slowStartBatch } from '../util/slowStart';
import { SyncBudget } from '../util/syncBudget';
import { calculateStatus, podFromTemplate, reconcile, statusUpdate } from './reconcile';

export const NAME = 'replicaset-controller';
const RS = 'apps/replicasets';

export const replicaSetController: ControllerFactory = {
  name: NAME,
  start(ctx) {
    const c = new ReplicaSetController(ctx);
    c.start();
  },
};

class ReplicaSetController {
  private readonly exp: Expectations;
  private readonly queue;
  /** Paces syncs that a pod's readiness alone asked for (see SyncBudget). */
  private readonly budget: SyncBudget;
  /** Our own status writes: their watch events enqueue nothing (see OwnWrites). */
  private readonly ownStatus = new OwnWrites();

  constructor(private readonly ctx: ControllerContext) {
    this.exp = new Expectations(() => ctx.clock.now());
    this.budget = new SyncBudget(() => ctx.clock.now());
    this.queue = ctx.queue('replicaset', (key) => this.sync(key));
  }

  start(): void {
    this.ctx.watch(RS, {
      add: (rs) => this.queue.add(keyOf(rs)),
      update: (rs) => {
        const key = keyOf(rs);
        if (!this.ownStatus.isOwn(key, rs.metadata.resourceVersion)) this.queue.add(key);
      },
      delete: (rs) => {
        this.ownStatus.forget(keyOf(rs));
        this.budget.forget(keyOf(rs));
        this.exp.delete(keyOf(rs));
        this.queue.add(keyOf(rs));
      },
    });
    this.ctx.watch('pods', {
      add: (p) => this.addPod(p),
      update: (p, _rv, old) => this.updatePod(old ?? p, p),
      delete: (p) => this.deletePod(p),
    });
  }

  /** The ReplicaSet a controllerRef points at, if it still exists with that UID. */
  private resolve(ns: string | undefined, ref: OwnerReference | undefined): KObject | undefined {
    if (!ref || ref.kind !== 'ReplicaSet') return undefined;
    const rs = this.ctx.client.get(RS, ns, ref.name);
    return rs && rs.metadata.uid === ref.uid ? rs : undefined;
  }

  /** getPodReplicaSets: ReplicaSets in the pod's namespace whose non-empty selector matches it. */
  private replicaSetsForPod(p: KObject): KObject[] {
    if (!p.metadata.labels) return [];
    return this.ctx.client.list(RS, { namespace: p.metadata.namespace }).filter((rs) => {
      const sel = asSelector(rs.spec?.selector);
      return sel !== 'error' && sel !== null && sel.length > 0 && matches(sel, p.metadata.labels);
    });
  }

  private addPod(p: KObject): void {
    if (p.metadata.deletionTimestamp) return this.deletePod(p);
    const ref = controllerOf(p);
    if (ref) {
      const rs = this.resolve(p.metadata.namespace, ref);
      if (!rs) return;
      this.exp.creationObserved(keyOf(rs));
      this.queue.add(keyOf(rs));
      return;
    }
    for (const rs of this.replicaSetsForPod(p)) this.queue.add(keyOf(rs));
  }

  private updatePod(old: KObject, cur: KObject): void {
    if (old !== cur && old.metadata.resourceVersion === cur.metadata.resourceVersion) return;
    // A write that changes nothing the sync reads (the bind, a container state) cannot change its
    // answer: upstream would sync to the same result, so skip the no-op.
    const change = old === cur ? 'other' : replicaSetChange(old, cur);
    if (change === 'none') return;
    // 'ready' means owner and labels are as they were.
    const ready = change === 'ready';
    const labelChanged = !ready && JSON.stringify(old.metadata.labels ?? {}) !== JSON.stringify(cur.metadata.labels ?? {});
    if (cur.metadata.deletionTimestamp) {
      // A graceful delete: replace the pod now rather than when the kubelet finally removes it.
      this.deletePod(cur);
      if (labelChanged) this.deletePod(old);
      return;
    }
    const curRef = controllerOf(cur);
    const oldRef = controllerOf(old);
    const refChanged = !ready && JSON.stringify(curRef) !== JSON.stringify(oldRef);
    if (refChanged && oldRef) {
      const rs = this.resolve(old.metadata.namespace, oldRef);
      if (rs) this.queue.add(keyOf(rs));
    }
    if (curRef) {
      const rs = this.resolve(cur.metadata.namespace, curRef);
      if (!rs) return;
      // Readiness alone changes only the status counts: paced (see SyncBudget).
      if (ready) this.budget.enqueue(this.queue, keyOf(rs));
      else this.queue.add(keyOf(rs));
      // Look again once the pod has been ready for minReadySeconds (plus a second of skew).
      const minReady = rs.spec?.minReadySeconds ?? 0;
      if (!isPodReady(old) && isPodReady(cur) && minReady > 0) this.queue.addAfter(keyOf(rs), minReady * 1000 + 1000);
      return;
    }
    if (labelChanged || refChanged) for (const rs of this.replicaSetsForPod(cur)) this.queue.add(keyOf(rs));
  }

  private deletePod(p: KObject): void {
    const rs = this.resolve(p.metadata.namespace, controllerOf(p));
    if (!rs) return;
    this.exp.deletionObserved(keyOf(rs), keyOf(p));
    this.queue.add(keyOf(rs));
  }

  /** syncReplicaSet. */
  private sync(key: string): SyncResult {
    const { client } = this.ctx;
    const [ns, name] = splitKey(key);
    const rs = client.get(RS, ns, name);
    if (!rs) {
      this.exp.delete(key);
      return;
    }
    this.budget.spend(key);
    const satisfied = this.exp.satisfied(key);
    const sel = asSelector(rs.spec?.selector);
    if (sel === 'error') return;
    const now = this.ctx.clock.now();
    // Owned pods (to release those that no longer match) plus matching orphans (to adopt): the
    // pods of the namespace upstream lists, less those another controller owns.
    const candidates = client.byIndex('pods', 'owner', rs.metadata.uid!);
    if (sel) for (const p of client.byIndex('pods', 'orphan', ns)) if (matches(sel, p.metadata.labels)) candidates.push(p);
    const pods = this.claim(rs, claimActivePods(rs, ns, candidates, sel));

    let manageError: unknown;
    if (satisfied && !rs.metadata.deletionTimestamp) {
      const related = pods.length > (rs.spec?.replicas ?? 1) ? this.relatedPods(rs) : [];
      const plan = reconcile({ rs, pods, related, expectationsSatisfied: satisfied, now });
      if (plan.create > 0) manageError = this.createPods(key, rs, plan.create);
      else if (plan.delete.length) manageError = this.deletePods(key, rs, plan.delete);
    }

    const next = calculateStatus(rs, pods, manageError === undefined ? undefined : errorMessage(manageError), now);
    const update = statusUpdate(rs, next);
    let updated = rs;
    if (update) updated = this.ownStatus.write(key, () => client.updateStatus(RS, { ...rs, status: update }));
    if (manageError !== undefined) throw manageError;
    // Last line of defence: look again after minReadySeconds while ready pods are not yet available.
    // Upstream waits exactly minReadySeconds; real clocks put the Ready transition a fraction of a
    // second past its (truncated) timestamp, ours put it on the second, so add the second here too.
    const minReady = updated.spec?.minReadySeconds ?? 0;
    const replicas = updated.spec?.replicas ?? 1;
    if (minReady > 0 && (updated.status?.readyReplicas ?? 0) === replicas && (updated.status?.availableReplicas ?? 0) !== replicas)
      return { requeueAfterMs: minReady * 1000 + 1000 };
  }

  /** claimPods: adopt matching orphans, release owned pods that stopped matching. */
  private claim(rs: KObject, res: ClaimResult): KObject[] {
    const { client } = this.ctx;
    const ref: OwnerReference = { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: rs.metadata.name!, uid: rs.metadata.uid!, controller: true, blockOwnerDeletion: true };
    const lost = new Set<KObject>();
    let firstError: unknown;
    for (const p of res.adopt) {
      try {
        client.patch('pods', p.metadata.namespace, p.metadata.name!, adoptPatch(ref, p.metadata.uid!), 'strategic');
      } catch (e) {
        lost.add(p);
        if (!isNotFound(e)) firstError ??= e;
      }
    }
    for (const p of res.release) {
      try {
        client.patch('pods', p.metadata.namespace, p.metadata.name!, releasePatch(rs.metadata.uid!, p.metadata.uid!), 'strategic');
      } catch (e) {
        if (!isNotFound(e)) firstError ??= e;
      }
    }
    if (firstError !== undefined) throw firstError;
    return lost.size ? res.claimed.filter((p) => !lost.has(p)) : res.claimed;
  }

  /** getIndirectlyRelatedPods: pods selected by any ReplicaSet with the same controller. */
  private relatedPods(rs: KObject): KObject[] {
    const { client } = this.ctx;
    const ref = controllerOf(rs);
    if (!ref) return [];
    const seen = new Set<string>();
    const out: KObject[] = [];
    for (const other of client.byIndex(RS, 'owner', ref.uid)) {
      if (controllerOf(other)?.uid !== ref.uid) continue;
      const sel = asSelector(other.spec?.selector);
      if (sel === 'error' || sel === null) continue;
      for (const p of client.list('pods', { namespace: other.metadata.namespace, selector: sel })) {
        if (seen.has(p.metadata.uid!)) continue;
        seen.add(p.metadata.uid!);
        out.push(p);
      }
    }
    return out;
  }

  private createPods(key: string, rs: KObject, n: number): unknown {
    const { client, recorder } = this.ctx;
    this.exp.expectCreations(key, n);
    // The pod shares the template's parts: hand it over (no copy) only if they are frozen.
    const owned = { owned: Object.isFrozen(rs.spec?.template) };
    const { successes, error } = slowStartBatch<unknown>(n, 1, () => {
      try {
        const pod = client.create('pods', podFromTemplate(rs), owned);
        recorder.event(rs, 'Normal', 'SuccessfulCreate', `Created pod: ${pod.metadata.name}`, NAME);
        return undefined;
      } catch (e) {
        if (isNamespaceTerminating(e)) return undefined;
        recorder.event(rs, 'Warning', 'FailedCreate', `Error creating: ${errorMessage(e)}`, NAME);
        return e;
      }
    });
    // Pods never attempted will not show up in the watch: stop waiting for them.
    for (let i = successes; i < n; i++) this.exp.creationObserved(key);
    return error;
  }

  private deletePods(key: string, rs: KObject, pods: KObject[]): unknown {
    const { client, recorder } = this.ctx;
    this.exp.expectDeletions(
      key,
      pods.map((p) => keyOf(p)),
    );
    let firstError: unknown;
    for (const p of pods) {
      try {
        client.delete('pods', p.metadata.namespace, p.metadata.name!);
        recorder.event(rs, 'Normal', 'SuccessfulDelete', `Deleted pod: ${p.metadata.name}`, NAME);
      } catch (e) {
        this.exp.deletionObserved(key, keyOf(p));
        if (isNotFound(e)) continue;
        recorder.event(rs, 'Warning', 'FailedDelete', `Error deleting: ${errorMessage(e)}`, NAME);
        firstError ??= e instanceof ApiError ? new ApiError({ ...e.status, message: `unable to delete pods: ${e.message}` }) : e;
      }
    }
    return firstError;
  }
}

/**
 * What a pod update means to syncReplicaSet, which reads owner, labels, deletion, whether the
 * phase is active (Pending → Running is no change) and readiness with its transition time
 * (available): 'none' when it reads the same, 'ready' when only readiness moved (status counts
 * only), else 'other'.
 */
function replicaSetChange(a: KObject, b: KObject): 'none' | 'ready' | 'other' {
  const am = a.metadata;
  const bm = b.metadata;
  if (am.deletionTimestamp !== bm.deletionTimestamp || isPodActive(a) !== isPodActive(b)) return 'other';
  if (controllerOf(a)?.uid !== controllerOf(b)?.uid || am.namespace !== bm.namespace) return 'other';
  if (am.labels !== bm.labels && JSON.stringify(am.labels ?? {}) !== JSON.stringify(bm.labels ?? {})) return 'other';
  const ra = podReadyCondition(a);
  const rb = podReadyCondition(b);
  const readyA = ra?.status === 'True';
  if (readyA !== (rb?.status === 'True')) return 'ready';
  return !readyA || ra?.lastTransitionTime === rb?.lastTransitionTime ? 'none' : 'ready';
}

/**
 * claimObjects (util/claim.ts) over the active pods of the ReplicaSet's namespace, in one pass
 * without intermediate lists: the sync runs once per pod event, over every pod of the ReplicaSet.
 * Same verdicts and order as filtering, then claimObjects.
 */
function claimActivePods(rs: KObject, ns: string | undefined, candidates: readonly KObject[], sel: Selector | null): ClaimResult {
  const out: ClaimResult = { claimed: [], adopt: [], release: [] };
  const uid = rs.metadata.uid;
  const deleting = !!rs.metadata.deletionTimestamp;
  let seenOrphans: Set<string> | undefined;
  for (let i = 0; i < candidates.length; i++) {
    const p = candidates[i]!;
    const m = p.metadata;
    const f = podFacts(p);
    if (!f.active || m.namespace !== ns) continue;
    if (f.controllerUid) {
      // The owner index lists each pod once, and orphans have no controller: no duplicates here.
      if (f.controllerUid !== uid) continue;
      if (podMatches(p, f, sel)) out.claimed.push(p);
      else if (!deleting) out.release.push(p);
      continue;
    }
    seenOrphans ??= new Set();
    if (seenOrphans.has(m.uid!)) continue;
    seenOrphans.add(m.uid!);
    if (deleting || !podMatches(p, f, sel) || m.deletionTimestamp) continue;
    if (rs.metadata.namespace && rs.metadata.namespace !== m.namespace) continue;
    out.adopt.push(p);
    out.claimed.push(p);
  }
  return out;
}
