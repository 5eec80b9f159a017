/**
 * The Map view: a plain, dense technical picture on a canvas — node boxes with capacity bars, pods
 * as chips — that stays fluid with thousands of pods. The canvas is only as big as the viewport
 * (it sticks to the top while a spacer scrolls), so each frame rasters and uploads one screenful
 * however tall the map is. Hit testing maps the pointer back to the pod or node; transparent
 * buttons over the box headers keep nodes reachable by keyboard and named for screen readers.
 */
import type { PodView } from '../../../protocol/views';
import { ui, useUi } from '../../state/uiStore';
import { nodeLabel } from '../a11y';
import type { RenderContext, Renderer } from '../renderer';
import { drawMap, readTheme, type BoxDatum } from './draw';
import { chipAt, HEADER, mapLayout, type MapLayout } from './layout';

const PENDING = '__pending__';

export function createMap(host: HTMLElement): Renderer {
  const wrap = host.appendChild(document.createElement('div'));
  wrap.className = 'map-wrap';
  const canvas = wrap.appendChild(document.createElement('canvas'));
  canvas.className = 'map-canvas';
  canvas.setAttribute('role', 'img');
  const buttons = wrap.appendChild(document.createElement('div'));
  buttons.className = 'map-nodes';
  buttons.setAttribute('role', 'group');
  buttons.setAttribute('aria-label', 'Nodes');
  const ctx = canvas.getContext('2d')!;
  let layout: MapLayout | undefined;
  let view = { width: 0, height: 0 };
  let redraw: (() => void) | undefined;
  host.addEventListener('scroll', () => redraw?.(), { passive: true });
  let data: BoxDatum[] = [];
  let themeKey = '';
  let theme = readTheme(host);

  const hit = (ev: MouseEvent): { pod?: PodView; box?: BoxDatum; x: number; y: number } | undefined => {
    if (!layout) return undefined;
    const r = canvas.getBoundingClientRect();
    const x = ev.clientX - r.left;
    const y = ev.clientY - r.top + host.scrollTop;
    const d = data.find((b) => x >= b.box.x && x <= b.box.x + b.box.w && y >= b.box.y && y <= b.box.y + b.box.h);
    if (!d) return undefined;
    const i = chipAt(layout, d.box, x, y);
    if (i < 0) return { box: d, x, y };
    const sx = layout.chipW + layout.gap;
    const sy = layout.chip + layout.gap;
    return { pod: d.pods[i], box: d, x: r.left + d.box.chipX + (i % d.box.cols) * sx + layout.chipW / 2, y: r.top - host.scrollTop + d.box.chipY + Math.floor(i / d.box.cols) * sy };
  };
  canvas.addEventListener('mousemove', (ev) => {
    const h = hit(ev);
    if (h?.pod) useUi.setState({ hover: h.pod.uid, hoverAt: { x: h.x, y: h.y } });
    else if (useUi.getState().hover) useUi.setState({ hover: undefined, hoverAt: undefined });
    canvas.style.cursor = h?.pod || (h?.box?.node && ev.offsetY + host.scrollTop - h.box.box.y < HEADER) ? 'pointer' : 'default';
  });
  canvas.addEventListener('mouseleave', () => useUi.setState({ hover: undefined, hoverAt: undefined }));
  canvas.addEventListener('click', (ev) => {
    const h = hit(ev);
    if (h?.pod) ui.select({ kind: 'Pod', name: h.pod.name, namespace: h.pod.namespace, uid: h.pod.uid });
    else if (h?.box?.node) ui.select({ kind: 'Node', name: h.box.node.name, uid: h.box.node.uid });
    else ui.select(undefined);
  });

  let buttonsKey = '';
  function syncButtons(scale: number): void {
    const want = data.filter((d) => d.node);
    const key = want.map((d) => `${d.node!.rv}:${d.pods.length}:${d.box.x},${d.box.y},${d.box.w}`).join('|') + scale;
    if (key === buttonsKey) return;
    buttonsKey = key;
    while (buttons.children.length > want.length) buttons.lastChild!.remove();
    while (buttons.children.length < want.length) {
      const b = buttons.appendChild(document.createElement('button'));
      b.className = 'map-node-btn';
      b.addEventListener('click', () => {
        const n = data.find((d) => d.node?.uid === b.dataset.uid)?.node;
        if (n) ui.select({ kind: 'Node', name: n.name, uid: n.uid });
      });
    }
    want.forEach((d, i) => {
      const b = buttons.children[i] as HTMLButtonElement;
      b.dataset.uid = d.node!.uid;
      b.setAttribute('aria-label', nodeLabel(d.node!, d.pods.length));
      Object.assign(b.style, { left: `${d.box.x}px`, top: `${d.box.y}px`, width: `${d.box.w}px`, height: `${HEADER * scale}px` });
    });
  }

  return {
    update(c: RenderContext) {
      const { model } = c;
      const scale = c.ui.presenter ? 1.25 : 1;
      const boxes = [
        ...(model.pending.length ? [{ key: PENDING, pods: model.pending.length }] : []),
        ...model.nodes.map((n) => ({ key: n.uid, pods: model.podsByNode.get(n.name)?.length ?? 0 })),
      ];
      layout = mapLayout({ width: c.width, height: c.height, boxes, scale });
      const byKey = new Map(layout.boxes.map((b) => [b.key, b]));
      data = [
        ...(model.pending.length ? [{ box: byKey.get(PENDING)!, pods: model.pending, title: 'Unscheduled' }] : []),
        ...model.nodes.map((n) => ({ box: byKey.get(n.uid)!, node: n, pods: model.podsByNode.get(n.name) ?? [], title: n.name })),
      ];
      const key = `${c.ui.theme}|${c.ui.presenter}`;
      if (key !== themeKey) {
        themeKey = key;
        theme = readTheme(host);
      }
      redraw = c.again;
      view = { width: c.width, height: c.height };
      wrap.style.height = `${layout.height}px`;
      const dpr = Math.min(2, window.devicePixelRatio || 1);
      const W = Math.round(view.width * dpr);
      const H = Math.round(view.height * dpr);
      if (canvas.width !== W || canvas.height !== H) {
        canvas.width = W;
        canvas.height = H;
        canvas.style.width = `${view.width}px`;
        canvas.style.height = `${view.height}px`;
      }
      const top = host.scrollTop;
      ctx.setTransform(dpr, 0, 0, dpr, 0, -top * dpr);
      const sel = c.ui.selection;
      const selected = sel?.uid ?? (sel?.kind === 'Node' ? model.nodes.find((n) => n.name === sel.name)?.uid : undefined);
      drawMap(ctx, layout, data, theme, { selected, hover: c.ui.hover, colour: (p) => model.colour(p), top, bottom: top + view.height }, scale);
      canvas.setAttribute('aria-label', `Map of ${model.nodes.length} nodes and ${model.pods.length} pods (${model.pending.length} pending)`);
      syncButtons(scale);
    },
    destroy() {
      wrap.remove();
    },
  };
}
