/**
 * Paints the Map on a 2D canvas: node boxes with capacity bars and pods as chips. One pass per
 * change, no per-pod DOM, so 5,000 pods cost a few milliseconds. Colours come from the theme's CSS
 * variables; pod states keep their shape cues (outline = pending, half tone = starting, cross =
 * crashing, faint = leaving).
 */
import type { NodeView, PodView } from '../../../protocol/views';
import { nodeStateText, usage } from '../orchestra/stage';
import { HEADER, type MapBox, type MapLayout } from './layout';

export interface Theme {
  panel: string;
  panel2: string;
  line: string;
  text: string;
  text2: string;
  muted: string;
  ok: string;
  warn: string;
  bad: string;
  focus: string;
  accent2: string;
  font: string;
  mono: string;
}

export function readTheme(el: Element): Theme {
  const cs = getComputedStyle(el);
  const v = (n: string) => cs.getPropertyValue(n).trim();
  return {
    panel: v('--panel'),
    panel2: v('--panel-2'),
    line: v('--line'),
    text: v('--text'),
    text2: v('--text-2'),
    muted: v('--muted'),
    ok: v('--ok'),
    warn: v('--warn'),
    bad: v('--bad'),
    focus: v('--focus'),
    accent2: v('--accent-2'),
    font: v('--font'),
    mono: v('--mono'),
  };
}

export interface BoxDatum {
  box: MapBox;
  node?: NodeView;
  pods: PodView[];
  title: string;
}

export interface DrawState {
  selected?: string;
  hover?: string;
  colour(p: PodView): string;
  /** The visible band (content coordinates): boxes outside it are skipped. */
  top: number;
  bottom: number;
}

function bar(ctx: CanvasRenderingContext2D, t: Theme, x: number, y: number, w: number, frac: number, label: string, s: number): void {
  ctx.fillStyle = t.muted;
  ctx.font = `${10 * s}px ${t.font}`;
  ctx.textBaseline = 'middle';
  ctx.fillText(label, x, y);
  const bx = x + 34 * s;
  const bw = w - 34 * s - 40 * s;
  ctx.fillStyle = t.panel2;
  ctx.fillRect(bx, y - 3 * s, bw, 6 * s);
  ctx.fillStyle = frac > 0.85 ? t.warn : t.accent2;
  ctx.fillRect(bx, y - 3 * s, bw * frac, 6 * s);
  ctx.fillStyle = t.text2;
  ctx.textAlign = 'right';
  ctx.fillText(`${Math.round(frac * 100)}%`, x + w, y);
  ctx.textAlign = 'left';
}

/** A wide chip with the pod's name: a colour stripe, the name, and the status word. */
function namedChip(ctx: CanvasRenderingContext2D, t: Theme, p: PodView, colour: string, x: number, y: number, w: number, h: number, s: number): void {
  const faint = p.look === 'terminating' || p.look === 'succeeded';
  ctx.globalAlpha = faint ? 0.45 : 1;
  ctx.fillStyle = t.panel2;
  ctx.beginPath();
  ctx.roundRect(x, y, w, h, 4);
  ctx.fill();
  const broken = p.look === 'crashloop' || p.look === 'failed' || p.look === 'unknown';
  ctx.strokeStyle = broken ? t.bad : p.look === 'notready' ? t.warn : p.look === 'pending' ? colour : t.line;
  ctx.setLineDash(p.look === 'pending' ? [3, 2] : []);
  ctx.lineWidth = 1;
  ctx.stroke();
  ctx.setLineDash([]);
  ctx.fillStyle = colour;
  ctx.globalAlpha = (faint ? 0.45 : 1) * (p.look === 'creating' || p.look === 'pending' ? 0.45 : 1);
  ctx.fillRect(x, y, 5 * s, h);
  ctx.globalAlpha = faint ? 0.45 : 1;
  ctx.font = `${10.5 * s}px ${t.mono}`;
  ctx.textBaseline = 'middle';
  const status = p.status;
  ctx.fillStyle = broken ? t.bad : p.look === 'running' ? t.muted : t.warn;
  ctx.textAlign = 'right';
  const sw = ctx.measureText(status).width;
  ctx.fillText(status, x + w - 5 * s, y + h / 2);
  ctx.textAlign = 'left';
  ctx.fillStyle = t.text;
  let name = p.name;
  const room = w - 14 * s - sw - 8 * s;
  while (name.length > 4 && ctx.measureText(name).width > room) name = `${name.slice(0, -2)}`;
  if (name !== p.name) name = `${name.slice(0, -1)}…`;
  ctx.fillText(name, x + 9 * s, y + h / 2);
  ctx.globalAlpha = 1;
}

function chip(ctx: CanvasRenderingContext2D, t: Theme, p: PodView, colour: string, x: number, y: number, c: number): void {
  if (p.look === 'running') {
    if (lastFill !== colour) ctx.fillStyle = lastFill = colour;
    ctx.fillRect(x, y, c, c);
    return;
  }
  lastFill = '';
  switch (p.look) {
    case 'pending':
      ctx.strokeStyle = colour;
      ctx.lineWidth = 1;
      ctx.strokeRect(x + 0.5, y + 0.5, c - 1, c - 1);
      return;
    case 'creating':
      ctx.globalAlpha = 0.45;
      ctx.fillStyle = colour;
      ctx.fillRect(x, y, c, c);
      ctx.globalAlpha = 1;
      return;
    case 'terminating':
    case 'succeeded':
      ctx.globalAlpha = 0.3;
      ctx.fillStyle = colour;
      ctx.fillRect(x, y, c, c);
      ctx.globalAlpha = 1;
      return;
    case 'crashloop':
    case 'failed':
    case 'unknown':
      ctx.fillStyle = p.look === 'unknown' ? t.muted : t.bad;
      ctx.fillRect(x, y, c, c);
      if (c >= 7) {
        ctx.strokeStyle = t.panel;
        ctx.lineWidth = 1.5;
        ctx.beginPath();
        ctx.moveTo(x + 2, y + 2);
        ctx.lineTo(x + c - 2, y + c - 2);
        ctx.moveTo(x + c - 2, y + 2);
        ctx.lineTo(x + 2, y + c - 2);
        ctx.stroke();
      }
      return;
    case 'notready':
      ctx.fillStyle = colour;
      ctx.globalAlpha = 0.6;
      ctx.fillRect(x, y, c, c);
      ctx.globalAlpha = 1;
      ctx.strokeStyle = t.warn;
      ctx.lineWidth = 1.5;
      ctx.strokeRect(x + 0.75, y + 0.75, c - 1.5, c - 1.5);
      return;
  }
}

/**
 * The fill the last running chip set, so a row of chips of one workload sets (and parses) its
 * colour once. Cleared whenever anything else may have changed the fill.
 */
let lastFill = '';

export function drawMap(ctx: CanvasRenderingContext2D, l: MapLayout, data: BoxDatum[], t: Theme, st: DrawState, s: number): void {
  ctx.clearRect(0, st.top, l.width, st.bottom - st.top);
  const c = l.chip;
  const stepX = l.chipW + l.gap;
  const stepY = c + l.gap;
  let focus: { x: number; y: number } | undefined;
  for (const d of data) {
    const b = d.box;
    if (b.y > st.bottom || b.y + b.h < st.top) continue;
    const n = d.node;
    const bad = n && n.ready !== 'True';
    ctx.fillStyle = t.panel;
    ctx.strokeStyle = d.node && st.selected === d.node.uid ? t.focus : bad ? t.bad : t.line;
    ctx.lineWidth = d.node && st.selected === d.node.uid ? 2 : 1;
    ctx.setLineDash(n?.unschedulable || bad ? [4, 3] : !n ? [4, 4] : []);
    ctx.beginPath();
    ctx.roundRect(b.x + 0.5, b.y + 0.5, b.w - 1, b.h - 1, 8);
    ctx.fill();
    ctx.stroke();
    ctx.setLineDash([]);
    // header
    ctx.fillStyle = !n ? t.warn : bad ? t.bad : t.ok;
    ctx.beginPath();
    ctx.arc(b.x + 12 * s, b.y + 14 * s, 3.5 * s, 0, Math.PI * 2);
    ctx.fill();
    ctx.fillStyle = t.text;
    ctx.font = `600 ${12 * s}px ${t.mono}`;
    ctx.textBaseline = 'middle';
    ctx.fillText(d.title, b.x + 21 * s, b.y + 14 * s);
    ctx.fillStyle = bad ? t.bad : t.text2;
    ctx.font = `${10.5 * s}px ${t.font}`;
    ctx.textAlign = 'right';
    ctx.fillText(n ? nodeStateText(n, d.pods.length) : `${d.pods.length} pending`, b.x + b.w - 8 * s, b.y + 14 * s);
    ctx.textAlign = 'left';
    if (n) {
      const u = usage(n, d.pods);
      bar(ctx, t, b.x + 8 * s, b.y + 30 * s, b.w - 16 * s, u.cpu, 'cpu', s);
      bar(ctx, t, b.x + 8 * s, b.y + 40 * s, b.w - 16 * s, u.memory, 'mem', s);
      bar(ctx, t, b.x + 8 * s, b.y + 50 * s, b.w - 16 * s, u.pods, 'pods', s);
    } else {
      ctx.fillStyle = t.muted;
      ctx.font = `${10.5 * s}px ${t.font}`;
      ctx.fillText('waiting for the scheduler', b.x + 8 * s, b.y + 32 * s);
    }
    // chips
    lastFill = '';
    for (let i = 0; i < d.pods.length; i++) {
      const p = d.pods[i];
      const x = b.chipX + (i % b.cols) * stepX;
      const y = b.chipY + Math.floor(i / b.cols) * stepY;
      if (y > b.y + b.h || y > st.bottom) break;
      if (y + c < st.top) continue;
      if (l.labelled) {
        namedChip(ctx, t, p, st.colour(p), x, y, l.chipW, c, s);
        lastFill = '';
      } else chip(ctx, t, p, st.colour(p), x, y, c);
      if (p.uid === st.selected || p.uid === st.hover) focus = { x, y };
    }
  }
  if (focus) {
    ctx.strokeStyle = t.focus;
    ctx.lineWidth = 2;
    ctx.strokeRect(focus.x - 2, focus.y - 2, l.chipW + 4, c + 4);
  }
}

export { HEADER };
