/**
 * Motion settings for the renderers: transition lengths (0 when reduced motion is on, so every
 * change is a plain state change) and the one easing the board uses.
 */
import { easeCubicInOut } from 'd3';
// d3-transition adds `selection.transition()` when loaded. The d3 bundle declares itself free of
// side effects, so without this direct import the bundler drops the module and the method.
import 'd3-transition';
import { reducedMotion, useUi } from '../state/uiStore';

export const ease = easeCubicInOut;

/** `ms`, or 0 under reduced motion. */
export function dur(ms: number): number {
  return reducedMotion(useUi.getState()) ? 0 : ms;
}

export function isReduced(): boolean {
  return reducedMotion(useUi.getState());
}
