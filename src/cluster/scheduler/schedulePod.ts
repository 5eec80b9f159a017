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
import { Code, Status, type CycleState, type FilterPlugin } from './framework/types';

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
    if (pre.result) {
      nodes = [...pre.result.nodeNames].map((n) => this.cache.get(n)).filter((n): n is NodeInfo => n !== undefined);
      diagnosis.nodeToStatus.absent = new Status(Code.UnschedulableAndUnresolvable, [
        `node(s) didn't satisfy plugin(s) [${pre.pluginsWithNodes.join(' ')}]`,
      ]);
    }
    const r = this.filterNodes(fw, state, pod, nodes, filters, diagnosis, this.nextStartNodeIndex);
    this.nextStartNodeIndex = (this.nextStartNodeIndex + r.processed) % all.length;
    if (r.error) return { ...out, error: r.error };
    out.feasible = r.feasible;
    if (r.feasible.length === 0) return out;
    if (r.feasible.length === 1) return { ...out, host: r.feasible[0]!.name };

    const ps = fw.runPreScore(state, pod, r.feasible);
    if (ps) return { ...out, error: ps };
    const table = fw.runScore(state, pod, r.feasible);
    if (table instanceof Status) return { ...out, error: table };
    out.table = table;
    out.host = this.selectHost(table, r.feasible);
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
  ): { feasible: NodeInfo[]; processed: number; error?: Status } {
    const n = nodes.length;
    const want = numFeasibleNodesToFind(n, this.percentageOfNodesToScore);
    const feasible: NodeInfo[] = [];
    if (fw.handle.nominator.size > 0 || !filters.every((f) => f.filterAll)) {
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
    const chunk = this.chunk;
    const out = this.chunkStatus;
    let processed = 0;
    while (processed < n && feasible.length < want) {
      const need = want - feasible.length;
      const len = Math.min(n - processed, need + (need >> 5) + 4);
      for (let i = 0; i < len; i++) {
        chunk[i] = nodes[(start + processed + i) % n]!;
        out[i] = null;
      }
      for (const f of filters) f.filterAll!(state, pod, chunk, out, len);
      let i = 0;
      while (i < len) {
        const s = out[i];
        const node = chunk[i++]!;
        if (s === null) {
          feasible.push(node);
          if (feasible.length >= want) break;
        } else if (!s.isRejected()) {
          const e = new Status(Code.Error, [`running "${s.plugin}" filter plugin: ${s.message()}`], s.plugin);
          return { feasible, processed: processed + i, error: e };
        } else {
          d.nodeToStatus.set(node.name, s);
          addPluginStatus(d, s);
        }
      }
      processed += i;
    }
    return { feasible, processed };
  }

  /**
   * selectHost: the highest total; ties broken uniformly at random (upstream samples a reservoir;
   * one draw among the tied nodes gives the same distribution).
   */
  private selectHost(t: ScoreTable, nodes: readonly NodeInfo[]): string {
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
    for (let i = 0; i < t.n; i++) if (totals[i] === max && k-- === 0) return nodes[i]!.name;
    return nodes[0]!.name;
  }
}
