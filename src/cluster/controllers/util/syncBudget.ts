/**
 * A per-key token bucket on the simulated clock for syncs that pod status changes ask for (a pod
 * turned Ready: a ReplicaSet's counts, a Service's endpoints). Upstream's controller-manager talks
 * to the API server through a rate-limited client (--kube-api-qps 20, --kube-api-burst 30), its
 * workqueue holds a key while a worker is busy with it, and the endpoint controllers can batch pod
 * updates (--endpoint-updates-batch-period): under a burst of pod updates one object is rewritten
 * far less often than once per pod. The simulation has no such latency, so without a budget a
 * ReplicaSet whose 100 pods turn Ready at 100 different milliseconds writes its status 100 times.
 * Light load never waits: a key has `burst` syncs in hand and earns one back every `periodMs`.
 */
import type { WorkQueue } from '../../client/workqueue';

export class SyncBudget {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly now: () => number,
    readonly burst = 10,
    readonly periodMs = 100,
  ) {}

  /** Milliseconds until `key` may sync again (0: now). */
  wait(key: string): number {
    const b = this.buckets.get(key);
    if (!b) return 0;
    const tokens = this.refill(b);
    return tokens >= 1 ? 0 : Math.ceil((1 - tokens) * this.periodMs);
  }

  /** Queues `key` now, or once its budget allows it (unless it is queued already). */
  enqueue(q: WorkQueue, key: string): void {
    const wait = this.wait(key);
    if (wait === 0) q.add(key);
    else if (!q.isQueued(key)) q.addAfter(key, wait);
  }

  /** Counts a sync of `key` against its budget (every sync, whatever triggered it). */
  spend(key: string): void {
    let b = this.buckets.get(key);
    if (!b) this.buckets.set(key, (b = { tokens: this.burst, at: this.now() }));
    b.tokens = Math.max(0, this.refill(b) - 1);
  }

  forget(key: string): void {
    this.buckets.delete(key);
  }

  private refill(b: { tokens: number; at: number }): number {
    const now = this.now();
    if (now > b.at) {
      b.tokens = Math.min(this.burst, b.tokens + (now - b.at) / this.periodMs);
      b.at = now;
    }
    return b.tokens;
  }
}
