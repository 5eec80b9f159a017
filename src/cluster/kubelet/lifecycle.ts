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
import { effects, type EffectCtx } from './effects';
import type { ContainerSim, Due, EmittedEvent, NodeEnv, PodSim, ProbeSim } from './model';
import { podRef } from './model';
import { candidates, matches, matchesIndexed, type StageIndex } from './stageIndex';
import type { DelaySource, Stage } from './stages/types';
import { containerView, podView, probeView, type View } from './views';

export { indexStages, matches, type StageIndex } from './stageIndex';

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
/** A pending stage remembers the view it was picked for: it is revisited only when that view changes. */
type Pending = Due & { view: View };

const POD: Ref = { kind: 'pod' };

/** Views of one subject always have the same keys: compare them value by value (no hashing, no strings). */
function sameView(a: View, b: View): boolean {
  for (const k in a) if (a[k] !== b[k]) return false;
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

function pick(idx: StageIndex, view: View, p: PodSim, r: Ref, t: number): Due | undefined {
  let best: Due | undefined;
  for (const cs of candidates(idx, r.kind, view)) {
    if (!matchesIndexed(cs, view)) continue;
    const s = cs.stage;
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

/** Every subject of a pod in a fixed order (pod, then each container followed by its probes): the order random draws and ties follow. */
function refs(p: PodSim): Ref[] {
  // Built per call: short-lived, and 150,000 pods need not keep one each.
  const out: Ref[] = [POD];
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
    const cur = h.due as Pending | undefined;
    if (cur && sameView(cur.view, view)) continue;
    const next = pick(idx, view, p, r, t);
    // A pending stage that still matches keeps its time unless another stage is now due earlier.
    if (cur && matches(cur.stage.match, view) && (!next || next.stage === cur.stage || next.at >= cur.at)) {
      cur.view = view;
      continue;
    }
    h.due = next ? ({ stage: next.stage, at: next.at, view } as Pending) : undefined;
  }
}

/** The value of a `{name}` placeholder, computed only when a message uses it. */
function templateVar(k: string, p: PodSim, r: Ref): string | undefined {
  if (k === 'podRef') return podRef(p);
  if (r.kind === 'pod') return k === 'pod' ? p.name : undefined;
  const c = r.c;
  switch (k) {
    case 'container': return c.name;
    case 'image': return c.image;
    case 'pullDuration': return c.pull ? goDuration(c.pull.pullMs) : '';
    case 'pullTotal': return c.pull ? goDuration(c.pull.waitMs + c.pull.pullMs) : '';
    case 'imageSize': return String(c.resolved?.size ?? 0);
    case 'pullError': return c.pull?.error ?? '';
    case 'startError': return c.behaviour.startError ?? '';
    case 'waitingMessage': return c.waiting?.message ?? '';
  }
  if (r.kind !== 'probe') return undefined;
  if (k === 'probeName') return r.pr.type[0].toUpperCase() + r.pr.type.slice(1);
  if (k === 'probeMessage') return r.pr.last?.message ?? '';
  return undefined;
}

const PLACEHOLDER = /\{(\w+)\}/g;
const render = (tpl: string, p: PodSim, r: Ref) => (tpl.includes('{') ? tpl.replace(PLACEHOLDER, (m, k: string) => templateVar(k, p, r) ?? m) : tpl);

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
  const fx = stage.next.effects;
  if (fx?.length) {
    const ctx: EffectCtx = { p, c: r.kind === 'pod' ? undefined : r.c, probe: r.kind === 'probe' ? r.pr : undefined, env, t, rng: p.rng, result: out };
    for (const e of fx) effects[e](ctx);
  }
  if (stage.next.events?.length) {
    const view = stage.next.events.some((e) => e.if) ? viewOf(p, r, env, t) : undefined;
    for (const e of stage.next.events) {
      if (e.if && !matches(e.if, view!)) continue;
      out.events.push({ type: e.type, reason: e.reason, message: render(e.message, p, r), fieldPath: r.kind === 'pod' ? undefined : r.c.fieldPath });
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
    let best: Ref | undefined;
    let due: Due | undefined;
    for (const r of refs(p)) {
      const d = holder(p, r).due;
      if (d && d.at <= now && (!due || d.at < due.at)) (best = r), (due = d);
    }
    if (!best || !due) break;
    fire(p, best, due.stage, env, due.at, out);
    schedule(p, env, idx, due.at);
  }
  return out;
}

/** When the pod next needs `advance` (undefined: nothing pending until something changes). */
export function nextDue(p: PodSim): number | undefined {
  // Plain loops: this runs after every sync of every pod.
  let at = p.due?.at;
  for (const c of p.containers) {
    if (c.due && (at === undefined || c.due.at < at)) at = c.due.at;
    for (const pr of c.probes) if (pr.due && (at === undefined || pr.due.at < at)) at = pr.due.at;
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
