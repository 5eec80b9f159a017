/**
 * The shape of lifecycle stages, after KWOK's Stage resource: which subject a stage is about, when
 * it applies (a selector over the subject's view), how long it waits (fixed + jitter, or a computed
 * duration), and what it does (a new state, named effects, events). Stages are plain data; only
 * `lifecycle.ts` interprets them.
 */

/** What a stage is about: the pod as a whole, one container, or one probe of a container. */
export type Subject = 'pod' | 'container' | 'probe';

/**
 * A selector: every key must match, and a key matches when the subject's view has one of the
 * listed values (KWOK's `matchExpressions` with operator In). Views are listed in views.ts.
 */
export type Match = Readonly<Record<string, readonly (string | boolean)[]>>;

/** Durations computed from the simulation instead of written down (KWOK's `durationFrom`). */
export type DelaySource =
  /** Until the image pull (or its failure) completes: size / node bandwidth, queued behind other pulls. */
  | 'imagePull'
  /** Until the process ends by itself: its command finishes, a crash fault, an OOM kill. */
  | 'processExit'
  /** Until the container's restart back-off (10 s doubling to 5 min) has passed. */
  | 'crashBackOff'
  /** Until a stopping container exits: preStop hook, then SIGTERM handling, at most the grace period. */
  | 'stopExit'
  /** Until the probe's next run: the probe worker's ticker, after initialDelaySeconds. */
  | 'probeTick'
  /** Until startTime + activeDeadlineSeconds. */
  | 'activeDeadline';

export interface Delay {
  /** Fixed part in simulated milliseconds. */
  ms?: number;
  /** Uniform random extra in [0, jitterMs), drawn from the pod's seeded stream. */
  jitterMs?: number;
  /** A computed duration added to `ms`; the stage does not apply while it is unknown. */
  from?: DelaySource;
}

/** An event recorded on the pod when the stage fires; `{name}` placeholders come from the view. */
export interface EventSpec {
  type: 'Normal' | 'Warning';
  reason: string;
  message: string;
  /** Only when the (post-transition) view matches. */
  if?: Match;
}

/**
 * Named state updates (effects.ts): the parts of a transition that are computation rather than
 * data — allocating an IP, drawing a container id, computing a back-off.
 */
export type EffectName =
  | 'accept' | 'sandbox' | 'terminate' | 'complete' | 'deadline' | 'teardown' | 'delete'
  | 'invalidImage' | 'neverPull' | 'imageReady' | 'pullStart' | 'pullDone' | 'pullFail' | 'pullBackOff'
  | 'create' | 'start' | 'startFailed' | 'exit' | 'stopRequest' | 'stopped' | 'backOffNext' | 'crashWaiting'
  | 'probe';

export interface Next {
  /** The subject's new state (probes have none). */
  state?: string;
  effects?: readonly EffectName[];
  events?: readonly EventSpec[];
}

export interface Stage {
  /** Unique name, shown in traces and golden files. */
  name: string;
  subject: Subject;
  /** When the stage applies. Several matching stages: the one due first wins (ties: list order). */
  match: Match;
  delay?: Delay;
  next: Next;
}
