/**
 * Services as spotlights: a lamp per Service hanging from the truss, a faint beam to every pod
 * behind a ready endpoint, and traffic as particles travelling down the beams. Particles are a
 * few small SVG dots moved ~30 times a second: each frame repaints only where they were and are,
 * which stays cheap even without a GPU (a full-stage canvas would be re-uploaded every frame).
 * Under reduced motion the beams stay and the particles stop.
 */
import type { Selection } from 'd3';
import type { ServiceView } from '../../../protocol/views';
import { serviceLabel } from '../a11y';
import { labelSelectable, makeSelectable, type Selectable } from '../interact';

type G = Selection<SVGGElement, unknown, null, undefined>;

export interface Beam {
  key: string;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  /** 0..1, so particles on different beams do not march in step. */
  phase: number;
}

export interface LampDatum {
  service: ServiceView;
  ready: number;
  x: number;
  y: number;
}

const lampSelectable = (d: LampDatum): Selectable => ({
  uid: d.service.uid,
  ref: { kind: 'Service', name: d.service.name, namespace: d.service.namespace, uid: d.service.uid },
  label: serviceLabel(d.service, d.ready),
});

/** Wall milliseconds for a particle to travel a beam. */
const TRIP_MS = 1700;
/** Particles drawn at most (one per beam; beyond this, a rotating sample of beams). */
const MAX_PARTICLES = 48;
/** Particle moves per second. */
const PARTICLE_FPS = 30;

export function hashPhase(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return ((h >>> 0) % 1000) / 1000;
}

export class Spotlights {
  private beams: Beam[] = [];
  private raf = 0;
  private reduced = false;
  private dots: SVGCircleElement[] = [];

  constructor(
    private readonly lampLayer: G,
    private readonly beamLayer: G,
    private readonly particleLayer: G,
  ) {}

  update(lamps: LampDatum[], beams: Beam[], truss: { x0: number; x1: number; y: number } | undefined, reduced: boolean, scale: number): void {
    this.beams = beams;
    this.reduced = reduced;
    let bar = this.lampLayer.select<SVGLineElement>('line.truss');
    if (bar.empty()) bar = this.lampLayer.insert('line', ':first-child').attr('class', 'truss');
    bar.style('display', () => (truss && lamps.length ? null : 'none'));
    if (truss) bar.attr('x1', truss.x0).attr('x2', truss.x1).attr('y1', truss.y).attr('y2', truss.y);

    const lines = this.beamLayer.selectAll<SVGLineElement, Beam>('line.beam').data(beams, (b) => b.key);
    lines.exit().remove();
    lines
      .enter()
      .append('line')
      .attr('class', 'beam')
      .merge(lines)
      .attr('x1', (b) => b.x1)
      .attr('y1', (b) => b.y1)
      .attr('x2', (b) => b.x2)
      .attr('y2', (b) => b.y2);

    const sel = this.lampLayer.selectAll<SVGGElement, LampDatum>('g.lamp').data(lamps, (d) => d.service.uid);
    sel.exit().remove();
    const e = sel.enter().append('g').attr('class', 'lamp');
    e.append('line').attr('class', 'hanger');
    e.append('path').attr('class', 'cone');
    e.append('circle').attr('class', 'bulb');
    e.append('text').attr('class', 'lamp-name');
    e.append('text').attr('class', 'lamp-count');
    makeSelectable(e, lampSelectable);
    const all = e.merge(sel).attr('transform', (d) => `translate(${d.x},${d.y})`);
    labelSelectable(all, lampSelectable);
    all.classed('dark', (d) => d.ready === 0);
    const s = scale;
    all.select('path.cone').attr('d', `M${-5 * s},${4 * s} L${-14 * s},${24 * s} Q0,${29 * s} ${14 * s},${24 * s} L${5 * s},${4 * s} Z`);
    all.select('circle.bulb').attr('r', 7 * s);
    all.select('line.hanger').attr('y1', -16 * s).attr('y2', -6 * s);
    all.select('text.lamp-name').attr('x', 14 * s).attr('y', -2 * s).text((d) => `svc ${d.service.name}`);
    all
      .select('text.lamp-count')
      .attr('x', 14 * s)
      .attr('y', 13 * s)
      .text((d) => `${d.ready} ready endpoint${d.ready === 1 ? '' : 's'}`);

    this.syncDots(reduced ? 0 : Math.min(MAX_PARTICLES, beams.length));
    if (this.dots.length) this.loop();
    else this.stop();
  }

  destroy(): void {
    this.stop();
  }

  private syncDots(n: number): void {
    const layer = this.particleLayer.node()!;
    while (this.dots.length > n) this.dots.pop()!.remove();
    while (this.dots.length < n) {
      const c = document.createElementNS('http://www.w3.org/2000/svg', 'circle');
      c.setAttribute('class', 'particle');
      c.setAttribute('r', '2.4');
      layer.appendChild(c);
      this.dots.push(c);
    }
  }

  private stop(): void {
    cancelAnimationFrame(this.raf);
    this.raf = 0;
  }

  private loop(): void {
    if (this.raf) return;
    let last = 0;
    const draw = (t: number) => {
      if (this.reduced || !this.dots.length) return this.stop();
      this.raf = requestAnimationFrame(draw);
      if (t - last < 1000 / PARTICLE_FPS - 2) return;
      last = t;
      const beams = this.beams;
      // With more beams than dots, each dot serves a different beam every trip.
      const round = Math.floor(t / TRIP_MS);
      for (let i = 0; i < this.dots.length; i++) {
        const b = beams[(i + round * this.dots.length) % beams.length];
        if (!b) continue;
        const k = (t / TRIP_MS + b.phase) % 1;
        const e = k * k * (3 - 2 * k);
        this.dots[i].setAttribute('transform', `translate(${(b.x1 + (b.x2 - b.x1) * e).toFixed(1)},${(b.y1 + (b.y2 - b.y1) * e).toFixed(1)})`);
      }
    };
    this.raf = requestAnimationFrame(draw);
  }
}
