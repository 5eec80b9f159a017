import type { SimClock } from '../sim/clock';

/**
 * A rate-limited work queue on the simulated clock, as client-go's: a key is queued at most once,
 * is never processed by two workers at once (re-adds while processing run again afterwards), can be
 * added after a delay, and failing keys back off exponentially (5 ms doubling to 1000 s).
 */
export class WorkQueue {
  private queue: string[] = [];
  private head = 0;
  private dirty = new Set<string>();
  private processing = new Set<string>();
  private failures = new Map<string, number>();
  private delayed = new Map<string, { at: number; timer: number }>();
  private scheduled = false;

  constructor(
    private readonly clock: SimClock,
    /** Called (once per burst, at the current simulated time) when keys are ready. */
    private readonly onReady: () => void,
    readonly baseDelayMs = 5,
    readonly maxDelayMs = 1_000_000,
  ) {}

  get length(): number {
    return this.queue.length - this.head;
  }

  /** Whether `key` is queued and not yet taken (a further `add` would change nothing). */
  isQueued(key: string): boolean {
    return this.dirty.has(key);
  }

  add(key: string): void {
    if (this.dirty.has(key)) return;
    this.dirty.add(key);
    if (this.processing.has(key)) return;
    this.queue.push(key);
    this.wake();
  }

  /** Adds `key` once `delayMs` of simulated time has passed (the earliest pending add wins). */
  addAfter(key: string, delayMs: number): void {
    if (delayMs <= 0) return this.add(key);
    const at = this.clock.now() + delayMs;
    const prev = this.delayed.get(key);
    if (prev && prev.at <= at) return;
    if (prev) this.clock.clear(prev.timer);
    const timer = this.clock.at(at, () => {
      this.delayed.delete(key);
      this.add(key);
    });
    this.delayed.set(key, { at, timer });
  }

  /** Re-queues a failed key with per-key exponential back-off. */
  addRateLimited(key: string): void {
    const n = this.failures.get(key) ?? 0;
    this.failures.set(key, n + 1);
    this.addAfter(key, Math.min(this.baseDelayMs * 2 ** n, this.maxDelayMs));
  }

  /** Clears the back-off history of a key that synced successfully. */
  forget(key: string): void {
    this.failures.delete(key);
  }

  /** Takes the next key, or undefined when empty. Call `done(key)` after processing it. */
  get(): string | undefined {
    if (this.head >= this.queue.length) return undefined;
    const key = this.queue[this.head++];
    if (this.head > 1024 && this.head * 2 > this.queue.length) {
      this.queue = this.queue.slice(this.head);
      this.head = 0;
    }
    this.dirty.delete(key);
    this.processing.add(key);
    return key;
  }

  done(key: string): void {
    this.processing.delete(key);
    if (this.dirty.has(key)) {
      this.queue.push(key);
      this.wake();
    }
  }

  /** Schedules processing again if keys are waiting (after a worker yielded mid-queue). */
  kick(): void {
    if (this.length > 0) this.wake();
  }

  private wake(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    this.clock.after(0, () => {
      this.scheduled = false;
      this.onReady();
    });
  }
}
