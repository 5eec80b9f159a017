/**
 * The fate of a container instance: when it listens, when (and how) it ends on its own — its command
 * finishing, a crash/oom/hang fault, memory above its limit — and how long it takes to stop once
 * asked (preStop hook, SIGTERM handling, SIGKILL at the end of the grace period).
 */
import { parseQuantity, toValue } from '../api/quantity';
import type { Rng } from '../sim/rng';
import { behaviourOf } from './behaviour';
import type { ContainerSim, InstancePlan, PodSim } from './model';
import { runArgv } from './shellRun';

export const FAULT_ANNOTATION = 'kubeplay.dev/fault';
export const STARTUP_ANNOTATION = 'kubeplay.dev/startup-seconds';

const NO_FAULTS: ReadonlySet<string> = new Set();

/** `kubeplay.dev/fault: crash, hang` → {crash, hang} (one shared empty set for the usual no-fault pod). */
export function parseFaults(annotations: Record<string, string> | undefined): ReadonlySet<string> {
  const v = annotations?.[FAULT_ANNOTATION];
  if (!v) return NO_FAULTS;
  return new Set(v.split(',').map((s) => s.trim().toLowerCase()).filter(Boolean));
}

function memoryLimit(c: ContainerSim): number | undefined {
  const q = c.spec?.resources?.limits?.memory;
  if (q === undefined) return undefined;
  try {
    return toValue(parseQuantity(q));
  } catch {
    return undefined;
  }
}

const draw = (rng: Rng, lo: number, hi: number) => Math.round(lo + rng.next() * (hi - lo));

/** Draws the plan of an instance starting at `t`. */
export function makePlan(p: PodSim, c: ContainerSim, t: number, rng: Rng): InstancePlan {
  const b = c.behaviour;
  const startup = b.server ? b.serverAtMs + Math.round(b.server.listenAfterMs * (0.8 + rng.next() * 0.5)) : 0;
  let listenAt = t + startup;
  if (p.faults.has('slow-start')) {
    const secs = Number(p.pod.metadata.annotations?.[STARTUP_ANNOTATION]);
    listenAt += Number.isFinite(secs) && secs > 0 ? secs * 1000 : draw(rng, 60_000, 120_000);
  }
  const plan: InstancePlan = { listenAt, exitCode: 0, reason: 'Completed' };
  if (b.exit) setExit(plan, t + b.exit.afterMs, b.exit.code);
  const limit = memoryLimit(c);
  if (limit !== undefined && b.memoryBytes > limit) setExit(plan, listenAt + draw(rng, 200, 1000), 137, 'OOMKilled');
  applyFaults(p, c, plan, t, rng);
  return plan;
}

function setExit(plan: InstancePlan, at: number, code: number, reason?: string): void {
  if (plan.exitAt !== undefined && plan.exitAt <= at) return;
  plan.exitAt = at;
  plan.exitCode = code;
  plan.reason = reason ?? (code === 0 ? 'Completed' : 'Error');
}

/** Applies the pod's faults to a running instance's plan (at start, or when the annotation changes). */
export function applyFaults(p: PodSim, c: ContainerSim, plan: InstancePlan, t: number, rng: Rng): void {
  if (p.faults.has('crash')) setExit(plan, t + draw(rng, 1000, 4000), 1);
  if (p.faults.has('oom')) setExit(plan, t + draw(rng, 5000, 25_000), 137, 'OOMKilled');
  if (p.faults.has('hang')) plan.hangAt ??= t + (c.startedAt === t ? draw(rng, 2000, 10_000) : 0);
  else plan.hangAt = undefined;
}

/** A plan without the fault-driven parts (when a fault annotation is removed). */
export function withoutFaults(p: PodSim, c: ContainerSim, plan: InstancePlan): InstancePlan {
  const b = c.behaviour;
  const next: InstancePlan = { listenAt: plan.listenAt, exitCode: 0, reason: 'Completed' };
  if (b.exit && c.startedAt !== undefined) setExit(next, c.startedAt + b.exit.afterMs, b.exit.code);
  if (plan.reason === 'OOMKilled' && !p.faults.has('oom') && memoryLimit(c) !== undefined && b.memoryBytes > (memoryLimit(c) ?? Infinity))
    setExit(next, plan.exitAt!, 137, 'OOMKilled');
  return next;
}

/** Seconds a preStop hook takes: `sleep` action, an exec command's run time, or an HTTP call. */
function preStopMs(c: ContainerSim, hostname: string): number {
  const h = c.spec?.lifecycle?.preStop;
  if (!h) return 0;
  if (h.sleep) return (Number(h.sleep.seconds) || 0) * 1000;
  if (h.httpGet || h.tcpSocket) return 20;
  const argv: string[] = h.exec?.command ?? [];
  if (!argv.length) return 0;
  const b = behaviourOf({ image: c.image, command: argv });
  if (b.exit) return b.exit.afterMs + 30;
  for (const e of runArgv(argv, { env: {}, hostname, startMs: 0, stdin: false, busybox: b.busybox })) {
    // A hook that loops for longer than any grace period is, for the kubelet, one that never ends.
    if (e.at > 400 * 86_400_000) return Infinity;
    if (e.kind === 'exit') return e.at + 30;
    if (e.kind === 'block' || e.kind === 'server') return Infinity;
  }
  return 30;
}

/**
 * When a container asked to stop at `t` exits, and how: preStop, then SIGTERM (the process exits
 * after its own shutdown time, or ignores it), SIGKILL when `graceMs` runs out (exit 137).
 */
export function stopPlan(p: PodSim, c: ContainerSim, t: number, graceMs: number): { at: number; code: number; reason: string } {
  const plan = c.plan;
  const hook = preStopMs(c, p.name);
  const hung = plan?.hangAt !== undefined && plan.hangAt <= t;
  const term = hung ? undefined : c.behaviour.term;
  let at = term ? t + hook + term.afterMs : Infinity;
  let code = term?.code ?? 137;
  if (plan?.exitAt !== undefined && plan.exitAt < at) {
    at = plan.exitAt;
    code = plan.exitCode;
  }
  // The kubelet gives at least 2 s after a preStop hook that used up the grace period.
  const killAt = t + Math.max(graceMs, Math.min(hook, graceMs) + (hook >= graceMs ? 2000 : 0));
  if (at > killAt) return { at: killAt, code: 137, reason: 'Error' };
  return { at, code, reason: plan?.exitAt === at && plan.reason === 'OOMKilled' ? 'OOMKilled' : code === 0 ? 'Completed' : 'Error' };
}
