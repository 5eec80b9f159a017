/**
 * Maps wall time to simulated time: while playing, simulated now = anchor + elapsed wall × speed.
 * The cluster never reads a wall clock; this is the only place (besides the headless server) that
 * does. Timers fire in simulated-time order whatever the chunking, so speed changes pace, never
 * outcomes. Work per tick is bounded: when the cluster cannot keep up, the driver re-anchors and
 * reports `lagging` instead of freezing the worker to catch up.
 */
import type { SimClock } from '../cluster/sim/clock';
import type { ClockState } from '../protocol/views';

/** Wall milliseconds between ticks (one display frame). */
const TICK_MS = 16;
/** Wall milliseconds of simulation work per tick before yielding. */
const BUDGET_MS = 10;
/** The furthest a step looks ahead for the next change (simulated): a quiet cluster still moves. */
const STEP_LIMIT_MS = 60_000;

export const MIN_SPEED = 0.05;
export const MAX_SPEED = 1000;

export interface DriverHooks {
  /** After each tick's advance: flush deltas. */
  tick(): void;
  /** A timer threw: the simulation is in an unknown state and must stop. */
  fault(e: unknown): void;
}

export class ClockDriver {
  playing = false;
  speed = 1;
  private anchorWall = 0;
  private anchorSim = 0;
  private lagUntil = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private stopped = false;

  constructor(
    private readonly clock: SimClock,
    private readonly start: number,
    private readonly hooks: DriverHooks,
  ) {}

  state(): ClockState {
    return { now: this.clock.now(), start: this.start, playing: this.playing, speed: this.speed, lagging: performance.now() < this.lagUntil };
  }

  /** Starts the tick loop (idempotent). */
  run(): void {
    if (this.timer !== undefined || this.stopped) return;
    const loop = () => {
      this.timer = undefined;
      if (this.stopped) return;
      this.tick();
      if (!this.stopped) this.timer = setTimeout(loop, TICK_MS);
    };
    this.timer = setTimeout(loop, TICK_MS);
  }

  /** Stops for good (after a fault). */
  halt(): void {
    this.stopped = true;
    this.playing = false;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }

  play(): void {
    if (this.playing) return;
    this.playing = true;
    this.reanchor();
  }

  pause(): void {
    if (!this.playing) return;
    this.advance(); // land on the time the user saw when they pressed pause
    this.playing = false;
  }

  setSpeed(speed: number): void {
    if (!(speed > 0)) throw new RangeError(`speed must be positive, got ${speed}`);
    if (this.playing) this.advance();
    this.speed = Math.min(MAX_SPEED, Math.max(MIN_SPEED, speed));
    this.reanchor();
  }

  /**
   * Pauses, then runs timer by timer until `changed()` reports something visible happened (or a
   * minute of simulated time passed with nothing to show: heartbeats only).
   */
  step(changed: () => boolean): void {
    this.pause();
    const limit = this.clock.now() + STEP_LIMIT_MS;
    for (let next = this.clock.nextAt(); next !== undefined && next <= limit; next = this.clock.nextAt()) {
      this.clock.advanceTo(next);
      if (changed()) return;
    }
  }

  private reanchor(): void {
    this.anchorWall = performance.now();
    this.anchorSim = this.clock.now();
  }

  private tick(): void {
    try {
      if (this.playing) this.advance();
      this.hooks.tick();
    } catch (e) {
      this.halt();
      this.hooks.fault(e);
    }
  }

  /** Advances toward wall-derived time within the work budget. */
  private advance(): void {
    const t0 = performance.now();
    // Simulated time moves in whole milliseconds, like the API's timestamps: a fractional "now"
    // reaches objects the cluster writes (an Event stamped at x.5 ms fails validation and is lost).
    const target = Math.floor(this.anchorSim + (t0 - this.anchorWall) * this.speed);
    const over = () => performance.now() - t0 > BUDGET_MS;
    // Behind (also inside one burst of same-instant work, e.g. 100,000 replicas at once): continue
    // from here next tick rather than chase wall time and starve the UI.
    if (!this.clock.advanceTo(target, over)) {
      this.lagUntil = performance.now() + 1000;
      this.reanchor();
    }
  }
}
