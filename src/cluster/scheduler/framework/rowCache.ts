/**
 * Per-row memo for scores that depend only on a node's row and two numbers of the pod (its cpu and
 * memory requests): LeastAllocated and BalancedAllocation. Between two pods asking the same, only
 * the rows that changed (the node the last pod went to) need computing again; the rest are read
 * back. A row's VERSION (NodeTable.touch) says whether it changed; another table or other requests
 * start the memo over.
 */
import { ROW, VERSION, type NodeTable } from './nodeTable';
import type { NodeRows } from './types';

export type RowScore = (d: Float64Array, o: number, a: number, b: number) => number;

export class RowScoreCache {
  private table: NodeTable | undefined;
  private a = NaN;
  private b = NaN;
  /** Per table row: the VERSION the value was computed at (0: none; versions start at 1). */
  private version = new Float64Array(0);
  private value = new Float64Array(0);

  constructor(private readonly score: RowScore) {}

  /** out[i] = score of rows.idx[i] for requests (a, b), computing only rows that changed. */
  fill(rows: NodeRows, n: number, a: number, b: number, out: Float64Array): void {
    const t = rows.table;
    const d = t.data;
    const size = d.length / ROW;
    if (this.version.length < size) {
      this.version = new Float64Array(size);
      this.value = new Float64Array(size);
    } else if (t !== this.table || a !== this.a || b !== this.b) this.version.fill(0);
    this.table = t;
    this.a = a;
    this.b = b;
    const idx = rows.idx;
    const version = this.version;
    const value = this.value;
    const score = this.score;
    for (let i = 0; i < n; i++) {
      const r = idx[i]!;
      const o = r * ROW;
      const v = d[o + VERSION]!;
      if (version[r] === v) out[i] = value[r]!;
      else {
        const s = score(d, o, a, b);
        version[r] = v;
        value[r] = s;
        out[i] = s;
      }
    }
  }
}
