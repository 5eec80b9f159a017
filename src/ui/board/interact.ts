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

interface Labelled extends Element {
  __a11y?: string;
  __datum?: unknown;
  __on?: boolean;
}

/**
 * Keeps the accessible name and selection state current (call on every update). Elements whose
 * name and state did not change are not touched: a frame should only write what moved.
 */
export function labelSelectable<E extends Element, D>(sel: Selection<E, D, Element | null, unknown>, get: (d: D) => Selectable): void {
  const selected = useUi.getState().selection;
  sel.each(function (d) {
    const el = this as Labelled;
    const s = get(d);
    const on = !!selected && sameRef(selected, s.ref);
    // Views are immutable: the same datum with the same selection state needs no work at all.
    if (el.__datum === d && el.__on === on) return;
    el.__datum = d;
    el.__on = on;
    const key = `${s.label}|${s.uid}|${on}`;
    if (el.__a11y === key) return;
    el.__a11y = key;
    el.setAttribute('aria-label', s.label);
    el.setAttribute('data-uid', s.uid);
    el.setAttribute('aria-pressed', String(on));
    el.classList.toggle('selected', on);
  });
}

export function sameRef(a: ObjectRef, b: ObjectRef): boolean {
  if (a.uid && b.uid) return a.uid === b.uid;
  return a.kind === b.kind && a.name === b.name && (a.namespace ?? '') === (b.namespace ?? '');
}
