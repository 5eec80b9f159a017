import { describe, expect, it } from 'vitest';
import { css, mix, parseColour, type PodTheme } from './colours';
import { enteringSprite, isAnimating, isGone, isMoving, moveTo, opacityAt, placedSprite, positionAt } from './sprite';
import { blinkAlpha, podStyle } from './style';

const theme: PodTheme = {
  bg: parseColour('#0a0f1d'),
  podStroke: parseColour('rgba(0, 0, 0, 0.45)'),
  mark: parseColour('#0a0f1d'),
  focus: parseColour('#7fc6ff'),
  warn: parseColour('#e8a33d'),
  bad: parseColour('#ff7a59'),
  text: parseColour('#e9eef8'),
  ok: parseColour('#2fbf8f'),
};

describe('pod colours', () => {
  it('parses the theme formats', () => {
    expect(parseColour('#E69F00')).toEqual({ r: 230, g: 159, b: 0, a: 1 });
    expect(parseColour('#fff')).toEqual({ r: 255, g: 255, b: 255, a: 1 });
    expect(parseColour(' rgba(27, 34, 50, 0.55)')).toEqual({ r: 27, g: 34, b: 50, a: 0.55 });
    expect(parseColour('transparent').a).toBe(0);
  });

  it('mixes like CSS color-mix in srgb (premultiplied)', () => {
    expect(css(mix(parseColour('#ffffff'), 0.4, parseColour('#000000')))).toBe('rgba(102,102,102,1)');
    // With transparent, the hue stays and only the alpha drops.
    expect(css(mix(parseColour('#E69F00'), 0.14, parseColour('transparent')))).toBe('rgba(230,159,0,0.14)');
  });
});

describe('pod styles follow board.css', () => {
  const c = '#56B4E9';
  it('a playing pod is a full disc with a filled note', () => {
    const s = podStyle('running', c, { system: false, faulty: false }, theme);
    expect(s.bodyFill).toBe('rgba(86,180,233,1)');
    expect(s.markFill).toBe('rgba(10,15,29,1)');
    expect(s.alpha).toBe(1);
    expect(s.spin || s.blink).toBe(false);
  });
  it('pending pods are dashed outlines, leaving pods faint, crashing ones blink', () => {
    expect(podStyle('pending', c, { system: false, faulty: false }, theme).bodyDash).toEqual([2.5, 2.2]);
    expect(podStyle('terminating', c, { system: false, faulty: false }, theme).alpha).toBe(0.45);
    const crash = podStyle('crashloop', c, { system: false, faulty: false }, theme);
    expect(crash.blink).toBe(true);
    expect(crash.bodyStroke).toBe('rgba(255,122,89,1)');
    expect(podStyle('creating', c, { system: false, faulty: false }, theme).spin).toBe(true);
  });
  it('a fault outlines the pod in the bad colour, dashed; system pods are quieter', () => {
    const s = podStyle('running', c, { system: true, faulty: true }, theme);
    expect(s.bodyDash).toEqual([3, 2]);
    expect(s.bodyWidth).toBe(2);
    expect(s.fillAlpha).toBe(0.9);
  });
  it('blinks full, faint for half the period, full again', () => {
    expect([0, 300, 500, 800].map(blinkAlpha)).toEqual([1, 0.35, 0.35, 1]);
  });
});

describe('sprites', () => {
  it('enters at the spawn point, fades in, and arrives at its seat', () => {
    const s = enteringSprite('a', { x: 0, y: 0 }, { x: 100, y: 50 }, 1000, 800, 500);
    expect(positionAt(s, 1000)).toEqual({ x: 0, y: 0 });
    expect(opacityAt(s, 1000)).toBe(0);
    const mid = positionAt(s, 1400);
    expect(mid.x).toBeCloseTo(50);
    expect(opacityAt(s, 1500)).toBe(1);
    expect(positionAt(s, 1800)).toEqual({ x: 100, y: 50 });
    expect(isAnimating(s, 1799)).toBe(true);
    expect(isAnimating(s, 1800)).toBe(false);
  });

  it('a new seat mid-flight continues from where the pod is, without a jump', () => {
    const s = enteringSprite('a', { x: 0, y: 0 }, { x: 100, y: 0 }, 0, 800, 0);
    const here = positionAt(s, 400);
    moveTo(s, { x: 0, y: 100 }, 400, 800);
    expect(positionAt(s, 400)).toEqual(here);
    expect(isMoving(s, 1199)).toBe(true);
    expect(positionAt(s, 1200)).toEqual({ x: 0, y: 100 });
  });

  it('moves instantly with no duration (reduced motion)', () => {
    const s = placedSprite('a', { x: 5, y: 5 });
    moveTo(s, { x: 9, y: 9 }, 100, 0);
    expect(positionAt(s, 100)).toEqual({ x: 9, y: 9 });
    expect(isAnimating(s, 100)).toBe(false);
  });

  it('fades out where it stands, then is gone', () => {
    const s = placedSprite('a', { x: 5, y: 5 });
    s.fadeOutAt = 0;
    s.fadeOutMs = 700;
    expect(opacityAt(s, 0)).toBe(1);
    expect(opacityAt(s, 350)).toBeCloseTo(0.5);
    expect(isGone(s, 699)).toBe(false);
    expect(isGone(s, 700)).toBe(true);
  });
});
