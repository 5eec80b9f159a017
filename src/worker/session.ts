/**
 * One running cluster: the control plane, the clock driver, the mirror feed and the board's
 * actions. A session is rebuilt exactly from its seed and journal: replaying each command at the
 * simulated time it first landed reproduces every object, uid and event (the cluster is
 * deterministic), including work that was in flight — which a copy of the store alone would lose.
 */
import { createCluster, type Cluster } from '../cluster/cluster';
import type { RestRequest } from '../cluster/apiserver/rest/types';
import { assertNever } from '../protocol/assert';
import type { ActionResult, Description, MutatingRequest, Notice, RestResult, SessionInfo, SessionStart } from '../protocol/messages';
import type { ClockState, ObjectRef } from '../protocol/views';
import { describe } from './describe/describe';
import * as node from './actions/node';
import * as pod from './actions/pod';
import { BoardClient } from './actions/rest';
import { ClockDriver } from './driver';
import { Feed } from './feed/feed';

/** Simulated time at which every session begins (fixed, so a seed alone fixes the run). */
export const SESSION_START = Date.UTC(2025, 0, 1, 9, 0, 0);

export class Session {
  readonly cluster: Cluster;
  readonly feed: Feed;
  readonly driver: ClockDriver;
  private streams = new Map<number, () => void>();
  private nextStream = 1;

  constructor(
    readonly seed: number,
    private readonly notify: (n: Notice) => void,
  ) {
    this.cluster = createCluster({ seed, startTime: SESSION_START });
    this.feed = new Feed(this.cluster.store, () => this.cluster.clock.now());
    this.driver = new ClockDriver(this.cluster.clock, SESSION_START, {
      tick: () => {
        const delta = this.feed.flush(this.driver.state());
        if (delta) this.notify({ type: 'mirror.delta', delta });
      },
      fault: (e) => this.fail(e),
    });
  }

  /** Builds the cluster, replays the journal silently, then publishes the whole mirror. */
  start(r: SessionStart): SessionInfo {
    this.feed.recording = false;
    for (const entry of r.journal) {
      this.cluster.clock.advanceTo(entry.at);
      try {
        this.apply(entry.request);
      } catch {
        // It failed the first time too (the user saw the error then); replay moves on.
      }
    }
    if (r.resumeAt !== undefined) this.cluster.clock.advanceTo(r.resumeAt);
    else if (r.warmupMs) this.cluster.clock.advanceTo(this.cluster.clock.now() + r.warmupMs);
    this.feed.recording = true;
    this.driver.setSpeed(r.speed);
    if (r.playing) this.driver.play();
    this.notify({ type: 'mirror.reset', snapshot: this.feed.snapshot(this.driver.state()) });
    this.driver.run();
    return { seed: this.seed, start: SESSION_START, now: this.cluster.clock.now(), replayed: r.journal.length };
  }

  clock(): ClockState {
    return this.driver.state();
  }

  /**
   * Applies a command that changes the cluster, attributing the writes it makes to the person who
   * asked. Zero-delay reactions (watch handlers → queues) run right after, with the user unset, so
   * controllers get the credit for what they do.
   */
  apply(r: Exclude<MutatingRequest, { type: 'rest.request' }>): ActionResult;
  apply(r: MutatingRequest): ActionResult | (RestResult & { at: number });
  apply(r: MutatingRequest): ActionResult | (RestResult & { at: number }) {
    const at = this.cluster.clock.now();
    const board = new BoardClient(this.cluster, this.feed, r.type === 'rest.request' ? (r.source ?? 'kubectl') : 'board');
    this.feed.user = r.type === 'rest.request' ? (r.source ?? 'kubectl') : 'you';
    try {
      if (r.type === 'rest.request') return { ...this.rest(r.req, r.source ?? 'kubectl'), at };
      this.action(board, r);
      return { at, audit: board.made };
    } catch (e) {
      // Refused, but it reached the API: the UI journals it with this, so a replay draws the same ids.
      const changed = board.made.some((m) => m.status < 400);
      throw e instanceof Error ? Object.assign(e, { landed: { at, changed } }) : e;
    } finally {
      this.feed.user = undefined;
      this.cluster.clock.flush();
    }
  }

  private action(api: BoardClient, r: Exclude<MutatingRequest, { type: 'rest.request' }>): void {
    switch (r.type) {
      case 'workload.scale':
        return pod.scale(api, r);
      case 'node.cordon':
        return node.cordon(api, r.node);
      case 'node.uncordon':
        return node.uncordon(api, r.node);
      case 'node.drain':
        return node.drain(api, r.node);
      case 'node.fault':
        return node.setFault(api, r);
      case 'node.delete':
        return node.remove(api, r.node);
      case 'node.add':
        node.add(api, r);
        return;
      case 'pod.delete':
        return pod.deletePod(api, r.namespace, r.name);
      case 'pod.fault':
        return pod.setPodFault(api, r);
      default:
        return assertNever(r, 'action');
    }
  }

  /** A raw REST request (kubectl, the editor). Streams forward their chunks as notices. */
  rest(req: RestRequest, source: string): RestResult {
    const res = this.cluster.rest(req);
    const method = req.method.toUpperCase();
    if (res.kind === 'reply') {
      if (!['GET', 'HEAD', 'OPTIONS'].includes(method)) {
        let error: string | undefined;
        if (res.status >= 400) {
          try {
            error = JSON.parse(res.body).message;
          } catch {
            error = res.body;
          }
        }
        const q = Object.keys(req.query).length ? `?${new URLSearchParams(req.query)}` : '';
        this.feed.noteAudit({ at: this.cluster.clock.now(), source, method, path: req.path + q, status: res.status, summary: `${method} ${req.path}`, ...(error ? { error } : {}) });
      }
      return { status: res.status, headers: res.headers, body: res.body };
    }
    const id = this.nextStream++;
    const end = () => {
      if (!this.streams.delete(id)) return;
      this.notify({ type: 'rest.end', stream: id });
    };
    const stop = res.start((chunk) => this.notify({ type: 'rest.chunk', stream: id, chunk }), end);
    this.streams.set(id, stop);
    // Stream timeouts are a transport concern (like the HTTP server's): wall time, not simulated.
    if (res.timeoutSeconds) setTimeout(() => this.cancel(id), res.timeoutSeconds * 1000);
    return { status: res.status, headers: res.headers, stream: id };
  }

  cancel(stream: number): void {
    const stop = this.streams.get(stream);
    if (!stop) return;
    this.streams.delete(stream);
    stop();
    this.notify({ type: 'rest.end', stream });
  }

  describe(ref: ObjectRef): Description {
    return describe(this.cluster, ref, this.feed.lookup);
  }

  /** Steps to the next moment an activity (a drawn write) happens. */
  step(): ClockState {
    const before = this.feed.activityCount;
    this.driver.step(() => this.feed.activityCount !== before);
    return this.driver.state();
  }

  private fail(e: unknown): void {
    for (const id of [...this.streams.keys()]) this.cancel(id);
    const err = e instanceof Error ? e : new Error(String(e));
    this.notify({ type: 'worker.fault', error: { name: err.name, message: err.message, stack: err.stack }, at: this.cluster.clock.now() });
  }
}
