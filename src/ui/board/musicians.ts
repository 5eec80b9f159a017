/**
 * Pods as musicians: one SVG group per pod, joined by uid, so a pod keeps its element for life and
 * every change of place is a visible move. New pods enter from a spawn point (the scheduler on the
 * podium, or a deck's spindle) and travel to their seat; removed pods fade where they stood.
 * Shared by the Orchestra and DJ views.
 */
import { select, type Selection } from 'd3';
import type { PodView } from '../../protocol/views';
import { podLabel } from './a11y';
import { markPath } from './glyph';
import { labelSelectable, makeSelectable, type Selectable } from './interact';
import { ease } from './motion';

export interface Placed {
  pod: PodView;
  x: number;
  y: number;
  colour: string;
}

interface PodEl extends SVGGElement {
  __at?: { x: number; y: number };
  __sig?: string;
  __pod?: PodView;
  __r?: number;
  __colour?: string;
  __plain?: boolean;
}

const selectable = (d: Placed): Selectable => ({
  uid: d.pod.uid,
  ref: { kind: 'Pod', name: d.pod.name, namespace: d.pod.namespace, uid: d.pod.uid },
  label: podLabel(d.pod),
});

const MOVE_MS = 800;
/**
 * Pods in flight at once. A burst beyond this (hundreds of pods arriving in one frame) places the
 * rest directly: the eye cannot follow more anyway, and it keeps every frame cheap.
 */
const MAX_MOVING = 60;
/** New pod elements created per frame; a bigger burst enters over the next frames (a cascade). */
const MAX_ENTER = 60;
/**
 * Beyond this many pods, healthy (playing) pods are drawn as plain discs: one element instead of
 * two each. Every other look keeps its mark, so anything unusual still stands out by shape.
 */
const PLAIN_PLAYING_ABOVE = 400;
/**
 * Spinning "tuning" marks and blinking crashes are drawn only while few pods need them: hundreds
 * of looping SVG animations would repaint the stage every frame (the shapes alone still tell).
 */
const MAX_ANIMATED_MARKS = 24;
const ENTER_MS = 500;
const EXIT_MS = 700;

export class Musicians {
  private first = true;
  private moving = 0;

  constructor(private readonly layer: Selection<SVGGElement, unknown, null, undefined>) {}

  /**
   * Places every pod. `spawn` says where a new pod appears from; on the first call (and under
   * reduced motion) everything is simply put in place. Returns how many new pods were held back
   * for the next frame (the caller should draw again then).
   */
  update(all: Placed[], r: number, spawn: (p: PodView) => { x: number; y: number }, reduced: boolean): number {
    // Creating hundreds of elements in one frame is a long task: let a burst in MAX_ENTER at a time.
    const known = new Set<string>();
    this.layer.selectAll<PodEl, Placed>('g.pod').each((d) => known.add(d.pod.uid));
    let fresh = 0;
    const placed = all.filter((p) => known.has(p.pod.uid) || fresh++ < MAX_ENTER);
    const deferred = all.length - placed.length;
    const instant = reduced || this.first;
    this.first = false;
    let busy = 0;
    for (const p of placed) if (p.pod.look === 'creating' || p.pod.look === 'crashloop') busy++;
    this.layer.classed('animate-marks', busy <= MAX_ANIMATED_MARKS);
    const sel = this.layer.selectAll<PodEl, Placed>('g.pod').data(placed, (d) => d.pod.uid);
    let exiting = this.layer.selectAll('g.pod-gone').size();
    let entering = 0;

    sel.exit<Placed>().each(function () {
      const g = select(this as PodEl).attr('class', 'pod-gone').attr('tabindex', null).attr('role', null).attr('aria-hidden', 'true');
      if (reduced || exiting >= MAX_MOVING) g.remove();
      else {
        exiting++;
        g.transition('exit').duration(EXIT_MS).ease(ease).style('fill-opacity', 0).style('stroke-opacity', 0).remove();
      }
    });

    const self = this;
    const entered = sel
      .enter()
      .append('g')
      .attr('class', 'pod')
      .each(function (d) {
        const el = this as PodEl;
        // Within the motion budget a new pod fades in at its spawn point and travels to its seat
        // (the move below); beyond it, it simply appears in its seat.
        const animate = !instant && self.moving + entering < MAX_MOVING;
        const from = animate ? spawn(d.pod) : d;
        el.__at = { x: from.x, y: from.y };
        el.setAttribute('transform', `translate(${from.x},${from.y})`);
        if (animate) {
          entering++;
          // fill/stroke-opacity inherit to the disc and mark without a compositing group.
          el.style.fillOpacity = '0';
          el.style.strokeOpacity = '0';
          select(el)
            .transition('enter')
            .duration(ENTER_MS)
            .style('fill-opacity', 1)
            .style('stroke-opacity', 1)
            .on('end', () => {
              el.style.fillOpacity = '';
              el.style.strokeOpacity = '';
            });
        }
      });
    entered.append('circle').attr('class', 'body');
    entered.append('path').attr('class', 'mark');
    makeSelectable(entered, selectable);

    const merged = entered.merge(sel);
    labelSelectable(merged, selectable);
    const plain = all.length > PLAIN_PLAYING_ABOVE;
    merged.each(function (d) {
      const el = this as PodEl;
      const p = d.pod;
      if (el.__pod !== p || el.__r !== r || el.__colour !== d.colour || el.__plain !== plain) {
        el.__pod = p;
        el.__r = r;
        el.__colour = d.colour;
        el.__plain = plain;
        const sig = `${p.look}|${d.colour}|${r}|${p.fault ?? ''}|${p.namespace}|${plain}`;
        if (el.__sig !== sig) {
          el.__sig = sig;
          el.setAttribute('class', `pod look-${p.look}${p.fault ? ' faulty' : ''}${p.namespace === 'kube-system' ? ' system' : ''}${el.classList.contains('selected') ? ' selected' : ''}`);
          el.style.setProperty('--c', d.colour);
          const [body, mark] = el.children as unknown as SVGElement[];
          body.setAttribute('r', String(r));
          const d2 = plain && p.look === 'running' ? '' : markPath(p.look, r);
          if (d2) mark.setAttribute('d', d2);
          else mark.removeAttribute('d');
          mark.style.display = d2 ? '' : 'none';
        }
      }
      const at = el.__at!;
      if (Math.abs(at.x - d.x) < 0.5 && Math.abs(at.y - d.y) < 0.5) return;
      el.__at = { x: d.x, y: d.y };
      const to = `translate(${d.x},${d.y})`;
      if (instant || self.moving >= MAX_MOVING) {
        select(el).interrupt('move');
        el.setAttribute('transform', to);
        return;
      }
      self.moving++;
      const done = () => self.moving--;
      select(el).transition('move').duration(MOVE_MS).ease(ease).attr('transform', to).on('end', done).on('interrupt', done);
    });
    return deferred;
  }
}
