/**
 * Geometry of the DJ board, a pure function of sizes and counts: nodes are decks along the top
 * (a platter whose grooves hold the node's pods as tracks, ringed by CPU/memory/pod meters);
 * workloads are channel strips of the mixer below (knobs, a ready meter, the replicas fader, the
 * rollout crossfader); Services are bus strips at the end; pending pods wait in the cue above the
 * mixer. When things do not fit, the content grows and the board scrolls.
 */
import type { Box, Seat } from '../orchestra/layout';

export interface DeckGeom extends Box {
  cx: number;
  cy: number;
  platterR: number;
  seats: Seat[];
}

export interface DjLayout {
  width: number;
  height: number;
  podR: number;
  decks: Map<string, DeckGeom>;
  cue: Box & { seats: Seat[] };
  mixerY: number;
  strips: Box[];
  buses: Box[];
}

export interface DjInput {
  width: number;
  height: number;
  decks: { key: string; pods: number }[];
  strips: number;
  buses: number;
  pending: number;
  scale: number;
}

const M = 16;
const GAP = 14;

/** Seats on a platter: grooves from the outer edge inward, each groove evenly filled. */
export function platterSeats(n: number, cx: number, cy: number, R: number, spacing: number): Seat[] | undefined {
  const rings: { r: number; take: number }[] = [];
  let left = n;
  for (let r = R - spacing / 2; left > 0; r -= spacing) {
    if (r < R * 0.3) return undefined;
    const fit = Math.floor((2 * Math.PI * r) / spacing);
    const take = Math.min(fit, left);
    rings.push({ r, take });
    left -= take;
  }
  const seats: Seat[] = [];
  for (const { r, take } of rings) {
    for (let i = 0; i < take; i++) {
      const a = (i / take) * 2 * Math.PI - Math.PI / 2;
      seats.push({ x: cx + r * Math.cos(a), y: cy + r * Math.sin(a) });
    }
  }
  return seats;
}

export function djLayout(inp: DjInput): DjLayout {
  const s = inp.scale;
  const W = Math.max(480, inp.width);
  const n = Math.max(1, inp.decks.length);
  // Decks share the width, but leave at least ~45% of the height to the mixer.
  const byHeight = (Math.max(200, inp.height * 0.5) - 34 * s - M) / 0.86;
  const deckW = Math.max(170 * s, Math.min(270 * s, byHeight, (W - 2 * M - GAP * (n - 1)) / n));
  const perRow = Math.max(1, Math.floor((W - 2 * M + GAP) / (deckW + GAP)));
  const deckH = deckW * 0.86 + 34 * s;
  const platterR = deckW * 0.33;
  const rowsOfDecks = Math.ceil(inp.decks.length / perRow);
  const rowWidth = Math.min(inp.decks.length, perRow) * (deckW + GAP) - GAP;
  const x0 = Math.max(M, (W - rowWidth) / 2);

  let podR = 8 * s;
  let decks = new Map<string, DeckGeom>();
  for (;;) {
    const spacing = podR * 2 + Math.max(1.5, podR * 0.4);
    decks = new Map();
    let ok = true;
    inp.decks.forEach((d, i) => {
      const x = x0 + (i % perRow) * (deckW + GAP);
      const y = M + Math.floor(i / perRow) * (deckH + GAP);
      const cx = x + deckW / 2;
      const cy = y + 30 * s + (deckH - 30 * s) / 2;
      const seats = platterSeats(d.pods, cx, cy, platterR - 4, spacing);
      if (!seats) ok = false;
      decks.set(d.key, { x, y, w: deckW, h: deckH, cx, cy, platterR, seats: seats ?? [] });
    });
    if (ok || podR < 2) break;
    podR *= 0.86;
  }

  const decksBottom = M + rowsOfDecks * (deckH + GAP) - GAP;
  const spacing = podR * 2 + 3;
  const cueCols = Math.max(1, Math.floor((W - 2 * M - 120) / spacing));
  const cueRows = inp.pending ? Math.ceil(inp.pending / cueCols) : 0;
  const cue: Box & { seats: Seat[] } = { x: M, y: decksBottom + 18, w: W - 2 * M, h: inp.pending ? cueRows * spacing + 12 : 0, seats: [] };
  for (let i = 0; i < inp.pending; i++)
    cue.seats.push({ x: cue.x + 110 + spacing / 2 + (i % cueCols) * spacing, y: cue.y + 6 + spacing / 2 + Math.floor(i / cueCols) * spacing });

  const mixerY = cue.y + cue.h + 30 * s;
  const stripW = 112 * s;
  const busW = 92 * s;
  const stripH = Math.max(260 * s, Math.min(420 * s, inp.height - mixerY - M));
  const strips: Box[] = [];
  for (let i = 0; i < inp.strips; i++) strips.push({ x: M + i * (stripW + 10), y: mixerY, w: stripW, h: stripH });
  const busX = M + inp.strips * (stripW + 10) + (inp.strips ? 18 : 0);
  const buses: Box[] = [];
  for (let i = 0; i < inp.buses; i++) buses.push({ x: busX + i * (busW + 10), y: mixerY, w: busW, h: stripH });
  const contentW = Math.max(W, busX + inp.buses * (busW + 10) + M);
  return { width: contentW, height: Math.max(inp.height, mixerY + stripH + M), podR, decks, cue, mixerY, strips, buses };
}
