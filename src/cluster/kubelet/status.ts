/**
 * PodSim → pod status as the 1.32 kubelet reports it (generateAPIPodStatus): phase (getPhase),
 * the kubelet-owned conditions in their order with transition times, IPs, startTime and container
 * statuses (state, lastState, ready/started, restartCount, containerID, image/imageID, volumeMounts).
 */
import type { KObject } from '../api/types';
import { rfc3339 as toRfc3339 } from '../sim/clock';
import type { ContainerSim, PodSim, Terminated } from './model';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

// Timestamps repeat a lot within a second (many pods start together); formatting them is not free.
let lastSec = NaN;
let lastText = '';
function rfc3339(ms: number): string {
  const sec = Math.floor(ms / 1000);
  if (sec !== lastSec) (lastSec = sec), (lastText = toRfc3339(ms));
  return lastText;
}

const KUBELET_CONDITIONS = new Set(['PodReadyToStartContainers', 'Initialized', 'Ready', 'ContainersReady', 'PodScheduled']);
const RUNNING = new Set(['Running', 'Stopping']);
const STOPPED = new Set(['Exited', 'CrashLoopBackOff', 'Done']);

function terminated(t: Terminated): Json {
  return {
    ...(t.containerID ? { containerID: t.containerID } : {}),
    exitCode: t.exitCode,
    finishedAt: rfc3339(t.finishedAt),
    ...(t.message ? { message: t.message } : {}),
    reason: t.reason,
    startedAt: rfc3339(t.startedAt),
  };
}

/** The regular init containers are done and sidecars started (or there are no init containers). */
function initialized(p: PodSim): boolean {
  return p.containers.every((c) => c.kind === 'app' || (c.kind === 'init' ? c.state === 'Done' && c.term?.exitCode === 0 : c.started && RUNNING.has(c.state)));
}

/** getPhase (kubelet_pods.go) over the simulated containers. */
export function podPhase(p: PodSim): string {
  if (p.final) return p.final.phase;
  const apps = p.containers.filter((c) => c.kind === 'app');
  const policy = p.pod.spec?.restartPolicy ?? 'Always';
  const terminal = p.state === 'Terminal' || p.state === 'Deleted';
  const initFailed = p.containers.some((c) => c.kind === 'init' && c.state === 'Done' && c.term?.exitCode !== 0);
  if (initFailed && (policy === 'Never' || terminal)) return 'Failed';
  if (!p.initializedOnce && !initialized(p) && !terminal) return 'Pending';
  let running = 0;
  let waiting = 0;
  let stopped = 0;
  let succeeded = 0;
  for (const c of apps) {
    const record = c.term ?? c.last;
    if (RUNNING.has(c.state)) running++;
    else if (STOPPED.has(c.state) || record) {
      stopped++;
      if ((c.term ?? record)?.exitCode === 0 && c.state !== 'CrashLoopBackOff') succeeded++;
    } else if (terminal) stopped++;
    else waiting++;
  }
  if (waiting > 0) return 'Pending';
  if (running > 0) return 'Running';
  if (stopped > 0) {
    if (terminal) return stopped === succeeded ? 'Succeeded' : 'Failed';
    if (policy === 'Always') return 'Running';
    if (stopped === succeeded) return 'Succeeded';
    if (policy === 'Never') return 'Failed';
    return 'Running';
  }
  return 'Pending';
}

function containerStatus(p: PodSim, c: ContainerSim, hasInit: boolean): Json {
  const created = c.id !== undefined;
  const terminal = p.state === 'Terminal' || p.state === 'Deleted';
  const s: Json = {
    ...(created ? { containerID: c.id } : {}),
    image: created && c.resolved ? c.resolved.ref.full : c.image,
    imageID: created && c.resolved ? c.resolved.imageID : '',
    lastState: {},
    name: c.name,
    ready: RUNNING.has(c.state) && c.ready,
    restartCount: c.restartCount,
    started: RUNNING.has(c.state) && c.started,
    state: {},
  };
  const defaultWaiting = { reason: hasInit ? 'PodInitializing' : 'ContainerCreating' };
  if (RUNNING.has(c.state)) {
    s.state = { running: { startedAt: rfc3339(c.startedAt!) } };
    if (c.last) s.lastState = { terminated: terminated(c.last) };
  } else if (c.state === 'CrashLoopBackOff' || (c.waiting && !STOPPED.has(c.state))) {
    s.state = { waiting: c.waiting ?? defaultWaiting };
    const recent = c.term ?? c.last;
    if (recent) s.lastState = { terminated: terminated(recent) };
  } else if (c.term) {
    s.state = { terminated: terminated(c.term) };
    if (c.last) s.lastState = { terminated: terminated(c.last) };
  } else if (terminal) {
    // A container that never ran in a pod that is over (kubelet_pods.go, terminal pods).
    s.state = { terminated: { exitCode: 137, finishedAt: null, message: 'The container could not be located when the pod was terminated', reason: 'ContainerStatusUnknown', startedAt: null } };
    if (c.last) s.lastState = { terminated: terminated(c.last) };
  } else {
    s.state = { waiting: defaultWaiting };
  }
  const mounts: Json[] = c.spec?.volumeMounts ?? [];
  if (created && mounts.length)
    s.volumeMounts = mounts.map((m) => ({ mountPath: m.mountPath, name: m.name, ...(m.readOnly ? { readOnly: true, recursiveReadOnly: 'Disabled' } : {}) }));
  return s;
}

function condition(p: PodSim, type: string, status: string, now: number, reason?: string, message?: string): Json {
  const prev = p.cond[type];
  if (prev === undefined || prev > 0 !== (status === 'True')) p.cond[type] = status === 'True' ? now : -now;
  return {
    lastProbeTime: null,
    lastTransitionTime: rfc3339(Math.abs(p.cond[type])),
    ...(message ? { message } : {}),
    ...(reason ? { reason } : {}),
    status,
    type,
  };
}

/** The status the kubelet would write now (also records condition transition times on `p`). */
export function podStatus(p: PodSim, now: number): Json {
  const old: Json = p.pod.status ?? {};
  const phase = podPhase(p);
  const hasInit = p.containers.some((c) => c.kind !== 'app');
  if (initialized(p)) p.initializedOnce = true;
  const conds: Json[] = (old.conditions ?? []).filter((c: Json) => !KUBELET_CONDITIONS.has(c?.type));
  conds.push(condition(p, 'PodReadyToStartContainers', p.sandboxReady ? 'True' : 'False', now));
  const incomplete = p.containers.filter((c) => c.kind !== 'app' && !(c.kind === 'init' ? c.state === 'Done' && c.term?.exitCode === 0 : c.started)).map((c) => c.name);
  if (phase === 'Succeeded' && hasInit) conds.push(condition(p, 'Initialized', 'True', now, 'PodCompleted'));
  else if (p.initializedOnce || !incomplete.length) conds.push(condition(p, 'Initialized', 'True', now));
  else conds.push(condition(p, 'Initialized', 'False', now, 'ContainersNotInitialized', `containers with incomplete status: [${incomplete.join(' ')}]`));
  const unready = p.containers.filter((c) => c.kind !== 'init' && !(RUNNING.has(c.state) && c.ready)).map((c) => c.name);
  let ready: [string, string?, string?] = ['True'];
  if (phase === 'Succeeded') ready = ['False', 'PodCompleted'];
  else if (phase === 'Failed') ready = ['False', 'PodFailed'];
  else if (unready.length) ready = ['False', 'ContainersNotReady', `containers with unready status: [${unready.join(' ')}]`];
  let podReady = ready;
  if (ready[0] === 'True') {
    const gates = (p.pod.spec?.readinessGates ?? []).map((g: Json) => {
      const c = conds.find((x) => x.type === g.conditionType);
      if (!c) return `corresponding condition of pod readiness gate "${g.conditionType}" does not exist.`;
      return c.status === 'True' ? '' : `the status of pod readiness gate "${g.conditionType}" is not "True", but ${c.status}`;
    }).filter(Boolean);
    if (gates.length) podReady = ['False', 'ReadinessGatesNotReady', gates.join(', ')];
  }
  conds.push(condition(p, 'Ready', podReady[0], now, podReady[1], podReady[2]));
  conds.push(condition(p, 'ContainersReady', ready[0], now, ready[1], ready[2]));
  const scheduled = (old.conditions ?? []).find((c: Json) => c?.type === 'PodScheduled');
  conds.push(scheduled ?? { lastProbeTime: null, lastTransitionTime: rfc3339(p.startTime ?? now), status: 'True', type: 'PodScheduled' });
  const status: Json = { ...old, phase, conditions: conds };
  if (p.final) Object.assign(status, { reason: p.final.reason, message: p.final.message });
  status.hostIP = p.hostIP;
  status.hostIPs = [{ ip: p.hostIP }];
  if (p.podIP) Object.assign(status, { podIP: p.podIP, podIPs: [{ ip: p.podIP }] });
  if (p.startTime !== undefined) status.startTime = rfc3339(p.startTime);
  const init = p.containers.filter((c) => c.kind !== 'app');
  if (init.length) status.initContainerStatuses = init.map((c) => containerStatus(p, c, true));
  status.containerStatuses = p.containers.filter((c) => c.kind === 'app').map((c) => containerStatus(p, c, hasInit));
  return status as KObject['status'];
}
