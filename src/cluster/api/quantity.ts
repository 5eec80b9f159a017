/**
 * resource.Quantity (k8s.io/apimachinery/pkg/api/resource, v1.32). Upstream never keeps more than
 * nano precision (finer values round up), so a quantity is an exact bigint count of nano-units plus
 * the suffix family it was written in. Parsing ports upstream's scanner so odd inputs ("1.", ".5",
 * "m") behave the same, and the "already canonical" string cache is reproduced because the API
 * server echoes it back (e.g. "+1" stays "+1", "1000" becomes "1k").
 */

/** The suffix family a quantity was written in and is printed back in. */
export type QuantityFormat = 'DecimalSI' | 'BinarySI' | 'DecimalExponent';

/** A parsed quantity; treat as immutable. */
export interface Quantity {
  /** The value times 10^9, exact. */
  readonly nanos: bigint;
  readonly format: QuantityFormat;
  /** The input string when upstream would keep it verbatim. */
  readonly text?: string;
}

const regexMessage = "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";
const ErrFormatWrong = () => new Error(regexMessage);
const ErrSuffix = () => new Error("unable to parse quantity's suffix");
const ErrNumeric = () => new Error('unable to parse numeric part of quantity');

const NANO = 1_000_000_000n;
const MAX_INT64 = 2n ** 63n - 1n;
// Exponents beyond this are refused instead of building astronomically large bigints.
const MAX_EXPONENT = 100_000;

const decimalSuffixes: Record<string, number> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const binarySuffixes: Record<string, number> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };
const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';

type Scanned = { positive: boolean; num: string; denom: string; suffix: string; digits: boolean };

// parseQuantityString: sign, integer digits (leading zeros dropped), optional ".digits", suffix.
function scan(str: string): Scanned {
  let pos = 0;
  let positive = true;
  if (str[0] === '-' || str[0] === '+') {
    positive = str[0] === '+';
    pos++;
  }
  while (str[pos] === '0') pos++;
  if (pos >= str.length) return { positive, num: '0', denom: '', suffix: '', digits: true };
  let start = pos;
  while (isDigit(str[pos])) pos++;
  const num = str.slice(start, pos) || '0';
  let denom = '';
  if (str[pos] === '.') {
    start = ++pos;
    while (isDigit(str[pos])) pos++;
    denom = str.slice(start, pos);
  }
  const suffixStart = pos;
  while (pos < str.length && 'eEinumkKMGTP'.includes(str[pos]!)) pos++;
  if (str[pos] === '-' || str[pos] === '+') pos++;
  while (isDigit(str[pos])) pos++;
  if (pos < str.length) throw ErrFormatWrong();
  // whether the number part had any digit at all ("." and "" have none)
  const digits = /[0-9]/.test(str.slice(0, suffixStart));
  return { positive, num, denom, suffix: str.slice(suffixStart), digits };
}

function interpret(suffix: string): { base: 2 | 10; exponent: number; format: QuantityFormat } {
  if (Object.hasOwn(decimalSuffixes, suffix)) return { base: 10, exponent: decimalSuffixes[suffix]!, format: 'DecimalSI' };
  if (Object.hasOwn(binarySuffixes, suffix)) return { base: 2, exponent: binarySuffixes[suffix]!, format: 'BinarySI' };
  if (suffix.length > 1 && (suffix[0] === 'e' || suffix[0] === 'E')) {
    const rest = suffix.slice(1);
    if (/^[+-]?[0-9]+$/.test(rest)) {
      const n = BigInt(rest);
      // strconv.ParseInt(…, 64) then int32(…): out-of-int64 fails, the rest wraps
      if (n >= -(2n ** 63n) && n <= MAX_INT64)
        return { base: 10, exponent: Number(BigInt.asIntN(32, n)), format: 'DecimalExponent' };
    }
  }
  throw ErrSuffix();
}

// Division rounding away from zero for a non-negative numerator (inf.RoundUp on magnitudes).
const divUp = (n: bigint, d: bigint) => (n + d - 1n) / d;

/**
 * ParseQuantity: parses `100m`, `1.5Gi`, `1e3`…; a number is read via String(n), as a JSON number
 * would be. No whitespace trimming (UnmarshalJSON trims before calling it). Throws upstream's errors.
 */
export function parseQuantity(input: string | number): Quantity {
  const str = typeof input === 'number' ? String(input) : input;
  // The same few strings ("100m", "64Mi") are parsed over and over; quantities are immutable, so share them.
  let q = parsed.get(str);
  if (q === undefined) {
    q = Object.freeze(parseQuantityString(str));
    if (parsed.size >= 4096) parsed.clear();
    parsed.set(str, q);
  }
  return q;
}

const parsed = new Map<string, Quantity>();

function parseQuantityString(str: string): Quantity {
  if (str.length === 0) throw ErrFormatWrong();
  if (str === '0') return { nanos: 0n, format: 'DecimalSI', text: '0' };
  const { positive, num, denom, suffix, digits: hasDigits } = scan(str);
  const { base, exponent, format: parsedFormat } = interpret(suffix);
  if (Math.abs(exponent) > MAX_EXPONENT) throw ErrNumeric();
  const fast = fastPath(num, denom, exponent, parsedFormat);
  // the slow path re-reads the number with inf.Dec, which rejects a number part without digits
  if (!fast && !hasDigits) throw ErrNumeric();
  const digits = BigInt(num + denom);
  let magnitude: bigint;
  if (base === 10) {
    const shift = exponent - denom.length + 9;
    magnitude = shift >= 0 ? digits * 10n ** BigInt(shift) : divUp(digits, 10n ** BigInt(-shift));
  } else {
    magnitude = divUp(digits * 2n ** BigInt(exponent) * NANO, 10n ** BigInt(denom.length));
  }
  let format = parsedFormat;
  if (format === 'BinarySI') {
    if (magnitude > MAX_INT64 * NANO) magnitude = MAX_INT64 * NANO; // binary values are capped at int64
    if (magnitude > 0n && magnitude < NANO) format = 'DecimalSI'; // 0 < x < 1 cannot be written in Ki/Mi
  }
  const nanos = positive ? magnitude : -magnitude;
  return fast && keepsText(num, denom, exponent, parsedFormat) ? { nanos, format, text: str } : { nanos, format };
}

// Upstream's int64 fast path: few enough digits and no finer than nano (no rounding needed).
function fastPath(num: string, denom: string, exponent: number, format: QuantityFormat): boolean {
  if (format === 'BinarySI') return denom.length === 0 && 15 - num.length - Math.trunc((exponent * 3) / 10) - 1 >= 0;
  return 18 - (num.length + denom.length) >= 0 && exponent - denom.length >= -9;
}

// On the fast path upstream reuses the input string when it is already in canonical shape.
function keepsText(num: string, denom: string, exponent: number, format: QuantityFormat): boolean {
  if (format === 'BinarySI') return (BigInt(num) & 7n) !== 0n;
  const shifted = num + denom;
  return (exponent - denom.length) % 3 === 0 && !shifted.endsWith('000') && shifted[0] !== '0';
}

/** True when parseQuantity would accept the string. */
export function isValidQuantity(s: string): boolean {
  try {
    parseQuantity(s);
    return true;
  } catch {
    return false;
  }
}

const decimalSuffixFor: Record<number, string> = Object.fromEntries(
  Object.entries(decimalSuffixes).map(([suffix, exponent]) => [exponent, suffix]),
);
const binarySuffixFor = ['', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei'];

/** Quantity.String(): the kept input, else canonical form — largest suffix without fractions (`1536Mi`, `1500m`, `1k`). */
export function formatQuantity(q: Quantity): string {
  if (q.text !== undefined) return q.text;
  if (q.nanos === 0n) return '0';
  const sign = q.nanos < 0n ? '-' : '';
  let abs = q.nanos < 0n ? -q.nanos : q.nanos;
  let format = q.format;
  // binary only for integers with |x| >= 1024; anything else would lose precision or look odd
  if (format === 'BinarySI' && (abs < 1024n * NANO || abs % NANO !== 0n)) format = 'DecimalSI';
  if (format === 'BinarySI') {
    abs /= NANO;
    let e = 0;
    while (abs >= 1024n && abs % 1024n === 0n) {
      abs /= 1024n;
      e++;
    }
    return `${sign}${abs}${binarySuffixFor[e] ?? ''}`;
  }
  let e = -9;
  while (abs % 10n === 0n) {
    abs /= 10n;
    e++;
  }
  while (e % 3 !== 0) {
    abs *= 10n;
    e--;
  }
  // upstream prints no suffix for DecimalSI exponents it has no letter for (≥ 10^21)
  const suffix = format === 'DecimalExponent' ? (e === 0 ? '' : `e${e}`) : (decimalSuffixFor[e] ?? '');
  return `${sign}${abs}${suffix}`;
}

// ceil(|n| / d) with the sign of n: upstream's "round up" is away from zero.
const scaledUp = (n: bigint, d: bigint) => (n < 0n ? -divUp(-n, d) : divUp(n, d));

/** MilliValue(): ceil(q × 1000), e.g. `100m` → 100, `1` → 1000, `1n` → 1. */
export function toMilli(q: Quantity): number {
  return Number(scaledUp(q.nanos, 1_000_000n));
}

/** Value(): ceil(q), e.g. `1Gi` → 1073741824, `100m` → 1. */
export function toValue(q: Quantity): number {
  return Number(scaledUp(q.nanos, NANO));
}

/** AsApproximateFloat64(): q as a float, e.g. `1500m` → 1.5. */
export function toNumber(q: Quantity): number {
  return Number(q.nanos) / 1e9;
}

/** Cmp(): -1, 0 or 1. */
export function compareQuantity(a: Quantity, b: Quantity): -1 | 0 | 1 {
  return a.nanos < b.nanos ? -1 : a.nanos > b.nanos ? 1 : 0;
}

/** Add(): the sum, in the first non-zero operand's format (a zero left side takes the right's format). */
export function addQuantities(...qs: Quantity[]): Quantity {
  return qs.reduce<Quantity>(
    (acc, q) => ({ nanos: acc.nanos + q.nanos, format: acc.nanos === 0n ? q.format : acc.format }),
    { nanos: 0n, format: 'DecimalSI' },
  );
}

/** Sub(): a − b, in a's format (b's when a is zero). */
export function subtractQuantities(a: Quantity, b: Quantity): Quantity {
  return { nanos: a.nanos - b.nanos, format: a.nanos === 0n ? b.format : a.format };
}

/** NewQuantity(value, format): an integer quantity, e.g. (3, 'DecimalSI') → "3". */
export function newQuantity(value: number | bigint, format: QuantityFormat): Quantity {
  return { nanos: BigInt(value) * NANO, format };
}

/** NewMilliQuantity(milli, format): e.g. (1500, 'DecimalSI') → "1500m". */
export function newMilliQuantity(milli: number | bigint, format: QuantityFormat): Quantity {
  return { nanos: BigInt(milli) * 1_000_000n, format };
}

/** True when the quantity is zero. */
export function isZeroQuantity(q: Quantity): boolean {
  return q.nanos === 0n;
}
