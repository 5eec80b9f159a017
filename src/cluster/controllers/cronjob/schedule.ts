/**
 * Cron schedules as the CronJob controller evaluates them: robfig/cron v3 `ParseStandard` syntax
 * (five fields, @hourly-style descriptors, @every <duration>, an optional TZ= prefix), fire times
 * from cron-parser in the schedule's time zone (UTC when none, like a kube-controller-manager
 * running in UTC). `next(t)` is the first fire time strictly after t, or undefined when there is
 * none (robfig returns the zero time then).
 */
import { CronExpressionParser } from 'cron-parser';
import { loadLocation, parseStandardSchedule } from '../../apiserver/resources/workloads/cronSchedule';

export interface Schedule {
  next(t: number): number | undefined;
}

const DESCRIPTORS: Record<string, string> = {
  '@yearly': '0 0 1 1 *',
  '@annually': '0 0 1 1 *',
  '@monthly': '0 0 1 * *',
  '@weekly': '0 0 * * 0',
  '@daily': '0 0 * * *',
  '@midnight': '0 0 * * *',
  '@hourly': '0 * * * *',
};

const UNIT_MS: Record<string, number> = { ns: 1e-6, us: 1e-3, µs: 1e-3, μs: 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

// time.ParseDuration (already validated by parseStandardSchedule).
function goDurationMs(s: string): number {
  const neg = s.startsWith('-');
  let ms = 0;
  for (const m of s.replace(/^[-+]/, '').matchAll(/(\d+\.?\d*|\.\d+)([a-zµμ]+)/g)) ms += Number(m[1]) * (UNIT_MS[m[2]!] ?? 0);
  return neg ? -ms : ms;
}

/** robfig's Every: at least a second, whole seconds; Next adds it to t truncated to the second. */
function everySchedule(ms: number): Schedule {
  const delay = ms < 1000 ? 1000 : ms - (ms % 1000);
  return { next: (t) => t - (((t % 1000) + 1000) % 1000) + delay };
}

function cronSchedule(expr: string, tz: string): Schedule {
  return {
    next(t) {
      try {
        return CronExpressionParser.parse(expr, { currentDate: new Date(t), tz }).next().getTime();
      } catch {
        return undefined; // e.g. "0 0 31 2 *": robfig finds no time and returns the zero time
      }
    },
  };
}

/**
 * cron.ParseStandard: throws robfig's error message for a bad spec. `TZ=<zone> ` / `CRON_TZ=<zone> `
 * set the zone (formatSchedule prefixes spec.timeZone that way).
 */
export function parseSchedule(spec: string): Schedule {
  parseStandardSchedule(spec);
  let tz = 'UTC';
  let rest = spec;
  if (spec.startsWith('TZ=') || spec.startsWith('CRON_TZ=')) {
    const i = spec.indexOf(' ');
    tz = spec.slice(spec.indexOf('=') + 1, i);
    rest = spec.slice(i).trim();
  }
  if (rest.startsWith('@every ')) return everySchedule(goDurationMs(rest.slice('@every '.length)));
  return cronSchedule(DESCRIPTORS[rest] ?? rest.trim(), tz === 'Local' || tz === '' ? 'UTC' : tz);
}

/** formatSchedule without the event: the spec with `TZ=<timeZone> ` when a loadable zone is set. */
export function formatSchedule(schedule: string, timeZone: string | undefined | null): string {
  if (schedule.includes('TZ')) return schedule;
  if (timeZone != null && !loadLocation(timeZone)) return `TZ=${timeZone} ${schedule}`;
  return schedule;
}

// The wall-clock fields of `ms` in `tz` and the zone's UTC offset in minutes.
function zoned(ms: number, tz: string): { fields: number[]; offsetMin: number } {
  const f = new Intl.DateTimeFormat('en-US', {
    timeZone: tz,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
  const parts = Object.fromEntries(f.formatToParts(new Date(ms)).map((p) => [p.type, p.value]));
  const fields = ['year', 'month', 'day', 'hour', 'minute', 'second'].map((k) => Number(parts[k]));
  const local = Date.UTC(fields[0]!, fields[1]! - 1, fields[2]!, fields[3]!, fields[4]!, fields[5]!);
  return { fields, offsetMin: Math.round((local - Math.floor(ms / 1000) * 1000) / 60_000) };
}

const p2 = (n: number) => String(n).padStart(2, '0');

/** time.Format(RFC3339) of `ms` in the zone (`Z` when the offset is zero). */
export function rfc3339InZone(ms: number, tz: string | undefined | null): string {
  const { fields: f, offsetMin } = zoned(ms, tz && tz !== 'Local' ? tz : 'UTC');
  const sign = offsetMin < 0 ? '-' : '+';
  const abs = Math.abs(offsetMin);
  const off = offsetMin === 0 ? 'Z' : `${sign}${p2(Math.floor(abs / 60))}:${p2(abs % 60)}`;
  return `${String(f[0]).padStart(4, '0')}-${p2(f[1]!)}-${p2(f[2]!)}T${p2(f[3]!)}:${p2(f[4]!)}:${p2(f[5]!)}${off}`;
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** t.UTC().Format(time.RFC1123Z): "Wed, 01 Jan 2025 00:00:00 +0000". */
export function rfc1123z(ms: number): string {
  const d = new Date(ms);
  return `${DAYS[d.getUTCDay()]}, ${p2(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())} +0000`;
}
