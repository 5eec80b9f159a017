/**
 * trackJobStatusAndRemoveFinalizers (job_controller.go, v1.32). A finished pod is first recorded in
 * status.uncountedTerminatedPods (write 1), then its `batch.kubernetes.io/job-tracking` finalizer
 * is removed, then it moves into the succeeded/failed counters (write 2) — so no pod is counted
 * twice or lost, whatever happens in between. The terminal condition is added only when nothing is
 * left uncounted and no pod is still terminating.
 */
import type { KObject } from '../../api/types';
import { ensureCondition, newCondition, normalizeStatus, successCriteriaMet, type JobCondition } from './conditions';
import { MAX_UNCOUNTED_PODS } from './constants';
import { has, intervalsString, total, withOrderedIndexes } from './intervals';
import { completionIndex, hasBackoffLimitPerIndex, hasTrackingFinalizer, isIndexedJob, isPodFailed } from './jobpods';
import { matchPodFailurePolicy } from './policies';
import type { JobPlan, SyncCtx } from './types';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

const isSuccessCriteriaMet = (c: JobCondition | undefined): boolean => c?.type === 'SuccessCriteriaMet';

/** cleanUncountedPodsWithoutFinalizers: uncounted pods whose finalizer is gone join the counters. */
export function cleanUncounted(status: Json, withFinalizer: Set<string>): boolean {
  const u = status.uncountedTerminatedPods;
  let updated = false;
  for (const [list, counter] of [
    ['succeeded', 'succeeded'],
    ['failed', 'failed'],
  ] as const) {
    const before: string[] = u[list] ?? [];
    const kept = before.filter((uid) => withFinalizer.has(uid));
    if (kept.length !== before.length) {
      updated = true;
      status[counter] = (status[counter] ?? 0) + before.length - kept.length;
      u[list] = kept;
    }
  }
  return updated;
}

// canRemoveFinalizer: always once the job is finishing or the pod succeeded; failed pods unless
// their per-index counts still have to be handed to a replacement.
function canRemoveFinalizer(ctx: SyncCtx, pod: KObject, failed: boolean): boolean {
  if (ctx.job.metadata.deletionTimestamp || ctx.finished || pod.status?.phase === 'Succeeded') return true;
  if (!failed) return false;
  if (hasBackoffLimitPerIndex(ctx.job)) {
    const ix = completionIndex(pod);
    if (ix >= 0 && ctx.delayed.get(ix)?.metadata.uid === pod.metadata.uid) return false;
  }
  return true;
}

/** enactJobFinished: the terminal condition, once nothing is uncounted or terminating. */
function enactFinished(ctx: SyncCtx): boolean {
  const f = ctx.finished;
  if (!f) return false;
  const u = ctx.status.uncountedTerminatedPods;
  if ((u.succeeded?.length ?? 0) + (u.failed?.length ?? 0) > 0) return false;
  if (ctx.terminating > 0) return false;
  ctx.status.conditions ??= [];
  ensureCondition(ctx.status.conditions, f.type, f.status, f.reason ?? '', f.message ?? '', ctx.now);
  if (f.type === 'Complete') ctx.status.completionTime = f.lastTransitionTime;
  return true;
}

/** recordJobFinished's events. */
function finishEvents(ctx: SyncCtx, plan: JobPlan): void {
  const f = ctx.finished!;
  if (f.type === 'Complete') {
    const completions = ctx.job.spec?.completions;
    if (completions != null && (ctx.status.succeeded ?? 0) > completions)
      plan.finishEvents.push({ type: 'Warning', reason: 'TooManySucceededPods', message: 'Too many succeeded pods running after completion count reached' });
    plan.finishEvents.push({ type: 'Normal', reason: 'Completed', message: 'Job completed' });
  } else plan.finishEvents.push({ type: 'Warning', reason: f.reason ?? '', message: f.message ?? '' });
}

/** Fills flush / removeFinalizers / final / finishEvents of the plan. */
export function trackStatus(ctx: SyncCtx, plan: JobPlan, needsFlush: boolean): void {
  const { job, status } = ctx;
  const indexed = isIndexedJob(job);
  const completions = job.spec?.completions ?? 0;
  const pods = indexed ? [...ctx.pods].sort((a, b) => completionIndex(a) - completionIndex(b)) : ctx.pods;
  const withFinalizer = new Set(pods.filter(hasTrackingFinalizer).map((p) => p.metadata.uid!));
  const u = status.uncountedTerminatedPods;
  u.succeeded = [...(u.succeeded ?? [])];
  u.failed = [...(u.failed ?? [])];
  if (cleanUncounted(status, withFinalizer)) needsFlush = true;

  const toRemove: KObject[] = [];
  const newSucceededIndexes: number[] = [];
  let reachedMax = false;
  for (const pod of pods) {
    if (!hasTrackingFinalizer(pod)) continue;
    const uid = pod.metadata.uid!;
    const failed = isPodFailed(pod, job);
    if (!canRemoveFinalizer(ctx, pod, failed)) continue;
    toRemove.push(pod);
    if (pod.status?.phase === 'Succeeded' && !ctx.uncounted.failed.has(uid)) {
      if (indexed) {
        const ix = completionIndex(pod);
        if (ix >= 0 && ix < completions && !has(ctx.prevSucceededIndexes, ix)) {
          newSucceededIndexes.push(ix);
          needsFlush = true;
        }
      } else if (!ctx.uncounted.succeeded.has(uid)) {
        needsFlush = true;
        u.succeeded.push(uid);
      }
    } else if (failed || (ctx.finished && !isSuccessCriteriaMet(ctx.finished))) {
      // Once the job is finishing every pod that did not succeed counts as failed.
      const ix = completionIndex(pod);
      if (!ctx.uncounted.failed.has(uid) && (!indexed || (ix >= 0 && ix < completions))) {
        if (!job.spec?.podFailurePolicy || matchPodFailurePolicy(job.spec.podFailurePolicy, pod).countFailed) {
          needsFlush = true;
          u.failed.push(uid);
        }
      }
    }
    if (newSucceededIndexes.length + u.succeeded.length + u.failed.length >= MAX_UNCOUNTED_PODS) {
      reachedMax = true;
      break;
    }
  }
  if (indexed) {
    ctx.succeededIndexes = withOrderedIndexes(ctx.succeededIndexes, [...new Set(newSucceededIndexes)].sort((a, b) => a - b));
    const s = intervalsString(ctx.succeededIndexes);
    if (s !== (status.completedIndexes ?? '')) needsFlush = true;
    status.succeeded = total(ctx.succeededIndexes);
    status.completedIndexes = s;
    const failedStr = ctx.failedIndexes ? intervalsString(ctx.failedIndexes) : undefined;
    if (failedStr !== status.failedIndexes) {
      status.failedIndexes = failedStr;
      needsFlush = true;
    }
  }
  status.conditions ??= [];
  if (ctx.finished?.type === 'FailureTarget') {
    status.conditions.push(ctx.finished);
    needsFlush = true;
    ctx.finished = newCondition('Failed', 'True', ctx.finished.reason ?? '', ctx.finished.message ?? '', ctx.now);
  }
  if (isSuccessCriteriaMet(ctx.finished)) {
    if (!successCriteriaMet({ ...job, status })) {
      status.conditions.push(ctx.finished!);
      needsFlush = true;
    }
    ctx.finished = newCondition('Complete', 'True', ctx.finished!.reason ?? '', ctx.finished!.message ?? '', ctx.now);
  }

  // flushUncountedAndRemoveFinalizers (every finalizer removal is planned to succeed).
  if (needsFlush) {
    plan.flush = normalizeStatus(structuredClone(status));
    plan.storeBackoff = ctx.backoff;
    needsFlush = false;
  }
  plan.removeFinalizers = toRemove;
  for (const p of toRemove) withFinalizer.delete(p.metadata.uid!);
  if (cleanUncounted(status, withFinalizer)) needsFlush = true;

  const finishedNow = !reachedMax && enactFinished(ctx);
  if (finishedNow) needsFlush = true;
  if (needsFlush) plan.final = normalizeStatus(structuredClone(status));
  if (finishedNow) finishEvents(ctx, plan);
}

