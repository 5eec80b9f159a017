/**
 * Workloads as channel strips: two knobs show the pod template's CPU and memory requests, an LED
 * meter shows ready pods against desired, the fader is the replica count (drag it to scale), and
 * for a Deployment a crossfader shows the rollout moving from the old ReplicaSet to the new one.
 * Services get narrower bus strips with their ready-endpoint meter.
 */
import { select, type Selection } from 'd3';
import type { ServiceView, WorkloadView } from '../../../protocol/views';
import { formatCpu, formatMemory } from '../../panels/quantity';
import { serviceLabel, workloadLabel } from '../a11y';
import { labelSelectable, makeSelectable, type Selectable } from '../interact';
import { ease } from '../motion';
import type { Box } from '../orchestra/layout';
import { bindFader, faderMax, shownReplicas, type FaderGeom } from './fader';

type G = Selection<SVGGElement, unknown, null, undefined>;

export interface StripDatum {
  w: WorkloadView;
  box: Box;
  colour: string;
  /** Deployment rollouts: pods of older ReplicaSets vs the newest one. */
  rollout?: { oldPods: number; newPods: number; oldRev?: string; newRev?: string };
}

export interface BusDatum {
  s: ServiceView;
  box: Box;
  ready: number;
  notReady: number;
}

const KIND: Record<string, string> = { Deployment: 'DEPLOY', ReplicaSet: 'RS', StatefulSet: 'STS', DaemonSet: 'DS', Job: 'JOB' };
const stripSel = (d: StripDatum): Selectable => ({ uid: d.w.uid, ref: { kind: d.w.kind, name: d.w.name, namespace: d.w.namespace, uid: d.w.uid }, label: workloadLabel(d.w) });
const busSel = (d: BusDatum): Selectable => ({ uid: d.s.uid, ref: { kind: 'Service', name: d.s.name, namespace: d.s.namespace, uid: d.s.uid }, label: serviceLabel(d.s, d.ready) });

/** Knob angle (degrees, −135…135) for a value on a log scale between lo and hi. */
export function knobAngle(v: number, lo: number, hi: number): number {
  if (v <= 0) return -135;
  const t = Math.min(1, Math.max(0, Math.log(v / lo) / Math.log(hi / lo)));
  return -135 + 270 * t;
}

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

function faderGeom(d: StripDatum, scale: number): FaderGeom {
  return { x: d.box.w * 0.66, top: 114 * scale, bottom: d.box.h - (d.rollout ? 74 : 46) * scale };
}

export function drawStrips(layer: G, data: StripDatum[], scale: number, reduced: boolean): void {
  const s = scale;
  const sel = layer.selectAll<SVGGElement, StripDatum>('g.strip').data(data, (d) => d.w.uid);
  sel.exit().remove();
  const e = sel.enter().append('g').attr('class', 'strip');
  e.append('rect').attr('class', 'strip-card');
  const head = e.append('g').attr('class', 'strip-head');
  head.append('rect').attr('class', 'strip-head-bg');
  head.append('rect').attr('class', 'strip-swatch');
  head.append('text').attr('class', 'strip-kind');
  head.append('text').attr('class', 'strip-name');
  makeSelectable(head, stripSel);
  for (const k of ['cpu', 'mem']) {
    const knob = e.append('g').attr('class', `knob knob-${k}`);
    knob.append('circle').attr('class', 'knob-ring');
    knob.append('circle').attr('class', 'knob-cap');
    knob.append('line').attr('class', 'knob-pointer');
    knob.append('text').attr('class', 'knob-value');
    knob.append('text').attr('class', 'knob-label');
  }
  e.append('g').attr('class', 'meter');
  const fader = e.append('g').attr('class', 'fader');
  fader.append('rect').attr('class', 'fader-track');
  fader.append('g').attr('class', 'fader-ticks');
  const cap = fader.append('g').attr('class', 'fader-cap').attr('tabindex', 0).attr('role', 'slider');
  cap.append('rect');
  cap.append('text');
  e.append('text').attr('class', 'strip-readout');
  const x = e.append('g').attr('class', 'xfade');
  x.append('rect').attr('class', 'xfade-track');
  x.append('rect').attr('class', 'xfade-handle');
  x.append('text').attr('class', 'xfade-old');
  x.append('text').attr('class', 'xfade-new');

  const all = e.merge(sel);
  all.attr('transform', (d) => `translate(${d.box.x},${d.box.y})`).classed('progressing', (d) => !!d.w.progressing);
  all.select('rect.strip-card').attr('width', (d) => d.box.w).attr('height', (d) => d.box.h).attr('rx', 12 * s);

  const hd = all.select<SVGGElement>('g.strip-head');
  labelSelectable(hd, stripSel);
  hd.select('rect.strip-head-bg').attr('width', (d) => d.box.w).attr('height', 44 * s).attr('rx', 12 * s);
  hd.select('rect.strip-swatch').attr('x', 10 * s).attr('y', 10 * s).attr('width', 8 * s).attr('height', 8 * s).attr('rx', 2).style('fill', (d) => d.colour);
  hd.select('text.strip-kind').attr('x', 22 * s).attr('y', 18 * s).text((d) => KIND[d.w.kind] ?? d.w.kind);
  hd.select('text.strip-name').attr('x', 10 * s).attr('y', 35 * s).text((d) => clip(d.w.name, Math.floor((d.box.w - 16) / (7.4 * s))));

  for (const [k, cx, lo, hi, fmt, label] of [
    ['cpu', 0.3, 10, 8000, (d: StripDatum) => formatCpu(d.w.podRequests.cpu), 'cpu'],
    ['mem', 0.72, 16 * 2 ** 20, 16 * 2 ** 30, (d: StripDatum) => formatMemory(d.w.podRequests.memory), 'mem'],
  ] as const) {
    const knob = all.select<SVGGElement>(`g.knob-${k}`).attr('transform', (d) => `translate(${d.box.w * cx},${66 * s})`);
    knob.select('circle.knob-ring').attr('r', 14 * s);
    knob.select('circle.knob-cap').attr('r', 10 * s);
    knob
      .select('line.knob-pointer')
      .attr('y1', -3 * s)
      .attr('y2', -11 * s)
      .attr('transform', (d) => `rotate(${knobAngle(k === 'cpu' ? d.w.podRequests.cpu : d.w.podRequests.memory, lo, hi)})`);
    knob.select('text.knob-value').attr('y', 26 * s).attr('text-anchor', 'middle').text((d) => (k === 'cpu' ? (d.w.podRequests.cpu ? fmt(d) : '—') : d.w.podRequests.memory ? fmt(d) : '—'));
    knob.select('text.knob-label').attr('y', 36 * s).attr('text-anchor', 'middle').text(label);
  }

  // Ready meter: one LED per replica (up to 24; beyond that each LED stands for several pods).
  all.select<SVGGElement>('g.meter').each(function (d) {
    const g = faderGeom(d, s);
    const total = Math.max(d.w.desired, d.w.current, 1);
    const n = Math.min(24, total);
    const per = total / n;
    const h = (g.bottom - g.top) / n;
    const leds = Array.from({ length: n }, (_, i) => {
      const k = (i + 1) * per;
      return k <= d.w.ready + 1e-9 ? 'ready' : k <= d.w.current + 1e-9 ? 'up' : k <= d.w.desired + 1e-9 ? 'want' : 'off';
    });
    drawLeds(select(this), leds, 16 * s, 12 * s, g.bottom, h);
  });

  const fd = all.select<SVGGElement>('g.fader');
  fd.select('rect.fader-track')
    .attr('x', (d) => faderGeom(d, s).x - 3 * s)
    .attr('y', (d) => faderGeom(d, s).top)
    .attr('width', 6 * s)
    .attr('height', (d) => faderGeom(d, s).bottom - faderGeom(d, s).top)
    .attr('rx', 3 * s);
  fd.select<SVGGElement>('g.fader-ticks').each(function (d) {
    const g = faderGeom(d, s);
    const max = faderMax(d.w.desired);
    const t = select(this).selectAll<SVGTextElement, number>('text').data([0, max / 2, max]);
    t.exit().remove();
    t.enter()
      .append('text')
      .merge(t)
      .attr('x', g.x + 13 * s)
      .attr('y', (v) => g.bottom - (v / max) * (g.bottom - g.top))
      .attr('dy', '0.35em')
      .text((v) => String(v));
  });
  const caps = all.select<SVGGElement>('g.fader-cap') as unknown as Selection<SVGGElement, StripDatum, Element | null, unknown>;
  caps.classed('disabled', (d) => !d.w.scalable).attr('aria-disabled', (d) => String(!d.w.scalable));
  caps.select('rect').attr('x', -17 * s).attr('y', -10 * s).attr('width', 34 * s).attr('height', 20 * s).attr('rx', 4 * s);
  positionCaps(caps, s);
  const fresh = (cap as unknown as Selection<SVGGElement, StripDatum, Element | null, unknown>).filter((d) => d.w.scalable);
  bindFader(
    fresh,
    (d) => faderGeom(d, s),
    (d) => positionCaps(caps.filter((x) => x.w.uid === d.w.uid), s),
  );
  all.select('text.strip-readout')
    .attr('x', (d) => d.box.w / 2)
    .attr('y', (d) => d.box.h - (d.rollout ? 54 : 22) * s)
    .attr('text-anchor', 'middle')
    .text((d) => `${d.w.ready}/${d.w.desired} ready`);

  const xf = all.select<SVGGElement>('g.xfade').style('display', (d) => (d.rollout ? null : 'none'));
  xf.attr('transform', (d) => `translate(0,${d.box.h - 32 * s})`);
  xf.select('rect.xfade-track').attr('x', 14 * s).attr('y', -2 * s).attr('width', (d) => d.box.w - 28 * s).attr('height', 4 * s).attr('rx', 2 * s);
  const hx = (d: StripDatum) => {
    const r = d.rollout!;
    const t = r.oldPods + r.newPods ? r.newPods / (r.oldPods + r.newPods) : 1;
    return 14 * s + t * (d.box.w - 28 * s) - 9 * s;
  };
  const handle = xf.filter((d) => !!d.rollout).select('rect.xfade-handle').attr('y', -8 * s).attr('width', 18 * s).attr('height', 16 * s).attr('rx', 3 * s);
  if (reduced) handle.attr('x', hx);
  else handle.transition().duration(600).ease(ease).attr('x', hx);
  xf.select('text.xfade-old').attr('x', 14 * s).attr('y', 19 * s).text((d) => (d.rollout?.oldPods ? `r${d.rollout.oldRev ?? '?'} ${d.rollout.oldPods}` : ''));
  xf.select('text.xfade-new')
    .attr('x', (d) => d.box.w - 14 * s)
    .attr('y', 19 * s)
    .attr('text-anchor', 'end')
    .text((d) => (d.rollout ? `r${d.rollout.newRev ?? '?'} ${d.rollout.newPods}` : ''));
}

function drawLeds(g: Selection<SVGGElement, unknown, null, undefined>, leds: string[], x: number, w: number, bottom: number, h: number): void {
  const r = g.selectAll<SVGRectElement, string>('rect').data(leds);
  r.exit().remove();
  r.enter()
    .append('rect')
    .merge(r)
    .attr('x', x)
    .attr('width', w)
    .attr('y', (_v, i) => bottom - (i + 1) * h + 1)
    .attr('height', Math.max(1, h - 2))
    .attr('rx', 2)
    .attr('class', (v) => `led led-${v}`);
}

function positionCaps(caps: Selection<SVGGElement, StripDatum, Element | null, unknown>, s: number): void {
  caps.each(function (d) {
    const g = faderGeom(d, s);
    const v = shownReplicas(d.w);
    const max = faderMax(d.w.desired);
    const y = g.bottom - (Math.min(v, max) / max) * (g.bottom - g.top);
    const el = this as SVGGElement;
    el.setAttribute('aria-label', `replicas of ${d.w.kind.toLowerCase()} ${d.w.name}`);
    el.setAttribute('aria-valuemin', '0');
    el.setAttribute('aria-valuemax', String(max));
    el.setAttribute('aria-valuenow', String(v));
    el.setAttribute('aria-valuetext', `${v} replicas`);
    (el.querySelector('text') as SVGTextElement).textContent = String(v);
    el.setAttribute('transform', `translate(${g.x},${y})`);
  });
}

export function drawBuses(layer: G, data: BusDatum[], scale: number): void {
  const s = scale;
  const sel = layer.selectAll<SVGGElement, BusDatum>('g.bus').data(data, (d) => d.s.uid);
  sel.exit().remove();
  const e = sel.enter().append('g').attr('class', 'bus');
  e.append('rect').attr('class', 'strip-card');
  e.append('text').attr('class', 'strip-kind');
  e.append('text').attr('class', 'strip-name');
  e.append('g').attr('class', 'bus-meter');
  e.append('text').attr('class', 'bus-ports');
  e.append('text').attr('class', 'strip-readout');
  makeSelectable(e, busSel);
  const all = e.merge(sel).attr('transform', (d) => `translate(${d.box.x},${d.box.y})`);
  labelSelectable(all, busSel);
  all.select('rect.strip-card').attr('width', (d) => d.box.w).attr('height', (d) => d.box.h).attr('rx', 12 * s);
  all.select('text.strip-kind').attr('x', 10 * s).attr('y', 18 * s).text('BUS · SVC');
  all.select('text.strip-name').attr('x', 10 * s).attr('y', 35 * s).text((d) => clip(d.s.name, Math.floor((d.box.w - 16) / (7.4 * s))));
  all.select('text.bus-ports').attr('x', 10 * s).attr('y', 56 * s).text((d) => clip(d.s.ports.join(' '), 14));
  all.select<SVGGElement>('g.bus-meter').each(function (d) {
    const total = d.ready + d.notReady;
    const n = Math.min(24, total);
    const top = 72 * s;
    const bottom = d.box.h - 44 * s;
    const h = n ? (bottom - top) / n : 0;
    const leds = Array.from({ length: n }, (_, i) => (((i + 1) * total) / n <= d.ready + 1e-9 ? 'ready' : 'up'));
    drawLeds(select(this), leds, d.box.w / 2 - 8 * s, 16 * s, bottom, h);
  });
  all.select('text.strip-readout')
    .attr('x', (d) => d.box.w / 2)
    .attr('y', (d) => d.box.h - 22 * s)
    .attr('text-anchor', 'middle')
    .text((d) => `${d.ready} ready`);
}
