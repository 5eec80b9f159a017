/**
 * Digits of π for the docs' Job example (`perl -Mbignum=bpi -wle 'print bpi(2000)'`), by Machin's
 * formula π = 16·atan(1/5) − 4·atan(1/239) in fixed-point BigInt arithmetic. Cached per length.
 */
const cache = new Map<number, string>();

function atanInv(x: bigint, unity: bigint): bigint {
  let sum = unity / x;
  let term = sum;
  const x2 = x * x;
  for (let n = 3n, sign = -1n; term !== 0n; n += 2n, sign = -sign) {
    term /= x2;
    sum += (sign * term) / n;
  }
  return sum;
}

/** π to `digits` significant digits, rounded like Math::BigFloat's bpi: "3.14159…". */
export function piDigits(digits: number): string {
  const n = Math.max(1, Math.min(Math.floor(digits), 20_000));
  const hit = cache.get(n);
  if (hit) return hit;
  const guard = 10;
  const unity = 10n ** BigInt(n + guard);
  const pi = 16n * atanInv(5n, unity) - 4n * atanInv(239n, unity);
  // Keep n significant digits (one before the point), rounding half up on the guard digits.
  const scaled = (pi + 5n * 10n ** BigInt(guard) / 10n) / 10n ** BigInt(guard);
  const s = scaled.toString();
  const out = n === 1 ? s.slice(0, 1) : `${s[0]}.${s.slice(1, n)}`;
  cache.set(n, out);
  return out;
}
