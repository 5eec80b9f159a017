/**
 * The scheduling queue (backend/queue PriorityQueue, 1.32 with queueing hints):
 * - activeQ: pods ready to try, ordered by the QueueSort plugin (priority, then timestamp);
 * - backoffQ: pods that failed recently, released once their backoff (1 s doubling to 10 s) ends,
 *   checked on a 1 s tick as upstream's flushBackoffQCompleted;
 * - unschedulablePods: pods no node fits; a cluster event moves one back when a plugin that
 *   rejected it says the change may help (its queueing hint), or after 5 min (checked every 30 s).
 * Timers run only while pods wait, so an idle cluster has no pending timers.
 */
import type { SimClock } from '../sim/clock';
import { eventMatches, type ClusterEvent, EVENT_UNSCHEDULABLE_TIMEOUT } from './framework/events';
import type { KObject } from '../api/types';
import type { PodInfo } from './framework/podInfo';
import { Heap } from './heap';
import { backoffDuration, worthRequeuing, type QueueName, type QueuePlugins, type QueuedPodInfo, type Strategy } from './queueing';

export type { QueueName, QueuePlugins, QueuedPodInfo } from './queueing';

export interface QueueOptions {
  initialBackoffMs?: number;
  maxBackoffMs?: number;
  maxInUnschedulableMs?: number;
}

type Clock = Pick<SimClock, 'now' | 'at' | 'clear'>;

const BACKOFF_FLUSH_MS = 1_000;
const LEFTOVER_FLUSH_MS = 30_000;

export class SchedulingQueue {
  private pods = new Map<string, QueuedPodInfo>();
  private active: Heap<QueuedPodInfo>;
  private backoff: Heap<QueuedPodInfo>;
  private unschedulable = new Set<QueuedPodInfo>();
  private byPlugin = new Map<string, Set<QueuedPodInfo>>();
  /** Pods being scheduled (or waiting to bind) and the cluster events seen meanwhile. */
  private inFlight = new Map<string, { event: ClusterEvent; oldObj?: KObject; newObj?: KObject }[]>();
  private seq = 0;
  private backoffTimer: { id: number; at: number } | undefined;
  private leftoverTimer: number | undefined;
  private readonly start: number;
  readonly initialBackoffMs: number;
  readonly maxBackoffMs: number;
  readonly maxInUnschedulableMs: number;
  /** Incremented by every Pop. */
  schedulingCycle = 0;

  constructor(
    private readonly clock: Clock,
    private readonly fw: QueuePlugins,
    /** Called whenever activeQ gains a pod (the scheduler then arranges to pop). */
    private readonly onActive: () => void,
    opts: QueueOptions = {},
  ) {
    this.initialBackoffMs = opts.initialBackoffMs ?? 1_000;
    this.maxBackoffMs = opts.maxBackoffMs ?? 10_000;
    this.maxInUnschedulableMs = opts.maxInUnschedulableMs ?? 300_000;
    this.start = clock.now();
    this.active = new Heap((a, b) => fw.queueSort.less(a, b));
    this.backoff = new Heap((a, b) => {
      const d = this.backoffExpiry(a) - this.backoffExpiry(b);
      return d < 0 || (d === 0 && a.seq < b.seq);
    });
  }

  get activeLength(): number {
    return this.active.size;
  }
  get backoffLength(): number {
    return this.backoff.size;
  }
  get unschedulableLength(): number {
    return this.unschedulable.size;
  }

  /** The queue entry of a pending pod (in any sub-queue or in flight). */
  get(uid: string): QueuedPodInfo | undefined {
    return this.pods.get(uid);
  }

  /** A new unscheduled pod. */
  add(pi: PodInfo): void {
    if (this.pods.has(pi.uid)) return this.update(this.pods.get(pi.uid)!.podInfo, pi);
    const q: QueuedPodInfo = {
      podInfo: pi,
      timestamp: this.clock.now(),
      seq: ++this.seq,
      attempts: 0,
      unschedulablePlugins: new Set(),
      gatingPlugin: '',
      gatingMessage: '',
      heapIndex: -1,
      where: 'none',
    };
    this.pods.set(pi.uid, q);
    if (this.moveToActive(q)) this.onActive();
  }

  /** An update of an unscheduled pod; `actions` are its PodSchedulingPropertiesChange. */
  update(old: PodInfo, pi: PodInfo, event?: ClusterEvent): void {
    const q = this.pods.get(pi.uid);
    if (!q) return this.add(pi);
    q.podInfo = pi;
    if (q.where === 'inflight') {
      if (event) this.inFlight.get(pi.uid)?.push({ event, oldObj: old.pod, newObj: pi.pod });
      return;
    }
    if (q.where === 'active') return this.active.fix(q);
    if (q.where === 'backoff') return this.backoff.fix(q);
    if (q.where !== 'unschedulable' || !event) return;
    if (q.gatingPlugin) {
      // Gated pods are re-checked against PreEnqueue on their own updates (gates removed).
      if (this.moveToActive(q)) this.onActive();
      return;
    }
    if (this.worthRequeuing(q, event, old.pod, pi.pod) === 'backoff') this.requeue(q, 'backoff');
  }

  delete(uid: string): void {
    const q = this.pods.get(uid);
    if (!q) return;
    this.detach(q);
    this.pods.delete(uid);
  }

  /** Pop: the next pod to schedule (attempts + 1, a new scheduling cycle), or undefined. */
  pop(): QueuedPodInfo | undefined {
    const q = this.active.pop();
    if (!q) return undefined;
    q.attempts++;
    this.schedulingCycle++;
    q.where = 'inflight';
    q.unschedulablePlugins = new Set();
    this.inFlight.set(q.podInfo.uid, []);
    return q;
  }

  /** Done: the attempt is over (a bound pod leaves the queue for good). */
  done(uid: string): void {
    const q = this.pods.get(uid);
    this.inFlight.delete(uid);
    if (q?.where === 'inflight') {
      q.where = 'none';
      this.pods.delete(uid);
    }
  }

  /**
   * AddUnschedulableIfNotPresent after a failed attempt: back to activeQ/backoffQ if an event seen
   * during the attempt may help (or the failure was an error), otherwise to unschedulablePods.
   */
  addUnschedulable(q: QueuedPodInfo): QueueName {
    if (!this.pods.has(q.podInfo.uid)) return 'none';
    q.timestamp = this.clock.now();
    q.seq = ++this.seq;
    let strategy: Strategy = 'skip';
    if (q.unschedulablePlugins.size === 0) strategy = 'backoff';
    else
      for (const e of this.inFlight.get(q.podInfo.uid) ?? [])
        if (this.worthRequeuing(q, e.event, e.oldObj, e.newObj) === 'backoff') {
          strategy = 'backoff';
          break;
        }
    this.inFlight.delete(q.podInfo.uid);
    q.where = 'none';
    this.requeue(q, strategy);
    return q.where;
  }

  /** A cluster change: move the unschedulable pods it may help (MoveAllToActiveOrBackoffQueue). */
  onEvent(event: ClusterEvent, oldObj?: KObject, newObj?: KObject): void {
    if (this.inFlight.size) for (const list of this.inFlight.values()) list.push({ event, oldObj, newObj });
    if (this.unschedulable.size === 0) return;
    const candidates = new Set<QueuedPodInfo>();
    for (const [plugin, regs] of this.fw.hints) {
      const pods = this.byPlugin.get(plugin);
      if (!pods?.size || !regs.some((r) => eventMatches(r.event, event))) continue;
      for (const q of pods) candidates.add(q);
    }
    let moved = false;
    for (const q of candidates)
      if (this.worthRequeuing(q, event, oldObj, newObj) === 'backoff') {
        this.requeue(q, 'backoff');
        moved ||= q.where === 'active';
      }
    if (moved) this.onActive();
  }

  /** Pods waiting in the queue (not in flight), for explanations and tests. */
  pending(): QueuedPodInfo[] {
    return [...this.pods.values()].filter((q) => q.where !== 'inflight' && q.where !== 'none');
  }

  /** calculateBackoffDuration: 1 s, doubling per attempt, capped at 10 s; none before the first attempt. */
  backoffDuration(q: Pick<QueuedPodInfo, 'attempts'>): number {
    return backoffDuration(q.attempts, this.initialBackoffMs, this.maxBackoffMs);
  }

  private backoffExpiry(q: QueuedPodInfo): number {
    return q.timestamp + this.backoffDuration(q);
  }

  private worthRequeuing(q: QueuedPodInfo, event: ClusterEvent, oldObj?: KObject, newObj?: KObject): Strategy {
    return worthRequeuing(this.fw, q, event, oldObj, newObj);
  }

  /** requeuePodViaQueueingHint. */
  private requeue(q: QueuedPodInfo, s: Strategy): void {
    if (s === 'skip') return this.toUnschedulable(q);
    if (this.backoffExpiry(q) > this.clock.now()) {
      this.detach(q);
      q.where = 'backoff';
      this.backoff.push(q);
      this.armBackoff();
      return;
    }
    this.moveToActive(q);
  }

  /** moveToActiveQ: PreEnqueue plugins may gate the pod (it then waits in unschedulablePods). */
  private moveToActive(q: QueuedPodInfo): boolean {
    const gate = this.fw.runPreEnqueue(q.podInfo);
    if (gate) {
      q.gatingPlugin = gate.plugin;
      q.gatingMessage = gate.message();
      if (q.where !== 'unschedulable') this.toUnschedulable(q);
      return false;
    }
    q.gatingPlugin = '';
    q.gatingMessage = '';
    q.initialAttemptTimestamp ??= this.clock.now();
    this.detach(q);
    q.where = 'active';
    this.active.push(q);
    return true;
  }

  private toUnschedulable(q: QueuedPodInfo): void {
    this.detach(q);
    q.where = 'unschedulable';
    this.unschedulable.add(q);
    if (q.gatingPlugin) return;
    for (const p of q.unschedulablePlugins) {
      let s = this.byPlugin.get(p);
      if (!s) this.byPlugin.set(p, (s = new Set()));
      s.add(q);
    }
    if (this.leftoverTimer === undefined) this.armLeftover(q.timestamp);
  }

  private detach(q: QueuedPodInfo): void {
    if (q.where === 'active') this.active.remove(q);
    else if (q.where === 'backoff') this.backoff.remove(q);
    else if (q.where === 'unschedulable') {
      this.unschedulable.delete(q);
      for (const p of q.unschedulablePlugins) this.byPlugin.get(p)?.delete(q);
    }
    q.where = 'none';
  }

  // The flush loops run on fixed ticks from the queue's start (wait.Until), armed only when needed.
  private tickAtOrAfter(t: number, period: number): number {
    return this.start + Math.max(0, Math.ceil((t - this.start) / period)) * period;
  }

  private armBackoff(): void {
    const top = this.backoff.peek();
    if (!top) return;
    const at = this.tickAtOrAfter(this.backoffExpiry(top), BACKOFF_FLUSH_MS);
    if (this.backoffTimer && this.backoffTimer.at <= at) return;
    if (this.backoffTimer) this.clock.clear(this.backoffTimer.id);
    this.backoffTimer = { at, id: this.clock.at(at, () => this.flushBackoff()) };
  }

  /** flushBackoffQCompleted. */
  private flushBackoff(): void {
    this.backoffTimer = undefined;
    const now = this.clock.now();
    let moved = false;
    for (let q = this.backoff.peek(); q && this.backoffExpiry(q) <= now; q = this.backoff.peek()) moved = this.moveToActive(q) || moved;
    this.armBackoff();
    if (moved) this.onActive();
  }

  private armLeftover(since: number): void {
    // The first 30 s tick strictly more than 5 min after `since`.
    const at = this.tickAtOrAfter(since + this.maxInUnschedulableMs + 1, LEFTOVER_FLUSH_MS);
    this.leftoverTimer = this.clock.at(at, () => this.flushLeftover());
  }

  /** flushUnschedulablePodsLeftover: pods unschedulable for over 5 min get another try. */
  private flushLeftover(): void {
    this.leftoverTimer = undefined;
    const now = this.clock.now();
    let oldest = Infinity;
    let moved = false;
    for (const q of [...this.unschedulable]) {
      if (q.gatingPlugin) continue;
      if (now - q.timestamp > this.maxInUnschedulableMs) {
        if (this.worthRequeuing(q, EVENT_UNSCHEDULABLE_TIMEOUT) === 'backoff') this.requeue(q, 'backoff');
        moved ||= q.where === 'active';
      } else oldest = Math.min(oldest, q.timestamp);
    }
    if (oldest !== Infinity) this.armLeftover(oldest);
    if (moved) this.onActive();
  }
}
