/**
 * Hosts the current view's d3 renderer. React owns this div; the renderer owns everything inside
 * it. Mirror changes arrive at most once per frame (the bridge batches them) and are drawn in that
 * same frame; UI changes (selection, theme, size) are drawn on the next one.
 */
import { useEffect, useRef } from 'react';
import { mirror, type MirrorState } from '../bridge';
import { reducedMotion, useUi, type UiState, type ViewName } from '../state/uiStore';
import { createDj } from './dj';
import { createMap } from './map';
import { boardModel } from './model';
import { createOrchestra } from './orchestra';
import type { RendererFactory } from './renderer';

const FACTORIES: Record<ViewName, RendererFactory> = { orchestra: createOrchestra, dj: createDj, map: createMap };

const drawn = (s: MirrorState, p: MirrorState) =>
  s.nodes !== p.nodes || s.pods !== p.pods || s.workloads !== p.workloads || s.services !== p.services || s.endpoints !== p.endpoints || s.activity !== p.activity;
const uiDrawn = (s: UiState, p: UiState) =>
  s.selection !== p.selection || s.presenter !== p.presenter || s.theme !== p.theme || s.motion !== p.motion || s.systemReducedMotion !== p.systemReducedMotion || s.hover !== p.hover;

export function Board() {
  const view = useUi((s) => s.view);
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const host = ref.current!;
    const renderer = FACTORIES[view](host);
    let raf = 0;
    const schedule = () => {
      if (!raf) raf = requestAnimationFrame(render);
    };
    // The size comes from the ResizeObserver: reading clientWidth while drawing would force a
    // layout of everything the last frame changed.
    let size = { width: host.clientWidth, height: host.clientHeight };
    // A draw that took long (thousands of pods changing) is not repeated the very next frame:
    // the next one waits as long as the last took, so drawing never takes over the main thread.
    let lastEnd = 0;
    let lastCost = 0;
    const render = () => {
      if (raf) cancelAnimationFrame(raf);
      raf = 0;
      const t0 = performance.now();
      const m = mirror.getState();
      const u = useUi.getState();
      renderer.update({ model: boardModel(m), mirror: m, ui: u, width: size.width, height: size.height, reduced: reducedMotion(u), again: schedule });
      lastEnd = performance.now();
      lastCost = lastEnd - t0;
    };
    const onMirror = () => {
      if (lastCost > 8 && performance.now() - lastEnd < lastCost) schedule();
      else render();
    };
    render();
    const offMirror = mirror.subscribe((s, p) => drawn(s, p) && onMirror());
    const offUi = useUi.subscribe((s, p) => uiDrawn(s, p) && schedule());
    const ro = new ResizeObserver((entries) => {
      const r = entries[entries.length - 1].contentRect;
      size = { width: r.width, height: r.height };
      schedule();
    });
    ro.observe(host);
    return () => {
      offMirror();
      offUi();
      ro.disconnect();
      cancelAnimationFrame(raf);
      renderer.destroy();
    };
  }, [view]);

  return <div className={`board board-${view}`} ref={ref} data-testid="board" />;
}
