/**
 * The replicas fader: drag the cap (or use the arrow keys on it) to scale. While you drag, the cap
 * follows your hand; the value is sent once, on release, as a PATCH of the scale subresource, and
 * the cap then shows the desired replicas the worker reports.
 */
import { drag, select, type Selection } from 'd3';
import type { WorkloadView } from '../../../protocol/views';
import { actions } from '../../actions';

/** Values a person set that the mirror has not confirmed yet, by workload uid. */
const pending = new Map<string, { value: number; until: number }>();

/** The fader's range: room to double, in steps of 5, at least 10. */
export function faderMax(desired: number): number {
  return Math.max(10, Math.ceil((Math.max(desired, 1) * 2) / 5) * 5);
}

/** What the fader shows: the person's unconfirmed value while it is fresh, else the desired replicas. */
export function shownReplicas(w: WorkloadView): number {
  const p = pending.get(w.uid);
  if (p && (p.value === w.desired || Date.now() > p.until)) pending.delete(w.uid);
  return pending.get(w.uid)?.value ?? w.desired;
}

export interface FaderGeom {
  x: number;
  top: number;
  bottom: number;
}

type FaderSel<D> = Selection<SVGGElement, D, Element | null, unknown>;

function commit(w: WorkloadView, value: number): void {
  pending.set(w.uid, { value, until: Date.now() + 2500 });
  void actions.scale({ kind: w.kind, name: w.name, namespace: w.namespace, uid: w.uid }, value);
}

/**
 * Wires dragging and keys on new fader caps. The drag reports positions in the cap's parent's
 * coordinates, the same ones `geom` (read at event time: layouts change) is given in.
 */
export function bindFader<D extends { w: WorkloadView }>(cap: FaderSel<D>, geom: (d: D) => FaderGeom, onMove: (d: D) => void): void {
  let max = 10;
  const valueAt = (d: D, y: number) => {
    const g = geom(d);
    const t = Math.min(1, Math.max(0, (g.bottom - y) / (g.bottom - g.top)));
    return Math.round(t * max);
  };
  cap.call(
    drag<SVGGElement, D>()
      .on('start', function (_e, d) {
        max = faderMax(d.w.desired);
        select(this).classed('dragging', true);
      })
      .on('drag', function (e, d) {
        pending.set(d.w.uid, { value: valueAt(d, e.y), until: Date.now() + 60_000 });
        onMove(d);
      })
      .on('end', function (e, d) {
        select(this).classed('dragging', false);
        commit(d.w, valueAt(d, e.y));
        onMove(d);
      }),
  );
  let debounce: ReturnType<typeof setTimeout> | undefined;
  cap.on('keydown', (e: Event, d) => {
    const w = d.w;
    const k = (e as KeyboardEvent).key;
    const cur = shownReplicas(w);
    const top = faderMax(w.desired);
    const next =
      k === 'ArrowUp' || k === 'ArrowRight' ? cur + 1 : k === 'ArrowDown' || k === 'ArrowLeft' ? cur - 1 : k === 'PageUp' ? cur + 5 : k === 'PageDown' ? cur - 5 : k === 'Home' ? 0 : k === 'End' ? top : undefined;
    if (next === undefined) return;
    e.preventDefault();
    e.stopPropagation();
    const v = Math.max(0, Math.min(top, next));
    pending.set(w.uid, { value: v, until: Date.now() + 60_000 });
    onMove(d);
    clearTimeout(debounce);
    debounce = setTimeout(() => commit(w, v), 350);
  });
}
