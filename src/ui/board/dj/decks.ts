/**
 * Nodes as decks: a card with the node's name and state, a platter whose grooves carry the node's
 * pods, and three arc meters round the platter for requested CPU, memory and pod slots. A Ready
 * node's record spins; a failed one shows NO SIGNAL.
 */
import { arc, type Selection } from 'd3';
import type { NodeView, PodView } from '../../../protocol/views';
import { nodeLabel } from '../a11y';
import { labelSelectable, makeSelectable, type Selectable } from '../interact';
import { nodeStateClass, nodeStateText, usage } from '../orchestra/stage';
import type { DeckGeom } from './layout';

type G = Selection<SVGGElement, unknown, null, undefined>;

export interface DeckDatum {
  node: NodeView;
  geom: DeckGeom;
  pods: PodView[];
}

const selectable = (d: DeckDatum): Selectable => ({ uid: d.node.uid, ref: { kind: 'Node', name: d.node.name, uid: d.node.uid }, label: nodeLabel(d.node, d.pods.length) });

const METERS = ['cpu', 'memory', 'pods'] as const;
const A0 = (-135 * Math.PI) / 180;
const A1 = (135 * Math.PI) / 180;

function faultText(n: NodeView): string {
  if (n.fault === 'down') return 'NO SIGNAL';
  if (n.fault === 'partitioned') return 'CUT OFF';
  if (n.ready !== 'True') return 'NOT READY';
  if (n.unschedulable) return 'CORDONED';
  return '';
}

export function drawDecks(layer: G, data: DeckDatum[], scale: number): void {
  const sel = layer.selectAll<SVGGElement, DeckDatum>('g.deck').data(data, (d) => d.node.uid);
  sel.exit().remove();
  const e = sel.enter().append('g').attr('class', 'deck');
  e.append('rect').attr('class', 'deck-card');
  e.append('circle').attr('class', 'kubelet-led');
  e.append('text').attr('class', 'node-name');
  e.append('text').attr('class', 'node-state');
  const platter = e.append('g').attr('class', 'platter');
  platter.append('circle').attr('class', 'platter-disc');
  for (const k of [0.82, 0.62, 0.42]) platter.append('circle').attr('class', 'groove').attr('data-k', k);
  platter.append('path').attr('class', 'shine');
  platter.append('circle').attr('class', 'spindle');
  for (const m of METERS) {
    platter.append('path').attr('class', `meter-track meter-${m}`);
    platter.append('path').attr('class', `meter-fill meter-${m}`);
  }
  e.append('text').attr('class', 'deck-meters');
  e.append('text').attr('class', 'deck-fault');
  makeSelectable(e, selectable);

  const all = e.merge(sel);
  all.attr('class', (d) => `deck ${nodeStateClass(d.node)}${d.node.role ? ' control-plane' : ''}`).attr('data-node', (d) => d.node.name);
  labelSelectable(all, selectable);
  all
    .select('rect.deck-card')
    .attr('x', (d) => d.geom.x)
    .attr('y', (d) => d.geom.y)
    .attr('width', (d) => d.geom.w)
    .attr('height', (d) => d.geom.h)
    .attr('rx', 14 * scale);
  all
    .select('circle.kubelet-led')
    .attr('cx', (d) => d.geom.x + 16 * scale)
    .attr('cy', (d) => d.geom.y + 17 * scale)
    .attr('r', 4 * scale);
  all
    .select('text.node-name')
    .attr('x', (d) => d.geom.x + 26 * scale)
    .attr('y', (d) => d.geom.y + 21 * scale)
    .text((d) => d.node.name);
  all
    .select('text.node-state')
    .attr('x', (d) => d.geom.x + d.geom.w - 12 * scale)
    .attr('y', (d) => d.geom.y + 21 * scale)
    .attr('text-anchor', 'end')
    .text((d) => nodeStateText(d.node, d.pods.length).replace(/ · \d+ pods?$/, ''));
  const p = all.select<SVGGElement>('g.platter').attr('transform', (d) => `translate(${d.geom.cx},${d.geom.cy})`);
  p.select('circle.platter-disc').attr('r', (d) => d.geom.platterR);
  p.selectAll<SVGCircleElement, DeckDatum>('circle.groove').attr('r', function (d) {
    return d.geom.platterR * Number(this.getAttribute('data-k'));
  });
  const shine = arc<DeckDatum>()
    .innerRadius((d) => d.geom.platterR * 0.2)
    .outerRadius((d) => d.geom.platterR * 0.96)
    .startAngle(-0.35)
    .endAngle(0.35);
  p.select('path.shine').attr('d', (d) => shine(d));
  p.select('circle.spindle').attr('r', 4 * scale);
  for (const [i, m] of METERS.entries()) {
    const r = (d: DeckDatum) => d.geom.platterR + (8 + i * 5) * scale;
    const band = (end: (d: DeckDatum) => number) =>
      arc<DeckDatum>()
        .innerRadius((d) => r(d) - 1.5 * scale)
        .outerRadius((d) => r(d) + 1.5 * scale)
        .startAngle(A0)
        .endAngle(end)
        .cornerRadius(2);
    p.select(`path.meter-track.meter-${m}`).attr('d', (d) => band(() => A1)(d));
    p.select(`path.meter-fill.meter-${m}`)
      .attr('d', (d) => band((x) => A0 + (A1 - A0) * usage(x.node, x.pods)[m])(d))
      .classed('hot', (d) => usage(d.node, d.pods)[m] > 0.85);
  }
  all
    .select('text.deck-meters')
    .attr('x', (d) => d.geom.cx)
    .attr('y', (d) => d.geom.y + d.geom.h - 9 * scale)
    .attr('text-anchor', 'middle')
    .text((d) => {
      const u = usage(d.node, d.pods);
      return `cpu ${Math.round(u.cpu * 100)}% · mem ${Math.round(u.memory * 100)}% · ${d.pods.length}/${d.node.allocatable.pods} pods`;
    });
  all
    .select('text.deck-fault')
    .attr('x', (d) => d.geom.cx)
    .attr('y', (d) => d.geom.cy + d.geom.platterR * 0.12)
    .attr('text-anchor', 'middle')
    .text((d) => faultText(d.node));
}
