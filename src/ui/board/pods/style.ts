/**
 * A pod's look on the canvas: the same rules board.css gives the SVG glyphs (legend included), as
 * plain values — body fill and outline, the mark's stroke, dashes, and which looks animate.
 */
import type { PodLook } from '../../../protocol/views';
import { css, mix, parseColour, type PodTheme, type Rgba } from './colours';

export interface PodStyle {
  bodyFill: string;
  bodyStroke: string;
  bodyWidth: number;
  bodyDash: readonly number[];
  markStroke: string;
  markWidth: number;
  /** Filled as well as stroked (the playing note). */
  markFill?: string;
  /** Opacity of the whole glyph (a leaving pod is faint). */
  alpha: number;
  /** Extra opacity of the body's fill (system pods are a little quieter). */
  fillAlpha: number;
  spin: boolean;
  blink: boolean;
}

export interface PodFlags {
  system: boolean;
  faulty: boolean;
}

const NONE: readonly number[] = [];
const TRANSPARENT: Rgba = { r: 0, g: 0, b: 0, a: 0 };

export function podStyle(look: PodLook, colour: string, flags: PodFlags, t: PodTheme): PodStyle {
  const c = parseColour(colour);
  const s: PodStyle = {
    bodyFill: css(c),
    bodyStroke: css(t.podStroke),
    bodyWidth: 1,
    bodyDash: NONE,
    markStroke: css(t.mark),
    markWidth: 1.6,
    alpha: 1,
    fillAlpha: flags.system ? 0.9 : 1,
    spin: false,
    blink: false,
  };
  const text = css(t.text);
  switch (look) {
    case 'running':
      s.markFill = css(t.mark);
      s.markWidth = 1.2;
      break;
    case 'pending':
      s.bodyFill = css(mix(c, 0.14, TRANSPARENT));
      s.bodyStroke = css(c);
      s.bodyWidth = 1.6;
      s.bodyDash = [2.5, 2.2];
      break;
    case 'creating':
      s.bodyFill = css(mix(c, 0.4, t.bg));
      s.bodyStroke = css(c);
      s.markStroke = text;
      s.spin = true;
      break;
    case 'notready':
      s.bodyFill = css(mix(c, 0.45, t.bg));
      s.bodyStroke = css(t.warn);
      s.bodyWidth = 1.6;
      s.markStroke = text;
      break;
    case 'crashloop':
    case 'failed':
      s.bodyFill = css(mix(c, 0.35, t.bg));
      s.bodyStroke = css(t.bad);
      s.bodyWidth = 2;
      s.markStroke = css(t.bad);
      s.markWidth = 2;
      s.blink = look === 'crashloop';
      break;
    case 'terminating':
      s.alpha = 0.45;
      s.bodyDash = [1, 2];
      s.markStroke = text;
      break;
    case 'succeeded':
      s.bodyFill = css(mix(c, 0.25, t.bg));
      s.markStroke = css(t.ok);
      s.markWidth = 2;
      break;
    case 'unknown':
      s.bodyFill = css(mix(c, 0.25, t.bg));
      s.bodyDash = [1, 2];
      s.markStroke = text;
      break;
  }
  if (flags.faulty) {
    s.bodyStroke = css(t.bad);
    s.bodyDash = [3, 2];
    s.bodyWidth = 2;
  }
  return s;
}

/** Crash-looping bodies blink: full for a quarter period, faint for half, full again (board.css `blink`). */
export const BLINK_MS = 900;
export const SPIN_MS = 1100;

export function blinkAlpha(t: number): number {
  const k = (((t % BLINK_MS) + BLINK_MS) % BLINK_MS) / BLINK_MS;
  return k >= 0.25 && k < 0.75 ? 0.35 : 1;
}
