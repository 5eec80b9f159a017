/**
 * Geometry of the Map view: a dense grid of node boxes (header, capacity bars, then pods as chips
 * in rows), preceded by an "Unscheduled" box when pods are pending. Chip size is shared by all
 * boxes and shrinks (down to 3 px) until the fullest node fits a box of reasonable height, so
 * thousands of pods stay on one screen. Pure; hit testing uses the same numbers.
 */

export interface MapBox {
  key: string;
  x: number;
  y: number;
  w: number;
  h: number;
  /** Where chips start and how many fit per row. */
  chipX: number;
  chipY: number;
  cols: number;
  count: number;
}

export interface MapLayout {
  width: number;
  height: number;
  /** Chip height (and width, unless labelled). */
  chip: number;
  /** Chip width: wide named chips when few pods, squares otherwise. */
  chipW: number;
  gap: number;
  /** Chips are wide enough to carry the pod's name. */
  labelled: boolean;
  boxes: MapBox[];
}

export interface MapInput {
  width: number;
  height: number;
  /** Boxes in order with their pod counts (the Unscheduled box first, when present). */
  boxes: { key: string; pods: number }[];
  scale: number;
}

const M = 14;
const GAP = 12;
const CHIPS = [14, 11, 9, 7, 5, 4, 3];
export const HEADER = 62;

export function mapLayout(inp: MapInput): MapLayout {
  const s = inp.scale;
  const W = Math.max(360, inp.width);
  const n = Math.max(1, inp.boxes.length);
  const minW = 220 * s;
  const cols = Math.max(1, Math.min(n, Math.floor((W - 2 * M + GAP) / (minW + GAP))));
  const boxW = (W - 2 * M - GAP * (cols - 1)) / cols;
  const rowsOfBoxes = Math.ceil(n / cols);
  const header = HEADER * s;
  // Aim for every row of boxes to fit the view; accept scrolling only at the smallest chip.
  const maxBoxH = Math.max(120 * s, (inp.height - 2 * M - GAP * (rowsOfBoxes - 1)) / rowsOfBoxes);
  const most = Math.max(1, ...inp.boxes.map((b) => b.pods));
  // Few pods: named chips, one (or two) to a row. Many: squares, as small as it takes.
  const namedH = 20 * s;
  const fitsNamed = (perRow: number) => header + Math.ceil(most / perRow) * (namedH + 4) + 10 <= maxBoxH;
  const namedPerRow = fitsNamed(1) ? 1 : fitsNamed(2) && boxW >= 260 * s ? 2 : 0;
  const labelled = namedPerRow > 0;
  const named = { h: namedH, w: labelled ? (boxW - 16 - 4 * (namedPerRow - 1)) / namedPerRow : 0 };
  let chip = CHIPS[CHIPS.length - 1];
  let gap = 1;
  if (labelled) {
    chip = named.h;
    gap = 4;
  } else
    for (const c of CHIPS) {
      const g = c >= 7 ? 2 : 1;
      const perRow = Math.max(1, Math.floor((boxW - 16 + g) / (c + g)));
      const h = header + Math.ceil(most / perRow) * (c + g) + 10;
      chip = c;
      gap = g;
      if (h <= maxBoxH) break;
    }
  const chipW = labelled ? named.w : chip;
  const perRow = Math.max(1, Math.floor((boxW - 16 + gap) / (chipW + gap)));
  const rowH: number[] = [];
  inp.boxes.forEach((b, i) => {
    const r = Math.floor(i / cols);
    const h = header + Math.max(1, Math.ceil(b.pods / perRow)) * (chip + gap) + 10;
    rowH[r] = Math.max(rowH[r] ?? 0, h);
  });
  const boxes: MapBox[] = [];
  let y = M;
  for (let r = 0; r < rowsOfBoxes; r++) {
    for (let c = 0; c < cols; c++) {
      const i = r * cols + c;
      const b = inp.boxes[i];
      if (!b) break;
      const x = M + c * (boxW + GAP);
      boxes.push({ key: b.key, x, y, w: boxW, h: rowH[r], chipX: x + 8, chipY: y + header, cols: perRow, count: b.pods });
    }
    y += rowH[r] + GAP;
  }
  return { width: W, height: Math.max(inp.height, y - GAP + M), chip, chipW, gap, labelled, boxes };
}

/** The chip index under a point in a box, or -1. */
export function chipAt(l: MapLayout, b: MapBox, x: number, y: number): number {
  const cx = Math.floor((x - b.chipX) / (l.chipW + l.gap));
  const cy = Math.floor((y - b.chipY) / (l.chip + l.gap));
  if (cx < 0 || cy < 0 || cx >= b.cols) return -1;
  const i = cy * b.cols + cx;
  return i < b.count ? i : -1;
}
