/**
 * syncJob (job_controller.go, v1.32) as a pure function: a Job, its pods, the remembered back-off
 * and the time → the writes of one sync. Order of decisions: already finished → nothing; success
 * criteria / FailureTarget / pod failure policy / backoff limit / deadline → finishing (delete the
 * active pods); otherwise manage the pod count, check completion and the Suspended condition; then
 * track finished pods and conditions (tracking.ts).
 */
import type { KObject } from '../../api/types';
import { rfc3339 } from '../../sim/clock';
import { isPodActive } from '../util/pods';
import { parseTime } from '../util/time';
import { nextBackoffRecord } from './backoff';
import { ensureCondition, findCondition, isJobFinished, newCondition, successCriteriaMet } from './conditions';
import { MSG_BACKOFF_LIMIT, MSG_COMPLETIONS_REACHED, MSG_DEADLINE, MSG_FAILED_INDEXES, MSG_MAX_FAILED_INDEXES } from './constants';
import { parseIntervals, sortedUnique, total, withOrderedIndexes } from './intervals';
import {
  completionIndex,
  hasBackoffLimitPerIndex,
  hasTrackingFinalizer,
  isIndexedJob,
  isPodFailed,
  isReady,
  isTerminating,
  jobSuspended,
} from './jobpods';
import { manageJob } from './manage';
import { calculateFailedIndexes, podsWithDelayedDeletion } from './perIndex';
import { matchPodFailurePolicy, matchSuccessPolicy } from './policies';
import { trackStatus } from './tracking';
import { emptyPlan, requeue, type JobInput, type JobPlan, type SyncCtx } from './types';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

// getValidPodsWithFilter: tracked pods not yet in the given uncounted set (valid index if Indexed).
function validPods(ctx: SyncCtx, uncounted: Set<string>, filter: (p: KObject) => boolean): KObject[] {
  const completions = ctx.job.spec?.completions ?? 0;
  return ctx.pods.filter((p) => {
    if (!hasTrackingFinalizer(p) || uncounted.has(p.metadata.uid!)) return false;
    if (isIndexedJob(ctx.job)) {
      const ix = completionIndex(p);
      if (ix < 0 || ix >= completions) return false;
    }
    return filter(p);
  });
}

// pastBackoffLimitOnFailure: with restartPolicy OnFailure the container restarts are the failures.
function pastBackoffLimitOnFailure(job: KObject, pods: KObject[]): boolean {
  if (job.spec?.template?.spec?.restartPolicy !== 'OnFailure') return false;
  let restarts = 0;
  for (const p of pods) {
    if (p.status?.phase !== 'Running' && p.status?.phase !== 'Pending') continue;
    for (const s of [...(p.status?.initContainerStatuses ?? []), ...(p.status?.containerStatuses ?? [])]) restarts += s.restartCount ?? 0;
  }
  const limit = job.spec?.backoffLimit ?? 6;
  return limit === 0 ? restarts > 0 : restarts >= limit;
}

function pastActiveDeadline(job: KObject, startTime: string | undefined, now: number): boolean {
  const ads = job.spec?.activeDeadlineSeconds;
  const start = parseTime(startTime);
  if (ads == null || start === undefined || jobSuspended(job)) return false;
  return now - start >= ads * 1000;
}

const failureTarget = (reason: string, message: string, now: number) => newCondition('FailureTarget', 'True', reason, message, now);

function newCtx(inp: JobInput): SyncCtx {
  const status: Json = structuredClone(inp.job.status ?? {});
  status.uncountedTerminatedPods ??= {};
  status.conditions ??= [];
  const u = status.uncountedTerminatedPods;
  return {
    job: inp.job,
    status,
    pods: inp.pods,
    activePods: inp.pods.filter(isPodActive),
    now: inp.now,
    succeeded: 0,
    failed: 0,
    ready: inp.pods.filter((p) => isPodActive(p) && isReady(p)).length,
    terminating: inp.pods.filter(isTerminating).length,
    uncounted: { succeeded: new Set(u.succeeded ?? []), failed: new Set(u.failed ?? []) },
    prevSucceededIndexes: [],
    succeededIndexes: [],
    delayed: new Map(),
    backoff: inp.backoff,
  };
}

// The Indexed-only checks: succeeded/failed indexes, maxFailedIndexes, successPolicy.
function indexedChecks(ctx: SyncCtx): void {
  const { job, status, now } = ctx;
  const completions = job.spec?.completions ?? 0;
  ctx.prevSucceededIndexes = parseIntervals(status.completedIndexes, completions);
  const fresh = ctx.pods
    .filter((p) => p.status?.phase === 'Succeeded' && hasTrackingFinalizer(p))
    .map(completionIndex)
    .filter((ix) => ix >= 0 && ix < completions);
  ctx.succeededIndexes = withOrderedIndexes(ctx.prevSucceededIndexes, sortedUnique(fresh));
  ctx.succeeded = total(ctx.succeededIndexes);
  if (hasBackoffLimitPerIndex(job)) {
    ctx.failedIndexes = calculateFailedIndexes(job, ctx.pods);
    const failedCount = total(ctx.failedIndexes);
    if (!ctx.finished) {
      if (job.spec?.maxFailedIndexes != null && failedCount > job.spec.maxFailedIndexes)
        ctx.finished = failureTarget('MaxFailedIndexesExceeded', MSG_MAX_FAILED_INDEXES, now);
      else if (failedCount > 0 && failedCount + total(ctx.succeededIndexes) >= completions) ctx.finished = failureTarget('FailedIndexes', MSG_FAILED_INDEXES, now);
    }
    ctx.delayed = podsWithDelayedDeletion(job, ctx.pods, ctx.activePods, ctx.succeededIndexes, ctx.failedIndexes);
  }
  if (!ctx.finished) {
    const msg = matchSuccessPolicy(job.spec?.successPolicy, completions, ctx.succeededIndexes);
    if (msg) ctx.finished = newCondition('SuccessCriteriaMet', 'True', 'SuccessPolicy', msg, now);
  }
}

/** managedByExternalController: spec.managedBy names another controller (JobManagedBy is on in 1.32). */
export const managedElsewhere = (job: KObject): boolean => job.spec?.managedBy != null && job.spec.managedBy !== 'kubernetes.io/job-controller';

/** syncJob. */
export function reconcileJob(inp: JobInput): JobPlan {
  const plan = emptyPlan();
  const { job, now } = inp;
  if (managedElsewhere(job)) return plan;
  if (isJobFinished(job)) {
    plan.dropBackoff = true;
    return plan;
  }
  const mode = job.spec?.completionMode;
  if (mode != null && mode !== 'NonIndexed' && mode !== 'Indexed') {
    plan.events.push({ type: 'Warning', reason: 'UnknownCompletionMode', message: 'Skipped Job sync because completion mode is unknown' });
    return plan;
  }
  const ctx = newCtx(inp);
  const { status } = ctx;
  let active = ctx.activePods.length;
  const newSucceeded = validPods(ctx, ctx.uncounted.succeeded, (p) => p.status?.phase === 'Succeeded');
  const newFailed = validPods(ctx, ctx.uncounted.failed, (p) => isPodFailed(p, job));
  const policy = job.spec?.podFailurePolicy;
  const counted = policy ? newFailed.filter((p) => matchPodFailurePolicy(policy, p).countFailed).length : newFailed.length;
  ctx.succeeded = (status.succeeded ?? 0) + newSucceeded.length + ctx.uncounted.succeeded.size;
  ctx.failed = (status.failed ?? 0) + counted + ctx.uncounted.failed.size;
  if (!status.startTime && !jobSuspended(job)) status.startTime = rfc3339(now);
  ctx.backoff = nextBackoffRecord(inp.backoff, newSucceeded, newFailed);

  ctx.finished = successCriteriaMet(job);
  if (!ctx.finished) {
    const target = findCondition(status.conditions, 'FailureTarget');
    if (target?.status === 'True') ctx.finished = newCondition('Failed', 'True', target.reason ?? '', target.message ?? '', now);
    else if (policy) {
      const message = ctx.pods.filter((p) => isPodFailed(p, job)).map((p) => matchPodFailurePolicy(policy, p).message).find((m) => m);
      if (message) ctx.finished = failureTarget('PodFailurePolicy', message, now);
    }
  }
  if (!ctx.finished) {
    if (ctx.failed > (job.spec?.backoffLimit ?? 6) || pastBackoffLimitOnFailure(job, ctx.pods))
      ctx.finished = failureTarget('BackoffLimitExceeded', MSG_BACKOFF_LIMIT, now);
    else if (pastActiveDeadline(job, status.startTime, now)) ctx.finished = failureTarget('DeadlineExceeded', MSG_DEADLINE, now);
    else if (job.spec?.activeDeadlineSeconds != null && !jobSuspended(job))
      requeue(plan, Math.max(0, job.spec.activeDeadlineSeconds * 1000 - (now - (parseTime(status.startTime) ?? now))));
  }
  if (isIndexedJob(job)) indexedChecks(ctx);

  let suspendChanged = false;
  if (ctx.finished) {
    // deleteActivePods: the pods keep their finalizer; tracking counts them once they are gone.
    for (const pod of ctx.activePods) {
      plan.deletes.push({ pod, dropFinalizer: false });
      if (isReady(pod)) ctx.ready--;
    }
    ctx.terminating += ctx.activePods.length;
    active = 0;
  } else {
    const manageCalled = !job.metadata.deletionTimestamp;
    if (manageCalled) active = manageJob(ctx, plan);
    const completions = job.spec?.completions;
    const complete = completions == null ? ctx.succeeded > 0 && active === 0 : ctx.succeeded >= completions && active === 0;
    if (complete) ctx.finished = newCondition('SuccessCriteriaMet', 'True', 'CompletionsReached', MSG_COMPLETIONS_REACHED, now);
    else if (manageCalled) {
      if (jobSuspended(job)) {
        if (ensureCondition(status.conditions, 'Suspended', 'True', 'JobSuspended', 'Job suspended', now)) {
          suspendChanged = true;
          plan.events.push({ type: 'Normal', reason: 'Suspended', message: 'Job suspended' });
        }
      } else if (ensureCondition(status.conditions, 'Suspended', 'False', 'JobResumed', 'Job resumed', now)) {
        suspendChanged = true;
        plan.events.push({ type: 'Normal', reason: 'Resumed', message: 'Job resumed' });
        // activeDeadlineSeconds counts continuous activity: a resumed job starts afresh.
        status.startTime = rfc3339(now);
      }
    }
  }
  const old = job.status ?? {};
  const needsFlush = suspendChanged || active !== (old.active ?? 0) || ctx.ready !== old.ready || ctx.terminating !== old.terminating;
  status.active = active;
  status.ready = ctx.ready;
  status.terminating = ctx.terminating;
  trackStatus(ctx, plan, needsFlush);
  return plan;
}
