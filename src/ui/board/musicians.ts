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
}

const selectable = (d: Placed): Selectable => ({
  uid: d.pod.uid,
  ref: { kind: 'Pod', name: d.pod.name, namespace: d.pod.namespace, uid: d.pod.uid },
  label: podLabel(d.pod),
});

const MOVE_MS = 850;
const ENTER_MS = 500;
const EXIT_MS = 700;

export class Musicians {
  private first = true;

  constructor(private readonly layer: Selection<SVGGElement, unknown, null, undefined>) {}

  /**
   * Places every pod. `spawn` says where a new pod appears from; on the first call (and under
   * reduced motion) everything is simply put in place.
   */
  update(placed: Placed[], r: number, spawn: (p: PodView) => { x: number; y: number }, reduced: boolean): void {
    const instant = reduced || this.first;
    this.first = false;
    const sel = this.layer.selectAll<PodEl, Placed>('g.pod').data(placed, (d) => d.pod.uid);

    sel.exit<Placed>().each(function () {
      const g = select(this as PodEl).attr('class', 'pod-gone').attr('tabindex', null).attr('role', null).attr('aria-hidden', 'true');
      if (reduced) g.remove();
      else g.transition('exit').duration(EXIT_MS).ease(ease).style('opacity', 0).remove();
    });

    const entered = sel
      .enter()
      .append('g')
      .attr('class', 'pod')
      .each(function (d) {
        const el = this as PodEl;
        const from = instant ? d : spawn(d.pod);
        el.__at = { x: from.x, y: from.y };
        el.setAttribute('transform', `translate(${from.x},${from.y})`);
      });
    entered.append('circle').attr('class', 'halo');
    entered.append('circle').attr('class', 'body');
    entered.append('path').attr('class', 'mark');
    makeSelectable(entered, selectable);
    if (!instant) entered.style('opacity', 0).transition('enter').duration(ENTER_MS).style('opacity', 1);

    const all = entered.merge(sel);
    labelSelectable(all, selectable);
    all.each(function (d) {
      const el = this as PodEl;
      const p = d.pod;
      const sig = `${p.look}|${d.colour}|${r}|${p.fault ?? ''}|${p.namespace}`;
      if (el.__sig !== sig) {
        el.__sig = sig;
        el.setAttribute('class', `pod look-${p.look}${p.fault ? ' faulty' : ''}${p.namespace === 'kube-system' ? ' system' : ''}${el.classList.contains('selected') ? ' selected' : ''}`);
        el.style.setProperty('--c', d.colour);
        const [halo, body, mark] = el.children as unknown as SVGElement[];
        halo.setAttribute('r', String(r + Math.max(2.5, r * 0.35)));
        body.setAttribute('r', String(r));
        mark.setAttribute('d', markPath(p.look, r));
      }
      const at = el.__at!;
      if (Math.abs(at.x - d.x) < 0.5 && Math.abs(at.y - d.y) < 0.5) return;
      el.__at = { x: d.x, y: d.y };
      const to = `translate(${d.x},${d.y})`;
      if (instant) {
        select(el).interrupt('move');
        el.setAttribute('transform', to);
      } else select(el).transition('move').duration(MOVE_MS).ease(ease).attr('transform', to);
    });
  }
}
