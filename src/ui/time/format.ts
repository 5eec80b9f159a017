/** Simulated time as the board shows it. */

/** `09:03:12` (UTC, the cluster's clock). */
export function clockText(ms: number): string {
  // Arithmetic, not Date#toISOString: the event feed formats hundreds of these a second.
  const day = 86_400;
  const s = ((Math.floor(ms / 1000) % day) + day) % day;
  const two = (n: number) => (n < 10 ? `0${n}` : String(n));
  return `${two(Math.floor(s / 3600))}:${two(Math.floor((s % 3600) / 60))}:${two(s % 60)}`;
}

/** Elapsed since the session began: `+3:12`, `+1:02:03`. */
export function elapsedText(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = String(s % 60).padStart(2, '0');
  return h ? `+${h}:${String(m).padStart(2, '0')}:${sec}` : `+${m}:${sec}`;
}

/** Age like kubectl prints it: `45s`, `3m12s`, `2h5m`, `3d`. */
export function ageText(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  if (s < 120) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 10) return `${m}m${s % 60 ? `${s % 60}s` : ''}`;
  if (m < 180) return `${m}m`;
  const h = Math.floor(m / 60);
  if (h < 48) return `${h}h${m % 60 ? `${m % 60}m` : ''}`;
  return `${Math.floor(h / 24)}d`;
}

/** `×0.25`, `×1`, `×100`. */
export const speedText = (s: number): string => `×${s}`;
