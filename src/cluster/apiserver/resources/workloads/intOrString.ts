/**
 * IntOrString checks shared by Deployment, DaemonSet, StatefulSet and PodDisruptionBudget
 * (pkg/apis/apps/validation: ValidatePositiveIntOrPercent, IsNotMoreThan100Percent,
 * getIntOrPercentValue). JSON numbers are the Int variant, JSON strings the String variant.
 */
import type { FieldError } from '../../../api/errors';
import { regexError } from '../../../api/validation';
import { goIntOrString, rawErr } from './goValues';
import { nonNegative } from './shared';

const percentFmt = '[0-9]+%';
const percentRe = /^[0-9]+%$/;

/** validation.IsValidPercent. */
export function isValidPercent(s: string): string[] {
  return percentRe.test(s)
    ? []
    : [regexError("a valid percent string must be a numeric string followed by an ending '%'", percentFmt, '1%', '93%')];
}

// strconv.Atoi semantics of IntOrString.IntValue() for the String variant: 0 when not a plain integer.
function atoi(s: string): number {
  return /^[+-]?[0-9]+$/.test(s) ? Number.parseInt(s, 10) : 0;
}

/** getPercentValue: the number before '%' for a valid percent string, else undefined. */
export function percentValue(v: unknown): number | undefined {
  if (typeof v !== 'string' || isValidPercent(v).length) return undefined;
  return Number.parseInt(v.slice(0, -1), 10);
}

/** getIntOrPercentValue: the percent number, else IntValue(). */
export function intOrPercentValue(v: unknown): number {
  const p = percentValue(v);
  if (p !== undefined) return p;
  if (typeof v === 'string') return atoi(v);
  return typeof v === 'number' ? v : 0;
}

/** ValidatePositiveIntOrPercent: a valid percent string, or a non-negative integer. */
export function validatePositiveIntOrPercent(v: unknown, path: string): FieldError[] {
  if (typeof v === 'string') return isValidPercent(v).map((msg) => rawErr(path, goIntOrString(v), msg));
  return nonNegative(typeof v === 'number' ? v : 0, path);
}

/** IsNotMoreThan100Percent: only percent strings are checked. */
export function isNotMoreThan100Percent(v: unknown, path: string): FieldError[] {
  const p = percentValue(v);
  if (p === undefined || p <= 100) return [];
  return [rawErr(path, goIntOrString(v), 'must not be greater than 100%')];
}

/** IntOrString.String(): the number or the string as written. */
export const intOrStringText = (v: unknown): string => (typeof v === 'number' ? String(v) : String(v ?? ''));
