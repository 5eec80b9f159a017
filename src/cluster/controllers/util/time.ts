/** metav1.Time helpers: RFC 3339 strings ↔ simulated epoch milliseconds. */
export { rfc3339 } from '../../sim/clock';

/** RFC 3339 → epoch ms; undefined for a missing or unparsable (zero) time. */
export function parseTime(s: string | undefined | null): number | undefined {
  if (!s) return undefined;
  const t = Date.parse(s);
  return Number.isNaN(t) ? undefined : t;
}
