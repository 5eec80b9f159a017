/**
 * A per-pod random stream that costs a few bytes (150,000 pods keep one each): mulberry32 over one
 * 32-bit state, seeded from the kubelet's seeded stream, so runs stay reproducible.
 */
import { createRng, type Rng } from '../sim/rng';

export class PodRng implements Rng {
  constructor(private s: number) {}

  /** A stream for `label` (a pod uid) derived from `parent` without consuming it. */
  static from(parent: Rng, label: string): PodRng {
    return new PodRng(parent.fork(label).int(2 ** 32));
  }

  next(): number {
    let t = (this.s = (this.s + 0x6d2b79f5) | 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  fork(label: string): Rng {
    return createRng(`${this.s}/${label}`);
  }
}
