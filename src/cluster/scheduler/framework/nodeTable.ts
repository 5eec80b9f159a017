/**
 * The cache's columnar node store: one row of doubles per NodeInfo (allocatable, requested,
 * non-zero requested, pod count, flags) in a single Float64Array, plus interned topology values
 * per label key. Filter and Score loops read rows by index instead of chasing NodeInfo objects
 * (whose number fields V8 boxes): a pass over 500 nodes then touches ~50 KB of contiguous memory.
 * NodeInfo's number fields are views of its row, so there is one source of truth.
 */

// Row layout (doubles).
export const ALLOC_CPU = 0;
export const ALLOC_MEM = 1;
export const ALLOC_EPH = 2;
export const ALLOC_PODS = 3;
export const REQ_CPU = 4;
export const REQ_MEM = 5;
export const REQ_EPH = 6;
export const NZ_CPU = 7;
export const NZ_MEM = 8;
export const POD_COUNT = 9;
export const FLAGS = 10;
/** Bumped (from a per-table counter) whenever anything in the row changes: per-row caches check it. */
export const VERSION = 11;
export const ROW = 12;

// FLAGS bits.
/** The row belongs to an existing Node (not a ghost holding pods of a deleted node). */
export const F_NODE = 1;
/** spec.unschedulable. */
export const F_UNSCHEDULABLE = 2;
/** Has a NoSchedule or NoExecute taint. */
export const F_HARD_TAINT = 4;
/** Has a PreferNoSchedule taint. */
export const F_PREFER_TAINT = 8;

/** Interned values of one label key: ids[row] is the value's id, -1 when the node lacks the key. */
export interface TopologyColumn {
  readonly key: string;
  ids: Int32Array;
  readonly values: string[];
  readonly byValue: Map<string, number>;
  /** Node rows per value id, and node rows lacking the key. */
  readonly rowsPerValue: number[];
  without: number;
  /** Distinct domains among node rows: values in use, plus one when some node lacks the key. */
  distinct: number;
}

export class NodeTable {
  data: Float64Array;
  /** Labels per row, to fill topology columns created after the nodes. */
  private labels: (Readonly<Record<string, string>> | undefined)[] = [];
  private free: number[] = [];
  private next = 0;
  private columns = new Map<string, TopologyColumn>();
  /** Bumped whenever a row's value changes in some topology column (cached domain totals check it). */
  labelVersion = 0;
  /** Rows with each FLAGS bit set (index = bit position), so filters can tell "none anywhere". */
  private flagCounts = new Int32Array(8);
  private stamp = 0;

  constructor(capacity = 64) {
    this.data = new Float64Array(Math.max(1, capacity) * ROW);
  }

  /** Rows handed out so far (an upper bound on row indexes). */
  get size(): number {
    return this.next;
  }

  alloc(): number {
    const row = this.free.length ? this.free.pop()! : this.next++;
    if ((row + 1) * ROW > this.data.length) {
      const grown = new Float64Array(Math.max((row + 1) * ROW, this.data.length * 2));
      grown.set(this.data);
      this.data = grown;
      for (const c of this.columns.values()) c.ids = growIds(c.ids, grown.length / ROW);
    }
    this.data.fill(0, row * ROW, row * ROW + ROW);
    this.touch(row);
    this.setLabels(row, undefined);
    return row;
  }

  /** Marks the row changed (a new VERSION), for caches of results computed from it. */
  touch(row: number): void {
    this.data[row * ROW + VERSION] = ++this.stamp;
  }

  release(row: number): void {
    this.setFlags(row, 0);
    this.data.fill(0, row * ROW, row * ROW + ROW);
    this.touch(row);
    this.setLabels(row, undefined);
    this.free.push(row);
  }

  setFlags(row: number, flags: number): void {
    const o = row * ROW + FLAGS;
    const old = this.data[o]!;
    for (let b = 0; b < 8; b++) this.flagCounts[b]! += ((flags >> b) & 1) - ((old >> b) & 1);
    this.data[o] = flags;
    this.touch(row);
  }

  /** How many rows have `flag` set. */
  flagged(flag: number): number {
    return this.flagCounts[31 - Math.clz32(flag)]!;
  }

  /** A node's labels changed: re-intern its value in every column. */
  setLabels(row: number, labels: Readonly<Record<string, string>> | undefined): void {
    const had = this.labels[row] !== undefined;
    this.labels[row] = labels;
    for (const c of this.columns.values()) {
      const old = c.ids[row]!;
      const id = labels ? intern(c, labels[c.key]) : -1;
      if (had) count(c, old, -1);
      if (labels) count(c, id, 1);
      if (old !== id) {
        c.ids[row] = id;
        this.labelVersion++;
      }
    }
  }

  /** The column of `key`, built on first use and kept current afterwards. */
  topology(key: string): TopologyColumn {
    let c = this.columns.get(key);
    if (!c) {
      c = { key, ids: new Int32Array(this.data.length / ROW).fill(-1), values: [], byValue: new Map(), rowsPerValue: [], without: 0, distinct: 0 };
      for (let r = 0; r < this.next; r++) {
        const l = this.labels[r];
        if (!l) continue;
        c.ids[r] = intern(c, l[key]);
        count(c, c.ids[r]!, 1);
      }
      this.columns.set(key, c);
    }
    return c;
  }
}

function intern(c: TopologyColumn, v: string | undefined): number {
  if (v === undefined) return -1;
  let id = c.byValue.get(v);
  if (id === undefined) {
    id = c.values.length;
    c.values.push(v);
    c.rowsPerValue.push(0);
    c.byValue.set(v, id);
  }
  return id;
}

/** A node row starts (+1) or stops (−1) having value `id` (−1: lacking the key). */
function count(c: TopologyColumn, id: number, delta: 1 | -1): void {
  const before = id >= 0 ? c.rowsPerValue[id]! : c.without;
  if (id >= 0) c.rowsPerValue[id] = before + delta;
  else c.without = before + delta;
  if (before === 0 && delta > 0) c.distinct++;
  else if (before === 1 && delta < 0) c.distinct--;
}

function growIds(ids: Int32Array, rows: number): Int32Array {
  const out = new Int32Array(rows).fill(-1);
  out.set(ids);
  return out;
}
