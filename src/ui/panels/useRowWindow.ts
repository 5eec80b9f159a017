/**
 * Windowing for a scrolling list of equal-height rows: which rows are in view (plus a few either
 * side), and the space the others take. The event feed keeps 150 rows but shows a handful; laying
 * out all of them on every update was the biggest layout cost while a burst of pods arrived.
 */
import { useCallback, useEffect, useRef, useState } from 'react';

const OVERSCAN = 6;
const DEFAULT_ROW = 20;

export interface RowWindow {
  /** Attach to the scrolling list. */
  ref: (el: HTMLElement | null) => void;
  first: number;
  last: number;
  /** Heights of the spacers standing for the rows before `first` and after `last`. */
  before: number;
  after: number;
}

export function useRowWindow(count: number, remeasureKey: unknown): RowWindow {
  const [view, setView] = useState({ top: 0, height: 400 });
  const [row, setRow] = useState(DEFAULT_ROW);
  const el = useRef<HTMLElement | null>(null);
  const frame = useRef(0);
  const cleanup = useRef<() => void>(undefined);

  const ref = useCallback((node: HTMLElement | null) => {
    cleanup.current?.();
    cleanup.current = undefined;
    el.current = node;
    if (!node) return;
    // Scroll position and size are read once per frame, never while React renders.
    const read = () => {
      frame.current = 0;
      setView((v) => (v.top === node.scrollTop && v.height === node.clientHeight ? v : { top: node.scrollTop, height: node.clientHeight }));
    };
    const onScroll = () => {
      if (!frame.current) frame.current = requestAnimationFrame(read);
    };
    node.addEventListener('scroll', onScroll, { passive: true });
    const ro = new ResizeObserver(onScroll);
    ro.observe(node);
    cleanup.current = () => {
      node.removeEventListener('scroll', onScroll);
      ro.disconnect();
      cancelAnimationFrame(frame.current);
      frame.current = 0;
    };
  }, []);

  // Row height changes with the type size (presenter mode): measure one drawn row then.
  useEffect(() => {
    const r = el.current?.querySelector<HTMLElement>('.feed-row');
    const h = r?.getBoundingClientRect().height;
    if (h && Math.abs(h - row) > 0.5) setRow(h);
  }, [remeasureKey, count > 0, row]);

  const first = Math.max(0, Math.floor(view.top / row) - OVERSCAN);
  const last = Math.min(count, Math.ceil((view.top + view.height) / row) + OVERSCAN);
  return { ref, first, last, before: first * row, after: Math.max(0, count - last) * row };
}
