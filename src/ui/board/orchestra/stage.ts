/**
 * The Orchestra's fixed furniture: the floor, node sections (sector, capacity meters, name and
 * state), the conductor's podium (the control plane, whose parts light up when they act), the wings
 * and the legend. Everything is joined by key, so redraws only touch what changed.
 */
import { arc, type Selection } from 'd3';
import type { NodeView, PodView } from '../../../protocol/views';
import { nodeLabel, nodeReadiness } from '../a11y';
import { LEGEND_LOOKS, LOOK_WORDS, markPath } from '../glyph';
import { labelSelectable, makeSelectable, type Selectable } from '../interact';
import type { OrchestraLayout, PodiumPart, SectionGeom } from './layout';

type G = Selection<SVGGElement, unknown, null, undefined>;

export interface SectionDatum {
  node: NodeView;
  geom: SectionGeom;
  pods: PodView[];
}

const nodeSelectable = (n: NodeView, pods: number): Selectable => ({ uid: n.uid, ref: { kind: 'Node', name: n.name, uid: n.uid }, label: nodeLabel(n, pods) });

type Usage = { cpu: number; memory: number; pods: number };
/**
 * Usage per pods list (the board model makes a new list only when pods changed) and node view:
 * views draw it several times a frame, and a 250-pod node would be summed each time.
 */
const usageMemo = new WeakMap<PodView[], { node: NodeView; u: Usage }>();

/** Fraction of allocatable CPU, memory and pod slots that pods on the node request. */
export function usage(n: NodeView, pods: PodView[]): Usage {
  const m = usageMemo.get(pods);
  if (m && m.node === n) return m.u;
  const u = sumUsage(n, pods);
  usageMemo.set(pods, { node: n, u });
  return u;
}

function sumUsage(n: NodeView, pods: PodView[]): Usage {
  let cpu = 0;
  let memory = 0;
  let count = 0;
  for (const p of pods) {
    if (p.look === 'succeeded' || p.look === 'failed') continue;
    cpu += p.requests.cpu;
    memory += p.requests.memory;
    count++;
  }
  const f = (x: number, cap: number) => (cap > 0 ? Math.min(1, x / cap) : 0);
  return { cpu: f(cpu, n.allocatable.cpu), memory: f(memory, n.allocatable.memory), pods: f(count, n.allocatable.pods) };
}

export function nodeStateClass(n: NodeView): string {
  const c = ['node'];
  c.push(n.ready === 'True' ? 'ready' : 'notready');
  if (n.unschedulable) c.push('cordoned');
  if (n.fault) c.push(`fault-${n.fault}`);
  return c.join(' ');
}

/** Short state line under a node's name: `Ready · 4 pods`, `NotReady · down`, `cordoned`. */
export function nodeStateText(n: NodeView, pods: number): string {
  const bits = [nodeReadiness(n).replace(' (unknown)', '?')];
  if (n.fault) bits.push(n.fault);
  if (n.unschedulable) bits.push('cordoned');
  bits.push(`${pods} pod${pods === 1 ? '' : 's'}`);
  return bits.join(' · ');
}

const METERS = ['cpu', 'memory', 'pods'] as const;

export function drawSections(layer: G, data: SectionDatum[], l: OrchestraLayout, scale: number): void {
  const podR = l.podR;
  const at = `translate(${l.cx},${l.cy})`;
  const sector = arc<SectionGeom>()
    .innerRadius((g) => g.r0 - podR * 0.9)
    .outerRadius((g) => g.r1 + 2)
    .startAngle((g) => g.a0)
    .endAngle((g) => g.a1)
    .cornerRadius(10 * scale);
  const sel = layer.selectAll<SVGGElement, SectionDatum>('g.section').data(data, (d) => d.node.uid);
  sel.exit().remove();
  const enter = sel.enter().append('g').attr('class', 'section');
  enter.append('path').attr('class', 'sector');
  for (const m of METERS) {
    enter.append('path').attr('class', `meter-track meter-${m}`);
    enter.append('path').attr('class', `meter-fill meter-${m}`);
  }
  const label = enter.append('g').attr('class', 'node-label');
  label.append('circle').attr('class', 'kubelet-led');
  label.append('text').attr('class', 'node-name');
  label.append('text').attr('class', 'node-state');
  makeSelectable(enter, (d) => nodeSelectable(d.node, d.pods.length));

  const all = enter.merge(sel);
  all.attr('class', (d) => `section ${nodeStateClass(d.node)}`).attr('data-node', (d) => d.node.name);
  labelSelectable(all, (d) => nodeSelectable(d.node, d.pods.length));
  all.select<SVGPathElement>('path.sector').attr('d', (d) => sector(d.geom)).attr('transform', at);
  for (const [i, m] of METERS.entries()) {
    const r = (d: SectionDatum) => d.geom.r1 + (6 + i * 4.5) * scale;
    const track = arc<SectionDatum>()
      .innerRadius((d) => r(d) - 1.5 * scale)
      .outerRadius((d) => r(d) + 1.5 * scale)
      .startAngle((d) => d.geom.a0 + 0.02)
      .endAngle((d) => d.geom.a1 - 0.02)
      .cornerRadius(2);
    const fill = arc<SectionDatum>()
      .innerRadius((d) => r(d) - 1.5 * scale)
      .outerRadius((d) => r(d) + 1.5 * scale)
      .startAngle((d) => d.geom.a0 + 0.02)
      .endAngle((d) => d.geom.a0 + 0.02 + (d.geom.a1 - d.geom.a0 - 0.04) * usage(d.node, d.pods)[m])
      .cornerRadius(2);
    all.select(`path.meter-track.meter-${m}`).attr('d', (d) => track(d)).attr('transform', at);
    all
      .select(`path.meter-fill.meter-${m}`)
      .attr('d', (d) => fill(d))
      .attr('transform', at)
      .classed('hot', (d) => usage(d.node, d.pods)[m] > 0.85);
  }
  const lab = all.select<SVGGElement>('g.node-label').attr('transform', (d) => {
    const a = d.geom.label.angle;
    const out = 16 * scale;
    return `translate(${d.geom.label.x + out * Math.sin(a)},${d.geom.label.y - out * Math.cos(a)})`;
  });
  lab.select('text.node-name').text((d) => d.node.name).attr('text-anchor', 'middle').attr('y', -4 * scale);
  lab.select('text.node-state').text((d) => nodeStateText(d.node, d.pods.length)).attr('text-anchor', 'middle').attr('y', 10 * scale);
  lab.select('circle.kubelet-led').attr('r', 3.5 * scale).attr('cx', (d) => -(d.node.name.length * 3.6 + 10) * scale).attr('cy', -8 * scale);
}

export function drawFloor(layer: G, l: OrchestraLayout): void {
  const rings = [l.podium.r + 8, ...[...l.sections.values()].slice(0, 1).map((s) => s.r1 + 24)];
  const sel = layer.selectAll<SVGPathElement, number>('path.floor-ring').data(rings);
  sel.exit().remove();
  const ring = arc<number>()
    .innerRadius((r) => r - 0.5)
    .outerRadius((r) => r + 0.5)
    .startAngle(-Math.PI / 2)
    .endAngle(Math.PI / 2);
  sel.enter().append('path').attr('class', 'floor-ring').merge(sel).attr('d', (r) => ring(r)).attr('transform', `translate(${l.cx},${l.cy})`);
}

export function drawPodium(layer: G, l: OrchestraLayout, cp: NodeView | undefined, cpPods: number, scale: number): void {
  let g = layer.select<SVGGElement>('g.podium');
  if (g.empty()) {
    g = layer.append('g').attr('class', 'podium');
    g.append('path').attr('class', 'podium-base');
    g.append('text').attr('class', 'podium-title');
    g.append('g').attr('class', 'parts');
  }
  const base = arc<number>().innerRadius(0).outerRadius((r) => r).startAngle(-Math.PI / 2).endAngle(Math.PI / 2).cornerRadius(8);
  g.select('path.podium-base').datum(l.podium.r).attr('d', (r) => base(r)).attr('transform', `translate(${l.cx},${l.cy})`);
  g.select('text.podium-title')
    .attr('x', l.cx)
    .attr('y', l.cy - l.podium.r - l.podR * 1.4 - 6 * scale)
    .attr('text-anchor', 'middle')
    .text(cp && cp.name !== 'control-plane' ? `control plane · ${cp.name}` : 'control plane');
  if (cp) {
    g.datum(cp);
    if (g.attr('role') !== 'button') makeSelectable(g as unknown as Selection<SVGGElement, NodeView, null, undefined>, (n) => nodeSelectable(n, cpPods));
    labelSelectable(g as unknown as Selection<SVGGElement, NodeView, null, undefined>, (n) => nodeSelectable(n, cpPods));
    g.classed('notready', cp.ready !== 'True').classed('cordoned', cp.unschedulable);
  }
  const parts = g.select<SVGGElement>('g.parts').selectAll<SVGGElement, PodiumPart>('g.part').data(l.podium.parts, (p) => p.id);
  const pe = parts.enter().append('g').attr('class', (p) => `part part-${p.id}`);
  pe.append('rect');
  pe.append('text');
  const all = pe.merge(parts).attr('transform', (p) => `translate(${p.x},${p.y})`);
  // Type scales with the podium so the four parts never collide, even on a small stage.
  const fs = Math.max(8.5, Math.min(11 * scale, l.podium.r * 0.105));
  const w = (p: PodiumPart) => p.label.length * fs * 0.62 + fs * 1.4;
  all.select('rect').attr('x', (p) => -w(p) / 2).attr('y', -fs * 0.95).attr('width', w).attr('height', fs * 1.9).attr('rx', fs * 0.95);
  all.select('text').attr('text-anchor', 'middle').attr('dy', '0.35em').style('font-size', `${fs}px`).text((p) => p.label);
}

export function drawWings(layer: G, l: OrchestraLayout, pending: number): void {
  let g = layer.select<SVGGElement>('g.wings');
  if (g.empty()) {
    g = layer.append('g').attr('class', 'wings');
    g.append('rect').attr('class', 'wings-box');
    g.append('text').attr('class', 'wings-title');
  }
  const b = l.wings;
  g.select('rect.wings-box').attr('x', b.x).attr('y', b.y).attr('width', b.w).attr('height', b.h).attr('rx', 10);
  g.select('text.wings-title')
    .attr('x', b.x + 10)
    .attr('y', b.y - 7)
    .text(pending ? `In the wings · ${pending} pending` : 'In the wings · nobody waiting');
}

export function drawLegend(layer: G, l: OrchestraLayout, scale: number): void {
  let g = layer.select<SVGGElement>('g.legend');
  if (g.empty()) g = layer.append('g').attr('class', 'legend').attr('aria-hidden', 'true');
  const b = l.legend;
  const cols = b.w > 440 * scale ? 2 : 1;
  const colW = b.w / cols;
  const rows = Math.ceil(LEGEND_LOOKS.length / cols);
  const row = Math.min(17 * scale, (b.h - 6) / rows);
  const items = g.selectAll<SVGGElement, string>('g.item').data(LEGEND_LOOKS);
  const e = items.enter().append('g').attr('class', 'item');
  e.append('g').attr('class', 'pod').append('circle').attr('class', 'body');
  e.select('g.pod').append('path').attr('class', 'mark');
  e.append('text');
  const all = e.merge(items);
  all.attr('transform', (_d, i) => `translate(${b.x + 8 + Math.floor(i / rows) * colW},${b.y + row / 2 + 2 + (i % rows) * row})`);
  all.select('g.pod').attr('class', (d) => `pod look-${d}`).style('--c', '#9aa7bd');
  const r = Math.min(6 * scale, row * 0.36);
  all.select('circle.body').attr('r', r);
  all.select('path.mark').attr('d', (d) => markPath(d, r * 1.25));
  // Titles and meanings when the corner is wide enough, titles alone otherwise.
  const roomy = colW > 250 * scale;
  all
    .select('text')
    .attr('x', r + 7)
    .attr('dy', '0.35em')
    .style('font-size', `${Math.min(row * 0.72, 11.5 * scale)}px`)
    .text((d) => (roomy ? `${LOOK_WORDS[d].title} — ${LOOK_WORDS[d].meaning}` : LOOK_WORDS[d].title));
}
