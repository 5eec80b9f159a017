/**
 * Seeded pseudo-random numbers (sfc32). Every subsystem forks its own stream by label, so adding
 * randomness to one subsystem never shifts the numbers another one sees.
 */
export interface Rng {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [0, n). */
  int(n: number): number;
  /** An independent stream derived from this one's seed and `label`. */
  fork(label: string): Rng;
}

/** FNV-1a over a string: a cheap, stable 32-bit hash used to derive fork seeds. */
export function fnv1a(s: string, h = 0x811c9dc5): number {
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

export function createRng(seed: number | string): Rng {
  const base = typeof seed === 'number' ? `${seed}` : seed;
  let a = fnv1a(base, 0x9e3779b9);
  let b = fnv1a(base, 0x243f6a88);
  let c = fnv1a(base, 0xb7e15162);
  let d = 1;
  const next = () => {
    a >>>= 0; b >>>= 0; c >>>= 0; d >>>= 0;
    let t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    t = (t + d) | 0;
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 12; i++) next(); // warm up: sfc32 mixes poorly in its first outputs
  return {
    next,
    int: (n) => Math.floor(next() * n),
    fork: (label) => createRng(`${base}/${label}`),
  };
}
