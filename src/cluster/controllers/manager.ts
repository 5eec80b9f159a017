import { ApiError } from '../api/errors';
import { Client } from '../client/client';
import { EventRecorder } from '../client/recorder';
import { WorkQueue } from '../client/workqueue';
import type { ApiServer } from '../apiserver/server';
import type { SimClock } from '../sim/clock';
import type { Rng } from '../sim/rng';
import { DEFAULT_CONTROLLER_CONFIG, type ControllerConfig, type ControllerContext, type ControllerFactory, type SyncResult } from './types';

/** Keys a queue may process per wake-up before yielding, so one hot loop can't starve the clock. */
const BATCH = 10_000;

/** Starts controllers, each with its own client identity, queues and watch subscriptions. */
export function startControllers(
  api: ApiServer,
  clock: SimClock,
  rng: Rng,
  factories: readonly ControllerFactory[],
  config: Partial<ControllerConfig> = {},
): void {
  const cfg = { ...DEFAULT_CONTROLLER_CONFIG, ...config };
  // Per cluster, never module-wide: two clusters in one process must not perturb each other.
  let eventSeq = 0;
  for (const f of factories) {
    const client = new Client(api, f.name);
    const crng = rng.fork(f.name);
    // Event names end in the hex of the event time in nanoseconds, as client-go's recorder makes
    // them, so `describe` lists events in the order they happened.
    const hex = () => (BigInt(Math.floor(clock.now())) * 1_000_000n + BigInt(eventSeq++ % 1_000_000)).toString(16);
    const ctx: ControllerContext = {
      client,
      clock,
      rng: crng,
      recorder: new EventRecorder(client, hex),
      config: cfg,
      queue(name, sync) {
        const q: WorkQueue = new WorkQueue(clock, () => drain(q, sync, `${f.name}/${name}`));
        return q;
      },
      watch(resource, h) {
        // Like an informer's initial list: existing objects arrive as adds, then live changes.
        for (const o of client.list(resource)) h.add?.(o);
        client.watch(resource, (type, o, rv, prev) => {
          if (type === 'ADDED') h.add?.(o);
          else if (type === 'MODIFIED') h.update?.(o, rv, prev);
          else h.delete?.(o);
        });
      },
    };
    f.start(ctx);
  }
}

function drain(q: WorkQueue, sync: (key: string) => SyncResult, name: string): void {
  // One round: keys queued while this drain runs (a ReplicaSet's next 500 pods once its last 500
  // are observed) wait for the next round, so other loops, and the driver, get a turn in between.
  const round = Math.min(BATCH, q.length);
  for (let i = 0; i < round; i++) {
    const key = q.get();
    if (key === undefined) return;
    try {
      const r = sync(key);
      q.forget(key);
      if (r && r.requeueAfterMs >= 0) q.addAfter(key, r.requeueAfterMs);
    } catch (e) {
      // Conflicts and other API errors are retried with back-off, as workqueue.AddRateLimited does.
      if (!(e instanceof ApiError)) console.error(`[${name}] sync ${key} failed:`, e);
      q.addRateLimited(key);
    } finally {
      q.done(key);
    }
  }
  // More left: let the clock run other work first, then continue.
  q.kick();
}
