/**
 * The framework runner (frameworkImpl): one profile's plugins sorted into extension points, run in
 * profile order with upstream's rules — Skip bookkeeping, first failing Filter wins, scores are
 * normalized then multiplied by the plugin weight, errors are wrapped with the plugin name.
 */
import type { ClusterEvent, QueueingHint } from './events';
import type { Handle } from './handle';
import type { NodeInfo } from './nodeInfo';
import type { NodeToStatus } from './nodeToStatus';
import { withNodeName, type PodInfo } from './podInfo';
import { newScoreTable, runScorePlugins, type ScoreTable } from './score';

export type { ScoreTable } from './score';
import {
  Code,
  CycleState,
  Status,
  asStatus,
  type AnyPlugin,
  type BindPlugin,
  type FilterPlugin,
  type NodeRows,
  type PostBindPlugin,
  type PostFilterPlugin,
  type PostFilterResult,
  type PreBindPlugin,
  type PreEnqueuePlugin,
  type PreFilterPlugin,
  type PreFilterResult,
  type PreScorePlugin,
  type QueueSortPlugin,
  type ReservePlugin,
  type ScorePlugin,
} from './types';

export interface ProfileEntry {
  plugin: AnyPlugin;
  /** Score weight (ignored for plugins without Score). */
  weight?: number;
}

export interface PreFilterOutcome {
  /** Nodes to consider; undefined = all. */
  result?: PreFilterResult;
  status: Status | null;
  /** Plugins that narrowed the node set (for "didn't satisfy plugin(s)" messages). */
  pluginsWithNodes: string[];
}


const wrap = (what: string, name: string, s: Status) => new Status(Code.Error, [`running ${what} plugin "${name}": ${s.message()}`], name);

export class Framework {
  readonly queueSort: QueueSortPlugin;
  readonly preEnqueue: PreEnqueuePlugin[] = [];
  readonly preFilter: PreFilterPlugin[] = [];
  readonly filter: FilterPlugin[] = [];
  readonly postFilter: PostFilterPlugin[] = [];
  readonly preScore: PreScorePlugin[] = [];
  readonly score: ScorePlugin[] = [];
  readonly weights = new Map<string, number>();
  readonly reserve: ReservePlugin[] = [];
  readonly preBind: PreBindPlugin[] = [];
  readonly bind: BindPlugin[] = [];
  readonly postBind: PostBindPlugin[] = [];
  /** Queueing hints by plugin: the events that may undo that plugin's rejection. */
  readonly hints = new Map<string, { event: ClusterEvent; hint?: QueueingHint }[]>();
  private table: ScoreTable = newScoreTable();
  private skipSets = new Map<string, ReadonlySet<string>>();
  private scorerLists = new WeakMap<ReadonlySet<string>, ScorePlugin[]>();
  private activeLists = new WeakMap<ReadonlySet<string>, FilterPlugin[]>();

  constructor(
    readonly profileName: string,
    entries: readonly ProfileEntry[],
    readonly handle: Handle,
  ) {
    let sort: QueueSortPlugin | undefined;
    for (const { plugin: p, weight } of entries) {
      if (p.less) sort ??= p as QueueSortPlugin;
      if (p.preEnqueue) this.preEnqueue.push(p as PreEnqueuePlugin);
      if (p.preFilter) this.preFilter.push(p as PreFilterPlugin);
      if (p.filter) this.filter.push(p as FilterPlugin);
      if (p.postFilter) this.postFilter.push(p as PostFilterPlugin);
      if (p.preScore) this.preScore.push(p as PreScorePlugin);
      if (p.score) {
        this.score.push(p as ScorePlugin);
        this.weights.set(p.name, weight ?? 1);
      }
      if (p.reserve) this.reserve.push(p as ReservePlugin);
      if (p.preBind) this.preBind.push(p as PreBindPlugin);
      if (p.bind) this.bind.push(p as BindPlugin);
      if (p.postBind) this.postBind.push(p as PostBindPlugin);
      if (p.events) this.hints.set(p.name, p.events());
    }
    if (!sort) throw new Error(`profile ${profileName}: no QueueSort plugin`);
    this.queueSort = sort;
  }

  /** PreEnqueue: the first plugin that does not pass gates the pod. */
  runPreEnqueue(pod: PodInfo): Status | null {
    for (const p of this.preEnqueue) {
      const s = p.preEnqueue(pod);
      if (s && !s.isSuccess()) return s.withPlugin(p.name);
    }
    return null;
  }

  runPreFilter(state: CycleState, pod: PodInfo): PreFilterOutcome {
    let result: PreFilterResult | undefined;
    let returned: Status | null = null;
    const withNodes: string[] = [];
    const skip: string[] = [];
    for (const p of this.preFilter) {
      let r: PreFilterResult | Status | null;
      try {
        r = p.preFilter(state, pod);
      } catch (e) {
        return { status: wrap('PreFilter', p.name, asStatus(e)), pluginsWithNodes: [] };
      }
      if (r instanceof Status) {
        if (r.code === Code.Skip) {
          skip.push(p.name);
          continue;
        }
        if (r.isSuccess()) continue;
        const s = r.withPlugin(p.name);
        // Unresolvable: preemption can't help, stop here. Unschedulable: keep going (#119770).
        if (s.code === Code.UnschedulableAndUnresolvable) return { status: s, pluginsWithNodes: [] };
        if (s.code === Code.Unschedulable) {
          returned = s;
          continue;
        }
        return { status: wrap('PreFilter', p.name, s), pluginsWithNodes: [] };
      }
      if (r) {
        withNodes.push(p.name);
        result = result ? { nodeNames: intersect(result.nodeNames, r.nodeNames) } : r;
        if (result.nodeNames.size === 0) {
          const names = [...withNodes].sort();
          const msg =
            names.length === 1 ? `node(s) didn't satisfy plugin ${names[0]}` : `node(s) didn't satisfy plugin(s) [${names.join(' ')}] simultaneously`;
          return { result, status: new Status(Code.UnschedulableAndUnresolvable, [msg]), pluginsWithNodes: names };
        }
      }
    }
    state.skipFilterPlugins = this.skipSet(skip);
    return { result, status: returned, pluginsWithNodes: withNodes.sort() };
  }

  /** Filter plugins still active after PreFilter (computed once per cycle, not per node). */
  activeFilters(state: CycleState): FilterPlugin[] {
    const skip = state.skipFilterPlugins;
    if (skip.size === 0) return this.filter;
    let list = this.activeLists.get(skip) as FilterPlugin[] | undefined;
    if (!list) this.activeLists.set(skip, (list = this.filter.filter((p) => !skip.has(p.name))));
    return list;
  }

  /**
   * One shared, read-only set per distinct list of skipped plugins: cycles of similar pods then
   * share their plugin lists (and explanations their skip lists) by identity.
   */
  private skipSet(names: string[]): ReadonlySet<string> {
    if (names.length === 0) return NO_SKIP;
    const key = names.join(',');
    let set = this.skipSets.get(key);
    if (!set) {
      set = new Set(names);
      if (this.skipSets.size >= 1024) return set;
      this.skipSets.set(key, set);
    }
    return set;
  }

  /** RunFilterPlugins: the first plugin that does not pass decides. */
  runFilter(state: CycleState, pod: PodInfo, node: NodeInfo, filters: readonly FilterPlugin[] = this.activeFilters(state)): Status | null {
    for (let i = 0; i < filters.length; i++) {
      const p = filters[i]!;
      const s = p.filter(state, pod, node);
      if (s !== null && s.code !== Code.Success) {
        if (s.isRejected()) return s.plugin === p.name ? s : s.withPlugin(p.name);
        return new Status(Code.Error, [`running "${p.name}" filter plugin: ${s.message()}`], p.name);
      }
    }
    return null;
  }

  /**
   * RunFilterPluginsWithNominatedPods: with pods of equal or higher priority nominated to this node
   * treated as running, then (if that passed) without them — the pod must fit both ways.
   */
  runFilterWithNominatedPods(state: CycleState, pod: PodInfo, node: NodeInfo, filters?: readonly FilterPlugin[]): Status | null {
    const nominated = this.handle.nominator.podsForNode(node.name);
    if (nominated.length) {
      let withPods: NodeInfo | undefined;
      let st = state;
      for (const np of nominated) {
        if (np.priority < pod.priority || np.uid === pod.uid) continue;
        if (!withPods) {
          withPods = node.clone();
          st = state.clone();
        }
        withPods.addPod(withNodeName(np, node.name));
        const s = this.runPreFilterAddPod(st, pod, np, withPods);
        if (s) return s;
      }
      if (withPods) {
        const s = this.runFilter(st, pod, withPods, filters);
        if (s) return s;
      }
    }
    return this.runFilter(state, pod, node, filters);
  }

  runPreFilterAddPod(state: CycleState, pod: PodInfo, add: PodInfo, node: NodeInfo): Status | null {
    for (const p of this.preFilter) {
      if (!p.addPod || state.skipFilterPlugins.has(p.name)) continue;
      const s = p.addPod(state, pod, add, node);
      if (s && !s.isSuccess()) return wrap('AddPod', p.name, s);
    }
    return null;
  }

  runPreFilterRemovePod(state: CycleState, pod: PodInfo, remove: PodInfo, node: NodeInfo): Status | null {
    for (const p of this.preFilter) {
      if (!p.removePod || state.skipFilterPlugins.has(p.name)) continue;
      const s = p.removePod(state, pod, remove, node);
      if (s && !s.isSuccess()) return wrap('RemovePod', p.name, s);
    }
    return null;
  }

  /** RunPostFilterPlugins: the first success wins; rejection messages are joined. */
  runPostFilter(state: CycleState, pod: PodInfo, statuses: NodeToStatus): PostFilterResult {
    const reasons: string[] = [];
    let rejector = '';
    let nominated: string | undefined;
    for (const p of this.postFilter) {
      const r = p.postFilter(state, pod, statuses);
      const s = r.status;
      if (!s || s.isSuccess()) return r;
      if (s.code === Code.UnschedulableAndUnresolvable) return { ...r, status: s.withPlugin(p.name) };
      if (!s.isRejected()) return { status: new Status(Code.Error, s.reasons, p.name) };
      if (r.nominatedNodeName !== undefined) nominated = r.nominatedNodeName;
      reasons.push(...s.reasons);
      rejector ||= p.name;
    }
    return { nominatedNodeName: nominated, status: new Status(Code.Unschedulable, reasons, rejector) };
  }

  runPreScore(state: CycleState, pod: PodInfo, nodes: readonly NodeInfo[], rows?: NodeRows): Status | null {
    const skip: string[] = [];
    for (const p of this.preScore) {
      const s = p.preScore(state, pod, nodes, rows);
      if (s?.code === Code.Skip) skip.push(p.name);
      else if (s && !s.isSuccess()) return wrap('PreScore', p.name, s);
    }
    state.skipScorePlugins = this.skipSet(skip);
    return null;
  }

  /** RunScorePlugins (see score.ts); the returned table's buffers are reused by the next cycle. */
  runScore(state: CycleState, pod: PodInfo, nodes: readonly NodeInfo[], rows?: NodeRows): ScoreTable | Status {
    return runScorePlugins(this.table, this.activeScorers(state.skipScorePlugins), this.weights, state, pod, nodes, rows);
  }

  /** The Score plugins not skipped, one shared list per skip set (explanations intern them by identity). */
  private activeScorers(skip: ReadonlySet<string>): ScorePlugin[] {
    if (skip.size === 0) return this.score;
    let list = this.scorerLists.get(skip);
    if (!list) this.scorerLists.set(skip, (list = this.score.filter((p) => !skip.has(p.name))));
    return list;
  }

  runReserve(state: CycleState, pod: PodInfo, node: string): Status | null {
    for (const p of this.reserve) {
      const s = p.reserve(state, pod, node);
      if (s && !s.isSuccess()) return s.isRejected() ? s.withPlugin(p.name) : wrap('Reserve', p.name, s);
    }
    return null;
  }

  /** Unreserve runs in reverse order and must be idempotent. */
  runUnreserve(state: CycleState, pod: PodInfo, node: string): void {
    for (let i = this.reserve.length - 1; i >= 0; i--) this.reserve[i]!.unreserve(state, pod, node);
  }

  runPreBind(state: CycleState, pod: PodInfo, node: string): Status | null {
    for (const p of this.preBind) {
      const s = p.preBind(state, pod, node);
      if (s && s.code === Code.Wait) return s.withPlugin(p.name);
      if (s && !s.isSuccess()) return s.isRejected() ? s.withPlugin(p.name) : wrap('PreBind', p.name, s);
    }
    return null;
  }

  /** After a PreBind Wait: ask the waiting plugins again (null = ready, Wait = keep waiting). */
  runPreBindReady(state: CycleState, pod: PodInfo, node: string): Status | null {
    for (const p of this.preBind) {
      const s = p.preBindReady?.(state, pod, node);
      if (s && s.code === Code.Wait) return s;
      if (s && !s.isSuccess()) return s.isRejected() ? s.withPlugin(p.name) : wrap('PreBind', p.name, s);
    }
    return null;
  }

  runBind(state: CycleState, pod: PodInfo, node: string): Status | null {
    for (const p of this.bind) {
      let s: Status | null;
      try {
        s = p.bind(state, pod, node);
      } catch (e) {
        s = asStatus(e, p.name);
      }
      if (s?.code === Code.Skip) continue;
      if (s && !s.isSuccess()) return s.isRejected() ? s.withPlugin(p.name) : wrap('Bind', p.name, s);
      return null;
    }
    return new Status(Code.Skip);
  }

  runPostBind(state: CycleState, pod: PodInfo, node: string): void {
    for (const p of this.postBind) p.postBind(state, pod, node);
  }
}

const NO_SKIP: ReadonlySet<string> = new Set();

function intersect(a: ReadonlySet<string>, b: ReadonlySet<string>): Set<string> {
  const out = new Set<string>();
  for (const x of a) if (b.has(x)) out.add(x);
  return out;
}
