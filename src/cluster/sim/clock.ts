/**
 * The one simulated clock. Time only moves when someone advances it (tests, lessons) or when a
 * driver outside src/cluster maps wall time to it (worker, headless server) — so runs are
 * reproducible: same seed + same commands = same event log.
 */
export interface Timer {
  id: number;
  at: number;
  seq: number;
  fn: () => void;
}

export class SimClock {
  private t: number;
  private seq = 0;
  private heap: Timer[] = [];
  private cancelled = new Set<number>();

  /** `start` is simulated epoch milliseconds (default 2025-01-01T00:00:00Z). */
  constructor(start = Date.UTC(2025, 0, 1)) {
    this.t = start;
  }

  /** Simulated epoch milliseconds. */
  now(): number {
    return this.t;
  }

  /** RFC 3339 with second precision, as metav1.Time serialises. */
  nowRFC3339(): string {
    return rfc3339(this.t);
  }

  /** Runs `fn` when simulated time reaches now + delayMs; returns an id for `clear`. */
  after(delayMs: number, fn: () => void): number {
    return this.at(this.t + Math.max(0, delayMs), fn);
  }

  /** Runs `fn` at absolute simulated time `at` (or now, if already past). */
  at(at: number, fn: () => void): number {
    const timer: Timer = { id: ++this.seq, at: Math.max(at, this.t), seq: this.seq, fn };
    this.push(timer);
    return timer.id;
  }

  clear(id: number): void {
    this.cancelled.add(id);
  }

  /** Time of the next pending timer, or undefined. */
  nextAt(): number | undefined {
    this.dropCancelled();
    return this.heap[0]?.at;
  }

  /** Fires every timer due at or before now + ms, in time order, then sets now = now + ms. */
  advance(ms: number): void {
    this.advanceTo(this.t + ms);
  }

  /**
   * Fires every timer due up to `target`, in order, then sets the time to `target`. `yieldNow`,
   * asked after each timer, lets a wall-clock driver (outside the core) stop early so a burst of
   * same-instant work cannot starve it; it then returns false with time at the last timer fired.
   * Where it stops never changes what happens, only when the caller gets control back.
   */
  advanceTo(target: number, yieldNow?: () => boolean): boolean {
    // Whole milliseconds only: wall-driven callers (speed × elapsed) pass fractions, and API times,
    // event names and uids are built from integer milliseconds.
    target = Math.floor(target);
    for (;;) {
      this.dropCancelled();
      const top = this.heap[0];
      if (!top || top.at > target) break;
      this.pop();
      this.t = Math.max(this.t, top.at);
      top.fn();
      if (yieldNow?.()) return false;
    }
    this.t = Math.max(this.t, target);
    return true;
  }

  /** Fires timers due now (zero-delay work), without moving time. */
  flush(): void {
    this.advanceTo(this.t);
  }

  /** Jumps to each next timer until none is left or `limitMs` of simulated time has passed. */
  runUntilIdle(limitMs = 24 * 3600_000): void {
    const end = this.t + limitMs;
    for (let next = this.nextAt(); next !== undefined && next <= end; next = this.nextAt()) this.advanceTo(next);
  }

  pending(): number {
    return this.heap.length - this.cancelled.size;
  }

  private dropCancelled(): void {
    while (this.heap.length && this.cancelled.has(this.heap[0].id)) {
      this.cancelled.delete(this.heap[0].id);
      this.pop();
    }
  }

  private less(a: Timer, b: Timer): boolean {
    return a.at < b.at || (a.at === b.at && a.seq < b.seq);
  }

  private push(x: Timer): void {
    const h = this.heap;
    h.push(x);
    let i = h.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.less(h[i], h[p])) break;
      [h[i], h[p]] = [h[p], h[i]];
      i = p;
    }
  }

  private pop(): Timer | undefined {
    const h = this.heap;
    const top = h[0];
    const last = h.pop();
    if (h.length && last) {
      h[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < h.length && this.less(h[l], h[m])) m = l;
        if (r < h.length && this.less(h[r], h[m])) m = r;
        if (m === i) break;
        [h[i], h[m]] = [h[m], h[i]];
        i = m;
      }
    }
    return top;
  }
}

let lastSecond = NaN;
let lastText = '';

/** Epoch ms → `2025-01-01T00:00:00Z`. Memoises the last second: callers ask for "now" in bursts. */
export function rfc3339(ms: number): string {
  const sec = Math.floor(ms / 1000);
  if (sec !== lastSecond) {
    lastText = new Date(sec * 1000).toISOString().replace('.000Z', 'Z');
    lastSecond = sec;
  }
  return lastText;
}
