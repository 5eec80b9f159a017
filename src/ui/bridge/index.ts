/**
 * The app's one engine, configured from the URL (`?seed=7&speed=10&paused`), and a handle on
 * `window.kubeplay` for the console, the end-to-end tests and the UI benchmark.
 */
import { SPEEDS } from '../../protocol/messages';
import { Engine } from './engine';
import { mirror } from './mirrorStore';

const params = new URLSearchParams(location.search);
const num = (k: string, d: number) => {
  const v = Number(params.get(k));
  return params.has(k) && Number.isFinite(v) && v > 0 ? v : d;
};

export const initialSpeed = num('speed', 1);
/** A new visitor finds the sample app already running; `?fresh` shows the cluster booting instead. */
const WARMUP_MS = 30_000;

export const engine = new Engine({
  seed: Math.floor(num('seed', 1)),
  playing: !params.has('paused'),
  speed: initialSpeed,
  warmupMs: params.has('fresh') ? 0 : WARMUP_MS,
});

export { mirror, useMirror } from './mirrorStore';
export type { MirrorState } from './mirrorState';
export { SPEEDS };

declare global {
  interface Window {
    kubeplay?: { engine: Engine; mirror: typeof mirror };
  }
}
window.kubeplay = { engine, mirror };
