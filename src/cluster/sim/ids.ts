import type { Rng } from './rng';

/** The alphabet of apimachinery's rand.String: no vowels, no confusable digits. */
export const SAFE_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

/** n characters from the safe alphabet (generateName suffixes, pod-name suffixes). */
export function randomSuffix(rng: Rng, n = 5): string {
  const codes = n === 5 ? CODES5 : new Array<number>(n);
  for (let i = 0; i < n; i++) codes[i] = SAFE_CODES[rng.int(SAFE_CODES.length)];
  return String.fromCharCode.apply(null, codes);
}

/** A random (version 4) UUID drawn from the seeded stream. */
export function uuid(rng: Rng): string {
  // Character codes into a reused buffer, then one flat string: no 36 one-character strings to join
  // (V8 keeps += results as rope fragments, costing hundreds of bytes per id).
  const out = CODES36;
  for (let i = 0; i < 36; i++) {
    if (i === 8 || i === 13 || i === 18 || i === 23) out[i] = DASH;
    else if (i === 14) out[i] = FOUR;
    else if (i === 19) out[i] = HEX_CODES[8 + rng.int(4)];
    else out[i] = HEX_CODES[rng.int(16)];
  }
  return String.fromCharCode.apply(null, out);
}

const codesOf = (s: string) => Array.from(s, (c) => c.charCodeAt(0));
const SAFE_CODES = codesOf(SAFE_ALPHABET);
const HEX_CODES = codesOf('0123456789abcdef');
const DASH = 45;
const FOUR = 52;
// Scratch buffers: ids are built one at a time (the core is single-threaded).
const CODES36 = new Array<number>(36).fill(0);
const CODES5 = new Array<number>(5).fill(0);

/** generateName as apiserver names.SimpleNameGenerator: base cut to 58 chars + 5 random chars. */
export function generateName(rng: Rng, base: string): string {
  return [base.slice(0, 58), randomSuffix(rng, 5)].join('');
}
