/**
 * The stage interpreter (KWOK's lifecycle engine, deterministic): for every subject of a pod — the
 * pod, each container, each probe — pick the matching stage that is due first, wait its delay,
 * apply it, repeat. No clock, no API, no global state: `advance` touches only the PodSim and NodeEnv
 * it is given and draws randomness from the pod's seeded stream, so same seed ⇒ same timeline.
 *
 * A subject's pending stage is revisited whenever its view (the selector inputs) changes: it is
 * dropped if it no longer matches and replaced if another stage is now due earlier, so a stage
 * never fires on a subject that no longer matches it.
 */
import { goDuration } from '../api/duration';
import { fnv1a } from '../sim/rng';
import { effects, type EffectCtx } from './effects';
import type { ContainerSim, Due, EmittedEvent, NodeEnv, PodSim, ProbeSim } from './model';
import { podRef } from './model';
import type { DelaySource, Match, Stage, Subject } from './stages/types';
import { containerView, podView, probeView, type View } from './views';

/** Stages grouped by subject, built once per stage list. */
export interface StageIndex {
  pod: readonly Stage[];
  container: readonly Stage[];
  probe: readonly Stage[];
}

export function indexStages(stages: readonly Stage[]): StageIndex {
  const by = (s: Subject) => stages.filter((x) => x.subject === s);
  return { pod: by('pod'), container: by('container'), probe: by('probe') };
}

/** One applied stage, for traces and golden files. */
export interface Fired {
  at: number;
  stage: string;
  subject: string;
  /** How many of the result's events this stage recorded (they follow the previous stages' ones). */
  events: number;
}

export interface AdvanceResult {
  events: EmittedEvent[];
  deleteRequested: boolean;
  fired: Fired[];
}

type Ref = { kind: 'pod' } | { kind: 'container'; c: ContainerSim } | { kind: 'probe'; c: ContainerSim; pr: ProbeSim };
type Pending = Due & { sig: number };

export function matches(m: Match, view: View): boolean {
  for (const k in m) if (!m[k].includes(view[k] as never)) return false;
  return true;
}

function viewOf(p: PodSim, r: Ref, env: NodeEnv, t: number): View {
  return r.kind === 'pod' ? podView(p) : r.kind === 'container' ? containerView(p, r.c, env, t) : probeView(r.c, r.pr);
}

function delayFrom(src: DelaySource, p: PodSim, r: Ref, t: number): number | undefined {
  const c = r.kind === 'pod' ? undefined : r.c;
  switch (src) {
    case 'imagePull': return c?.pull ? c.pull.doneAt - t : undefined;
    case 'processExit': return c?.plan?.exitAt !== undefined ? c.plan.exitAt - t : undefined;
    case 'crashBackOff': return c?.term && c.crashBackOff ? c.term.finishedAt + c.crashBackOff.ms - t : undefined;
    case 'stopExit': return c?.stop ? c.stop.at - t : undefined;
    case 'probeTick': return r.kind === 'probe' && r.pr.next !== undefined ? r.pr.next - t : undefined;
    case 'activeDeadline': {
      const ads = p.pod.spec?.activeDeadlineSeconds;
      return typeof ads === 'number' && p.startTime !== undefined ? p.startTime + ads * 1000 - t : undefined;
    }
  }
}

function pick(stages: readonly Stage[], view: View, p: PodSim, r: Ref, t: number): Due | undefined {
  let best: Due | undefined;
  for (const s of stages) {
    if (!matches(s.match, view)) continue;
    let ms = s.delay?.ms ?? 0;
    if (s.delay?.from) {
      const extra = delayFrom(s.delay.from, p, r, t);
      if (extra === undefined) continue;
      ms += extra;
    }
    if (s.delay?.jitterMs) ms += Math.floor(p.rng.next() * s.delay.jitterMs);
    const at = t + Math.max(0, Math.round(ms));
    if (!best || at < best.at) best = { stage: s, at };
  }
  return best;
}

function refs(p: PodSim): Ref[] {
  const out: Ref[] = [{ kind: 'pod' }];
  for (const c of p.containers) {
    out.push({ kind: 'container', c });
    for (const pr of c.probes) out.push({ kind: 'probe', c, pr });
  }
  return out;
}

function holder(p: PodSim, r: Ref): { due?: Due } {
  return r.kind === 'pod' ? p : r.kind === 'container' ? r.c : r.pr;
}

/** (Re)computes every subject's pending stage at time `t`. */
function schedule(p: PodSim, env: NodeEnv, idx: StageIndex, t: number): void {
  for (const r of refs(p)) {
    const h = holder(p, r);
    const view = viewOf(p, r, env, t);
    const sig = fnv1a(Object.values(view).join('|'));
    const cur = h.due as Pending | undefined;
    if (cur && cur.sig === sig) continue;
    const next = pick(idx[r.kind], view, p, r, t);
    // A pending stage that still matches keeps its time unless another stage is now due earlier.
    if (cur && matches(cur.stage.match, view) && (!next || next.stage === cur.stage || next.at >= cur.at)) {
      cur.sig = sig;
      continue;
    }
    h.due = next ? ({ ...next, sig } as Pending) : undefined;
  }
}

function templateVars(p: PodSim, r: Ref): Record<string, string> {
  if (r.kind === 'pod') return { pod: p.name, podRef: podRef(p) };
  const c = r.c;
  const vars: Record<string, string> = {
    container: c.name,
    image: c.image,
    podRef: podRef(p),
    pullDuration: c.pull ? goDuration(c.pull.pullMs) : '',
    pullTotal: c.pull ? goDuration(c.pull.waitMs + c.pull.pullMs) : '',
    imageSize: String(c.resolved?.size ?? 0),
    pullError: c.pull?.error ?? '',
    startError: c.behaviour.startError ?? '',
    waitingMessage: c.waiting?.message ?? '',
  };
  if (r.kind === 'probe') {
    vars.probeName = r.pr.type[0].toUpperCase() + r.pr.type.slice(1);
    vars.probeMessage = r.pr.last?.message ?? '';
  }
  return vars;
}

const render = (tpl: string, vars: Record<string, string>) => tpl.replace(/\{(\w+)\}/g, (m, k: string) => vars[k] ?? m);

function subjectName(r: Ref): string {
  return r.kind === 'pod' ? 'pod' : r.kind === 'container' ? r.c.name : `${r.c.name}/${r.pr.type}`;
}

function fire(p: PodSim, r: Ref, stage: Stage, env: NodeEnv, t: number, out: AdvanceResult): void {
  const before = out.events.length;
  const h = holder(p, r);
  h.due = undefined;
  if (stage.next.state && r.kind !== 'probe') {
    const s = r.kind === 'pod' ? p : r.c;
    s.state = stage.next.state as never;
    s.since = t;
  }
  const ctx: EffectCtx = { p, c: r.kind === 'pod' ? undefined : r.c, probe: r.kind === 'probe' ? r.pr : undefined, env, t, rng: p.rng, result: out };
  for (const e of stage.next.effects ?? []) effects[e](ctx);
  if (stage.next.events?.length) {
    const vars = templateVars(p, r);
    const view = stage.next.events.some((e) => e.if) ? viewOf(p, r, env, t) : undefined;
    for (const e of stage.next.events) {
      if (e.if && !matches(e.if, view!)) continue;
      out.events.push({ type: e.type, reason: e.reason, message: render(e.message, vars), fieldPath: r.kind === 'pod' ? undefined : r.c.fieldPath });
    }
  }
  p.seq++;
  out.fired.push({ at: t, stage: stage.name, subject: subjectName(r), events: out.events.length - before });
}

/**
 * Applies every stage due at or before `now`, in time order, starting from time `from` (the last
 * time the pod was advanced; defaults to `now`). Returns the events to record and whether the pod
 * object should now be deleted.
 */
export function advance(p: PodSim, env: NodeEnv, now: number, idx: StageIndex): AdvanceResult {
  const out: AdvanceResult = { events: [], deleteRequested: false, fired: [] };
  schedule(p, env, idx, now);
  for (let guard = 0; guard < 10_000; guard++) {
    let best: { r: Ref; due: Due } | undefined;
    for (const r of refs(p)) {
      const due = holder(p, r).due;
      if (due && due.at <= now && (!best || due.at < best.due.at)) best = { r, due };
    }
    if (!best) break;
    fire(p, best.r, best.due.stage, env, best.due.at, out);
    schedule(p, env, idx, best.due.at);
  }
  return out;
}

/** When the pod next needs `advance` (undefined: nothing pending until something changes). */
export function nextDue(p: PodSim): number | undefined {
  let at: number | undefined;
  const see = (d?: Due) => {
    if (d && (at === undefined || d.at < at)) at = d.at;
  };
  see(p.due);
  for (const c of p.containers) {
    see(c.due);
    for (const pr of c.probes) see(pr.due);
  }
  return at;
}

/** Forgets every pending stage (after an outside change such as a fault annotation): all are re-picked. */
export function invalidate(p: PodSim): void {
  p.due = undefined;
  for (const c of p.containers) {
    c.due = undefined;
    for (const pr of c.probes) pr.due = undefined;
  }
}

/** Moves every pending stage due before `now` to `now` (a kubelet that was down catches up from now). */
export function rebase(p: PodSim, now: number): void {
  const move = (d?: Due) => {
    if (d && d.at < now) d.at = now;
  };
  move(p.due);
  for (const c of p.containers) {
    move(c.due);
    for (const pr of c.probes) move(pr.due);
  }
}
