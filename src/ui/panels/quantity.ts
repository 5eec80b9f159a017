/** Quantities as people read them. */

/** Millicores → `250m`, `2`, `1.5`. */
export function formatCpu(milli: number): string {
  if (milli < 1000) return `${Math.round(milli)}m`;
  const cores = milli / 1000;
  return Number.isInteger(cores) ? String(cores) : cores.toFixed(1);
}

/** Bytes → `64Mi`, `1.5Gi`. */
export function formatMemory(bytes: number): string {
  const units = ['', 'Ki', 'Mi', 'Gi', 'Ti'];
  let v = bytes;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${Number.isInteger(v) ? v : v.toFixed(1)}${units[i]}`;
}
