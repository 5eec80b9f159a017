/**
 * cronjob-controller (CronJobControllerV2): each sync reconciles a CronJob with the Jobs it owns
 * (owner index), creates the Job for the latest missed fire time and sleeps until the next one — a
 * single timer per CronJob on the simulated clock, never a poll.
 */
import type { KObject } from '../../api/types';
import { errorMessage, isAlreadyExists, isNamespaceTerminating } from '../util/errors';
import { controllerOf } from '../util/owners';
import { keyOf, splitKey, type ControllerContext, type ControllerFactory, type SyncResult } from '../types';
import { jobRef, normalizeCronStatus, reconcileCronJob, withCreated, type CronPlan } from './reconcile';
import { formatSchedule, parseSchedule } from './schedule';
import { nextScheduleTimeDuration } from './times';

export const CRONJOB_CONTROLLER = 'cronjob-controller';
const CRONJOBS = 'batch/cronjobs';
const JOBS = 'batch/jobs';

export { reconcileCronJob } from './reconcile';

export const cronJobController: ControllerFactory = {
  name: CRONJOB_CONTROLLER,
  start(ctx: ControllerContext) {
    const specs = new Map<string, string>();
    const q = ctx.queue('cronjob', sync);
    const specKey = (cj: KObject) => `${cj.spec?.schedule}\u0000${cj.spec?.timeZone ?? ''}`;
    ctx.watch(CRONJOBS, {
      add: (cj) => {
        specs.set(keyOf(cj), specKey(cj));
        q.add(keyOf(cj));
      },
      update: (cj) => {
        const key = keyOf(cj);
        const changed = specs.get(key) !== specKey(cj);
        specs.set(key, specKey(cj));
        if (!changed) return q.add(key);
        // updateCronJob: a new schedule re-arms the timer for its own next fire time.
        try {
          const wait = nextScheduleTimeDuration(cj, ctx.clock.now(), parseSchedule(formatSchedule(cj.spec?.schedule ?? '', cj.spec?.timeZone)));
          if (wait !== undefined) q.addAfter(key, wait);
        } catch {
          ctx.recorder.event(cj, 'Warning', 'UnParseableCronJobSchedule', `unparseable schedule for cronjob: ${cj.spec?.schedule}`, CRONJOB_CONTROLLER);
        }
      },
      delete: (cj) => {
        specs.delete(keyOf(cj));
        q.add(keyOf(cj));
      },
    });
    const onJob = (job: KObject) => {
      const ref = controllerOf(job);
      if (ref?.kind !== 'CronJob') return;
      const cj = ctx.client.get(CRONJOBS, job.metadata.namespace, ref.name);
      if (cj?.metadata.uid === ref.uid) q.add(keyOf(cj));
    };
    ctx.watch(JOBS, { add: onJob, update: onJob, delete: onJob });

    function sync(key: string): SyncResult {
      const [ns, name] = splitKey(key);
      const cj = ctx.client.get(CRONJOBS, ns, name);
      if (!cj) return;
      const jobs = ctx.client.byIndex(JOBS, 'owner', cj.metadata.uid!).filter((j) => controllerOf(j)?.uid === cj.metadata.uid);
      const plan = reconcileCronJob({ cj, jobs, now: ctx.clock.now() });
      return apply(cj, plan);
    }

    function apply(cj: KObject, plan: CronPlan): SyncResult {
      const event = (type: 'Normal' | 'Warning', reason: string, message: string) => ctx.recorder.event(cj, type, reason, message, CRONJOB_CONTROLLER);
      let status = plan.status;
      let update = plan.updateStatus;
      let requeue = plan.requeueAfterMs;
      let failure: unknown;
      for (const s of plan.steps) {
        if (s.kind === 'event') {
          event(s.type, s.reason, s.message);
          continue;
        }
        // deleteJob: Background propagation; a failure keeps the job in the active list.
        try {
          ctx.client.delete(JOBS, s.job.metadata.namespace, s.job.metadata.name!, { propagationPolicy: 'Background' });
          event('Normal', 'SuccessfulDelete', `Deleted job ${s.job.metadata.name}`);
        } catch (e) {
          event('Warning', 'FailedDelete', `Deleted job: ${errorMessage(e)}`);
          if ((cj.status?.active ?? []).some((r: { uid: string }) => r.uid === s.job.metadata.uid)) status = { ...status, active: [...(status.active ?? []), jobRef(s.job)] };
          failure ??= e;
        }
      }
      if (plan.create && failure === undefined) {
        const { job, scheduledTime } = plan.create;
        try {
          const created = ctx.client.create(JOBS, job);
          event('Normal', 'SuccessfulCreate', `Created job ${created.metadata.name}`);
          status = withCreated(status, created, scheduledTime);
          update = true;
        } catch (e) {
          requeue = undefined;
          if (isAlreadyExists(e)) {
            // Created earlier but not recorded: adopt it into the active list if it is ours.
            const existing = ctx.client.get(JOBS, job.metadata.namespace, job.metadata.name!);
            const ours = existing && controllerOf(existing)?.uid === cj.metadata.uid;
            if (ours && !(status.active ?? []).some((r: { uid: string }) => r.uid === existing.metadata.uid)) {
              status = withCreated(status, existing, scheduledTime);
              update = true;
              requeue = plan.requeueAfterMs;
            }
          } else {
            if (!isNamespaceTerminating(e)) event('Warning', 'FailedCreate', `Error creating job: ${errorMessage(e)}`);
            failure = e;
          }
        }
      }
      if (update) ctx.client.updateStatus(CRONJOBS, { ...cj, status: normalizeCronStatus(status) });
      if (failure !== undefined) throw failure;
      if (requeue !== undefined) return { requeueAfterMs: Math.max(0, requeue) };
    }
  },
};
