/**
 * orderedIntervals (indexed_job_utils.go, v1.32): sets of completion indexes kept as sorted,
 * non-adjacent [first, last] ranges and printed as "1,3-5,7" (two neighbours print as "3,4").
 */
export interface Interval {
  first: number;
  last: number;
}

export type Intervals = Interval[];

/** parseIndexesFromString: bad fragments are skipped, indexes ≥ completions cut off. */
export function parseIntervals(s: string | undefined | null, completions: number): Intervals {
  if (!s) return [];
  const out: Intervals = [];
  for (const part of s.split(',')) {
    const limits = part.split('-');
    const first = Number.parseInt(limits[0]!, 10);
    if (!/^[+-]?\d+$/.test(limits[0]!)) continue;
    if (first >= completions) break;
    let last = first;
    if (limits.length > 1) {
      if (!/^[+-]?\d+$/.test(limits[1]!)) continue;
      last = Math.min(Number.parseInt(limits[1]!, 10), completions - 1);
    }
    const prev = out[out.length - 1];
    if (prev && prev.last === first - 1) prev.last = last;
    else out.push({ first, last });
  }
  return out;
}

/** withOrderedIndexes: the union with `indexes` (ascending, possibly repeated). */
export function withOrderedIndexes(oi: Intervals, indexes: number[]): Intervals {
  const out: Intervals = [];
  const push = (iv: Interval) => {
    const last = out[out.length - 1];
    if (!last || iv.first > last.last + 1) out.push({ ...iv });
    else if (last.last < iv.last) last.last = iv.last;
  };
  let i = 0;
  let j = 0;
  while (i < oi.length && j < indexes.length) {
    if (oi[i]!.first < indexes[j]!) push(oi[i++]!);
    else {
      push({ first: indexes[j]!, last: indexes[j]! });
      j++;
    }
  }
  while (i < oi.length) push(oi[i++]!);
  while (j < indexes.length) push({ first: indexes[j]!, last: indexes[j++]! });
  return out;
}

/** The union of two interval lists. */
export function mergeIntervals(a: Intervals, b: Intervals): Intervals {
  const all = [...a, ...b].sort((x, y) => x.first - y.first);
  const out: Intervals = [];
  for (const iv of all) {
    const last = out[out.length - 1];
    if (!last || iv.first > last.last + 1) out.push({ ...iv });
    else if (last.last < iv.last) last.last = iv.last;
  }
  return out;
}

export function total(oi: Intervals): number {
  return oi.reduce((n, iv) => n + iv.last - iv.first + 1, 0);
}

export function has(oi: Intervals, ix: number): boolean {
  let lo = 0;
  let hi = oi.length;
  while (hi > lo) {
    const mid = lo + ((hi - lo) >> 1);
    if (oi[mid]!.last >= ix) hi = mid;
    else lo = mid + 1;
  }
  return hi < oi.length && oi[hi]!.first <= ix;
}

/** String(): "0-2,4,6,7". */
export function intervalsString(oi: Intervals): string {
  return oi.map((v) => (v.last === v.first ? `${v.first}` : `${v.first}${v.last === v.first + 1 ? ',' : '-'}${v.last}`)).join(',');
}

/** Sorted, de-duplicated copy. */
export function sortedUnique(xs: number[]): number[] {
  return [...new Set(xs)].sort((a, b) => a - b);
}

/** firstPendingIndexes: the `count` lowest indexes below `completions` not in `nonPending`. */
export function firstPending(nonPending: Intervals, count: number, completions: number): number[] {
  const out: number[] = [];
  if (count <= 0) return out;
  let candidate = 0;
  for (const iv of nonPending) {
    for (; candidate < completions && out.length < count && candidate < iv.first; candidate++) out.push(candidate);
    if (candidate < iv.last + 1) candidate = iv.last + 1;
  }
  for (; candidate < completions && out.length < count; candidate++) out.push(candidate);
  return out;
}
