/**
 * schedulePod (schedule_one.go): PreFilter, Filter over a rotating window of nodes until enough
 * feasible ones are found (percentageOfNodesToScore), PreScore/Score, and selectHost with random
 * tie-breaking. Pure given the cache, the framework and the rng.
 */
import type { Rng } from '../sim/rng';
import type { Cache } from './framework/cache';
import { addPluginStatus, newDiagnosis, type Diagnosis } from './framework/fitError';
import type { NodeInfo } from './framework/nodeInfo';
import type { PodInfo } from './framework/podInfo';
import type { Framework, ScoreTable } from './framework/runner';
import { Code, Status, type CycleState, type FilterPlugin, type NodeRows } from './framework/types';

const minFeasibleNodesToFind = 100;
const minFeasibleNodesPercentageToFind = 5;

/**
 * numFeasibleNodesToFind: all nodes below 100; otherwise `percentage`% (adaptive when 0:
 * 50 − nodes/125, at least 5) but never fewer than 100. Example: 5000 nodes → 10% → 500.
 */
export function numFeasibleNodesToFind(numAllNodes: number, percentage = 0): number {
  if (numAllNodes < minFeasibleNodesToFind) return numAllNodes;
  let p = percentage;
  if (p === 0) {
    p = 50 - Math.trunc(numAllNodes / 125);
    if (p < minFeasibleNodesPercentageToFind) p = minFeasibleNodesPercentageToFind;
  }
  const n = Math.trunc((numAllNodes * p) / 100);
  return n < minFeasibleNodesToFind ? minFeasibleNodesToFind : n;
}

export interface ScheduleOutcome {
  /** The chosen node ('' when none). */
  host: string;
  diagnosis: Diagnosis;
  /** Nodes that passed every filter (in evaluation order). */
  feasible: NodeInfo[];
  /** The cache-table rows of `feasible` (valid until the next cycle). */
  feasibleRows?: NodeRows;
  /** The chosen node's index in `feasible` when scores were compared. */
  hostIndex?: number;
  /** Scores of `feasible` (absent when 0 or 1 node was feasible). */
  table?: ScoreTable;
  /** The nodes a PreFilter rejection or Error left (numAllNodes for the FitError). */
  numAllNodes: number;
  /** A non-rejection failure (an Error status), or "no nodes available". */
  error?: Status;
}

export class Algorithm {
  /** Where the next Filter pass starts, so every node gets examined in turn. */
  nextStartNodeIndex = 0;
  private chunk: NodeInfo[] = [];
  private chunkStatus: (Status | null)[] = [];
  // Reused row buffers: the chunk being filtered and the feasible nodes found.
  private chunkRows = new Int32Array(64);
  private feasibleRows = new Int32Array(64);

  constructor(
    private readonly cache: Cache,
    private readonly rng: Rng,
    readonly percentageOfNodesToScore = 0,
  ) {}

  schedulePod(fw: Framework, state: CycleState, pod: PodInfo): ScheduleOutcome {
    const all = this.cache.list();
    const diagnosis = newDiagnosis();
    const out: ScheduleOutcome = { host: '', diagnosis, feasible: [], numAllNodes: all.length };
    if (all.length === 0) {
      out.error = new Status(Code.UnschedulableAndUnresolvable, ['no nodes available to schedule pods']);
      return out;
    }
    const pre = fw.runPreFilter(state, pod);
    if (pre.status) {
      if (!pre.status.isRejected()) return { ...out, error: pre.status };
      // Every node shares the PreFilter's verdict (preemption reads it per node).
      diagnosis.nodeToStatus.absent = pre.status;
      diagnosis.preFilterMsg = pre.status.message();
      addPluginStatus(diagnosis, pre.status);
      if (pre.pluginsWithNodes.length) for (const p of pre.pluginsWithNodes) diagnosis.unschedulablePlugins.add(p);
      return out;
    }
    for (const p of pre.pluginsWithNodes) diagnosis.unschedulablePlugins.add(p);
    const filters = fw.activeFilters(state);

    // A nominated node (set by an earlier preemption) is tried alone first.
    const nominated: string | undefined = pod.pod.status?.nominatedNodeName;
    if (nominated) {
      const n = this.cache.get(nominated);
      if (n) {
        const r = this.filterNodes(fw, state, pod, [n], filters, diagnosis, 0);
        if (r.error) return { ...out, error: r.error };
        if (r.feasible.length) return { ...out, host: n.name, feasible: r.feasible };
      }
    }

    let nodes: readonly NodeInfo[] = all;
    let rows = this.cache.listRows();
    if (pre.result) {
      nodes = [...pre.result.nodeNames].map((n) => this.cache.get(n)).filter((n): n is NodeInfo => n !== undefined);
      rows = Int32Array.from(nodes, (n) => n.row);
      diagnosis.nodeToStatus.absent = new Status(Code.UnschedulableAndUnresolvable, [
        `node(s) didn't satisfy plugin(s) [${pre.pluginsWithNodes.join(' ')}]`,
      ]);
    }
    const r = this.filterNodes(fw, state, pod, nodes, filters, diagnosis, this.nextStartNodeIndex, rows);
    this.nextStartNodeIndex = (this.nextStartNodeIndex + r.processed) % all.length;
    if (r.error) return { ...out, error: r.error };
    out.feasible = r.feasible;
    if (r.feasible.length === 0) return out;
    if (r.feasible.length === 1) return { ...out, host: r.feasible[0]!.name };

    const frows = r.rows ?? rowsOf(this.cache, r.feasible);
    out.feasibleRows = frows;
    const ps = fw.runPreScore(state, pod, r.feasible, frows);
    if (ps) return { ...out, error: ps };
    const table = fw.runScore(state, pod, r.feasible, frows);
    if (table instanceof Status) return { ...out, error: table };
    out.table = table;
    out.hostIndex = this.selectHost(table);
    out.host = r.feasible[out.hostIndex]!.name;
    return out;
  }

  /**
   * findNodesThatPassFilters, stopping once enough feasible nodes were found. Nodes are filtered
   * in chunks, plugin by plugin (batch filterAll), sized to what is still needed; verdicts past the
   * point where enough nodes were found are discarded, so the result is the node-by-node one.
   */
  private filterNodes(
    fw: Framework,
    state: CycleState,
    pod: PodInfo,
    nodes: readonly NodeInfo[],
    filters: readonly FilterPlugin[],
    d: Diagnosis,
    start: number,
    rows?: Int32Array,
  ): { feasible: NodeInfo[]; processed: number; error?: Status; rows?: NodeRows } {
    const n = nodes.length;
    const want = numFeasibleNodesToFind(n, this.percentageOfNodesToScore);
    const feasible: NodeInfo[] = [];
    if (fw.handle.nominator.size > 0 || !rows || !filters.every((f) => f.filterAll)) {
      // Nominated pods need the per-node what-if pass.
      let processed = 0;
      for (let i = 0; i < n && feasible.length < want; i++) {
        const node = nodes[(start + i) % n]!;
        const s = fw.runFilterWithNominatedPods(state, pod, node, filters);
        processed++;
        if (s === null) feasible.push(node);
        else if (s.code === Code.Error) return { feasible, processed, error: s };
        else {
          d.nodeToStatus.set(node.name, s);
          addPluginStatus(d, s);
        }
      }
      return { feasible, processed };
    }
    // Sized once: growing by push to ~500 entries would allocate twice as much per pod.
    const found: NodeInfo[] = new Array(Math.min(want, n));
    let count = 0;
    const table = this.cache.table;
    const chunk = this.chunk;
    const out = this.chunkStatus;
    if (this.chunkRows.length < want + (want >> 5) + 4) this.chunkRows = new Int32Array(2 * (want + 4));
    if (this.feasibleRows.length < want) this.feasibleRows = new Int32Array(2 * want);
    const chunkRows = this.chunkRows;
    const frows = this.feasibleRows;
    const batch: NodeRows = { table, idx: chunkRows };
    let processed = 0;
    while (processed < n && count < want) {
      const need = want - count;
      const len = Math.min(n - processed, need + (need >> 5) + 4);
      for (let i = 0, k = (start + processed) % n; i < len; i++, k = k + 1 === n ? 0 : k + 1) {
        chunk[i] = nodes[k]!;
        chunkRows[i] = rows[k]!;
        out[i] = null;
      }
      for (const f of filters) f.filterAll!(state, pod, chunk, out, len, batch);
      let i = 0;
      while (i < len) {
        const s = out[i];
        const node = chunk[i++]!;
        if (s === null) {
          frows[count] = chunkRows[i - 1]!;
          found[count++] = node;
          if (count >= want) break;
        } else if (!s.isRejected()) {
          const e = new Status(Code.Error, [`running "${s.plugin}" filter plugin: ${s.message()}`], s.plugin);
          found.length = count;
          return { feasible: found, processed: processed + i, error: e };
        } else {
          d.nodeToStatus.set(node.name, s);
          addPluginStatus(d, s);
        }
      }
      processed += i;
    }
    found.length = count;
    return { feasible: found, processed, rows: { table, idx: frows } };
  }

  /**
   * selectHost: the highest total; ties broken uniformly at random (upstream samples a reservoir;
   * one draw among the tied nodes gives the same distribution).
   */
  private selectHost(t: ScoreTable): number {
    const totals = t.totals;
    let max = totals[0]!;
    let ties = 1;
    for (let i = 1; i < t.n; i++) {
      const v = totals[i]!;
      if (v > max) {
        max = v;
        ties = 1;
      } else if (v === max) ties++;
    }
    let k = ties > 1 ? this.rng.int(ties) : 0;
    for (let i = 0; i < t.n; i++) if (totals[i] === max && k-- === 0) return i;
    return 0;
  }
}

/** Rows of cache NodeInfos (the per-node filter path does not collect them). */
function rowsOf(cache: Cache, nodes: readonly NodeInfo[]): NodeRows {
  return { table: cache.table, idx: Int32Array.from(nodes, (n) => n.row) };
}
