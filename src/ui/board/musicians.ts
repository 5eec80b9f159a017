/**
 * Pods as musicians, shared by the Orchestra and DJ views. They are painted on one canvas (an SVG
 * element per pod made the browser restyle, lay out and repaint hundreds of moving glyphs every
 * frame), keyed by uid, so a pod keeps its sprite for life and every change of place is a visible
 * move: a new pod enters from a spawn point (the scheduler on the podium, or a deck's spindle) and
 * travels to its seat; a removed pod fades where it stood. Transparent proxies over the seats
 * (pods/proxies.ts) give each pod its accessible name, keyboard focus and pointer target.
 *
 * Pods at rest and pods in motion are painted on two stacked canvases (see draw()), each only
 * when what it shows changed.
 */
import type { PodView } from '../../protocol/views';
import { useUi } from '../state/uiStore';
import { readPodTheme, type PodTheme } from './pods/colours';
import { GlyphCache, paintPod, type Ring } from './pods/paint';
import { PodProxies } from './pods/proxies';
import { enteringSprite, isAnimating, isGone, isMoving, moveTo, opacityAt, placedSprite, positionAt, type Sprite } from './pods/sprite';
import { podStyle, type PodStyle } from './pods/style';

export interface Placed {
  pod: PodView;
  x: number;
  y: number;
  colour: string;
}

interface Entry {
  sprite: Sprite;
  pod: PodView;
  colour: string;
  style: PodStyle;
  styleKey: string;
  /** Set while the pod is painted on the still canvas: with which style, where. */
  still?: { style: PodStyle; x: number; y: number };
}

interface Layer {
  canvas: HTMLCanvasElement;
  ctx: CanvasRenderingContext2D;
}

function layer(host: HTMLElement, cls: string): Layer {
  const canvas = host.appendChild(document.createElement('canvas'));
  canvas.className = `pods-canvas ${cls}`;
  canvas.setAttribute('aria-hidden', 'true');
  return { canvas, ctx: canvas.getContext('2d')! };
}

const MOVE_MS = 800;
const ENTER_MS = 500;
const EXIT_MS = 700;
/**
 * Pods in flight at once. Painting a moving pod costs what painting a still one does, so this only
 * keeps a huge burst legible: beyond it, pods take their seats directly.
 */
const MAX_MOVING = 400;
/** Pods let in per frame; a bigger burst enters over the next frames (a cascade). */
const MAX_ENTER = 60;
/**
 * Spinning "tuning" marks and blinking crashes animate only while few pods need them: a stage full
 * of spinners is noise, and each one keeps the canvas repainting (the shapes alone still tell).
 */
const MAX_ANIMATED_MARKS = 24;
/** Leaving pods fading at once; beyond this they vanish. */
const MAX_FADING = 400;
/** Pods come to rest in batches: the still canvas is repainted at most this often for them. */
const STILL_EVERY_MS = 150;

export class Musicians {
  private readonly still: Layer;
  private readonly top: Layer;
  /** The whole still canvas must be repainted (size, theme, radius); else only around `stillSpots`. */
  private stillAll = true;
  /** Seats (CSS px, x then y) whose square on the still canvas must be repainted: a pod joined, left or changed there. */
  private stillSpots: number[] = [];
  private stillAt = 0;
  private readonly proxies: PodProxies;
  private readonly themeWatch: MutationObserver;
  private live = new Map<string, Entry>();
  private gone: Entry[] = [];
  private first = true;
  private r = 0;
  private animateMarks = false;
  private busy = 0;
  private theme: PodTheme;
  private styles = new Map<string, PodStyle>();
  private readonly glyphs = new GlyphCache();
  private size = { width: 0, height: 0, dpr: 1 };
  private raf = 0;
  private inFlight = -1;

  /** Adds the pods' canvas and their proxies to `host` (the views stack their layers there). */
  constructor(host: HTMLElement, label: string) {
    this.still = layer(host, 'pods-still');
    this.top = layer(host, 'pods-moving');
    this.proxies = new PodProxies(host, label);
    this.theme = readPodTheme(host);
    // Theme switches change the CSS variables the colours come from: read them again and repaint.
    this.themeWatch = new MutationObserver(() => {
      this.theme = readPodTheme(host);
      this.styles.clear();
      this.glyphs.clear();
      for (const e of this.live.values()) this.restyle(e);
      for (const e of this.gone) this.restyle(e);
      this.stillAll = true;
      this.draw(performance.now());
    });
    this.themeWatch.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
  }

  /** The canvas covers width × height CSS pixels of the view. */
  resize(width: number, height: number): void {
    const dpr = window.devicePixelRatio || 1;
    if (width === this.size.width && height === this.size.height && dpr === this.size.dpr) return;
    this.size = { width, height, dpr };
    for (const { canvas } of [this.still, this.top]) {
      canvas.width = Math.max(1, Math.round(width * dpr));
      canvas.height = Math.max(1, Math.round(height * dpr));
      canvas.style.width = `${width}px`;
      canvas.style.height = `${height}px`;
    }
    this.proxies.resize(width, height);
    this.stillAll = true;
  }

  /**
   * Places every pod. `spawn` says where a new pod appears from; on the first call (and under
   * reduced motion) everything is simply put in place. Returns how many new pods were held back
   * for the next frame (the caller should draw again then).
   */
  update(all: Placed[], r: number, spawn: (p: PodView) => { x: number; y: number }, reduced: boolean): number {
    const now = performance.now();
    let fresh = 0;
    const placed = all.filter((p) => this.live.has(p.pod.uid) || fresh++ < MAX_ENTER);
    const deferred = all.length - placed.length;
    const instant = reduced || this.first;
    this.first = false;
    if (r !== this.r) this.stillAll = true;
    this.r = r;

    let moving = 0;
    for (const e of this.live.values()) if (isMoving(e.sprite, now)) moving++;
    const seen = new Set<string>();
    this.busy = 0;
    for (const d of placed) {
      const uid = d.pod.uid;
      seen.add(uid);
      if (d.pod.look === 'creating' || d.pod.look === 'crashloop') this.busy++;
      const seat = { x: d.x, y: d.y };
      let e = this.live.get(uid);
      if (!e) {
        const animate = !instant && moving < MAX_MOVING;
        if (animate) moving++;
        const sprite = animate ? enteringSprite(uid, spawn(d.pod), seat, now, MOVE_MS, ENTER_MS) : placedSprite(uid, seat);
        e = { sprite, pod: d.pod, colour: d.colour, style: undefined as unknown as PodStyle, styleKey: '' };
        this.restyle(e);
        this.live.set(uid, e);
        continue;
      }
      if (e.pod !== d.pod || e.colour !== d.colour) {
        e.pod = d.pod;
        e.colour = d.colour;
        this.restyle(e);
      }
      const to = e.sprite.to;
      if (Math.abs(to.x - seat.x) < 0.5 && Math.abs(to.y - seat.y) < 0.5) continue;
      const wasMoving = isMoving(e.sprite, now);
      const animate = !instant && (wasMoving || moving < MAX_MOVING);
      if (animate && !wasMoving) moving++;
      moveTo(e.sprite, seat, now, animate ? MOVE_MS : 0);
    }
    for (const [uid, e] of this.live) {
      if (seen.has(uid)) continue;
      this.live.delete(uid);
      if (e.still) this.stillSpots.push(e.still.x, e.still.y);
      e.still = undefined;
      if (reduced || this.gone.length >= MAX_FADING) continue;
      e.sprite.fadeOutAt = now;
      e.sprite.fadeOutMs = EXIT_MS;
      this.gone.push(e);
    }
    this.animateMarks = !reduced && this.busy <= MAX_ANIMATED_MARKS;
    this.proxies.sync(placed, r);
    this.draw(now);
    return deferred;
  }

  destroy(): void {
    cancelAnimationFrame(this.raf);
    this.raf = 0;
    this.themeWatch.disconnect();
    this.still.canvas.remove();
    this.top.canvas.remove();
    this.proxies.destroy();
  }

  private restyle(e: Entry): void {
    const p = e.pod;
    const system = p.namespace === 'kube-system';
    const key = `${p.look}|${e.colour}|${system}|${!!p.fault}`;
    let s = this.styles.get(key);
    if (!s) this.styles.set(key, (s = podStyle(p.look, e.colour, { system, faulty: !!p.fault }, this.theme)));
    e.style = s;
    e.styleKey = key;
  }

  /**
   * Paints the pods as they look at `now`, and keeps painting while anything changes. Pods at rest
   * sit on the still canvas, repainted only when one joins or leaves it (joiners wait up to
   * STILL_EVERY_MS, drawn meanwhile with the movers); pods that move, fade, spin or wear a ring are
   * on the top canvas, repainted every frame. A burst then costs a frame per mover, not per pod.
   */
  private draw(now: number): void {
    const { r } = this;
    const { dpr } = this.size;
    const ui = useUi.getState();
    const sel = ui.selection?.kind === 'Pod' ? ui.selection : undefined;
    const spinning = this.animateMarks && this.busy > 0;
    const animateAt = this.animateMarks ? now : undefined;
    // At most two pods wear a ring: the selected one and the one under the pointer or focus.
    const selRing: Ring = { colour: this.focusColour(), width: 3.5, under: true };
    const hoverRing: Ring = { colour: selRing.colour, width: 2, under: false };
    const ringOf = (e: Entry): Ring | undefined => {
      if (sel && (sel.uid ? sel.uid === e.sprite.uid : sel.name === e.pod.name && sel.namespace === e.pod.namespace)) return selRing;
      return ui.hover === e.sprite.uid ? hoverRing : undefined;
    };
    const spots = this.stillSpots;
    let changing = 0;
    const joiners: Entry[] = [];
    for (const e of this.live.values()) {
      const animating = isAnimating(e.sprite, now);
      if (animating) changing++;
      const dynamic = animating || (animateAt !== undefined && (e.style.spin || e.style.blink)) || ((!!sel || !!ui.hover) && ringOf(e) !== undefined);
      const to = e.sprite.to;
      if (e.still && (dynamic || e.still.style !== e.style || e.still.x !== to.x || e.still.y !== to.y)) {
        spots.push(e.still.x, e.still.y);
        e.still = undefined;
      }
      if (!e.still && !dynamic) joiners.push(e);
    }
    for (const e of this.gone) if (isAnimating(e.sprite, now)) changing++;
    if (joiners.length && (this.stillAll || spots.length || now - this.stillAt >= STILL_EVERY_MS)) {
      for (const e of joiners) {
        e.still = { style: e.style, x: e.sprite.to.x, y: e.sprite.to.y };
        spots.push(e.still.x, e.still.y);
      }
      joiners.length = 0;
    }
    if (this.stillAll || spots.length) {
      this.paintStill(r, dpr);
      this.stillAt = now;
    }

    const ctx = this.top.ctx;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, this.top.canvas.width, this.top.canvas.height);
    const paint = (e: Entry) => {
      const s = e.sprite;
      const at = positionAt(s, now);
      const ring = ringOf(e);
      const st = e.style;
      // Rings and moving marks are traced; every other pod is a copy of its glyph's bitmap.
      if (ring || (animateAt !== undefined && (st.spin || st.blink))) {
        paintPod(ctx, e.pod.look, st, at.x, at.y, r, opacityAt(s, now), { dpr, animateAt, ring });
        ctx.setTransform(1, 0, 0, 1, 0, 0);
      } else this.glyphs.blit(ctx, e.styleKey, e.pod.look, st, r, dpr, at.x, at.y, opacityAt(s, now));
    };
    this.gone = this.gone.filter((e) => !isGone(e.sprite, now));
    for (const e of this.gone) paint(e);
    for (const e of this.live.values()) if (!e.still) paint(e);
    ctx.globalAlpha = 1;
    // How many pods are moving or fading, for tests and the curious (written only when it changes).
    if (changing !== this.inFlight) {
      this.inFlight = changing;
      this.top.canvas.dataset.inFlight = String(changing);
    }
    if ((changing || spinning || joiners.length) && !this.raf) {
      this.raf = requestAnimationFrame(() => {
        this.raf = 0;
        this.draw(performance.now());
      });
    }
  }

  /**
   * Repaints the pods at rest: everything after a resize or theme change, else only the squares
   * around the seats where a pod joined, left or changed (a burst then costs a few blits per
   * arriving pod instead of a blit of every pod each time one arrives).
   */
  private paintStill(r: number, dpr: number): void {
    const c = this.still.ctx;
    const spots = this.stillSpots;
    c.setTransform(1, 0, 0, 1, 0, 0);
    // Past a quarter of the pods' worth of squares, a full repaint is cheaper than clipping each one.
    if (this.stillAll || spots.length / 2 > this.live.size / 4) {
      c.clearRect(0, 0, this.still.canvas.width, this.still.canvas.height);
      for (const e of this.live.values()) if (e.still) this.glyphs.blit(c, e.styleKey, e.pod.look, e.style, r, dpr, e.still.x, e.still.y, 1);
    } else {
      // A glyph covers a square of 2·half device pixels around its seat (GlyphCache.blit).
      const half = Math.ceil((r + 3) * dpr) + 1;
      const cell = 2 * half;
      const grid = new Map<number, Entry[]>();
      const keyOf = (gx: number, gy: number) => gx * 65536 + gy;
      for (const e of this.live.values()) {
        if (!e.still) continue;
        const k = keyOf(Math.floor(Math.round(e.still.x * dpr) / cell), Math.floor(Math.round(e.still.y * dpr) / cell));
        const list = grid.get(k);
        if (list) list.push(e);
        else grid.set(k, [e]);
      }
      for (let i = 0; i < spots.length; i += 2) {
        const cx = Math.round(spots[i]! * dpr);
        const cy = Math.round(spots[i + 1]! * dpr);
        c.save();
        c.beginPath();
        c.rect(cx - half, cy - half, cell, cell);
        c.clip();
        c.clearRect(cx - half, cy - half, cell, cell);
        // Any glyph overlapping the square has its seat within one glyph of it: the 3×3 cells around.
        const gx = Math.floor(cx / cell);
        const gy = Math.floor(cy / cell);
        for (let dx = -1; dx <= 1; dx++)
          for (let dy = -1; dy <= 1; dy++)
            for (const e of grid.get(keyOf(gx + dx, gy + dy)) ?? []) this.glyphs.blit(c, e.styleKey, e.pod.look, e.style, r, dpr, e.still!.x, e.still!.y, 1);
        c.restore();
      }
    }
    c.globalAlpha = 1;
    spots.length = 0;
    this.stillAll = false;
  }

  private focusColour(): string {
    const f = this.theme.focus;
    return `rgb(${f.r},${f.g},${f.b})`;
  }
}
