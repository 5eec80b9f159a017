/**
 * manageJob (job_controller.go, v1.32): keep `min(parallelism, completions − succeeded)` pods
 * active. Deletions take precedence over creations within one sync; creations wait out the
 * pod-failure back-off; Indexed jobs create the lowest pending indexes.
 */
import type { KObject } from '../../api/types';
import { parseTime } from '../util/time';
import { podFromTemplate } from './podcontrol';
import { remainingBackoff } from './backoff';
import {
  COMPLETION_INDEX_ENV,
  JOB_COMPLETION_INDEX,
  JOB_INDEX_FAILURE_COUNT,
  JOB_INDEX_IGNORED_FAILURE_COUNT,
  JOB_TRACKING_FINALIZER,
  MAX_POD_CREATE_DELETE_PER_SYNC,
  MAX_POD_FAILURE_BACKOFF_MS,
  POD_FAILURE_BACKOFF_MS,
  SYNC_BATCH_PERIOD_MS,
} from './constants';
import { firstPending, mergeIntervals, sortedUnique, withOrderedIndexes } from './intervals';
import { completionIndex, hasBackoffLimitPerIndex, isIndexedJob, isReady, jobSuspended, onlyReplaceFailedPods } from './jobpods';
import { remainingForIndex, replacementFailureCounts } from './perIndex';
import { requeue, type JobPlan, type SyncCtx } from './types';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

const PHASE_ORDER: Record<string, number> = { Pending: 0, Unknown: 1, Running: 2 };

function readyTime(p: KObject): number | undefined {
  const c = (p.status?.conditions ?? []).find((x: Json) => x.type === 'Ready');
  return parseTime(c?.lastTransitionTime);
}

const maxRestarts = (p: KObject): number => Math.max(0, ...(p.status?.containerStatuses ?? []).map((s: Json) => s.restartCount ?? 0));

// afterOrZero: a zero time sorts first, then the later time.
function afterOrZero(a: number | undefined, b: number | undefined): boolean {
  if (a === undefined || b === undefined) return a === undefined;
  return a > b;
}

/** controller.ActivePods ordering: the pods to delete first come first. */
export function activePodsLess(a: KObject, b: KObject): boolean {
  const na = a.spec?.nodeName ?? '';
  const nb = b.spec?.nodeName ?? '';
  if (na !== nb && (!na || !nb)) return !na;
  const pa = PHASE_ORDER[a.status?.phase ?? ''] ?? 0;
  const pb = PHASE_ORDER[b.status?.phase ?? ''] ?? 0;
  if (pa !== pb) return pa < pb;
  if (isReady(a) !== isReady(b)) return !isReady(a);
  if (isReady(a) && isReady(b)) {
    const ra = readyTime(a);
    const rb = readyTime(b);
    if (ra !== rb) return afterOrZero(ra, rb);
  }
  if (maxRestarts(a) !== maxRestarts(b)) return maxRestarts(a) > maxRestarts(b);
  const ca = parseTime(a.metadata.creationTimestamp);
  const cb = parseTime(b.metadata.creationTimestamp);
  if (ca !== cb) return afterOrZero(ca, cb);
  return false;
}

const sortActive = (pods: KObject[]) => [...pods].sort((a, b) => (activePodsLess(a, b) ? -1 : activePodsLess(b, a) ? 1 : 0));

/** activePodsForRemoval: duplicate/invalid indexes first (Indexed), then by ActivePods order. */
export function activePodsForRemoval(job: KObject, pods: KObject[], rmAtLeast: number): KObject[] {
  const rm: KObject[] = [];
  let left = pods;
  if (isIndexedJob(job)) {
    const completions = job.spec?.completions ?? 0;
    left = [];
    const byIndex = new Map<number, KObject[]>();
    for (const p of pods) {
      const ix = completionIndex(p);
      if (ix < 0 || ix >= completions) rm.push(p);
      else byIndex.set(ix, [...(byIndex.get(ix) ?? []), p]);
    }
    for (const ix of [...byIndex.keys()].sort((a, b) => a - b)) {
      const same = sortActive(byIndex.get(ix)!);
      rm.push(...same.slice(0, -1));
      left.push(same[same.length - 1]!);
    }
  }
  if (rm.length < rmAtLeast) rm.push(...sortActive(left).slice(0, rmAtLeast - rm.length));
  return rm;
}

/** Deletes `pods` (finalizer first) and keeps the counters in step; returns how many. */
function deletePods(ctx: SyncCtx, plan: JobPlan, pods: KObject[]): number {
  for (const pod of pods) {
    plan.deletes.push({ pod, dropFinalizer: true });
    if (isReady(pod)) ctx.ready--;
  }
  ctx.terminating += pods.length;
  return pods.length;
}

// addCompletionIndexEnvVariables: JOB_COMPLETION_INDEX from the index label (PodIndexLabel is on).
function addIndexEnv(spec: Json): void {
  for (const c of [...(spec.initContainers ?? []), ...(spec.containers ?? [])]) {
    if ((c.env ?? []).some((e: Json) => e.name === COMPLETION_INDEX_ENV)) continue;
    c.env = [...(c.env ?? []), { name: COMPLETION_INDEX_ENV, valueFrom: { fieldRef: { fieldPath: `metadata.labels['${JOB_COMPLETION_INDEX}']` } } }];
  }
}

/** podGenerateNameWithIndex: `<job>-<index>-`, the job name cut so the prefix stays ≤ 58. */
export function indexedGenerateName(jobName: string, ix: number): string {
  const suffix = `-${ix}-`;
  const prefix = jobName + suffix;
  return prefix.length > 58 ? jobName.slice(0, 58 - suffix.length) + suffix : prefix;
}

function newPod(ctx: SyncCtx, template: Json, ix: number | undefined): KObject {
  const job = ctx.job;
  const ref = { apiVersion: 'batch/v1', kind: 'Job', name: job.metadata.name!, uid: job.metadata.uid!, controller: true, blockOwnerDeletion: true };
  if (ix === undefined) return podFromTemplate(template, job, ref);
  const t = structuredClone(template);
  t.metadata.annotations = { ...(t.metadata.annotations ?? {}), [JOB_COMPLETION_INDEX]: String(ix) };
  t.metadata.labels = { ...(t.metadata.labels ?? {}), [JOB_COMPLETION_INDEX]: String(ix) };
  t.spec.hostname = `${job.metadata.name}-${ix}`;
  if (hasBackoffLimitPerIndex(job)) {
    const counts = replacementFailureCounts(job, ctx.delayed.get(ix));
    t.metadata.annotations[JOB_INDEX_FAILURE_COUNT] = String(counts.failures);
    if (counts.ignored > 0) t.metadata.annotations[JOB_INDEX_IGNORED_FAILURE_COUNT] = String(counts.ignored);
  }
  return podFromTemplate(t, job, ref, { generateName: indexedGenerateName(job.metadata.name!, ix) });
}

/** manageJob: returns the new active count; creations and deletions go into the plan. */
export function manageJob(ctx: SyncCtx, plan: JobPlan): number {
  const job = ctx.job;
  const active = ctx.activePods.length;
  const parallelism = job.spec?.parallelism ?? 1;
  if (jobSuspended(job)) return active - deletePods(ctx, plan, activePodsForRemoval(job, ctx.activePods, active));

  const completions: number | undefined = job.spec?.completions ?? undefined;
  let want: number;
  if (completions === undefined) want = ctx.succeeded > 0 ? active : parallelism;
  else want = Math.max(0, Math.min(completions - ctx.succeeded, parallelism));

  const toDelete = activePodsForRemoval(job, ctx.activePods, Math.max(0, active - want)).slice(0, MAX_POD_CREATE_DELETE_PER_SYNC);
  if (toDelete.length) return active - deletePods(ctx, plan, toDelete);

  const terminating = onlyReplaceFailedPods(job) ? ctx.terminating : 0;
  let diff = want - terminating - active;
  if (diff <= 0) return active;
  if (!hasBackoffLimitPerIndex(job)) {
    const wait = remainingBackoff(ctx.backoff.failuresAfterLastSuccess, ctx.backoff.lastFailureTime, ctx.now, POD_FAILURE_BACKOFF_MS, MAX_POD_FAILURE_BACKOFF_MS);
    if (wait > 0) {
      requeue(plan, Math.max(wait, SYNC_BATCH_PERIOD_MS));
      return 0; // upstream reports no active pods while waiting out the back-off
    }
  }
  diff = Math.min(diff, MAX_POD_CREATE_DELETE_PER_SYNC);

  let indexes: (number | undefined)[] = new Array(diff).fill(undefined);
  if (isIndexedJob(job)) {
    let nonPending = withOrderedIndexes(ctx.succeededIndexes, sortedUnique(ctx.activePods.map(completionIndex).filter((i) => i >= 0)));
    if (ctx.failedIndexes) nonPending = mergeIntervals(nonPending, ctx.failedIndexes);
    let pending = firstPending(nonPending, diff, completions ?? 0);
    if (hasBackoffLimitPerIndex(job)) {
      const waits = pending.map((ix) => remainingForIndex(ctx.delayed.get(ix), ctx.now));
      const ready = pending.filter((_, i) => waits[i] === 0);
      if (!ready.length && pending.length) {
        requeue(plan, Math.max(Math.min(...waits), SYNC_BATCH_PERIOD_MS));
        return 0;
      }
      pending = ready;
    }
    indexes = pending;
  }

  const template = structuredClone(job.spec?.template ?? {});
  template.metadata ??= {};
  template.spec ??= {};
  if (isIndexedJob(job)) addIndexEnv(template.spec);
  const finalizers: string[] = template.metadata.finalizers ?? [];
  if (!finalizers.includes(JOB_TRACKING_FINALIZER)) template.metadata.finalizers = [...finalizers, JOB_TRACKING_FINALIZER];
  for (const ix of indexes) plan.creates.push(newPod(ctx, template, ix));
  return active + indexes.length;
}
