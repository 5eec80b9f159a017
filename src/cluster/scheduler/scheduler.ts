/**
 * ScheduleOne (schedule_one.go): pop a pod, run the scheduling cycle (schedulePod, PostFilter on
 * failure, assume + Reserve on success), then the binding cycle (PreBind, Bind, the `Scheduled`
 * event). Failures go through handleSchedulingFailure: back to the queue, a `FailedScheduling`
 * event and the PodScheduled=False condition — one of each per attempt.
 */
import { ApiError } from '../api/errors';
import type { KObject } from '../api/types';
import type { Rng } from '../sim/rng';
import { Cache } from './framework/cache';
import { Action } from './framework/events';
import { FitError, fitErrorMessage, newDiagnosis } from './framework/fitError';
import type { ApiClient, Handle } from './framework/handle';
import { newPodInfo, withNodeName, type PodInfo } from './framework/podInfo';
import { Framework } from './framework/runner';
import { Code, CycleState, Status } from './framework/types';
import { ExplainStore } from './explain';
import { Nominator } from './nominator';
import { buildProfile } from './plugins/registry';
import { SchedulingQueue, type QueuedPodInfo } from './queue';
import { Algorithm, type ScheduleOutcome } from './schedulePod';
import type { SimClock } from '../sim/clock';
import { VICTIMS_KEY } from './plugins/defaultpreemption/plugin';

/** Pods scheduled per clock wake-up before yielding to other timers. */
const BATCH = 500;
/** VolumeBinding's bindTimeoutSeconds and the PreBind poll interval. */
const BIND_TIMEOUT_MS = 600_000;
const BIND_POLL_MS = 1_000;
/** The events API's note length limit. */
const NOTE_LENGTH_LIMIT = 1024;

export interface SchedulerDeps {
  client: ApiClient;
  recorder: Handle['recorder'];
  clock: Pick<SimClock, 'now' | 'nowRFC3339' | 'after' | 'at' | 'clear'>;
  rng: Rng;
  schedulerName?: string;
  services?: (ns: string) => readonly KObject[];
  percentageOfNodesToScore?: number;
  /** Node entries kept in full by the explanation store. */
  explainBudget?: number;
}

export function truncateMessage(msg: string): string {
  return msg.length <= NOTE_LENGTH_LIMIT ? msg : `${msg.slice(0, NOTE_LENGTH_LIMIT - 4)} ...`;
}

export class Scheduler {
  readonly name: string;
  readonly cache = new Cache();
  readonly nominator = new Nominator();
  readonly fw: Framework;
  readonly queue: SchedulingQueue;
  readonly algo: Algorithm;
  readonly explain: ExplainStore;
  private pumpArmed = false;
  private waitingBinds = new Map<string, () => void>();

  constructor(private readonly d: SchedulerDeps) {
    this.name = d.schedulerName ?? 'default-scheduler';
    const handle: Handle = {
      schedulerName: this.name,
      cache: this.cache,
      nominator: this.nominator,
      client: d.client,
      recorder: d.recorder,
      clock: d.clock,
      services: d.services ?? (() => []),
    };
    this.fw = new Framework(this.name, buildProfile(handle, d.rng.fork('plugins')), handle);
    handle.framework = this.fw;
    this.algo = new Algorithm(this.cache, d.rng, d.percentageOfNodesToScore ?? 0);
    this.explain = new ExplainStore(d.explainBudget);
    this.queue = new SchedulingQueue(d.clock, this.fw, () => this.armPump());
  }

  /** Whether this scheduler handles the pod (spec.schedulerName). */
  responsibleFor(pod: KObject): boolean {
    return (pod.spec?.schedulerName ?? 'default-scheduler') === this.name;
  }

  private armPump(): void {
    if (this.pumpArmed) return;
    this.pumpArmed = true;
    this.d.clock.after(0, () => this.pump());
  }

  private pump(): void {
    this.pumpArmed = false;
    for (let i = 0; i < BATCH; i++) if (!this.scheduleOne()) return;
    if (this.queue.activeLength) this.armPump();
  }

  /** Schedules the next pod of the active queue; false when it is empty. */
  scheduleOne(): boolean {
    const q = this.queue.pop();
    if (!q) return false;
    const pi = q.podInfo;
    // skipPodSchedule: a pod being deleted, or one already assumed.
    if (pi.terminating) {
      this.d.recorder.event(pi.pod, 'Warning', 'FailedScheduling', `skip schedule deleting pod: ${pi.namespace}/${pi.name}`, this.name);
      this.queue.done(pi.uid);
      return true;
    }
    if (this.cache.isAssumed(pi.uid)) {
      this.queue.done(pi.uid);
      return true;
    }
    const state = new CycleState();
    const out = this.algo.schedulePod(this.fw, state, pi);
    if (!out.host) {
      this.scheduleFailed(q, state, out);
      return true;
    }
    const assumed = withNodeName(pi, out.host);
    this.cache.assumePod(assumed);
    const rs = this.fw.runReserve(state, assumed, out.host);
    if (rs) {
      this.fw.runUnreserve(state, assumed, out.host);
      this.cache.forgetPod(assumed);
      // A rejecting Reserve is reported as a FitError over the one chosen node.
      const d = newDiagnosis();
      d.nodeToStatus.set(out.host, rs);
      const message = rs.isRejected() ? fitErrorMessage(1, d) : rs.message();
      if (rs.isRejected() && rs.plugin) q.unschedulablePlugins = new Set([rs.plugin]);
      this.record(q, state, out, { result: rs.isRejected() ? 'Unschedulable' : 'Error', message });
      this.handleFailure(q, rs.code, message, '');
      return true;
    }
    this.record(q, state, out, { result: 'Scheduled', node: out.host });
    this.bindingCycle(q, state, assumed, out.host);
    return true;
  }

  private scheduleFailed(q: QueuedPodInfo, state: CycleState, out: ScheduleOutcome): void {
    if (out.error) {
      this.record(q, state, out, { result: out.error.isRejected() ? 'Unschedulable' : 'Error', message: out.error.message() });
      return this.handleFailure(q, out.error.code, out.error.message(), '');
    }
    const fe = new FitError(out.numAllNodes, out.diagnosis);
    const pf = this.fw.postFilter.length ? this.fw.runPostFilter(state, q.podInfo, out.diagnosis.nodeToStatus) : undefined;
    out.diagnosis.postFilterMsg = pf?.status?.message() ?? '';
    q.unschedulablePlugins = out.diagnosis.unschedulablePlugins;
    this.record(q, state, out, {
      result: 'Unschedulable',
      message: fe.message,
      nominatedNode: pf?.nominatedNodeName || undefined,
      victims: state.read(VICTIMS_KEY),
    });
    this.handleFailure(q, Code.Unschedulable, fe.message, pf?.nominatedNodeName);
  }

  private record(q: QueuedPodInfo, state: CycleState, out: ScheduleOutcome, r: { result: 'Scheduled' | 'Unschedulable' | 'Error'; node?: string; message?: string; nominatedNode?: string; victims?: string[] }): void {
    const pi = q.podInfo;
    this.explain.record({
      uid: pi.uid,
      namespace: pi.namespace,
      name: pi.name,
      attempts: q.attempts,
      now: this.d.clock.now(),
      totalNodes: out.numAllNodes,
      failed: out.diagnosis.nodeToStatus,
      feasible: out.feasible,
      hostIndex: out.hostIndex,
      table: out.table,
      preFilter: out.diagnosis.preFilterMsg ? out.diagnosis.nodeToStatus.absent : undefined,
      skippedFilter: state.skipFilterPlugins,
      skippedScore: state.skipScorePlugins,
      ...r,
    });
  }

  private bindingCycle(q: QueuedPodInfo, state: CycleState, assumed: PodInfo, host: string): void {
    const s = this.fw.runPreBind(state, assumed, host);
    if (s?.code === Code.Wait) return this.waitForPreBind(q, state, assumed, host);
    if (s) return this.bindFailed(q, state, assumed, host, s);
    this.bind(q, state, assumed, host);
  }

  /** PreBind asked to wait (volumes being bound): poll every second, give up after 10 minutes. */
  private waitForPreBind(q: QueuedPodInfo, state: CycleState, assumed: PodInfo, host: string): void {
    const deadline = this.d.clock.now() + BIND_TIMEOUT_MS;
    const uid = assumed.uid;
    let timer = 0;
    const poll = () => {
      this.waitingBinds.delete(uid);
      const s = this.fw.runPreBindReady(state, assumed, host);
      if (!s) return this.bind(q, state, assumed, host);
      if (s.code !== Code.Wait) return this.bindFailed(q, state, assumed, host, s);
      if (this.d.clock.now() >= deadline)
        return this.bindFailed(q, state, assumed, host, new Status(Code.Error, [`running PreBind plugin "${s.plugin}": binding volumes: context deadline exceeded`], s.plugin));
      arm();
    };
    const arm = () => {
      timer = this.d.clock.after(BIND_POLL_MS, poll);
      this.waitingBinds.set(uid, () => {
        this.d.clock.clear(timer);
        this.fw.runUnreserve(state, assumed, host);
        this.cache.forgetPod(assumed);
        this.queue.done(uid);
      });
    };
    arm();
  }

  /** The pod went away while waiting to bind. */
  abortWaitingBind(uid: string): void {
    const abort = this.waitingBinds.get(uid);
    this.waitingBinds.delete(uid);
    abort?.();
  }

  private bind(q: QueuedPodInfo, state: CycleState, assumed: PodInfo, host: string): void {
    const s = this.fw.runBind(state, assumed, host);
    if (s) return this.bindFailed(q, state, assumed, host, s);
    this.d.recorder.event(assumed.pod, 'Normal', 'Scheduled', `Successfully assigned ${assumed.namespace}/${assumed.name} to ${host}`, this.name);
    this.fw.runPostBind(state, assumed, host);
    this.queue.done(assumed.uid);
  }

  /** handleBindingCycleError: release what was assumed, let others retry, then fail the pod. */
  private bindFailed(q: QueuedPodInfo, state: CycleState, assumed: PodInfo, host: string, s: Status): void {
    this.fw.runUnreserve(state, assumed, host);
    this.cache.forgetPod(assumed);
    this.queue.onEvent({ resource: 'Pod', action: Action.Delete, label: 'AssignedPodDelete' }, assumed.pod);
    this.explain.record({
      uid: assumed.uid,
      namespace: assumed.namespace,
      name: assumed.name,
      attempts: q.attempts,
      now: this.d.clock.now(),
      totalNodes: this.cache.numNodes,
      result: s.isRejected() ? 'Unschedulable' : 'Error',
      node: host,
      message: s.message(),
    });
    this.handleFailure(q, s.code, s.message(), '');
  }

  /**
   * handleSchedulingFailure: requeue (unless the pod is gone or got bound meanwhile), update the
   * nominator, record `FailedScheduling` and set PodScheduled=False. `nominated`: a node name to
   * nominate, '' to clear, undefined to keep the pod's own.
   */
  private handleFailure(q: QueuedPodInfo, code: Code, message: string, nominated: string | undefined): void {
    const pi = q.podInfo;
    const reason = code === Code.Unschedulable || code === Code.UnschedulableAndUnresolvable ? 'Unschedulable' : 'SchedulerError';
    const cached = this.d.client.get('pods', pi.namespace, pi.name);
    if (!cached || cached.metadata.uid !== pi.uid || cached.spec?.nodeName) this.queue.done(pi.uid);
    else {
      if (cached !== pi.pod) q.podInfo = newPodInfo(cached);
      this.queue.addUnschedulable(q);
    }
    if (cached && !cached.spec?.nodeName) this.nominator.add(q.podInfo, nominated);
    this.d.recorder.event(pi.pod, 'Warning', 'FailedScheduling', truncateMessage(message), this.name);
    if (cached && !cached.spec?.nodeName) this.updatePodCondition(cached, reason, message, nominated);
  }

  /** updatePod: PodScheduled=False (lastTransitionTime kept if the status didn't flip) and nominatedNodeName. */
  private updatePodCondition(pod: KObject, reason: string, message: string, nominated: string | undefined): void {
    const conds: KObject[] = pod.status?.conditions ?? [];
    const i = conds.findIndex((c) => c.type === 'PodScheduled');
    const old = i >= 0 ? conds[i] : undefined;
    const cond = {
      type: 'PodScheduled',
      status: 'False',
      lastProbeTime: null,
      lastTransitionTime: old?.status === 'False' ? old.lastTransitionTime : this.d.clock.nowRFC3339(),
      reason,
      message,
    };
    const same = old && old.status === cond.status && old.reason === reason && old.message === message && old.lastProbeTime == null && old.lastTransitionTime === cond.lastTransitionTime;
    const nnn = nominated !== undefined && (pod.status?.nominatedNodeName ?? '') !== nominated;
    if (same && !nnn) return;
    const status: KObject['status'] = { ...(pod.status ?? {}), conditions: i >= 0 ? conds.map((c, j) => (j === i ? cond : c)) : [...conds, cond] };
    if (nnn) {
      if (nominated) status.nominatedNodeName = nominated;
      else delete status.nominatedNodeName;
    }
    try {
      this.d.client.updateStatus('pods', { ...pod, status });
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
    }
  }
}
