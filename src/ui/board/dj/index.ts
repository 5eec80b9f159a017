/**
 * The DJ board view: decks (nodes) on top carrying their pods as tracks, the mixer below with a
 * channel strip per workload and a bus per Service. A new pod is sent from its workload's strip up
 * to the deck that runs it.
 */
import { select } from 'd3';
import type { PodView } from '../../../protocol/views';
import { ui } from '../../state/uiStore';
import { Gate } from '../gate';
import { Musicians, type Placed } from '../musicians';
import type { RenderContext, Renderer } from '../renderer';
import { drawDecks, type DeckDatum } from './decks';
import { djLayout } from './layout';
import { drawBuses, drawStrips, type BusDatum, type StripDatum } from './strips';

export function createDj(host: HTMLElement): Renderer {
  const svg = select(host).append('svg').attr('class', 'board-svg dj').attr('role', 'group').attr('aria-label', 'DJ board view of the cluster');
  svg.on('click', () => ui.select(undefined));
  const decksLayer = svg.append('g').attr('class', 'decks').attr('role', 'group').attr('aria-label', 'Nodes (decks)');
  const labels = svg.append('g').attr('class', 'dj-labels').attr('aria-hidden', 'true');
  const cueLabel = labels.append('text').attr('class', 'section-title');
  const mixerLabel = labels.append('text').attr('class', 'section-title').text('MIXER · workloads');
  const busLabel = labels.append('text').attr('class', 'section-title').text('BUSES · services');
  const cueBox = svg.append('rect').attr('class', 'cue-box');
  const stripsLayer = svg.append('g').attr('class', 'strips').attr('role', 'group').attr('aria-label', 'Workloads (channel strips)');
  const busesLayer = svg.append('g').attr('class', 'buses').attr('role', 'group').attr('aria-label', 'Services (buses)');
  // Pods move on their own layer above the decks and strips, so their motion repaints only them.
  const musicians = new Musicians(host, 'Pods on the decks');
  // Decks' meters and strips' LEDs follow the cluster at most 4× a second; pods every frame.
  const furniture = new Gate(250);
  let shape = '';

  return {
    update(ctx: RenderContext) {
      const { model } = ctx;
      const scale = ctx.ui.presenter ? 1.25 : 1;
      const l = djLayout({
        width: ctx.width,
        height: ctx.height,
        decks: model.nodes.map((n) => ({ key: n.uid, pods: model.podsByNode.get(n.name)?.length ?? 0 })),
        strips: model.workloads.length,
        buses: model.services.length,
        pending: model.pending.length,
        scale,
      });
      svg.attr('width', l.width).attr('height', l.height);
      musicians.resize(l.width, l.height);

      const decks: DeckDatum[] = model.nodes.map((node) => ({ node, geom: l.decks.get(node.uid)!, pods: model.podsByNode.get(node.name) ?? [] }));
      const newShape = `${l.width}x${l.height}|${scale}|${decks.length}|${model.workloads.length}|${model.services.length}|${ctx.ui.selection?.uid ?? ctx.ui.selection?.name ?? ''}|${ctx.reduced}`;
      const furnitureKey = `${newShape}|${model.nodes.map((n) => n.rv).join(',')}|${model.workloads.map((w) => w.rv).join(',')}|${[...ctx.mirror.endpoints.values()].map((e) => e.rv).join(',')}|${model.pods.length}`;
      const drawFurniture = furniture.due(furnitureKey, ctx.again, newShape !== shape);
      shape = newShape;
      if (drawFurniture) drawDecks(decksLayer, decks, scale);

      const strips: StripDatum[] = model.workloads.map((w, i) => {
        const d: StripDatum = { w, box: l.strips[i], colour: model.colour(w) };
        if (w.kind === 'Deployment') {
          const rss = model.replicaSets.get(w.uid) ?? [];
          const newest = rss[rss.length - 1];
          if (newest) {
            const old = rss.slice(0, -1).filter((r) => r.current > 0 || r.desired > 0);
            d.rollout = {
              oldPods: old.reduce((n, r) => n + r.current, 0),
              newPods: newest.current,
              oldRev: old[old.length - 1]?.revision,
              newRev: newest.revision,
            };
          }
        }
        return d;
      });
      if (drawFurniture) drawStrips(stripsLayer, strips, scale, ctx.reduced);
      const buses: BusDatum[] = model.services.map((s, i) => {
        const ep = [...ctx.mirror.endpoints.values()].find((e) => e.namespace === s.service.namespace && e.name === s.service.name);
        return { s: s.service, box: l.buses[i], ready: s.ready.length, notReady: ep?.notReady.length ?? 0 };
      });
      if (drawFurniture) drawBuses(busesLayer, buses, scale);

      const showCue = model.pending.length > 0;
      cueBox.style('display', () => (showCue ? null : 'none')).attr('x', l.cue.x).attr('y', l.cue.y).attr('width', l.cue.w).attr('height', l.cue.h).attr('rx', 10);
      cueLabel
        .style('display', () => (showCue ? null : 'none'))
        .attr('x', l.cue.x + 12)
        .attr('y', l.cue.y + l.cue.h / 2)
        .attr('dy', '0.35em')
        .text(`CUE · ${model.pending.length} pending`);
      mixerLabel.attr('x', l.strips[0]?.x ?? 16).attr('y', l.mixerY - 9).style('display', () => (strips.length ? null : 'none'));
      busLabel.attr('x', l.buses[0]?.x ?? 0).attr('y', l.mixerY - 9).style('display', () => (buses.length ? null : 'none'));

      const placed: Placed[] = [];
      const place = (p: PodView, x: number, y: number) => placed.push({ pod: p, x, y, colour: model.colour(p) });
      for (const d of decks) d.pods.forEach((p, i) => place(p, d.geom.seats[i].x, d.geom.seats[i].y));
      model.pending.forEach((p, i) => place(p, l.cue.seats[i].x, l.cue.seats[i].y));
      const stripAt = new Map(strips.map((s) => [`${s.w.namespace}/${s.w.kind}/${s.w.name}`, { x: s.box.x + s.box.w / 2, y: s.box.y + 22 * scale }]));
      const deferred = musicians.update(
        placed,
        l.podR,
        (p) => stripAt.get(`${p.workload?.namespace}/${p.workload?.kind}/${p.workload?.name}`) ?? { x: l.cue.x + 60, y: l.cue.y },
        ctx.reduced,
      );
      if (deferred) ctx.again();
    },
    destroy() {
      svg.remove();
      musicians.destroy();
    },
  };
}
