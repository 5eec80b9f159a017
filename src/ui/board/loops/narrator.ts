/**
 * Paces the control-loop story. A whole causal chain (scale → ReplicaSet → pods → binds) often
 * lands in one simulated instant; the narrator releases its steps one at a time, slower at slow
 * speeds, so a class can follow them. It only tells; the board already shows the state.
 */
import type { Activity, ObjectRef } from '../../../protocol/views';
import { mirror } from '../../bridge';
import { useUi } from '../../state/uiStore';

/**
 * One told step: an activity, or several alike that came together (a ReplicaSet creating nine
 * pods, the scheduler binding them) told as one — so a burst does not push the causal chain
 * (write → controller → create → bind → start) out of the story.
 */
export interface Step extends Activity {
  /** How many objects the step wrote (1 for a single one). */
  count: number;
  /** Every object written, first one first (the `target` of the step). */
  targets: ObjectRef[];
  /** The distinct summaries, in order (`bound to worker-1`, `bound to worker-3`). */
  summaries: string[];
}

type Listener = (s: Step) => void;

/** Steps waiting beyond this are dropped (the story skips ahead, and says how much). */
const QUEUE_CAP = 40;

const sameKind = (s: Step, a: Activity) => s.actor === a.actor && s.verb === a.verb && s.target.kind === a.target.kind;

export class Narrator {
  private queue: Step[] = [];
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
      for (const a of fresh) {
        const last = this.queue[this.queue.length - 1];
        if (last && sameKind(last, a)) {
          // The same object written twice (status, then status again) is still one object.
          if (!last.targets.some((t) => t.uid === a.target.uid && t.name === a.target.name)) {
            last.count++;
            last.targets.push(a.target);
          }
          if (!last.summaries.includes(a.summary)) last.summaries.push(a.summary);
          last.rv = a.rv;
        } else this.queue.push({ ...a, count: 1, targets: [a.target], summaries: [a.summary] });
      }
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
    // A new cluster (restart) numbers its activities from the start again.
    mirror.subscribe((s, prev) => {
      if (s.status === 'restarting' && prev.status !== 'restarting') {
        this.lastSeq = 0;
        this.queue = [];
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
