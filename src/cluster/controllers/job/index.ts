/**
 * job-controller: runs each Job's pods to completion. Job spec changes sync at once; pod events and
 * status-only Job updates sync one second later (syncJobBatchPeriod), so a burst of pod changes is
 * one sync. A second queue removes the tracking finalizer from pods whose Job is gone or finished.
 */
import { matches } from '../../api/labels';
import type { KObject } from '../../api/types';
import { asSelector } from '../../apiserver/resources/workloads/shared';
import { isNotFound } from '../util/errors';
import { controllerOf } from '../util/owners';
import { slowStartBatch } from '../util/slowStart';
import { keyOf, splitKey, type ControllerContext, type ControllerFactory, type SyncResult } from '../types';
import { NO_BACKOFF, type BackoffRecord } from './backoff';
import { isJobFinished } from './conditions';
import { JOB_CONTROLLER, JOB_TRACKING_FINALIZER, SYNC_BATCH_PERIOD_MS } from './constants';
import { hasTrackingFinalizer } from './jobpods';
import { candidatePods, claimPods, createPodWithEvents, deletePodWithEvents, isOrphan, OrphanScan, ownersSelecting } from './podcontrol';
import { managedElsewhere, reconcileJob } from './reconcile';
import type { JobPlan } from './types';

const JOBS = 'batch/jobs';

export { reconcileJob } from './reconcile';

export const jobController: ControllerFactory = {
  name: JOB_CONTROLLER,
  start(ctx: ControllerContext) {
    new JobController(ctx);
  },
};

class JobController {
  private readonly backoffs = new Map<string, BackoffRecord>();
  private readonly generations = new Map<string, number>();
  private readonly scan = new OrphanScan();
  private readonly queue;
  private readonly orphanQueue;

  constructor(private readonly ctx: ControllerContext) {
    this.queue = ctx.queue('job', (k) => this.sync(k));
    this.orphanQueue = ctx.queue('job_orphan_pod', (k) => this.syncOrphanPod(k));
    ctx.watch(JOBS, {
      add: (j) => {
        this.generations.set(keyOf(j), j.metadata.generation ?? 0);
        this.scan.flag(keyOf(j));
        this.queue.add(keyOf(j));
      },
      update: (j) => {
        const key = keyOf(j);
        const gen = j.metadata.generation ?? 0;
        // Spec changes sync now; status-only updates are batched like pod events.
        if (this.generations.get(key) === gen) this.queue.addAfter(key, SYNC_BATCH_PERIOD_MS);
        else this.queue.add(key);
        this.generations.set(key, gen);
        if (isJobFinished(j)) this.cleanupPodFinalizers(j);
      },
      delete: (j) => {
        this.generations.delete(keyOf(j));
        this.queue.add(keyOf(j));
        this.cleanupPodFinalizers(j);
      },
    });
    ctx.watch('pods', { add: (p) => this.onPod(p), update: (p) => this.onPod(p), delete: (p) => this.onPod(p) });
  }

  private resolve(ns: string | undefined, ref: { kind: string; name: string; uid: string } | undefined): KObject | undefined {
    if (!ref || ref.kind !== 'Job') return undefined;
    const job = this.ctx.client.get(JOBS, ns, ref.name);
    return job?.metadata.uid === ref.uid ? job : undefined;
  }

  private onPod(p: KObject): void {
    const ref = controllerOf(p);
    if (ref) {
      const job = this.resolve(p.metadata.namespace, ref);
      if (!job || isJobFinished(job)) {
        if (hasTrackingFinalizer(p)) this.orphanQueue.add(keyOf(p));
        return;
      }
      this.queue.addAfter(keyOf(job), SYNC_BATCH_PERIOD_MS);
      return;
    }
    if (hasTrackingFinalizer(p)) this.orphanQueue.add(keyOf(p));
    if (!isOrphan(p)) return;
    const jobs = this.ctx.client.list(JOBS, { namespace: p.metadata.namespace });
    for (const job of ownersSelecting(jobs, p, (j) => selectorOf(j))) {
      this.scan.flag(keyOf(job));
      this.queue.addAfter(keyOf(job), SYNC_BATCH_PERIOD_MS);
    }
  }

  private cleanupPodFinalizers(job: KObject): void {
    for (const p of this.ctx.client.byIndex('pods', 'owner', job.metadata.uid!))
      if (controllerOf(p)?.uid === job.metadata.uid && hasTrackingFinalizer(p)) this.orphanQueue.add(keyOf(p));
  }

  private sync(key: string): SyncResult {
    const { client, clock } = this.ctx;
    const [ns, name] = splitKey(key);
    const job = client.get(JOBS, ns, name);
    if (!job) {
      this.backoffs.delete(key);
      this.scan.forget(key);
      return;
    }
    if (isJobFinished(job) || managedElsewhere(job)) {
      this.backoffs.delete(key);
      return;
    }
    const sel = selectorOf(job);
    const ref = { apiVersion: 'batch/v1', kind: 'Job', name, uid: job.metadata.uid!, controller: true, blockOwnerDeletion: true };
    const candidates = candidatePods(this.ctx, job, sel, this.scan.take(key));
    const pods = claimPods(this.ctx, job, ref, candidates, (p) => !!sel && matches(sel, p.metadata.labels), [JOB_TRACKING_FINALIZER]);
    const plan = reconcileJob({ job, pods, backoff: this.backoffs.get(key) ?? NO_BACKOFF, now: clock.now() });
    return this.apply(key, job, plan);
  }

  private event(job: KObject, e: { type: 'Normal' | 'Warning'; reason: string; message: string }): void {
    this.ctx.recorder.event(job, e.type, e.reason, e.message, JOB_CONTROLLER);
  }

  private apply(key: string, job: KObject, plan: JobPlan): SyncResult {
    const { client } = this.ctx;
    for (const e of plan.events) this.event(job, e);
    let firstError: unknown;
    for (const d of plan.deletes) {
      try {
        if (d.dropFinalizer) this.dropFinalizer(d.pod);
        deletePodWithEvents(this.ctx, job, d.pod, JOB_CONTROLLER);
      } catch (e) {
        // A failed deletion leaves the counters wrong: start over on the next sync.
        if (!isNotFound(e)) throw e;
      }
    }
    let next = 0;
    const created = slowStartBatch(plan.creates.length, 1, () => {
      try {
        createPodWithEvents(this.ctx, job, plan.creates[next++]!, JOB_CONTROLLER);
        return undefined;
      } catch (e) {
        return e;
      }
    });
    if (created.error !== undefined) firstError = created.error;
    // Pods that were not created are not active (manageJob decrements `active` the same way).
    const missing = plan.creates.length - created.successes;
    const fix = (s: KObject['status']) => {
      if (!missing || !s.active) return s;
      const { active, ...rest } = s;
      return active > missing ? { ...rest, active: active - missing } : rest;
    };
    let latest = job;
    if (plan.flush) {
      latest = client.updateStatus(JOBS, { ...latest, status: fix(plan.flush) });
      if (plan.storeBackoff) this.backoffs.set(key, plan.storeBackoff);
    }
    for (const p of plan.removeFinalizers) {
      this.dropFinalizer(p);
    }
    if (plan.final) latest = client.updateStatus(JOBS, { ...latest, status: fix(plan.final) });
    for (const e of plan.finishEvents) this.event(latest, e);
    if (plan.dropBackoff) this.backoffs.delete(key);
    if (firstError !== undefined) throw firstError;
    if (plan.requeueAfterMs !== undefined) return { requeueAfterMs: plan.requeueAfterMs };
  }

  /** syncOrphanPod: drop the tracking finalizer of a pod no running Job owns. */
  private syncOrphanPod(key: string): void {
    const [ns, name] = splitKey(key);
    const pod = this.ctx.client.get('pods', ns, name);
    if (!pod || !hasTrackingFinalizer(pod)) return;
    const ref = controllerOf(pod);
    if (ref) {
      if (ref.kind !== 'Job' || ref.apiVersion !== 'batch/v1') return;
      const job = this.resolve(ns, ref);
      if (job && (managedElsewhere(job) || !isJobFinished(job))) return;
    }
    this.dropFinalizer(pod);
  }

  /**
   * removeTrackingFinalizerPatch. Sent as a merge patch of the remaining finalizers (null when none)
   * so the pod reads back without an empty `finalizers: []`, as a Go API server stores it.
   */
  private dropFinalizer(pod: KObject): void {
    const live = this.ctx.client.get('pods', pod.metadata.namespace, pod.metadata.name!);
    if (!live || live.metadata.uid !== pod.metadata.uid || !hasTrackingFinalizer(live)) return;
    const rest = live.metadata.finalizers!.filter((f) => f !== JOB_TRACKING_FINALIZER);
    try {
      this.ctx.client.patch('pods', live.metadata.namespace, live.metadata.name!, { metadata: { finalizers: rest.length ? rest : null } }, 'merge');
    } catch (e) {
      if (!isNotFound(e)) throw e;
    }
  }
}

function selectorOf(job: KObject) {
  const sel = asSelector(job.spec?.selector);
  return sel === 'error' ? null : sel;
}
