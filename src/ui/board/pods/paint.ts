/**
 * Paints one pod glyph on a 2D canvas: the disc and its state mark (glyph.ts paths, so the canvas
 * and the SVG legend draw the very same shapes), plus the hover and selection outline.
 */
import type { PodLook } from '../../../protocol/views';
import { markPath } from '../glyph';
import { blinkAlpha, SPIN_MS, type PodStyle } from './style';

const marks = new Map<string, Path2D | null>();

/** The mark as a Path2D, made once per look and radius. */
function markOf(look: PodLook, r: number): Path2D | null {
  const key = `${look}|${r}`;
  let p = marks.get(key);
  if (p === undefined) {
    const d = markPath(look, r);
    marks.set(key, (p = d ? new Path2D(d) : null));
    if (marks.size > 400) marks.clear();
  }
  return p;
}

export interface Ring {
  colour: string;
  width: number;
  /** Painted under the fill (SVG `paint-order: stroke`): only its outer half shows. */
  under: boolean;
}

export interface PaintOptions {
  /** Device pixels per CSS pixel. */
  dpr: number;
  /** Wall time, for spinning and blinking marks (undefined: they hold still). */
  animateAt?: number;
  ring?: Ring;
}

/** Paints the pod of look `look` centred at (x, y), radius r, at opacity `opacity`. */
export function paintPod(ctx: CanvasRenderingContext2D, look: PodLook, s: PodStyle, x: number, y: number, r: number, opacity: number, o: PaintOptions): void {
  const alpha = s.alpha * opacity;
  if (alpha <= 0.003) return;
  ctx.setTransform(o.dpr, 0, 0, o.dpr, x * o.dpr, y * o.dpr);
  ctx.beginPath();
  ctx.arc(0, 0, r, 0, Math.PI * 2);
  const fillAlpha = s.fillAlpha * (s.blink && o.animateAt !== undefined ? blinkAlpha(o.animateAt) : 1);
  const stroke = () => {
    ctx.globalAlpha = alpha;
    ctx.strokeStyle = o.ring?.colour ?? s.bodyStroke;
    ctx.lineWidth = o.ring?.width ?? s.bodyWidth;
    ctx.setLineDash(s.bodyDash as number[]);
    ctx.stroke();
  };
  const under = !!o.ring?.under;
  if (under) stroke();
  ctx.globalAlpha = alpha * fillAlpha;
  ctx.fillStyle = s.bodyFill;
  ctx.fill();
  if (!under) stroke();

  const mark = markOf(look, r);
  if (!mark) return;
  if (s.spin && o.animateAt !== undefined) ctx.rotate(((o.animateAt % SPIN_MS) / SPIN_MS) * Math.PI * 2);
  ctx.globalAlpha = alpha;
  ctx.setLineDash([]);
  ctx.lineCap = 'round';
  ctx.lineJoin = 'round';
  if (s.markFill) {
    ctx.fillStyle = s.markFill;
    ctx.fill(mark);
  }
  ctx.strokeStyle = s.markStroke;
  ctx.lineWidth = s.markWidth;
  ctx.stroke(mark);
}

/**
 * Each distinct glyph (look, colour, radius) painted once into a small bitmap; a frame then copies
 * bitmaps instead of tracing discs and marks, so a thousand pods cost a thousand blits.
 */
export class GlyphCache {
  private readonly glyphs = new Map<string, { img: ImageBitmap; size: number }>();
  /** The last glyph found for a style object (styles are shared per look and colour): no key to build per pod. */
  private byStyle = new WeakMap<PodStyle, { r: number; dpr: number; g: { img: ImageBitmap; size: number } }>();

  /** Copies the glyph centred at (x, y) CSS px, at `opacity`. */
  blit(ctx: CanvasRenderingContext2D, key: string, look: PodLook, s: PodStyle, r: number, dpr: number, x: number, y: number, opacity: number): void {
    if (opacity <= 0.003) return;
    let m = this.byStyle.get(s);
    if (!m || m.r !== r || m.dpr !== dpr) this.byStyle.set(s, (m = { r, dpr, g: this.glyph(key, look, s, r, dpr) }));
    const g = m.g;
    ctx.globalAlpha = opacity;
    ctx.drawImage(g.img, Math.round(x * dpr) - g.size / 2, Math.round(y * dpr) - g.size / 2);
  }

  clear(): void {
    for (const g of this.glyphs.values()) g.img.close();
    this.glyphs.clear();
    this.byStyle = new WeakMap();
  }

  private glyph(key: string, look: PodLook, s: PodStyle, r: number, dpr: number): { img: ImageBitmap; size: number } {
    const k = `${key}|${r}|${dpr}`;
    let g = this.glyphs.get(k);
    if (!g) {
      // Even, so the centre falls on a pixel corner and the copy lands on whole pixels.
      const size = 2 * Math.ceil((r + 3) * dpr);
      const canvas = new OffscreenCanvas(size, size);
      const c = canvas.getContext('2d')! as unknown as CanvasRenderingContext2D;
      paintPod(c, look, s, size / 2 / dpr, size / 2 / dpr, r, 1, { dpr });
      if (this.glyphs.size > 500) this.clear();
      // An ImageBitmap is immutable: copying it needs no snapshot of a canvas that might change.
      this.glyphs.set(k, (g = { img: canvas.transferToImageBitmap(), size }));
    }
    return g;
  }
}
