import type { KObject, WatchEventType } from '../api/types';

/** One committed write, as the watch cache remembers it. */
export interface StoreEvent {
  type: Exclude<WatchEventType, 'BOOKMARK' | 'ERROR'>;
  /** Resource key, e.g. `pods` or `apps/deployments`. */
  resource: string;
  /** The object after the write (for DELETED: its last state, carrying the deletion's resourceVersion). */
  object: KObject;
  /** The object before the write (MODIFIED/DELETED); lets filtered watches turn a change into ADDED/DELETED. */
  prev?: KObject;
  rv: number;
}

/**
 * The watch history: a ring of the last `capacity` events. Every write bumps the global revision
 * by exactly one, so the event for revision r sits at a computable slot and "watch from r" is O(1)
 * to locate — no scan.
 */
export class History {
  private ring: (StoreEvent | undefined)[];
  private first = 1; // oldest revision still kept
  private last = 0; // newest revision

  constructor(private readonly capacity: number) {
    this.ring = new Array(capacity);
  }

  push(e: StoreEvent): void {
    this.ring[e.rv % this.capacity] = e;
    this.last = e.rv;
    if (this.last - this.first + 1 > this.capacity) this.first = this.last - this.capacity + 1;
  }

  /** Oldest revision a watch may start from (exclusive): anything older answers 410. */
  oldest(): number {
    return this.first - 1;
  }

  /** Events with revision > rv, oldest first; undefined when rv has been compacted away. */
  since(rv: number): StoreEvent[] | undefined {
    if (rv < this.first - 1) return undefined;
    const out: StoreEvent[] = [];
    for (let r = rv + 1; r <= this.last; r++) {
      const e = this.ring[r % this.capacity];
      if (e && e.rv === r) out.push(e);
    }
    return out;
  }
}
