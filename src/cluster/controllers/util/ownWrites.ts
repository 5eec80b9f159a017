/**
 * "Ignore my own write": a loop that writes an object remembers the resourceVersion the write
 * produced, so the watch event of exactly that version can be skipped — syncing on it would only
 * reach the same answer again (a level-triggered fixpoint). Watch delivery is synchronous here,
 * so the event may arrive during the write itself: the key in flight counts as ours too.
 * Any later version (someone else's write) is not ours.
 */
import type { KObject } from '../../api/types';

export class OwnWrites {
  private readonly rv = new Map<string, string>();
  private inFlight?: string;

  /** Runs `write` (one write of `key`) and remembers the version it produced. */
  write(key: string, write: () => KObject): KObject {
    this.inFlight = key;
    try {
      const o = write();
      const rv = o.metadata.resourceVersion;
      if (rv) this.rv.set(key, rv);
      else this.rv.delete(key);
      return o;
    } finally {
      this.inFlight = undefined;
    }
  }

  /** Whether the event carrying `rv` for `key` is our own write. */
  isOwn(key: string, rv: string | number | undefined): boolean {
    if (this.inFlight === key) return true;
    return rv !== undefined && this.rv.get(key) === String(rv);
  }

  forget(key: string): void {
    this.rv.delete(key);
  }
}
