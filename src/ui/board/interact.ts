/**
 * Shared pointer and keyboard behaviour for everything the board draws: focusable, named, Enter or
 * Space (or a click) opens its details, hover and focus show the tooltip.
 */
import type { Selection } from 'd3';
import type { ObjectRef } from '../../protocol/views';
import { ui, useUi } from '../state/uiStore';

export interface Selectable {
  uid: string;
  ref: ObjectRef;
  label: string;
}

function showTip(el: Element, uid: string): void {
  const r = el.getBoundingClientRect();
  useUi.setState({ hover: uid, hoverAt: { x: r.left + r.width / 2, y: r.top } });
}

/** Wires focus, keyboard and pointer handlers on a joined selection (call on enter). */
export function makeSelectable<E extends Element, D>(sel: Selection<E, D, Element | null, unknown>, get: (d: D) => Selectable): void {
  sel
    .attr('tabindex', 0)
    .attr('role', 'button')
    .on('click', (ev: Event, d) => {
      ev.stopPropagation();
      ui.select(get(d).ref);
    })
    .on('keydown', (ev: Event, d) => {
      const key = (ev as KeyboardEvent).key;
      if (key === 'Enter' || key === ' ') {
        ev.preventDefault();
        ev.stopPropagation();
        ui.select(get(d).ref);
      }
    })
    .on('pointerenter focus', function (this: E, _ev: Event, d) {
      showTip(this, get(d).uid);
    })
    .on('pointerleave blur', (_ev: Event, d) => {
      if (useUi.getState().hover === get(d).uid) useUi.setState({ hover: undefined, hoverAt: undefined });
    });
}

/** Keeps the accessible name and selection state current (call on every update). */
export function labelSelectable<E extends Element, D>(sel: Selection<E, D, Element | null, unknown>, get: (d: D) => Selectable): void {
  const selected = useUi.getState().selection;
  sel
    .attr('aria-label', (d) => get(d).label)
    .attr('data-uid', (d) => get(d).uid)
    .attr('aria-pressed', (d) => String(!!selected && sameRef(selected, get(d).ref)))
    .classed('selected', (d) => !!selected && sameRef(selected, get(d).ref));
}

export function sameRef(a: ObjectRef, b: ObjectRef): boolean {
  if (a.uid && b.uid) return a.uid === b.uid;
  return a.kind === b.kind && a.name === b.name && (a.namespace ?? '') === (b.namespace ?? '');
}
