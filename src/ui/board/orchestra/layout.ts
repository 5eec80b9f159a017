/**
 * Geometry of the Orchestra view, as a pure function of sizes and counts: an amphitheatre whose
 * centre is the conductor's podium (the control plane) at the bottom middle, worker nodes as
 * sections (annular sectors) fanned across the stage, pods as musicians seated row by row, the
 * wings (pending pods) in the bottom-left corner, service spotlights in the top corners.
 *
 * Angles follow d3.arc: 0 points up, positive is clockwise, so a point at radius r and angle a is
 * (cx + r·sin a, cy − r·cos a). Sections share the fan equally, so adding a pod to one node moves
 * nobody in the others.
 */

export interface Seat {
  x: number;
  y: number;
}

export interface SectionGeom {
  /** Start and end angle (radians, d3.arc convention). */
  a0: number;
  a1: number;
  r0: number;
  r1: number;
  seats: Seat[];
  /** Where the node's name goes (just outside the sector, at its middle). */
  label: Seat & { angle: number };
}

export interface PodiumPart {
  id: 'apiserver' | 'etcd' | 'scheduler' | 'controller-manager';
  label: string;
  x: number;
  y: number;
}

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface OrchestraLayout {
  cx: number;
  cy: number;
  /** The lighting truss the service spotlights hang from (a line across the top). */
  truss: { x0: number; x1: number; y: number };
  /** Pod (musician) radius, shared by every seat so sizes compare. */
  podR: number;
  podium: { r: number; parts: PodiumPart[]; seats: Seat[] };
  /** By node key, in input order. */
  sections: Map<string, SectionGeom>;
  wings: Box & { seats: Seat[] };
  legend: Box;
  lamps: Seat[];
}

export interface OrchestraInput {
  width: number;
  height: number;
  /** Worker nodes in display order with their pod counts. */
  sections: { key: string; pods: number }[];
  podiumPods: number;
  pending: number;
  services: number;
  /** 1 normally; larger in presenter mode. */
  scale: number;
}

const MARGIN = 16;
/** Half the angular fan, leaving the bottom corners for the wings and the legend. */
const FAN = Math.PI / 2 - 0.42;
const SECTION_GAP = 0.05;

/**
 * Seats n musicians in a sector, row by row from the inside out (each row centred on the sector's
 * middle angle), then moves the whole block outward so it sits in the middle of the sector's depth.
 * Undefined when they do not fit.
 */
export function seatsInSector(n: number, a0: number, a1: number, r0: number, r1: number, spacing: number): Seat[] | undefined {
  const rows: { r: number; take: number }[] = [];
  const span = a1 - a0;
  let left = n;
  for (let r = r0 + spacing / 2; left > 0; r += spacing) {
    if (r > r1 - spacing / 2 + 0.01) return undefined;
    const fit = Math.floor((r * span) / spacing);
    if (fit < 1) continue;
    const take = Math.min(fit, left);
    rows.push({ r, take });
    left -= take;
  }
  if (!rows.length) return [];
  // Centre the used rows in the sector's depth (never inward: inner rows hold fewer seats).
  const used = rows[rows.length - 1].r + spacing / 2 - r0;
  const shift = Math.max(0, (r1 - r0 - used) / 2);
  const mid = (a0 + a1) / 2;
  const seats: Seat[] = [];
  for (const row of rows) {
    const r = row.r + shift;
    const step = spacing / r;
    for (let j = 0; j < row.take; j++) {
      const a = mid + (j - (row.take - 1) / 2) * step;
      seats.push({ x: r * Math.sin(a), y: -r * Math.cos(a) });
    }
  }
  return seats;
}

function gridSeats(n: number, box: Box, spacing: number): Seat[] | undefined {
  const cols = Math.max(1, Math.floor(box.w / spacing));
  const rows = Math.max(1, Math.floor(box.h / spacing));
  if (n > cols * rows) return undefined;
  const out: Seat[] = [];
  for (let i = 0; i < n; i++) out.push({ x: box.x + spacing / 2 + (i % cols) * spacing, y: box.y + box.h - spacing / 2 - Math.floor(i / cols) * spacing });
  return out;
}

/**
 * The largest box in the bottom-left corner under the lowest section's edge. The edge runs from
 * the podium outward and upward; a box whose top-right corner touches it at radius ρ has area
 * (A − ρ·sin F)(ρ·cos F − pad), largest at ρ = (A·cos F + pad·sin F) / (2·sin F·cos F).
 * Example: 1280 px wide (A = 624), pad 20, F = 66° → ρ ≈ 366, a 289 × 129 px box.
 */
function cornerBox(cx: number, cy: number, r0: number, r1: number): Box {
  const s = Math.sin(FAN);
  const c = Math.cos(FAN);
  const pad = 18;
  const A = cx - MARGIN;
  const rho = Math.min(r1, Math.max(r0, (A * c + pad * s) / (2 * s * c)));
  const w = Math.max(60, A - rho * s - 8);
  const top = cy - rho * c + pad;
  return { x: MARGIN, y: top, w, h: Math.max(28, cy - top) };
}

export function orchestraLayout(inp: OrchestraInput): OrchestraLayout {
  const W = Math.max(320, inp.width);
  const H = Math.max(240, inp.height);
  const cx = W / 2;
  const cy = H - MARGIN;
  // Leave a band at the top for the lighting truss, and room for the top section's label.
  const trussBand = inp.services ? 64 * inp.scale : 0;
  const R = Math.max(120, Math.min(W / 2 / Math.sin(FAN) - MARGIN * 2, H - MARGIN * 2 - 40 * inp.scale - trussBand));
  const podiumR = Math.max(64, Math.min(150, R * 0.27)) * Math.min(1.25, inp.scale);
  const r0 = podiumR + 22 * inp.scale;
  const r1 = R;

  // Sections share the fan equally.
  const n = inp.sections.length;
  const gap = n > 1 ? SECTION_GAP : 0;
  const each = n ? (2 * FAN - gap * (n - 1)) / n : 0;

  // Shrink musicians until every section (and the wings) seats everyone.
  const wingsBox = cornerBox(cx, cy, r0, r1);
  let podR = 15 * inp.scale;
  let sections = new Map<string, SectionGeom>();
  let wingSeats: Seat[] = [];
  for (;;) {
    const spacing = podR * 2 + Math.max(2, podR * 0.55);
    sections = new Map();
    let ok = true;
    inp.sections.forEach((s, i) => {
      const a0 = -FAN + i * (each + gap);
      const a1 = a0 + each;
      const seats = seatsInSector(s.pods, a0, a1, r0, r1, spacing);
      if (!seats) ok = false;
      const la = (a0 + a1) / 2;
      const lr = r1 + 14 * inp.scale;
      sections.set(s.key, {
        a0,
        a1,
        r0,
        r1,
        seats: (seats ?? []).map((p) => ({ x: cx + p.x, y: cy + p.y })),
        label: { x: cx + lr * Math.sin(la), y: cy - lr * Math.cos(la), angle: la },
      });
    });
    const wings = gridSeats(inp.pending, wingsBox, spacing);
    if (wings) wingSeats = wings;
    else ok = false;
    if (ok || podR <= 2.2) {
      if (!wings) wingSeats = Array.from({ length: inp.pending }, (_, i) => ({ x: wingsBox.x + (i % 40) * 3, y: wingsBox.y + wingsBox.h - Math.floor(i / 40) * 3 }));
      break;
    }
    podR *= 0.86;
  }

  const pr = podiumR;
  // The API server at the top (everything talks to it), etcd under it, the scheduler and the
  // controllers on either side: the half disc holds them without overlap down to ~64 px.
  const parts: PodiumPart[] = [
    { id: 'apiserver', label: 'API server', x: cx, y: cy - pr * 0.6 },
    { id: 'etcd', label: 'etcd', x: cx, y: cy - pr * 0.17 },
    { id: 'scheduler', label: 'scheduler', x: cx - pr * 0.5, y: cy - pr * 0.36 },
    { id: 'controller-manager', label: 'controllers', x: cx + pr * 0.5, y: cy - pr * 0.36 },
  ];
  const rimR = pr - Math.max(5, podR * 0.7);
  const podiumSeats: Seat[] = [];
  const rimSpan = Math.PI * 0.9;
  const rimStep = Math.min(rimSpan / Math.max(1, inp.podiumPods - 1), (podR * 2.3) / rimR);
  for (let i = 0; i < inp.podiumPods; i++) {
    const a = (i - (inp.podiumPods - 1) / 2) * rimStep;
    podiumSeats.push({ x: cx + rimR * Math.sin(a), y: cy - rimR * Math.cos(a) });
  }

  // Spotlights hang side by side from a truss across the middle of the top.
  const lampGap = Math.min(190 * inp.scale, (W * 0.8) / Math.max(1, inp.services));
  const lamps: Seat[] = [];
  for (let i = 0; i < inp.services; i++) lamps.push({ x: cx + (i - (inp.services - 1) / 2) * lampGap - 40 * inp.scale, y: MARGIN + 22 * inp.scale });
  const truss = { x0: (lamps[0]?.x ?? cx) - 50 * inp.scale, x1: (lamps[lamps.length - 1]?.x ?? cx) + 130 * inp.scale, y: MARGIN + 8 * inp.scale };

  return {
    cx,
    cy,
    truss,
    podR,
    podium: { r: pr, parts, seats: podiumSeats },
    sections,
    wings: { ...wingsBox, seats: wingSeats },
    legend: { ...wingsBox, x: W - wingsBox.x - wingsBox.w },
    lamps,
  };
}
