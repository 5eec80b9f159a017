/**
 * The named effects stages refer to: the computational part of a transition (IP allocation,
 * container ids, pull timing, back-off arithmetic, probe bookkeeping). Each updates only the PodSim
 * and NodeEnv it is given, at the stage's time `t`, drawing randomness from the pod's stream.
 */
import { goDuration } from '../api/duration';
import type { Rng } from '../sim/rng';
import type { BackOff, ContainerSim, NodeEnv, PodSim, ProbeSim } from './model';
import { podRef } from './model';
import { applyFaults, makePlan, stopPlan, withoutFaults } from './plan';
import { nextProbeRun, runProbe } from './probes';
import type { EffectName } from './stages/types';
import { checkImage, MAX_BACKOFF_MS } from './views';

export interface EffectCtx {
  p: PodSim;
  c?: ContainerSim;
  probe?: ProbeSim;
  env: NodeEnv;
  t: number;
  rng: Rng;
  result: { deleteRequested: boolean };
}

const INITIAL_BACKOFF_MS = 10_000;
const draw = (rng: Rng, lo: number, hi: number) => Math.round(lo + rng.next() * (hi - lo));
/** Two hex digits per byte: Number#toString(16) + padStart cost ~10× more per container id. */
const HEX: readonly string[] = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));
/** n hex digits, 8 per 32-bit draw, joined into one flat string (`+=` would leave a rope per id). */
const hex = (rng: Rng, n: number) => {
  const parts: string[] = [];
  for (let i = 0; i < n; i += 8) {
    const v = rng.int(2 ** 32);
    parts.push(HEX[v >>> 24] + HEX[(v >>> 16) & 255] + HEX[(v >>> 8) & 255] + HEX[v & 255]);
  }
  const s = parts.join('');
  return s.length > n ? s.slice(0, n) : s;
};

/** flowcontrol.Backoff.Next: 10 s, then doubling up to 5 min; forgotten after 10 min without events. */
export function nextBackOff(b: BackOff | undefined, eventTime: number, now: number): BackOff {
  const fresh = !b || eventTime - b.lastUpdate > 2 * MAX_BACKOFF_MS;
  return { ms: fresh ? INITIAL_BACKOFF_MS : Math.min(b!.ms * 2, MAX_BACKOFF_MS), lastUpdate: now };
}

function graceSeconds(p: PodSim): number {
  const g = p.pod.metadata.deletionGracePeriodSeconds ?? p.pod.spec?.terminationGracePeriodSeconds;
  return typeof g === 'number' ? g : 30;
}

function startProbes(p: PodSim, c: ContainerSim, t: number, rng: Rng): void {
  for (const pr of c.probes) {
    pr.successes = 0;
    pr.failures = 0;
    pr.last = undefined;
    pr.stableUntil = 0;
    pr.next = nextProbeRun(p, c, pr, t - 1, pr.type === 'readiness' ? t + draw(rng, 300, 900) : undefined);
  }
}

function runProbeEffect(x: EffectCtx): void {
  const { p, c, probe: pr, t } = x;
  if (!c || !pr) return;
  const r = runProbe(p, c, pr, t);
  pr.last = { ok: r.ok, message: r.message, at: t };
  pr.stableUntil = r.stableUntil;
  if (r.ok) (pr.successes++, (pr.failures = 0));
  else (pr.failures++, (pr.successes = 0));
  const failureThreshold = pr.spec?.failureThreshold ?? 3;
  const successThreshold = pr.spec?.successThreshold ?? 1;
  if (pr.type === 'readiness') {
    if (r.ok && pr.successes >= successThreshold) c.ready = true;
    if (!r.ok && pr.failures >= failureThreshold) c.ready = false;
  } else if (!r.ok && pr.failures >= failureThreshold) {
    c.kill = pr.type as 'liveness' | 'startup';
  } else if (r.ok && pr.type === 'startup') {
    c.started = true;
    c.ready = !c.probes.some((o) => o.type === 'readiness');
    for (const o of c.probes) if (o.type !== 'startup') o.next = nextProbeRun(p, c, o, t, o.type === 'readiness' ? t + draw(x.rng, 300, 900) : undefined);
  }
  pr.next = nextProbeRun(p, c, pr, t);
}

export const effects: Record<EffectName, (x: EffectCtx) => void> = {
  accept: ({ p, t }) => void (p.startTime ??= t),
  sandbox: ({ p, env }) => {
    p.sandboxReady = true;
    p.podIP ??= p.pod.spec?.hostNetwork ? p.hostIP : env.allocateIP();
  },
  terminate: ({ p, t }) => void (p.stopDeadline = t + graceSeconds(p) * 1000),
  complete: ({ p, t }) => void (p.stopDeadline = t + graceSeconds(p) * 1000),
  deadline: ({ p, t }) => {
    p.final = { phase: 'Failed', reason: 'DeadlineExceeded', message: 'Pod was active on the node longer than the specified deadline' };
    p.stopDeadline = t + graceSeconds(p) * 1000;
  },
  teardown: ({ p, env }) => {
    if (p.sandboxReady && p.podIP && !p.pod.spec?.hostNetwork) env.releaseIP(p.podIP);
    p.sandboxReady = false;
  },
  delete: ({ result }) => void (result.deleteRequested = true),

  invalidImage: ({ c }) => void (c!.waiting = { reason: 'InvalidImageName', message: `Failed to apply default image tag "${c!.image}": ${checkImage(c!.image).parseError}` }),
  neverPull: ({ c }) => void (c!.waiting = { reason: 'ErrImageNeverPull', message: `Container image "${c!.image}" is not present with pull policy of Never` }),
  imageReady: ({ c }) => void (c!.resolved = checkImage(c!.image).resolved),
  pullStart: ({ c, env, t, rng }) => {
    const chk = checkImage(c!.image);
    const r = chk.resolved;
    const waitMs = Math.max(0, env.pullFreeAt - t);
    let pullMs: number;
    if (!r) pullMs = draw(rng, 400, 1600);
    else if (env.pulling.has(r.ref.full)) pullMs = draw(rng, 30, 150); // containerd already has the layers
    else if (env.hasImage(r.ref.full)) pullMs = draw(rng, 250, 1200); // imagePullPolicy Always: a manifest round trip
    else pullMs = Math.round(300 + (r.size / env.bandwidth) * (0.85 + rng.next() * 0.3));
    env.pullFreeAt = t + waitMs + pullMs;
    if (r) env.pulling.add(r.ref.full);
    c!.pull = { startAt: t, waitMs, pullMs, doneAt: t + waitMs + pullMs, error: chk.pullError };
  },
  pullDone: ({ c, env, t }) => {
    const r = checkImage(c!.image).resolved!;
    env.pulling.delete(r.ref.full);
    env.addImage(r, t);
    c!.resolved = r;
    c!.waiting = undefined;
    c!.pullErr = undefined;
  },
  pullFail: ({ c, t }) => {
    const err = c!.pull?.error ?? '';
    c!.pullErr = err;
    c!.waiting = { reason: 'ErrImagePull', message: err };
    c!.pullBackOff = nextBackOff(c!.pullBackOff, t, t);
  },
  pullBackOff: ({ c }) => void (c!.waiting = { reason: 'ImagePullBackOff', message: `Back-off pulling image "${c!.image}": ErrImagePull: ${c!.pullErr ?? ''}` }),

  create: ({ c, rng }) => {
    if (c!.everRan) {
      c!.restartCount++;
      c!.last = c!.term ?? c!.last;
    }
    c!.term = undefined;
    c!.waiting = undefined;
    c!.pull = undefined;
    c!.id = `containerd://${hex(rng, 64)}`;
    c!.resolved ??= checkImage(c!.image).resolved;
  },
  start: ({ p, c, t, rng }) => {
    const k = c!;
    k.startedAt = t;
    k.everRan = true;
    k.started = !k.probes.some((pr) => pr.type === 'startup');
    k.ready = k.started && !k.probes.some((pr) => pr.type === 'readiness');
    k.plan = makePlan(p, k, t, rng);
    k.kill = undefined;
    startProbes(p, k, t, rng);
  },
  startFailed: ({ c, t }) => {
    const k = c!;
    k.everRan = true;
    k.ready = k.started = false;
    k.term = { exitCode: 128, reason: 'StartError', message: k.behaviour.startError, startedAt: 0, finishedAt: t, containerID: k.id ?? '' };
  },
  exit: ({ c, t }) => {
    const k = c!;
    const plan = k.plan!;
    k.term = { exitCode: plan.exitCode, reason: plan.reason, startedAt: k.startedAt ?? t, finishedAt: t, containerID: k.id ?? '' };
    k.plan = undefined;
    k.ready = k.started = false;
  },
  stopRequest: ({ p, c, t }) => {
    const k = c!;
    let graceMs: number;
    if (k.kill === 'liveness' || k.kill === 'startup') {
      const pr = k.probes.find((o) => o.type === k.kill);
      graceMs = (pr?.spec?.terminationGracePeriodSeconds ?? p.pod.spec?.terminationGracePeriodSeconds ?? 30) * 1000;
    } else if (k.kill === 'changed') graceMs = (p.pod.spec?.terminationGracePeriodSeconds ?? 30) * 1000;
    else graceMs = Math.max(k.kind === 'sidecar' ? 2000 : 0, (p.stopDeadline ?? t) - t);
    k.stop = stopPlan(p, k, t, graceMs);
    k.kill = undefined;
  },
  stopped: ({ c, t }) => {
    const k = c!;
    const s = k.stop!;
    k.term = { exitCode: s.code, reason: s.reason, startedAt: k.startedAt ?? t, finishedAt: t, containerID: k.id ?? '' };
    k.plan = undefined;
    k.stop = undefined;
    k.ready = k.started = false;
  },
  backOffNext: ({ c, t }) => void (c!.crashBackOff = nextBackOff(c!.crashBackOff, c!.term?.finishedAt ?? t, t)),
  crashWaiting: ({ p, c }) => {
    const ms = c!.crashBackOff?.ms ?? INITIAL_BACKOFF_MS;
    c!.waiting = { reason: 'CrashLoopBackOff', message: `back-off ${goDuration(ms)} restarting failed container=${c!.name} pod=${podRef(p)}` };
  },
  probe: runProbeEffect,
};

/** Re-applies the pod's faults to its running containers (after the annotation changed). */
export function refaultRunning(p: PodSim, t: number): void {
  for (const c of p.containers) {
    if (c.state !== 'Running' || !c.plan) continue;
    c.plan = withoutFaults(p, c, c.plan);
    applyFaults(p, c, c.plan, t, p.rng);
  }
  for (const c of p.containers) for (const pr of c.probes) if (c.state === 'Running') (pr.stableUntil = 0), (pr.next = nextProbeRun(p, c, pr, t - 1));
}
