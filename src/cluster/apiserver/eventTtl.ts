/**
 * Events expire, as kube-apiserver's `--event-ttl` (default 1h) makes them: every write of an Event
 * stores it with a fresh one-hour lease, so an Event disappears an hour after it last changed (its
 * count or lastTimestamp). Watchers see it DELETED, as when etcd's lease runs out.
 *
 * The TTL is the same for every write, so expiry times arrive in order: a FIFO queue and one timer
 * (for the oldest entry) suffice. An entry is stale when the Event was written again or deleted
 * since; it is then skipped.
 */
import type { KObject } from '../api/types';
import type { SimClock } from '../sim/clock';
import type { Store } from '../store/store';

export const DEFAULT_EVENT_TTL_MS = 3_600_000;

/** The store keys holding Events (core/v1 and events.k8s.io/v1 are separate collections here). */
const EVENT_RESOURCES = ['events', 'events.k8s.io/events'];

/** Written Events in write order, and when each write's lease runs out (parallel arrays: 16 bytes a write). */
interface Queue {
  resource: string;
  written: KObject[];
  at: number[];
  head: number;
  timer: number | undefined;
}

export class EventExpiry {
  private queues: Queue[];

  constructor(
    private readonly store: Store,
    private readonly clock: SimClock,
    private readonly ttlMs = DEFAULT_EVENT_TTL_MS,
  ) {
    this.queues = EVENT_RESOURCES.map((resource) => ({ resource, written: [], at: [], head: 0, timer: undefined }));
    for (const q of this.queues)
      store.watch(q.resource, {}, (type, o) => {
        if (type === 'DELETED') return;
        q.written.push(o);
        q.at.push(clock.now() + this.ttlMs);
        this.arm(q);
      });
  }

  /** Writes still waiting for their lease to run out (superseded ones included). */
  get queued(): number {
    let n = 0;
    for (const q of this.queues) n += q.written.length - q.head;
    return n;
  }

  private arm(q: Queue): void {
    if (q.timer !== undefined || q.head >= q.written.length) return;
    q.timer = this.clock.at(q.at[q.head]!, () => this.expire(q));
  }

  private expire(q: Queue): void {
    q.timer = undefined;
    const now = this.clock.now();
    while (q.head < q.written.length && q.at[q.head]! <= now) {
      const o = q.written[q.head++]!;
      const live = this.store.get(q.resource, o.metadata.namespace, o.metadata.name!);
      // Written again since (a newer lease is queued) or already deleted: nothing to do.
      if (live === o) this.store.delete(q.resource, o.metadata.namespace, o.metadata.name!);
    }
    // Drop the consumed prefix now and then rather than shifting on every expiry.
    if (q.head > 4096 && q.head * 2 > q.written.length) {
      q.written = q.written.slice(q.head);
      q.at = q.at.slice(q.head);
      q.head = 0;
    }
    this.arm(q);
  }
}
