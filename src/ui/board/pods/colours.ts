/**
 * Colours for pods drawn on a canvas. The SVG board styled pods with CSS (board.css: theme
 * variables and `color-mix`); a canvas needs plain colour strings, so the same rules are worked out
 * here from the theme's variables, once per theme and workload colour.
 */

export interface Rgba {
  r: number;
  g: number;
  b: number;
  a: number;
}

const TRANSPARENT: Rgba = { r: 0, g: 0, b: 0, a: 0 };

/** Parses `#rgb`, `#rrggbb`, `#rrggbbaa`, `rgb()`/`rgba()` and `transparent`; anything else is grey. */
export function parseColour(s: string): Rgba {
  const t = s.trim().toLowerCase();
  if (t === 'transparent') return TRANSPARENT;
  if (t.startsWith('#')) {
    const h = t.slice(1);
    const full = h.length === 3 || h.length === 4 ? [...h].map((c) => c + c).join('') : h;
    const n = (i: number) => parseInt(full.slice(i, i + 2), 16);
    if (/^[0-9a-f]{6}([0-9a-f]{2})?$/.test(full)) return { r: n(0), g: n(2), b: n(4), a: full.length === 8 ? n(6) / 255 : 1 };
  }
  const m = /^rgba?\(([^)]*)\)$/.exec(t);
  if (m) {
    const parts = m[1].split(/[\s,/]+/).filter(Boolean).map(Number);
    if (parts.length >= 3 && parts.every(Number.isFinite)) return { r: parts[0], g: parts[1], b: parts[2], a: parts[3] ?? 1 };
  }
  return { r: 128, g: 128, b: 128, a: 1 };
}

/**
 * CSS `color-mix(in srgb, a p, b)`, p in 0..1: interpolation of premultiplied colours, so mixing
 * with `transparent` keeps the hue and only lowers the alpha.
 */
export function mix(a: Rgba, p: number, b: Rgba): Rgba {
  const alpha = a.a * p + b.a * (1 - p);
  if (alpha === 0) return TRANSPARENT;
  const ch = (x: number, y: number) => (x * a.a * p + y * b.a * (1 - p)) / alpha;
  return { r: ch(a.r, b.r), g: ch(a.g, b.g), b: ch(a.b, b.b), a: alpha };
}

export function css(c: Rgba): string {
  const n = (x: number) => Math.round(Math.max(0, Math.min(255, x)));
  return `rgba(${n(c.r)},${n(c.g)},${n(c.b)},${Math.round(c.a * 1000) / 1000})`;
}

/** The theme variables a pod's look is made of (tokens.css). */
export interface PodTheme {
  bg: Rgba;
  podStroke: Rgba;
  mark: Rgba;
  focus: Rgba;
  warn: Rgba;
  bad: Rgba;
  text: Rgba;
  ok: Rgba;
}

export function readPodTheme(el: Element): PodTheme {
  const cs = getComputedStyle(el);
  const v = (n: string) => parseColour(cs.getPropertyValue(n));
  return {
    bg: v('--bg'),
    podStroke: v('--pod-stroke'),
    mark: v('--mark'),
    focus: v('--focus'),
    warn: v('--warn'),
    bad: v('--bad'),
    text: v('--text'),
    ok: v('--ok'),
  };
}
