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

/**
 * The same behaviour for many elements through one set of listeners on their container: `find`
 * names the selectable behind an event's target (or undefined). A thousand pods then cost no
 * listeners each; focus and pointer use the bubbling focusin/out and pointerover/out.
 */
export function delegateSelectable(container: Element, find: (target: Element) => { el: Element; s: Selectable } | undefined): void {
  const hit = (ev: Event) => (ev.target instanceof Element ? find(ev.target) : undefined);
  container.addEventListener('click', (ev) => {
    const h = hit(ev);
    if (!h) return;
    ev.stopPropagation();
    ui.select(h.s.ref);
  });
  container.addEventListener('keydown', (ev) => {
    const h = hit(ev);
    const key = (ev as KeyboardEvent).key;
    if (!h || (key !== 'Enter' && key !== ' ')) return;
    ev.preventDefault();
    ev.stopPropagation();
    ui.select(h.s.ref);
  });
  const enter = (ev: Event) => {
    const h = hit(ev);
    if (h) showTip(h.el, h.s.uid);
  };
  const leave = (ev: Event) => {
    const h = hit(ev);
    // Moving within the same element (or onto another proxy, which shows its own tip) keeps it.
    const to = (ev as PointerEvent | FocusEvent).relatedTarget;
    if (!h || (to instanceof Element && h.el.contains(to))) return;
    if (useUi.getState().hover === h.s.uid) useUi.setState({ hover: undefined, hoverAt: undefined });
  };
  container.addEventListener('pointerover', enter);
  container.addEventListener('focusin', enter);
  container.addEventListener('pointerout', leave);
  container.addEventListener('focusout', leave);
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
