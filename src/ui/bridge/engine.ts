/**
 * The bridge between the UI and the cluster worker: starts the worker, folds its deltas into the
 * mirror at most once per animation frame, forwards requests, journals the ones that change the
 * cluster, and when the worker dies keeps the last picture and can start a fresh one from the
 * journal (seed + commands at their simulated times = the same cluster).
 */
import { RemoteError, toWireError } from '../../protocol/errors';
import { isMutating, type JournalEntry, type Notice, type Request, type RequestOf, type RequestType, type Results, type WorkerMessage } from '../../protocol/messages';
import { RpcClient } from '../../protocol/rpc';
import type { MirrorDelta } from '../../protocol/views';
import { Journal } from './journal';
import { applyDeltas, fromSnapshot } from './mirrorState';
import { mirror, writeMirror } from './mirrorStore';

export interface EngineOptions {
  seed: number;
  playing: boolean;
  speed: number;
  /** Simulated time to run before the first picture (see SessionStart.warmupMs). */
  warmupMs?: number;
  /** Builds the worker (tests and the bench may swap it). */
  spawn?: () => Worker;
}

type StreamHandler = { chunk(c: string): void; end(): void };

/** What a stream said before its id reached us (the worker sends a watch's first events before the reply). */
interface Early {
  chunks: string[];
  ended: boolean;
}

const spawnDefault = () => new Worker(new URL('../../worker/cluster.worker.ts', import.meta.url), { type: 'module', name: 'kubeplay-cluster' });

export class Engine {
  private worker: Worker | undefined;
  private rpc: RpcClient | undefined;
  private queued: MirrorDelta[] = [];
  private frame = 0;
  private frameIsTimer = false;
  private journal = new Journal();
  private streams = new Map<number, StreamHandler>();
  private early = new Map<number, Early>();
  /** The highest stream id answered so far: ids are handed out in order, so only higher ones can be early. */
  private lastStream = 0;
  private playing: boolean;
  private speed: number;

  constructor(private readonly opts: EngineOptions) {
    this.playing = opts.playing;
    this.speed = opts.speed;
  }

  /** Starts the worker and the session (first load). */
  start(): Promise<void> {
    return this.boot([], undefined);
  }

  /** A fresh worker, replaying the journal up to the last time the mirror showed; starts paused. */
  async restart(): Promise<void> {
    const resumeAt = mirror.getState().clock.now || undefined;
    writeMirror((s) => ({ ...s, status: 'restarting' }));
    this.playing = false;
    await this.boot([...this.journal.entries], resumeAt);
  }

  private async boot(journal: JournalEntry[], resumeAt: number | undefined): Promise<void> {
    this.dispose();
    const worker = (this.opts.spawn ?? spawnDefault)();
    this.worker = worker;
    const rpc = new RpcClient(
      (m) => worker.postMessage(m),
      (n) => this.onNotice(n),
    );
    this.rpc = rpc;
    worker.addEventListener('message', (e: MessageEvent<WorkerMessage>) => {
      try {
        rpc.receive(e.data);
      } catch (err) {
        this.crash(err instanceof Error ? err.message : String(err));
      }
    });
    worker.addEventListener('error', (e: ErrorEvent) => {
      // Handled here (the banner says it), so the browser need not also report it.
      e.preventDefault();
      this.crash(e.message || 'the cluster worker failed');
    });
    worker.addEventListener('messageerror', () => this.crash('a message from the cluster worker could not be read'));
    try {
      await rpc.request({ type: 'session.start', seed: this.opts.seed, journal, resumeAt, warmupMs: this.opts.warmupMs, playing: this.playing, speed: this.speed });
    } catch (err) {
      this.crash(err instanceof Error ? err.message : String(err));
    }
  }

  /** Sends a request; journals every command that reached the API (see journal.ts). */
  request<T extends RequestType>(req: RequestOf<T>): Promise<Results[T]> {
    return this.send(req);
  }

  /** Opens a watch (or any streaming request) and feeds its chunks to `h`, including any that came before the reply. */
  stream(req: RequestOf<'rest.request'>, h: StreamHandler): Promise<Results['rest.request']> {
    return this.send(req, h);
  }

  private async send<T extends RequestType>(req: RequestOf<T>, h?: StreamHandler): Promise<Results[T]> {
    if (!this.rpc || mirror.getState().status === 'crashed') throw new RemoteError({ name: 'EngineStopped', message: 'the cluster is not running — restart it first' });
    const r = req as Request;
    if (r.type === 'sim.play') this.playing = true;
    if (r.type === 'sim.pause' || r.type === 'sim.step') this.playing = false;
    if (r.type === 'sim.speed') this.speed = r.speed;
    let res: Results[T];
    try {
      res = await this.rpc.request(req);
    } catch (e) {
      if (isMutating(r) && e instanceof RemoteError && e.wire.landed) this.journal.refused(r, e.wire.landed);
      throw e;
    }
    if (isMutating(r)) this.journal.answered(r, res);
    const id = r.type === 'rest.request' ? (res as Results['rest.request']).stream : undefined;
    if (id !== undefined) this.claim(id, h);
    return res;
  }

  /** Hands a stream to its handler with what it already said; a stream nobody asked to follow is closed. */
  private claim(id: number, h: StreamHandler | undefined): void {
    this.lastStream = Math.max(this.lastStream, id);
    const early = this.early.get(id);
    this.early.delete(id);
    if (!h) {
      if (!early?.ended) void this.rpc?.request({ type: 'rest.cancel', stream: id }).catch(() => {});
      return;
    }
    for (const c of early?.chunks ?? []) h.chunk(c);
    if (early?.ended) h.end();
    else this.streams.set(id, h);
  }

  /** A chunk or end for a stream with no handler: kept if its reply is still to come, else dropped. */
  private earlyOf(id: number): Early | undefined {
    if (id <= this.lastStream) return undefined;
    let e = this.early.get(id);
    if (!e) this.early.set(id, (e = { chunks: [], ended: false }));
    return e;
  }

  /** How many of the person's changes a restart would bring back (refused commands and dry runs not counted). */
  get journalLength(): number {
    return this.journal.changes;
  }

  /** Every command a restart would replay, in order. */
  get journalEntries(): readonly JournalEntry[] {
    return this.journal.entries;
  }

  private onNotice(n: Notice): void {
    switch (n.type) {
      case 'mirror.reset':
        this.queued = [];
        writeMirror((s) => fromSnapshot(s, n.snapshot));
        // For the load-time test and the benchmark: when the first picture of the cluster landed.
        if (!performance.getEntriesByName('kubeplay:first-picture').length) performance.mark('kubeplay:first-picture');
        return;
      case 'mirror.delta':
        this.queued.push(n.delta);
        this.schedule();
        return;
      case 'rest.chunk': {
        const h = this.streams.get(n.stream);
        if (h) h.chunk(n.chunk);
        else this.earlyOf(n.stream)?.chunks.push(n.chunk);
        return;
      }
      case 'rest.end': {
        const h = this.streams.get(n.stream);
        this.streams.delete(n.stream);
        if (h) h.end();
        else {
          const e = this.earlyOf(n.stream);
          if (e) e.ended = true;
        }
        return;
      }
      case 'worker.fault':
        this.crash(n.error.message);
        return;
    }
  }

  /** One mirror write per animation frame, however many deltas arrived. */
  private schedule(): void {
    if (this.frame) return;
    const run = () => {
      this.frame = 0;
      const batch = this.queued;
      this.queued = [];
      if (batch.length) writeMirror((s) => applyDeltas(s, batch));
    };
    // A hidden tab gets no frames; deltas still have to land (and not pile up) there.
    this.frameIsTimer = document.hidden;
    this.frame = this.frameIsTimer ? (setTimeout(run, 250) as unknown as number) : requestAnimationFrame(run);
  }

  private crash(message: string): void {
    if (mirror.getState().status === 'crashed') return;
    // Keep the last picture: land what already arrived, then stop listening.
    const last = this.queued;
    this.cancelFrame();
    if (last.length) writeMirror((s) => applyDeltas(s, last));
    this.rpc?.failAll(toWireError(new Error(`the cluster stopped: ${message}`)));
    for (const h of this.streams.values()) h.end();
    this.streams.clear();
    this.early.clear();
    this.worker?.terminate();
    this.worker = undefined;
    this.rpc = undefined;
    this.playing = false;
    writeMirror((s) => ({ ...s, status: 'crashed', error: message, clock: { ...s.clock, playing: false } }));
  }

  private cancelFrame(): void {
    if (this.frame) (this.frameIsTimer ? clearTimeout : cancelAnimationFrame)(this.frame);
    this.frame = 0;
    this.queued = [];
  }

  private dispose(): void {
    this.worker?.terminate();
    this.worker = undefined;
    this.rpc = undefined;
    this.cancelFrame();
    // A new session numbers its streams from 1 again.
    this.early.clear();
    this.lastStream = 0;
  }
}
