import type { StoreEvent } from '../store/history';

/** One committed write as the event log records it. */
export interface LogEntry {
  rv: number;
  /** Simulated time of the write (epoch ms). */
  at: number;
  type: StoreEvent['type'];
  resource: string;
  namespace?: string;
  name: string;
}

/**
 * The append-only log of every write the store commits, in order. Two runs with the same seed and
 * the same requests produce the same log line for line, which is what makes lessons checkable and
 * bugs replayable. `lines()` renders it compactly; `digest()` fingerprints it.
 */
export class EventLog {
  /** A ring once full: `start` is the oldest entry. (Dropping the oldest from an array's front moves the whole array: ~0.5 ms a write at a million entries.) */
  private ring: LogEntry[] = [];
  private start = 0;

  constructor(
    private readonly now: () => number,
    /** Oldest entries are dropped past this many (the log is for replay and debugging, not unbounded). */
    readonly capacity = 1_000_000,
  ) {}

  record(e: StoreEvent): void {
    if (this.capacity <= 0) return;
    const entry: LogEntry = {
      rv: e.rv,
      at: this.now(),
      type: e.type,
      resource: e.resource,
      namespace: e.object.metadata.namespace,
      name: e.object.metadata.name ?? '',
    };
    if (this.ring.length < this.capacity) this.ring.push(entry);
    else {
      this.ring[this.start] = entry;
      this.start = (this.start + 1) % this.capacity;
    }
  }

  get size(): number {
    return this.ring.length;
  }

  /** The kept entries, oldest first (a copy). */
  get entries(): LogEntry[] {
    return this.start === 0 ? this.ring.slice() : this.ring.slice(this.start).concat(this.ring.slice(0, this.start));
  }

  lines(from = 0): string[] {
    return this.entries
      .slice(from)
      .map((e) => `${e.rv} ${new Date(e.at).toISOString()} ${e.type} ${e.resource} ${e.namespace ? `${e.namespace}/` : ''}${e.name}`);
  }

  /** FNV-1a over every line: equal digests mean equal logs. */
  digest(): string {
    let h = 0x811c9dc5;
    for (const l of this.lines()) for (let i = 0; i < l.length; i++) h = Math.imul(h ^ l.charCodeAt(i), 0x01000193) >>> 0;
    return h.toString(16).padStart(8, '0');
  }
}
