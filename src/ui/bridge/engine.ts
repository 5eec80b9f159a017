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

const spawnDefault = () => new Worker(new URL('../../worker/cluster.worker.ts', import.meta.url), { type: 'module', name: 'kubeplay-cluster' });

export class Engine {
  private worker: Worker | undefined;
  private rpc: RpcClient | undefined;
  private queued: MirrorDelta[] = [];
  private frame = 0;
  private frameIsTimer = false;
  private journal: JournalEntry[] = [];
  private streams = new Map<number, StreamHandler>();
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
    await this.boot(this.journal, resumeAt);
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

  /** Sends a request; journals it when it changed the cluster. */
  async request<T extends RequestType>(req: RequestOf<T>): Promise<Results[T]> {
    if (!this.rpc || mirror.getState().status === 'crashed') throw new RemoteError({ name: 'EngineStopped', message: 'the cluster is not running — restart it first' });
    const r = req as Request;
    if (r.type === 'sim.play') this.playing = true;
    if (r.type === 'sim.pause' || r.type === 'sim.step') this.playing = false;
    if (r.type === 'sim.speed') this.speed = r.speed;
    const res = await this.rpc.request(req);
    if (isMutating(r)) this.journal.push({ at: (res as { at: number }).at, request: r });
    return res;
  }

  /** Opens a watch (or any streaming request) and feeds its chunks to `h`. */
  async stream(req: RequestOf<'rest.request'>, h: StreamHandler): Promise<Results['rest.request']> {
    const res = await this.request(req);
    if (res.stream !== undefined) this.streams.set(res.stream, h);
    return res;
  }

  /** How many commands a restart would replay. */
  get journalLength(): number {
    return this.journal.length;
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
      case 'rest.chunk':
        this.streams.get(n.stream)?.chunk(n.chunk);
        return;
      case 'rest.end':
        this.streams.get(n.stream)?.end();
        this.streams.delete(n.stream);
        return;
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
  }
}
