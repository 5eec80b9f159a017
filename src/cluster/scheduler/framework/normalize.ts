/** helper.DefaultNormalizeScore: scale so the best node gets `max` (reversed: the worst gets 0). */
export function defaultNormalizeScore(max: number, reverse: boolean, scores: Float64Array, n: number): null {
  let top = 0;
  for (let i = 0; i < n; i++) if (scores[i]! > top) top = scores[i]!;
  if (top === 0) {
    if (reverse) for (let i = 0; i < n; i++) scores[i] = max;
    return null;
  }
  for (let i = 0; i < n; i++) {
    // int64 arithmetic: max * score / top truncates toward zero.
    const s = Math.trunc((max * scores[i]!) / top);
    scores[i] = reverse ? max - s : s;
  }
  return null;
}
