/**
 * Paces the control-loop story. A whole causal chain (scale → ReplicaSet → pods → binds) often
 * lands in one simulated instant; the narrator releases its steps one at a time, slower at slow
 * speeds, so a class can follow them. It only tells; the board already shows the state.
 */
import type { Activity } from '../../../protocol/views';
import { mirror } from '../../bridge';
import { useUi } from '../../state/uiStore';

type Listener = (a: Activity) => void;

/** Steps waiting beyond this are dropped (the story skips ahead, and says how much). */
const QUEUE_CAP = 40;

export class Narrator {
  private queue: Activity[] = [];
  private lastSeq = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private listeners = new Set<Listener>();
  /** Steps skipped because they came faster than they could be told. */
  skipped = 0;

  constructor() {
    mirror.subscribe((s, prev) => {
      if (s.activity === prev.activity) return;
      const fresh = s.activity.filter((a) => a.seq > this.lastSeq);
      if (!fresh.length) return;
      this.lastSeq = fresh[fresh.length - 1].seq;
      if (!useUi.getState().loops) return;
      this.queue.push(...fresh);
      if (this.queue.length > QUEUE_CAP) {
        this.skipped += this.queue.length - QUEUE_CAP;
        this.queue.splice(0, this.queue.length - QUEUE_CAP);
      }
      this.pump();
    });
    useUi.subscribe((s, prev) => {
      if (!s.loops && prev.loops) {
        this.queue = [];
        this.skipped = 0;
      }
    });
  }

  /** Listens to released steps; returns the unsubscribe function. */
  listen(fn: Listener): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  /** Wall milliseconds between steps: 650 ms at ×1, slower in slow motion, faster when sped up. */
  interval(): number {
    const speed = Math.min(25, Math.max(0.25, mirror.getState().clock.speed));
    return 650 / Math.sqrt(speed);
  }

  private pump(): void {
    if (this.timer !== undefined) return;
    const next = () => {
      this.timer = undefined;
      const a = this.queue.shift();
      if (!a) return;
      for (const fn of this.listeners) fn(a);
      this.timer = setTimeout(next, this.interval());
    };
    next();
  }
}

export const narrator = new Narrator();

/** The podium part that stands for an actor (`kubelet` is drawn at its node instead). */
export function partOf(actor: string): 'scheduler' | 'controller-manager' | 'kubelet' | 'person' {
  if (actor === 'default-scheduler') return 'scheduler';
  if (actor === 'kubelet') return 'kubelet';
  if (actor === 'you' || actor === 'kubectl' || actor === 'editor' || actor === 'someone') return 'person';
  return 'controller-manager';
}
