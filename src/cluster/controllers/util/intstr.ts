/**
 * intstr.GetScaledValueFromIntOrPercent (apimachinery v1.32): an IntOrString resolved against a
 * total. Percentages round up or down as asked; plain strings that are not percentages are errors.
 */
export type IntOrString = number | string;

/** The scaled value: ints as they are, "25%" of `total` rounded up (`roundUp`) or down. */
export function scaledValue(v: IntOrString | undefined | null, total: number, roundUp: boolean): number {
  if (v === undefined || v === null) return 0;
  if (typeof v === 'number') return v;
  if (!v.endsWith('%')) throw new Error('invalid type: string is not a percentage');
  const s = v.slice(0, -1);
  if (!/^[+-]?\d+$/.test(s)) throw new Error(`invalid value for IntOrString: invalid value "${v}"`);
  const pct = Number(s);
  const exact = (pct * total) / 100;
  return roundUp ? Math.ceil(exact) : Math.floor(exact);
}

/** Go's math.Round (half away from zero), as integer.RoundToInt32 uses. */
export function roundHalfAwayFromZero(x: number): number {
  return x < 0 ? -Math.round(-x) : Math.round(x);
}
