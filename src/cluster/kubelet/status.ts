/**
 * PodSim → pod status as the 1.32 kubelet reports it (generateAPIPodStatus): phase (getPhase),
 * the kubelet-owned conditions in their order with transition times, IPs, startTime and container
 * statuses (state, lastState, ready/started, restartCount, containerID, image/imageID, volumeMounts).
 */
import type { KObject } from '../api/types';
import { deepEqual } from '../api/equal';
import { rfc3339 as toRfc3339 } from '../sim/clock';
import type { ContainerSim, PodSim, Terminated } from './model';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

// Timestamps repeat a lot (many pods start within the same seconds) and formatting them is not
// free: a small direct-mapped cache by second (start times and "now" interleave, so one entry thrashes).
const SLOTS = 512;
const slotSec = new Float64Array(SLOTS).fill(NaN);
const slotText: string[] = new Array(SLOTS).fill('');
function rfc3339(ms: number): string {
  const sec = Math.floor(ms / 1000);
  const i = sec & (SLOTS - 1);
  if (slotSec[i] !== sec) (slotSec[i] = sec), (slotText[i] = toRfc3339(ms));
  return slotText[i];
}

const KUBELET_CONDITIONS = new Set(['PodReadyToStartContainers', 'Initialized', 'Ready', 'ContainersReady', 'PodScheduled']);
const RUNNING = new Set(['Running', 'Stopping']);
const STOPPED = new Set(['Exited', 'CrashLoopBackOff', 'Done']);

function terminated(t: Terminated): Json {
  const out: Json = {};
  if (t.containerID) out.containerID = t.containerID;
  out.exitCode = t.exitCode;
  out.finishedAt = rfc3339(t.finishedAt);
  if (t.message) out.message = t.message;
  out.reason = t.reason;
  out.startedAt = rfc3339(t.startedAt);
  return out;
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

const EMPTY: Json = Object.freeze({});
const WAITING_CREATING: Json = Object.freeze({ waiting: Object.freeze({ reason: 'ContainerCreating' }) });
const WAITING_INITIALIZING: Json = Object.freeze({ waiting: Object.freeze({ reason: 'PodInitializing' }) });

function containerStatus(p: PodSim, c: ContainerSim, hasInit: boolean): Json {
  const created = c.id !== undefined;
  const running = RUNNING.has(c.state);
  // Keys in the order the API has always shown them (alphabetical, like a Go map).
  const s: Json = {};
  if (created) s.containerID = c.id;
  s.image = created && c.resolved ? c.resolved.ref.full : c.image;
  s.imageID = created && c.resolved ? c.resolved.imageID : '';
  s.lastState = EMPTY;
  s.name = c.name;
  s.ready = running && c.ready;
  s.restartCount = c.restartCount;
  s.started = running && c.started;
  const defaultWaiting = hasInit ? WAITING_INITIALIZING : WAITING_CREATING;
  if (running) {
    s.state = { running: { startedAt: rfc3339(c.startedAt!) } };
    if (c.last) s.lastState = { terminated: terminated(c.last) };
  } else if (c.state === 'CrashLoopBackOff' || (c.waiting && !STOPPED.has(c.state))) {
    s.state = c.waiting ? { waiting: c.waiting } : defaultWaiting;
    const recent = c.term ?? c.last;
    if (recent) s.lastState = { terminated: terminated(recent) };
  } else if (c.term) {
    s.state = { terminated: terminated(c.term) };
    if (c.last) s.lastState = { terminated: terminated(c.last) };
  } else if (p.state === 'Terminal' || p.state === 'Deleted') {
    // A container that never ran in a pod that is over (kubelet_pods.go, terminal pods).
    s.state = { terminated: { exitCode: 137, finishedAt: null, message: 'The container could not be located when the pod was terminated', reason: 'ContainerStatusUnknown', startedAt: null } };
    if (c.last) s.lastState = { terminated: terminated(c.last) };
  } else {
    s.state = defaultWaiting;
  }
  const mounts: Json[] = c.spec?.volumeMounts ?? [];
  if (created && mounts.length)
    s.volumeMounts = mounts.map((m) => (m.readOnly ? { mountPath: m.mountPath, name: m.name, readOnly: true, recursiveReadOnly: 'Disabled' } : { mountPath: m.mountPath, name: m.name }));
  return s;
}

function condition(p: PodSim, type: string, status: string, now: number, reason?: string, message?: string): Json {
  const prev = p.cond[type];
  if (prev === undefined || prev > 0 !== (status === 'True')) p.cond[type] = status === 'True' ? now : -now;
  const out: Json = { lastProbeTime: null, lastTransitionTime: rfc3339(Math.abs(p.cond[type])) };
  if (message) out.message = message;
  if (reason) out.reason = reason;
  out.status = status;
  out.type = type;
  return out;
}

// A changed condition repeats across pods (same type, status and second): one frozen object each,
// so the store keeps one copy and keys the conditions array by its elements (store/sharing.ts).
const conditions = new Map<string, Json>();

function shared(c: Json): Json {
  const key = `${c.type}|${c.status}|${c.lastTransitionTime}|${c.reason ?? ''}|${c.message ?? ''}`;
  const known = conditions.get(key);
  if (known) return known;
  if (conditions.size >= 4096) conditions.clear();
  conditions.set(key, Object.freeze(c));
  return c;
}

/** `prev` (a part of the status the API server holds, frozen) when it equals `fresh`: unchanged parts stay shared. */
function keep<T>(fresh: T, prev: T | undefined): T {
  return prev !== undefined && deepEqual(fresh, prev) ? prev : fresh;
}

/** `prev` when every entry of `fresh` is the same object at the same place. */
function keepList(fresh: Json[], prev: Json[] | undefined): Json[] {
  if (!Array.isArray(prev) || prev.length !== fresh.length) return fresh;
  for (let i = 0; i < fresh.length; i++) if (fresh[i] !== prev[i]) return fresh;
  return prev;
}

function byType(list: Json[] | undefined, type: string): Json {
  if (list) for (const c of list) if (c?.type === type) return c;
  return undefined;
}

function addCondition(conds: Json[], oldConds: Json[] | undefined, c: Json): void {
  const kept = keep(c, byType(oldConds, c.type));
  conds.push(kept === c ? shared(c) : kept);
}

function byName(list: Json[] | undefined, name: string): Json {
  if (list) for (const c of list) if (c?.name === name) return c;
  return undefined;
}

/**
 * The status the kubelet would write now (also records condition transition times on `p`). Parts
 * equal to the API's current status are that status's own (frozen) objects, so an unchanged
 * condition or container status costs the API server nothing to copy, compare or freeze.
 */
export function podStatus(p: PodSim, now: number): Json {
  const old: Json = p.pod.status ?? {};
  const oldConds: Json[] | undefined = old.conditions;
  const phase = podPhase(p);
  let hasInit = false;
  for (const c of p.containers) if (c.kind !== 'app') hasInit = true;
  if (initialized(p)) p.initializedOnce = true;
  const conds: Json[] = oldConds ? oldConds.filter((c: Json) => !KUBELET_CONDITIONS.has(c?.type)) : [];
  addCondition(conds, oldConds, condition(p, 'PodReadyToStartContainers', p.sandboxReady ? 'True' : 'False', now));
  const incomplete: string[] = [];
  const unready: string[] = [];
  for (const c of p.containers) {
    if (c.kind !== 'app' && !(c.kind === 'init' ? c.state === 'Done' && c.term?.exitCode === 0 : c.started)) incomplete.push(c.name);
    if (c.kind !== 'init' && !(RUNNING.has(c.state) && c.ready)) unready.push(c.name);
  }
  if (phase === 'Succeeded' && hasInit) addCondition(conds, oldConds, condition(p, 'Initialized', 'True', now, 'PodCompleted'));
  else if (p.initializedOnce || !incomplete.length) addCondition(conds, oldConds, condition(p, 'Initialized', 'True', now));
  else addCondition(conds, oldConds, condition(p, 'Initialized', 'False', now, 'ContainersNotInitialized', `containers with incomplete status: [${incomplete.join(' ')}]`));
  let ready: [string, string?, string?] = ['True'];
  if (phase === 'Succeeded') ready = ['False', 'PodCompleted'];
  else if (phase === 'Failed') ready = ['False', 'PodFailed'];
  else if (unready.length) ready = ['False', 'ContainersNotReady', `containers with unready status: [${unready.join(' ')}]`];
  let podReady = ready;
  const readinessGates: Json[] | undefined = p.pod.spec?.readinessGates;
  if (ready[0] === 'True' && readinessGates?.length) {
    const gates = readinessGates.map((g: Json) => {
      const c = conds.find((x) => x.type === g.conditionType);
      if (!c) return `corresponding condition of pod readiness gate "${g.conditionType}" does not exist.`;
      return c.status === 'True' ? '' : `the status of pod readiness gate "${g.conditionType}" is not "True", but ${c.status}`;
    }).filter(Boolean);
    if (gates.length) podReady = ['False', 'ReadinessGatesNotReady', gates.join(', ')];
  }
  addCondition(conds, oldConds, condition(p, 'Ready', podReady[0], now, podReady[1], podReady[2]));
  addCondition(conds, oldConds, condition(p, 'ContainersReady', ready[0], now, ready[1], ready[2]));
  const scheduled = byType(oldConds, 'PodScheduled');
  conds.push(scheduled ?? { lastProbeTime: null, lastTransitionTime: rfc3339(p.startTime ?? now), status: 'True', type: 'PodScheduled' });
  const status: Json = { ...old, phase, conditions: keepList(conds, oldConds) };
  if (p.final) (status.reason = p.final.reason), (status.message = p.final.message);
  status.hostIP = p.hostIP;
  status.hostIPs = keep([{ ip: p.hostIP }], old.hostIPs);
  if (p.podIP) (status.podIP = p.podIP), (status.podIPs = keep([{ ip: p.podIP }], old.podIPs));
  if (p.startTime !== undefined) status.startTime = rfc3339(p.startTime);
  const init: Json[] = [];
  const apps: Json[] = [];
  for (const c of p.containers) {
    if (c.kind === 'app') apps.push(keep(containerStatus(p, c, hasInit), byName(old.containerStatuses, c.name)));
    else init.push(keep(containerStatus(p, c, true), byName(old.initContainerStatuses, c.name)));
  }
  if (init.length) status.initContainerStatuses = keepList(init, old.initContainerStatuses);
  status.containerStatuses = keepList(apps, old.containerStatuses);
  return status as KObject['status'];
}
