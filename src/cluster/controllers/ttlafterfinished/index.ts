/**
 * ttl-after-finished-controller: deletes finished Jobs once their ttlSecondsAfterFinished has
 * passed, with Foreground propagation and a UID precondition as upstream does (the Job stays,
 * marked for deletion, until the garbage collector has removed its pods). One timer per Job.
 */
import { isNotFound } from '../util/errors';
import { keyOf, splitKey, type ControllerContext, type ControllerFactory, type SyncResult } from '../types';
import { needsCleanup, reconcileTtl } from './reconcile';

export const TTL_AFTER_FINISHED_CONTROLLER = 'ttl-after-finished-controller';
const JOBS = 'batch/jobs';

export const ttlAfterFinishedController: ControllerFactory = {
  name: TTL_AFTER_FINISHED_CONTROLLER,
  start(ctx: ControllerContext) {
    const q = ctx.queue('ttl_jobs_to_delete', sync);
    const onJob = (j: Parameters<typeof needsCleanup>[0]) => {
      if (!j.metadata.deletionTimestamp && needsCleanup(j)) q.add(keyOf(j));
    };
    ctx.watch(JOBS, { add: onJob, update: onJob });

    function sync(key: string): SyncResult {
      const [ns, name] = splitKey(key);
      const job = ctx.client.get(JOBS, ns, name);
      const d = reconcileTtl(job, ctx.clock.now());
      if (d.action === 'wait') return { requeueAfterMs: d.afterMs };
      if (d.action !== 'delete') return;
      try {
        ctx.client.delete(JOBS, ns, name, { propagationPolicy: 'Foreground', preconditions: { uid: job!.metadata.uid } });
      } catch (e) {
        if (!isNotFound(e)) throw e;
      }
    }
  },
};
