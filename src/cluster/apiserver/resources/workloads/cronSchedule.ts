/**
 * CronJob schedule and time-zone checks with the exact error texts of the API server, which parses
 * schedules with github.com/robfig/cron/v3 `ParseStandard` and zones with Go's time.LoadLocation.
 * (The controller computes fire times with cron-parser; this file only decides validity.)
 */

type Bounds = { min: number; max: number; names?: Record<string, number> };

const months = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const days = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const FIELDS: Bounds[] = [
  { min: 0, max: 59 },
  { min: 0, max: 23 },
  { min: 1, max: 31 },
  { min: 1, max: 12, names: Object.fromEntries(months.map((m, i) => [m, i + 1])) },
  { min: 0, max: 6, names: Object.fromEntries(days.map((d, i) => [d, i])) },
];
const DESCRIPTORS = ['@yearly', '@annually', '@monthly', '@weekly', '@daily', '@midnight', '@hourly'];
const INT_MAX = 2n ** 63n - 1n;

// strconv.Atoi, then robfig's "negative number" rule.
function mustParseInt(expr: string): number {
  if (!/^[+-]?[0-9]+$/.test(expr)) throw new Error(`failed to parse int from ${expr}: strconv.Atoi: parsing ${JSON.stringify(expr)}: invalid syntax`);
  const n = BigInt(expr);
  if (n > INT_MAX || n < -INT_MAX - 1n)
    throw new Error(`failed to parse int from ${expr}: strconv.Atoi: parsing ${JSON.stringify(expr)}: value out of range`);
  if (n < 0n) throw new Error(`negative number (${n}) not allowed: ${expr}`);
  return Number(n);
}

const intOrName = (expr: string, b: Bounds): number => b.names?.[expr.toLowerCase()] ?? mustParseInt(expr);

// getRange: `*`, `?`, `a`, `a-b`, each optionally `/step`.
function checkRange(expr: string, b: Bounds): void {
  const rangeAndStep = expr.split('/');
  const lowAndHigh = rangeAndStep[0]!.split('-');
  let start: number;
  let end: number;
  if (lowAndHigh[0] === '*' || lowAndHigh[0] === '?') {
    start = b.min;
    end = b.max;
  } else {
    start = intOrName(lowAndHigh[0]!, b);
    if (lowAndHigh.length === 1) end = start;
    else if (lowAndHigh.length === 2) end = intOrName(lowAndHigh[1]!, b);
    else throw new Error(`too many hyphens: ${expr}`);
  }
  let step = 1;
  if (rangeAndStep.length === 2) {
    step = mustParseInt(rangeAndStep[1]!);
    if (lowAndHigh.length === 1) end = b.max; // "N/step" means "N-max/step"
  } else if (rangeAndStep.length > 2) throw new Error(`too many slashes: ${expr}`);
  if (start < b.min) throw new Error(`beginning of range (${start}) below minimum (${b.min}): ${expr}`);
  if (end > b.max) throw new Error(`end of range (${end}) above maximum (${b.max}): ${expr}`);
  if (start > end) throw new Error(`beginning of range (${start}) beyond end of range (${end}): ${expr}`);
  if (step === 0) throw new Error(`step of range should be a positive number: ${expr}`);
}

// time.ParseDuration's verdict, with its error texts.
function checkGoDuration(s: string): void {
  const body = s.replace(/^[-+]/, '');
  if (body === '0') return;
  const q = JSON.stringify(s);
  if (body === '') throw new Error(`time: invalid duration ${q}`);
  const re = /(\d+\.?\d*|\.\d+)([^\d.]*)/y;
  let pos = 0;
  while (pos < body.length) {
    re.lastIndex = pos;
    const m = re.exec(body);
    if (!m) throw new Error(`time: invalid duration ${q}`);
    if (m[2] === '') throw new Error(`time: missing unit in duration ${q}`);
    if (!['ns', 'us', 'µs', 'μs', 'ms', 's', 'm', 'h'].includes(m[2]!)) throw new Error(`time: unknown unit ${JSON.stringify(m[2])} in duration ${q}`);
    pos = re.lastIndex;
  }
}

/** cron.ParseStandard: throws an Error with robfig's message when the schedule is invalid. */
export function parseStandardSchedule(spec: string): void {
  if (spec.length === 0) throw new Error('empty spec string');
  if (spec.startsWith('TZ=') || spec.startsWith('CRON_TZ=')) {
    const i = spec.indexOf(' ');
    const name = spec.slice(spec.indexOf('=') + 1, i < 0 ? spec.length : i);
    const err = loadLocation(name);
    if (err || i < 0) throw new Error(`provided bad location ${name}: ${err ?? 'unknown time zone'}`);
    spec = spec.slice(i).trim();
  }
  if (spec.startsWith('@')) {
    if (DESCRIPTORS.includes(spec)) return;
    if (spec.startsWith('@every ')) {
      try {
        checkGoDuration(spec.slice('@every '.length));
      } catch (e) {
        throw new Error(`failed to parse duration ${spec}: ${(e as Error).message}`);
      }
      return;
    }
    throw new Error(`unrecognized descriptor: ${spec}`);
  }
  const fields = spec.trim() === '' ? [] : spec.trim().split(/\s+/);
  if (fields.length !== 5) throw new Error(`expected exactly 5 fields, found ${fields.length}: [${fields.join(' ')}]`);
  fields.forEach((f, i) => {
    for (const expr of f.split(',').filter((x) => x !== '')) checkRange(expr, FIELDS[i]!);
  });
}

let canonicalZones: Set<string> | undefined;

/** time.LoadLocation's error for a zone name, or undefined when it loads. */
export function loadLocation(name: string): string | undefined {
  if (name === '' || name === 'UTC' || name === 'Local') return undefined;
  canonicalZones ??= new Set([...Intl.supportedValuesOf('timeZone'), 'UTC', 'Etc/UTC', 'GMT', 'Etc/GMT']);
  if (canonicalZones.has(name)) return undefined;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
  } catch {
    return `unknown time zone ${name}`;
  }
  // Intl ignores case; the zoneinfo files Go reads do not.
  const lower = name.toLowerCase();
  for (const z of canonicalZones) if (z.toLowerCase() === lower) return `unknown time zone ${name}`;
  return undefined;
}
