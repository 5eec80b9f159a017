/**
 * The shell around one pod's simulation (the kubelet's pod worker + status manager): runs the
 * interpreter when a stage is due or the pod changed, records the events, writes the status when it
 * changed and finally deletes the pod. One clock timer per pod, no scans.
 *
 * Status writes are coalesced like the kubelet's sync loop: nothing is published while a sync is
 * blocked pulling an image, and changes followed within a second by another due stage are written
 * together (never held back more than two seconds otherwise). A pod's fast path is two writes:
 * ContainerCreating, then Running + Ready.
 */
import { ApiError } from '../api/errors';
import { deepEqual } from '../api/equal';
import type { KObject } from '../api/types';
import type { ControllerContext } from '../controllers/types';
import { advance, nextDue, rebase, type StageIndex } from './lifecycle';
import type { NodeEnv, PodSim } from './model';
import { newPodSim, updatePodSim } from './podSim';
import { PodRng } from './podRng';
import { podStatus } from './status';

const COALESCE_MS = 1000;
const MAX_HOLD_MS = 2000;

/** What a pod worker needs from its node agent. */
export interface WorkerHost {
  ctx: ControllerContext;
  env: NodeEnv;
  stages: StageIndex;
  /** false while the node is down or partitioned: nothing reaches the API. */
  online(): boolean;
  /** false while the node is down: the kubelet does nothing at all. */
  running(): boolean;
  /** Remembers the resourceVersion of our own status write (its watch event is ignored). */
  wrote(key: string, rv: string | undefined): void;
  /** Marks our own status write in flight: watch delivery may run inside it, before `wrote`. */
  writing(key: string | undefined): void;
}

export class PodWorker {
  readonly sim: PodSim;
  private timer?: number;
  private timerAt?: number;
  /** Nothing written yet, or the API's copy must be checked again (resume, drift): never held back. */
  private fresh = true;
  private writtenSeq = -1;
  private dirtySince?: number;
  private pendingDelete = false;
  private pulling = false;
  private stopped = false;

  constructor(
    private readonly host: WorkerHost,
    readonly key: string,
    pod: KObject,
  ) {
    const now = host.ctx.clock.now();
    this.sim = newPodSim(pod, host.env.ip, PodRng.from(host.ctx.rng, `pod/${pod.metadata.uid}`), now);
    this.run();
  }

  get uid(): string {
    return this.sim.uid;
  }

  /** A newer pod object arrived from the API (someone else's write). */
  update(pod: KObject): void {
    if (this.stopped || !this.host.running()) return;
    const changed = updatePodSim(this.sim, pod, this.host.ctx.clock.now());
    // Like the status manager's periodic sync: put back a Ready condition someone else rewrote
    // (the node lifecycle controller marks pods NotReady while the node is unreachable).
    const ours = this.sim.cond.Ready;
    const theirs = (pod.status?.conditions ?? []).find((c: KObject) => c.type === 'Ready')?.status;
    const drift = ours !== undefined && theirs !== (ours > 0 ? 'True' : 'False');
    if (drift) (this.fresh = true), (this.writtenSeq = -1);
    if (changed || drift) this.run(drift);
  }

  /** The node came back (or the pod changed while the node was away): catch up and publish. */
  resume(pod: KObject | undefined, wasDown: boolean): void {
    const now = this.host.ctx.clock.now();
    if (wasDown) rebase(this.sim, now);
    if (pod) updatePodSim(this.sim, pod, now);
    this.dirtySince = undefined;
    // Whatever the API says now is compared with the kubelet's view again.
    this.fresh = true;
    this.writtenSeq = -1;
    this.run(true);
  }

  /** The pod object is gone (or the node left): stop without further writes. */
  stop(): void {
    this.stopped = true;
    if (this.timer !== undefined) this.host.ctx.clock.clear(this.timer);
    this.timer = undefined;
    if (this.sim.sandboxReady && this.sim.podIP && !this.sim.pod.spec?.hostNetwork) this.host.env.releaseIP(this.sim.podIP);
    this.sim.sandboxReady = false;
  }

  private run(force = false): void {
    if (this.stopped || !this.host.running()) return;
    const { ctx, env, stages } = this.host;
    const now = ctx.clock.now();
    const res = advance(this.sim, env, now, stages);
    const online = this.host.online();
    if (online) for (const e of res.events) ctx.recorder.event(this.sim.pod, e.type, e.reason, e.message, 'kubelet', this.sim.nodeName, e.fieldPath);
    if (res.deleteRequested) this.pendingDelete = true;
    if (online) this.publish(now, force);
    if (this.stopped) return;
    this.schedule(nextDue(this.sim));
  }

  private publish(now: number, force: boolean): void {
    const sim = this.sim;
    if (sim.seq !== this.writtenSeq) {
      this.dirtySince ??= now;
      if (!this.hold(now, force)) this.writeStatus(now);
    }
    if (this.pendingDelete && !this.stopped) this.deletePod();
  }

  /** Whether to keep a changed status back for now (see the class comment). */
  private hold(now: number, force: boolean): boolean {
    const sim = this.sim;
    if (force || this.fresh || sim.state === 'Terminal' || sim.state === 'Deleted' || sim.deleting) return false;
    // A sync blocked in an image pull publishes nothing until the pull is over.
    if (sim.containers.some((c) => c.state === 'Pulling')) return (this.pulling = true);
    // The two-second bound counts from the end of the pull.
    if (this.pulling) (this.pulling = false), (this.dirtySince = now);
    const next = nextDue(sim);
    return next !== undefined && next - now <= COALESCE_MS && now - this.dirtySince! < MAX_HOLD_MS;
  }

  private writeStatus(now: number): void {
    const sim = this.sim;
    const status = podStatus(sim, now);
    this.writtenSeq = sim.seq;
    this.dirtySince = undefined;
    this.fresh = false;
    // Like the status manager: a status equal to the one the API server has is not written.
    if (deepEqual(status, sim.pod.status)) return;
    const body: KObject = { apiVersion: 'v1', kind: 'Pod', metadata: { name: sim.name, namespace: sim.namespace, uid: sim.uid }, status };
    try {
      this.host.writing(this.key);
      let res: KObject;
      try {
        res = this.host.ctx.client.updateStatus('pods', body);
      } finally {
        this.host.writing(undefined);
      }
      this.host.wrote(this.key, res.metadata.resourceVersion);
      sim.pod = res;
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      // NotFound / UID conflict: the pod is gone or was replaced; its worker is about to be dropped.
    }
  }

  private deletePod(): void {
    const sim = this.sim;
    this.pendingDelete = false;
    try {
      this.host.ctx.client.delete('pods', sim.namespace, sim.name, { gracePeriodSeconds: 0, preconditions: { uid: sim.uid } });
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
    }
  }

  private schedule(at: number | undefined): void {
    const clock = this.host.ctx.clock;
    if (at === this.timerAt && this.timer !== undefined) return;
    if (this.timer !== undefined) clock.clear(this.timer);
    this.timer = undefined;
    this.timerAt = at;
    if (at === undefined) return;
    this.timer = clock.at(at, () => {
      this.timer = undefined;
      this.timerAt = undefined;
      this.run();
    });
  }
}
