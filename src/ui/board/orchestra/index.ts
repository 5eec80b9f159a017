/**
 * The Orchestra view: the control plane conducts from the podium, nodes are sections of the stage,
 * pods are musicians, Services are spotlights. Composes the layout with the stage furniture, the
 * musicians, the spotlights and the control-loop comets.
 */
import { select } from 'd3';
import type { Activity, PodView } from '../../../protocol/views';
import { ui } from '../../state/uiStore';
import { drawComet, type Pt } from '../loops/comets';
import { narrator, partOf } from '../loops/narrator';
import { Gate } from '../gate';
import { Musicians, type Placed } from '../musicians';
import type { RenderContext, Renderer } from '../renderer';
import { orchestraLayout, type OrchestraLayout } from './layout';
import { hashPhase, Spotlights, type Beam, type LampDatum } from './spotlights';
import { drawFloor, drawLegend, drawPodium, drawSections, drawWings, usage, type SectionDatum } from './stage';

const LIT_MS = 650;
const COMETS_PER_STEP = 4;

export function createOrchestra(host: HTMLElement): Renderer {
  const root = select(host);
  // Stacked layers: the stage (nodes, podium, lamps), which changes rarely; the beams, which change
  // when pods take new seats (these two paint into one compositor layer, see board.css); the pods on
  // two canvases (with their accessible proxies); particles and comets, which move every frame.
  const svg = root.append('svg').attr('class', 'board-svg orchestra stage-static').attr('role', 'group').attr('aria-label', 'Orchestra view of the cluster');
  const live = root.append('svg').attr('class', 'board-svg orchestra stage-live').attr('aria-hidden', 'true');
  const musicians = new Musicians(host, 'Pods');
  const fx = root.append('svg').attr('class', 'board-svg orchestra stage-live stage-fx').attr('aria-hidden', 'true');
  svg.on('click', () => ui.select(undefined));
  const floor = svg.append('g').attr('class', 'floor');
  const sectionsLayer = svg.append('g').attr('class', 'sections').attr('role', 'group').attr('aria-label', 'Nodes');
  const podiumLayer = svg.append('g').attr('class', 'podium-layer');
  const wingsLayer = svg.append('g').attr('class', 'wings-layer');
  const legendLayer = svg.append('g').attr('class', 'legend-layer');
  const lampsLayer = svg.append('g').attr('class', 'lamps').attr('role', 'group').attr('aria-label', 'Services');
  const beamsLayer = live.append('g').attr('class', 'beams').attr('aria-hidden', 'true');
  const particlesLayer = fx.append('g').attr('class', 'particles');
  const cometsLayer = fx.append('g').attr('class', 'comets');

  const spotlights = new Spotlights(lampsLayer, beamsLayer, particlesLayer);
  const litTimers = new Map<Element, ReturnType<typeof setTimeout>>();
  let layout: OrchestraLayout | undefined;
  // What each part was last drawn from: unchanged parts are not redrawn (only moving pods are).
  let layoutKey = '';
  const sectionsGate = new Gate(250);
  let podiumKey = '';
  let sectionsDrawnFor = '';
  let positions = new Map<string, Pt>();
  let nodePositions = new Map<string, Pt>();
  let lastLitSeq = -1;
  let reduced = false;

  const light = (el: Element | null) => {
    if (!el) return;
    el.classList.add('lit');
    clearTimeout(litTimers.get(el));
    litTimers.set(
      el,
      setTimeout(() => {
        el.classList.remove('lit');
        litTimers.delete(el);
      }, LIT_MS),
    );
  };
  const part = (id: string) => svg.select<SVGGElement>(`g.part-${id}`).node();
  const partPt = (id: string): Pt => {
    const p = layout?.podium.parts.find((x) => x.id === id);
    return p ? { x: p.x, y: p.y } : { x: 0, y: 0 };
  };

  function lightUp(acts: readonly Activity[]): void {
    if (lastLitSeq < 0) {
      lastLitSeq = acts.length ? acts[acts.length - 1].seq : 0;
      return;
    }
    const fresh = acts.filter((a) => a.seq > lastLitSeq);
    if (!fresh.length) return;
    lastLitSeq = fresh[fresh.length - 1].seq;
    light(part('apiserver'));
    light(part('etcd'));
    for (const a of fresh.slice(-20)) {
      const who = partOf(a.actor);
      if (who === 'scheduler' || who === 'controller-manager') light(part(who));
      else if (who === 'kubelet' && a.node) light(sectionsLayer.select<SVGCircleElement>(`g.section[data-node="${CSS.escape(a.node)}"] circle.kubelet-led`).node());
    }
  }

  const unlisten = narrator.listen((a) => {
    if (!layout) return;
    const who = partOf(a.actor);
    const from: Pt =
      who === 'person'
        ? { x: layout.cx, y: layout.cy + 30 }
        : who === 'kubelet'
          ? (nodePositions.get(a.node ?? '') ?? partPt('apiserver'))
          : partPt(who);
    // A grouped step (nine pods created at once) sends a few comets, not nine.
    for (const t of a.targets.slice(0, COMETS_PER_STEP)) {
      const to = positions.get(t.uid ?? '') ?? (t.kind === 'Node' ? nodePositions.get(t.name) : undefined) ?? partPt('etcd');
      drawComet(cometsLayer, from, partPt('apiserver'), to, `actor-${who}`, 420, reduced);
    }
  });

  return {
    update(ctx: RenderContext) {
      const { model, width, height } = ctx;
      reduced = ctx.reduced;
      const scale = ctx.ui.presenter ? 1.3 : 1;
      svg.attr('width', width).attr('height', height);
      live.attr('width', width).attr('height', height);
      fx.attr('width', width).attr('height', height);
      musicians.resize(width, height);
      const podiumNode = model.controlPlanes[0];
      const sectionNodes = model.nodes.filter((n) => n !== podiumNode);
      const podiumPods = podiumNode ? (model.podsByNode.get(podiumNode.name) ?? []) : [];
      const input = {
        width,
        height,
        sections: sectionNodes.map((n) => ({ key: n.uid, pods: model.podsByNode.get(n.name)?.length ?? 0 })),
        podiumPods: podiumPods.length,
        pending: model.pending.length,
        services: model.services.length,
        scale,
      };
      const lk = JSON.stringify(input);
      const relaid = lk !== layoutKey;
      if (relaid || !layout) {
        layoutKey = lk;
        layout = orchestraLayout(input);
      }
      const l = layout;
      const sections: SectionDatum[] = sectionNodes.map((node) => ({ node, geom: l.sections.get(node.uid)!, pods: model.podsByNode.get(node.name) ?? [] }));
      const selKey = ctx.ui.selection?.uid ?? ctx.ui.selection?.name ?? '';
      // What the sections show: node state, meters (usage is memoised per pods list) and counts.
      const sk = `${lk}|${selKey}|${sections
        .map((d) => {
          const u = usage(d.node, d.pods);
          return `${d.node.rv}:${u.cpu}:${u.memory}:${u.pods}:${d.pods.length}`;
        })
        .join(',')}`;
      // A new layout or selection shows at once; meters and counts follow at most 4× a second.
      if (sectionsGate.due(sk, ctx.again, relaid || !sk.startsWith(sectionsDrawnFor))) {
        sectionsDrawnFor = `${lk}|${selKey}|`;
        drawSections(sectionsLayer, sections, l, scale);
      }
      const pk = `${lk}|${ctx.ui.selection?.uid ?? ctx.ui.selection?.name ?? ''}|${podiumNode?.rv}`;
      if (pk !== podiumKey) {
        podiumKey = pk;
        drawPodium(podiumLayer, l, podiumNode, podiumPods.length, scale);
      }
      if (relaid) {
        drawFloor(floor, l);
        drawWings(wingsLayer, l, model.pending.length);
        drawLegend(legendLayer, l, scale);
      }

      const placed: Placed[] = [];
      const place = (p: PodView, x: number, y: number) => placed.push({ pod: p, x, y, colour: model.colour(p) });
      nodePositions = new Map();
      for (const s of sections) {
        s.pods.forEach((p, i) => place(p, s.geom.seats[i].x, s.geom.seats[i].y));
        nodePositions.set(s.node.name, { x: s.geom.label.x, y: s.geom.label.y });
      }
      podiumPods.forEach((p, i) => place(p, l.podium.seats[i].x, l.podium.seats[i].y));
      if (podiumNode) nodePositions.set(podiumNode.name, { x: l.cx, y: l.cy - l.podium.r });
      model.pending.forEach((p, i) => place(p, l.wings.seats[i].x, l.wings.seats[i].y));
      positions = new Map(placed.map((p) => [p.pod.uid, { x: p.x, y: p.y }]));
      const spawn = partPt('scheduler');
      if (musicians.update(placed, l.podR, () => spawn, ctx.reduced)) ctx.again();

      const lamps: LampDatum[] = model.services.map((s, i) => ({ service: s.service, ready: s.ready.length, x: l.lamps[i].x, y: l.lamps[i].y }));
      const beams: Beam[] = [];
      model.services.forEach((s, i) => {
        const lamp = l.lamps[i];
        for (const p of s.ready) {
          const to = positions.get(p.uid);
          if (to) beams.push({ key: `${s.service.uid}>${p.uid}`, x1: lamp.x, y1: lamp.y + 8 * scale, x2: to.x, y2: to.y, phase: hashPhase(p.uid) });
        }
      });
      spotlights.update(lamps, beams, l.truss, ctx.reduced, scale);
      lightUp(ctx.mirror.activity);
    },
    destroy() {
      unlisten();
      spotlights.destroy();
      musicians.destroy();
      for (const t of litTimers.values()) clearTimeout(t);
      svg.remove();
      live.remove();
      fx.remove();
    },
  };
}
