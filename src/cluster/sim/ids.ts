import type { Rng } from './rng';

/** The alphabet of apimachinery's rand.String: no vowels, no confusable digits. */
export const SAFE_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

/** n characters from the safe alphabet (generateName suffixes, pod-name suffixes). */
export function randomSuffix(rng: Rng, n = 5): string {
  // Built with join, not +=: V8 keeps += results as rope fragments, costing hundreds of bytes per id.
  const out = new Array<string>(n);
  for (let i = 0; i < n; i++) out[i] = SAFE_ALPHABET[rng.int(SAFE_ALPHABET.length)];
  return out.join('');
}

/** A random (version 4) UUID drawn from the seeded stream. */
export function uuid(rng: Rng): string {
  const hex = '0123456789abcdef';
  const out = new Array<string>(36);
  for (let i = 0; i < 36; i++) {
    if (i === 8 || i === 13 || i === 18 || i === 23) out[i] = '-';
    else if (i === 14) out[i] = '4';
    else if (i === 19) out[i] = hex[8 + rng.int(4)];
    else out[i] = hex[rng.int(16)];
  }
  return out.join('');
}

/** generateName as apiserver names.SimpleNameGenerator: base cut to 58 chars + 5 random chars. */
export function generateName(rng: Rng, base: string): string {
  return [base.slice(0, 58), randomSuffix(rng, 5)].join('');
}
