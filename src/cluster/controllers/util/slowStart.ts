/**
 * slowStartBatch (replica_set.go, v1.32): call `fn` `count` times in batches of 1, 2, 4, 8…,
 * stopping after the first batch in which any call failed. Returns the successes and the first
 * error, so a quota that refuses the first pod costs one request, not five hundred.
 */
export function slowStartBatch<E>(count: number, initialBatch: number, fn: () => E | undefined): { successes: number; error?: E } {
  let remaining = count;
  let successes = 0;
  for (let batch = Math.min(remaining, initialBatch); batch > 0; batch = Math.min(2 * batch, remaining)) {
    let first: E | undefined;
    let failed = 0;
    for (let i = 0; i < batch; i++) {
      const e = fn();
      if (e !== undefined) {
        failed++;
        first ??= e;
      }
    }
    successes += batch - failed;
    if (failed) return { successes, error: first };
    remaining -= batch;
  }
  return { successes };
}
