/**
 * The Deployment controller shell (deployment_controller.go, v1.32): watches Deployments,
 * ReplicaSets and pod deletions, enqueues the owning Deployment, and in `sync` claims ReplicaSets,
 * asks `reconcile` for the writes and performs them in order, stopping at the first failure.
 */
import type { KObject } from '../../api/types';
import { matches } from '../../api/labels';
import { asSelector } from '../../apiserver/resources/workloads/shared';
import { keyOf, splitKey, type ControllerContext, type ControllerFactory, type SyncResult } from '../types';
import { claimObjects } from '../util/claim';
import { errorMessage, isAlreadyExists, isNamespaceTerminating, isNotFound } from '../util/errors';
import { adoptPatch, controllerOf, newControllerRef, releasePatch, type OwnerReference } from '../util/owners';
import { withCollision, withCreateFailure } from './newrs';
import type { DeploymentAction, DeploymentPlan } from './plan';
import { reconcile, selectsEverything } from './reconcile';
import { equalIgnoreHash } from './replicas';
import { statusOnlyChange } from '../util/statusOnly';
import { SyncBudget } from '../util/syncBudget';

export const NAME = 'deployment-controller';
const DEPLOY = 'apps/deployments';
const RS = 'apps/replicasets';

export const deploymentController: ControllerFactory = {
  name: NAME,
  start(ctx) {
    new DeploymentController(ctx).start();
  },
};

class DeploymentController {
  private readonly queue;
  /** Paces syncs that only a status change asked for (see SyncBudget). */
  private readonly budget: SyncBudget;

  constructor(private readonly ctx: ControllerContext) {
    this.queue = ctx.queue('deployment', (key) => this.sync(key));
    this.budget = new SyncBudget(() => ctx.clock.now());
  }

  start(): void {
    const enqueue = (d: KObject) => this.queue.add(keyOf(d));
    // Our own status writes enqueue too: the next sync reads the new status (a complete rollout
    // cleans up old ReplicaSets only then), as upstream; status-only changes are paced.
    this.ctx.watch(DEPLOY, {
      add: enqueue,
      update: (d, _rv, old) => (old && statusOnlyChange(old, d) ? this.budget.enqueue(this.queue, keyOf(d)) : enqueue(d)),
      delete: (d) => {
        this.budget.forget(keyOf(d));
        enqueue(d);
      },
    });
    this.ctx.watch(RS, {
      add: (rs) => this.addReplicaSet(rs),
      update: (rs, _rv, old) => this.updateReplicaSet(old ?? rs, rs),
      delete: (rs) => this.enqueueOwner(rs),
    });
    this.ctx.watch('pods', { delete: (p) => this.deletePod(p) });
  }

  /** The Deployment a controllerRef points at, if it still exists with that UID. */
  private resolve(ns: string | undefined, ref: OwnerReference | undefined): KObject | undefined {
    if (!ref || ref.kind !== 'Deployment') return undefined;
    const d = this.ctx.client.get(DEPLOY, ns, ref.name);
    return d && d.metadata.uid === ref.uid ? d : undefined;
  }

  private enqueueOwner(rs: KObject, paced = false): void {
    const d = this.resolve(rs.metadata.namespace, controllerOf(rs));
    if (!d) return;
    if (paced) this.budget.enqueue(this.queue, keyOf(d));
    else this.queue.add(keyOf(d));
  }

  /** getDeploymentsForReplicaSet: Deployments in the namespace whose non-empty selector matches. */
  private enqueueMatching(rs: KObject): void {
    if (!rs.metadata.labels) return;
    for (const d of this.ctx.client.list(DEPLOY, { namespace: rs.metadata.namespace })) {
      const sel = asSelector(d.spec?.selector);
      if (sel !== 'error' && sel !== null && sel.length > 0 && matches(sel, rs.metadata.labels)) this.queue.add(keyOf(d));
    }
  }

  private addReplicaSet(rs: KObject): void {
    if (rs.metadata.deletionTimestamp || controllerOf(rs)) return this.enqueueOwner(rs);
    this.enqueueMatching(rs);
  }

  private updateReplicaSet(old: KObject, cur: KObject): void {
    if (old !== cur && old.metadata.resourceVersion === cur.metadata.resourceVersion) return;
    const curRef = controllerOf(cur);
    const oldRef = controllerOf(old);
    const refChanged = JSON.stringify(curRef) !== JSON.stringify(oldRef);
    if (refChanged && oldRef) this.enqueueOwner(old);
    if (curRef) return this.enqueueOwner(cur, !refChanged && statusOnlyChange(old, cur));
    const labelChanged = JSON.stringify(cur.metadata.labels ?? {}) !== JSON.stringify(old.metadata.labels ?? {});
    if (labelChanged || refChanged) this.enqueueMatching(cur);
  }

  /** A Recreate Deployment waits for its old pods to be gone: look again when the last one goes. */
  private deletePod(p: KObject): void {
    const ref = controllerOf(p);
    if (!ref || ref.kind !== 'ReplicaSet') return;
    const rs = this.ctx.client.get(RS, p.metadata.namespace, ref.name);
    if (!rs || rs.metadata.uid !== ref.uid) return;
    const d = this.resolve(rs.metadata.namespace, controllerOf(rs));
    if (!d || d.spec?.strategy?.type !== 'Recreate') return;
    for (const pods of this.podMap(d, this.ownedReplicaSets(d)).values()) if (pods.length) return;
    this.queue.add(keyOf(d));
  }

  /** ReplicaSets whose controllerRef is this Deployment. */
  private ownedReplicaSets(d: KObject): KObject[] {
    return this.ctx.client.byIndex(RS, 'owner', d.metadata.uid!).filter((rs) => controllerOf(rs)?.uid === d.metadata.uid);
  }

  /** getPodMapForDeployment: pods matching the Deployment's selector, by owning ReplicaSet UID. */
  private podMap(d: KObject, rsList: readonly KObject[]): Map<string, KObject[]> {
    const sel = asSelector(d.spec?.selector);
    const out = new Map<string, KObject[]>();
    for (const rs of rsList) {
      const uid = rs.metadata.uid!;
      const pods = this.ctx.client.byIndex('pods', 'owner', uid);
      out.set(
        uid,
        pods.filter((p) => controllerOf(p)?.uid === uid && sel !== 'error' && matches(sel, p.metadata.labels)),
      );
    }
    return out;
  }

  /** syncDeployment. */
  private sync(key: string): SyncResult {
    const { client } = this.ctx;
    const [ns, name] = splitKey(key);
    this.budget.spend(key);
    const d = client.get(DEPLOY, ns, name);
    if (!d) return;
    const now = this.ctx.clock.now();
    let replicaSets: KObject[] = [];
    let podMap: Map<string, KObject[]> | undefined;
    if (!selectsEverything(d)) {
      const sel = asSelector(d.spec?.selector);
      if (sel === 'error') return;
      replicaSets = this.claimReplicaSets(d, (rs) => matches(sel, rs.metadata.labels));
      if (d.spec?.strategy?.type === 'Recreate') podMap = this.podMap(d, replicaSets);
    }
    const plan = reconcile({ deployment: d, replicaSets, podMap, now });
    return this.apply(d, plan);
  }

  /** ClaimReplicaSets: our ReplicaSets plus matching orphans (adopted); non-matching ones are released. */
  private claimReplicaSets(d: KObject, match: (rs: KObject) => boolean): KObject[] {
    const { client } = this.ctx;
    const sel = asSelector(d.spec?.selector);
    const candidates = client.byIndex(RS, 'owner', d.metadata.uid!);
    if (sel && sel !== 'error') candidates.push(...client.list(RS, { namespace: d.metadata.namespace, selector: sel }));
    const res = claimObjects(
      d,
      candidates.filter((rs) => rs.metadata.namespace === d.metadata.namespace),
      match,
    );
    const ref = newControllerRef(d, 'apps/v1', 'Deployment');
    const lost = new Set<KObject>();
    let firstError: unknown;
    for (const rs of res.adopt) {
      try {
        client.patch(RS, rs.metadata.namespace, rs.metadata.name!, adoptPatch(ref, rs.metadata.uid!), 'strategic');
      } catch (e) {
        lost.add(rs);
        if (!isNotFound(e)) firstError ??= e;
      }
    }
    for (const rs of res.release) {
      try {
        client.patch(RS, rs.metadata.namespace, rs.metadata.name!, releasePatch(d.metadata.uid!, rs.metadata.uid!), 'strategic');
      } catch (e) {
        if (!isNotFound(e)) firstError ??= e;
      }
    }
    if (firstError !== undefined) throw firstError;
    // Adopted ReplicaSets are re-read so later writes carry their new resourceVersion.
    return res.claimed.filter((rs) => !lost.has(rs)).map((rs) => (res.adopt.includes(rs) ? (client.get(RS, rs.metadata.namespace, rs.metadata.name!) ?? rs) : rs));
  }

  /** Performs the plan's writes in order; the first failure aborts the rest and re-queues. */
  private apply(d: KObject, plan: DeploymentPlan): SyncResult {
    const { client, recorder } = this.ctx;
    let dRv = d.metadata.resourceVersion;
    const rsRv = new Map<string, string | undefined>();
    const withRv = (o: KObject, rv: string | undefined): KObject => ({ ...o, metadata: { ...o.metadata, resourceVersion: rv } });
    const rvOf = (rs: KObject) => (rsRv.has(rs.metadata.name!) ? rsRv.get(rs.metadata.name!) : rs.metadata.resourceVersion);
    for (const a of plan.actions) {
      switch (a.type) {
        case 'createReplicaSet': {
          const created = this.createReplicaSet(d, a, dRv);
          if (!created) return { requeueAfterMs: 0 };
          rsRv.set(created.metadata.name!, created.metadata.resourceVersion);
          break;
        }
        case 'updateReplicaSet': {
          const u = client.update(RS, withRv(a.rs, rvOf(a.rs)));
          rsRv.set(u.metadata.name!, u.metadata.resourceVersion);
          break;
        }
        case 'deleteReplicaSet':
          try {
            client.delete(RS, a.rs.metadata.namespace, a.rs.metadata.name!);
          } catch (e) {
            if (!isNotFound(e)) throw e;
          }
          break;
        case 'updateStatus':
          dRv = client.updateStatus(DEPLOY, withRv(a.deployment, dRv)).metadata.resourceVersion;
          break;
        case 'updateDeployment':
          dRv = client.update(DEPLOY, withRv(a.deployment, dRv)).metadata.resourceVersion;
          break;
        case 'event':
          recorder.event(d, a.eventType, a.reason, a.message, NAME);
          break;
      }
    }
    if (plan.requeueAfterMs !== undefined) return { requeueAfterMs: plan.requeueAfterMs };
  }

  /**
   * Creates the new ReplicaSet. AlreadyExists with our own matching ReplicaSet (a stale read):
   * undefined, sync again. A name collision bumps status.collisionCount; any other failure sets
   * Progressing=False ReplicaSetCreateError with a Warning event. Both then fail the sync.
   */
  private createReplicaSet(d: KObject, a: Extract<DeploymentAction, { type: 'createReplicaSet' }>, dRv: string | undefined): KObject | undefined {
    const { client, recorder } = this.ctx;
    try {
      return client.create(RS, a.rs);
    } catch (e) {
      if (isAlreadyExists(e)) {
        const existing = client.get(RS, a.rs.metadata.namespace, a.rs.metadata.name!);
        if (existing && controllerOf(existing)?.uid === d.metadata.uid && equalIgnoreHash(d.spec?.template, existing.spec?.template)) return undefined;
        const next = withCollision(a.deployment);
        client.updateStatus(DEPLOY, { ...next, metadata: { ...next.metadata, resourceVersion: dRv } });
        throw e;
      }
      if (isNamespaceTerminating(e)) throw e;
      const failure = withCreateFailure(a.deployment, a.rs.metadata.name!, errorMessage(e), this.ctx.clock.now());
      if (failure.deployment) {
        try {
          client.updateStatus(DEPLOY, { ...failure.deployment, metadata: { ...failure.deployment.metadata, resourceVersion: dRv } });
        } catch {
          // The create error is the one that matters.
        }
      }
      recorder.event(d, 'Warning', 'ReplicaSetCreateError', failure.message, NAME);
      throw e;
    }
  }
}
