/**
 * Durations as people read them in kubectl: apimachinery pkg/util/duration (v1.32) for AGE-style
 * columns, and Go's time.Duration.String() for messages such as "Back-off 5m0s". Inputs are
 * milliseconds; Go's integer conversions truncate toward zero, so Math.trunc is used throughout.
 */

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

/** duration.ShortHumanDuration: `<invalid>` below −1 s, then `Ns` < 60 s, `Xm` < 1 h, `Xh` < 24 h, `Xd` < 365 d, `Xy`. */
export function shortHumanDuration(ms: number): string {
  const seconds = Math.trunc(ms / SECOND);
  if (seconds < -1) return '<invalid>';
  if (seconds < 0) return '0s';
  if (seconds < 60) return `${seconds}s`;
  const minutes = Math.trunc(ms / MINUTE);
  if (minutes < 60) return `${minutes}m`;
  const hours = Math.trunc(ms / HOUR);
  if (hours < 24) return `${hours}h`;
  if (hours < 24 * 365) return `${Math.trunc(hours / 24)}d`;
  return `${Math.trunc(ms / HOUR / 24 / 365)}y`;
}

/** duration.HumanDuration: ~2–3 significant figures, e.g. `119s`, `3m2s`, `179m`, `3h4m`, `47h`, `7d23h`, `2y3d`. */
export function humanDuration(ms: number): string {
  const seconds = Math.trunc(ms / SECOND);
  if (seconds < -1) return '<invalid>';
  if (seconds < 0) return '0s';
  if (seconds < 120) return `${seconds}s`;
  const minutes = Math.trunc(ms / MINUTE);
  if (minutes < 10) {
    const s = seconds % 60;
    return s === 0 ? `${minutes}m` : `${minutes}m${s}s`;
  }
  if (minutes < 60 * 3) return `${minutes}m`;
  const hours = Math.trunc(ms / HOUR);
  if (hours < 8) {
    const m = minutes % 60;
    return m === 0 ? `${hours}h` : `${hours}h${m}m`;
  }
  if (hours < 48) return `${hours}h`;
  if (hours < 24 * 8) {
    const h = hours % 24;
    return h === 0 ? `${Math.trunc(hours / 24)}d` : `${Math.trunc(hours / 24)}d${h}h`;
  }
  if (hours < 24 * 365 * 2) return `${Math.trunc(hours / 24)}d`;
  const years = Math.trunc(hours / 24 / 365);
  if (hours < 24 * 365 * 8) {
    const dy = Math.trunc(hours / 24) % 365;
    return dy === 0 ? `${years}y` : `${years}y${dy}d`;
  }
  return `${years}y`;
}

/** kubectl's translateTimestampSince: humanDuration(now − ts), `<unknown>` for a missing or unparseable timestamp. */
export function translateTimestampSince(ts: string | undefined | null, nowMs: number): string {
  if (!ts) return '<unknown>';
  const t = Date.parse(ts);
  if (Number.isNaN(t)) return '<unknown>';
  return humanDuration(nowMs - t);
}

// The fraction v / 10^prec without trailing zeros (and without the dot when it is zero).
function fraction(v: bigint, prec: number): [string, bigint] {
  let digits = '';
  let printed = false;
  for (let i = 0; i < prec; i++) {
    const d = v % 10n;
    printed ||= d !== 0n;
    if (printed) digits = `${d}${digits}`;
    v /= 10n;
  }
  return [printed ? `.${digits}` : '', v];
}

/** time.Duration.String(): `0s`, `300ms`, `1.5µs`, `2.5s`, `1m30s`, `5m0s`, `1h0m0s`. Sub-nanosecond input is rounded. */
export function goDuration(ms: number): string {
  let ns = Number.isInteger(ms) ? BigInt(ms) * 1_000_000n : BigInt(Math.round(ms * 1e6));
  const neg = ns < 0n;
  if (neg) ns = -ns;
  let out: string;
  if (ns < 1_000_000_000n) {
    if (ns === 0n) return '0s';
    const [unit, prec]: [string, number] = ns < 1000n ? ['ns', 0] : ns < 1_000_000n ? ['µs', 3] : ['ms', 6];
    const [frac, whole] = fraction(ns, prec);
    out = `${whole}${frac}${unit}`;
  } else {
    const [frac, secs] = fraction(ns, 9);
    const minutes = secs / 60n;
    const hours = minutes / 60n;
    out = `${secs % 60n}${frac}s`;
    if (minutes > 0n) out = `${hours > 0n ? `${hours}h` : ''}${minutes % 60n}m${out}`;
  }
  return neg ? `-${out}` : out;
}

const DURATION_UNITS: Record<string, number> = { ns: 1e-6, us: 1e-3, 'µs': 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/**
 * Go's time.ParseDuration for flags like kube-apiserver's `--event-ttl`: `1h`, `90m`, `1h30m0s`,
 * `0`. Milliseconds, or undefined when the text is not a duration.
 */
export function parseDuration(text: string): number | undefined {
  if (text === '0') return 0;
  const parts = [...text.matchAll(/(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h)/g)];
  if (!parts.length || parts.map((p) => p[0]).join('') !== text) return undefined;
  return parts.reduce((ms, p) => ms + Number(p[1]) * DURATION_UNITS[p[2]!]!, 0);
}
