/**
 * Errors kubectl reports through klog rather than CheckErr (cobra's "required flag(s) … not set"):
 * `E1122 02:01:30.374830   12345 run.go:72] "command failed" err="…"`, exit 1. The time is the
 * caller's clock; the pid is fixed (a browser has none).
 */
import { ExitError } from '../errors';
import { goQuote } from '../util/gofmt';

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

export function klogCommandFailed(now: number, message: string): ExitError {
  const d = new Date(now);
  const head = `E${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}.${pad(d.getUTCMilliseconds() * 1000, 6)} ${String(4242).padStart(7)} run.go:72]`;
  return new ExitError(`${head} "command failed" err=${goQuote(message)}`, 1);
}

/** cobra's required-flag check, run before the command. */
export function checkRequired(now: number, required: string[] | undefined, changed: Set<string>): void {
  const missing = (required ?? []).filter((f) => !changed.has(f)).sort();
  if (missing.length) throw klogCommandFailed(now, `required flag(s) "${missing.join('", "')}" not set`);
}
