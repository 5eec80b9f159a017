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

const TYPES: readonly StoreEvent['type'][] = ['ADDED', 'MODIFIED', 'DELETED'];
/** Column chunks grow by this many entries, so a small cluster never pays for a full-size log. */
const CHUNK = 1 << 14;

/**
 * The append-only log of every write the store commits, in order. Two runs with the same seed and
 * the same requests produce the same log line for line, which is what makes lessons checkable and
 * bugs replayable. `lines()` renders it compactly; `digest()` fingerprints it.
 *
 * Kept as columns (numbers in typed arrays, names as references to the objects' own strings): an
 * object per entry cost ~100 bytes, which at the million-entry capacity was ~100 MB of the heap.
 */
export class EventLog {
  private rv: Float64Array[] = [];
  private at: Float64Array[] = [];
  private type: Uint8Array[] = [];
  private resource: string[] = [];
  private namespace: (string | undefined)[] = [];
  private name: string[] = [];
  /** Slots written so far (≤ capacity); once full, a ring whose oldest slot is `start`. */
  private used = 0;
  private start = 0;

  constructor(
    private readonly now: () => number,
    /** Oldest entries are dropped past this many (the log is for replay and debugging, not unbounded). */
    readonly capacity = 1_000_000,
  ) {}

  record(e: StoreEvent): void {
    if (this.capacity <= 0) return;
    let slot: number;
    if (this.used < this.capacity) {
      slot = this.used++;
      if ((slot & (CHUNK - 1)) === 0 && slot / CHUNK >= this.rv.length) {
        this.rv.push(new Float64Array(CHUNK));
        this.at.push(new Float64Array(CHUNK));
        this.type.push(new Uint8Array(CHUNK));
      }
    } else {
      slot = this.start;
      this.start = (this.start + 1) % this.capacity;
    }
    const c = slot >>> 14;
    const i = slot & (CHUNK - 1);
    this.rv[c]![i] = e.rv;
    this.at[c]![i] = this.now();
    this.type[c]![i] = TYPES.indexOf(e.type);
    this.resource[slot] = e.resource;
    this.namespace[slot] = e.object.metadata.namespace;
    this.name[slot] = e.object.metadata.name ?? '';
  }

  get size(): number {
    return this.used;
  }

  private entry(k: number): LogEntry {
    const slot = (this.start + k) % this.used;
    const c = slot >>> 14;
    const i = slot & (CHUNK - 1);
    return { rv: this.rv[c]![i]!, at: this.at[c]![i]!, type: TYPES[this.type[c]![i]!]!, resource: this.resource[slot]!, namespace: this.namespace[slot], name: this.name[slot]! };
  }

  /** The kept entries, oldest first (a copy). */
  get entries(): LogEntry[] {
    const out: LogEntry[] = new Array(this.used);
    for (let k = 0; k < this.used; k++) out[k] = this.entry(k);
    return out;
  }

  lines(from = 0): string[] {
    const out: string[] = [];
    for (let k = from; k < this.used; k++) {
      const e = this.entry(k);
      out.push(`${e.rv} ${new Date(e.at).toISOString()} ${e.type} ${e.resource} ${e.namespace ? `${e.namespace}/` : ''}${e.name}`);
    }
    return out;
  }

  /** FNV-1a over every line: equal digests mean equal logs. */
  digest(): string {
    let h = 0x811c9dc5;
    for (const l of this.lines()) for (let i = 0; i < l.length; i++) h = Math.imul(h ^ l.charCodeAt(i), 0x01000193) >>> 0;
    return h.toString(16).padStart(8, '0');
  }
}
