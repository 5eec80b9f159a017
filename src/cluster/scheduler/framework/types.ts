/**
 * The scheduling framework's contracts (kube-scheduler 1.32, pkg/scheduler/framework/interface.go):
 * status codes, extension-point interfaces and the per-cycle state. Plugins are small objects behind
 * these interfaces; the runner (runner.ts) calls them in profile order.
 *
 * Hot-path conventions: a passing Filter returns `null` (no allocation), rejections return Status
 * objects a plugin builds once; Score returns a plain number.
 */
import type { NodeInfo } from './nodeInfo';
import type { PodInfo } from './podInfo';
import type { ClusterEvent, QueueingHint } from './events';
import type { NodeToStatus } from './nodeToStatus';
import type { NodeTable } from './nodeTable';

/**
 * Where batch forms may read nodes[0..n)'s numbers: idx[i] is nodes[i]'s row in `table` (the
 * cache's). Absent for nodes outside the cache (what-if copies): then read the NodeInfos.
 */
export interface NodeRows {
  readonly table: NodeTable;
  readonly idx: Int32Array;
}

/** framework.Code, in upstream's order. */
export const Code = {
  Success: 0,
  Error: 1,
  Unschedulable: 2,
  UnschedulableAndUnresolvable: 3,
  Wait: 4,
  Skip: 5,
} as const;
export type Code = (typeof Code)[keyof typeof Code];
export const CODE_NAMES = ['Success', 'Error', 'Unschedulable', 'UnschedulableAndUnresolvable', 'Wait', 'Skip'] as const;

/** framework.Status: a code, the reasons (joined by ", " as the message) and the plugin that returned it. */
export class Status {
  constructor(
    readonly code: Code,
    readonly reasons: readonly string[] = [],
    public plugin = '',
  ) {}

  message(): string {
    return this.reasons.join(', ');
  }

  isSuccess(): boolean {
    return this.code === Code.Success;
  }

  /** Unschedulable or UnschedulableAndUnresolvable. */
  isRejected(): boolean {
    return this.code === Code.Unschedulable || this.code === Code.UnschedulableAndUnresolvable;
  }

  /** A copy attributed to `plugin` (shared constant statuses stay untouched). */
  withPlugin(plugin: string): Status {
    return this.plugin === plugin ? this : new Status(this.code, this.reasons, plugin);
  }
}

export const SKIP = new Status(Code.Skip);

export function asStatus(err: unknown, plugin = ''): Status {
  return new Status(Code.Error, [err instanceof Error ? err.message : String(err)], plugin);
}

/** A slot in CycleState; one per plugin datum, allocated once at module load. */
export interface StateKey<T> {
  readonly name: string;
  readonly slot: number;
  /** Phantom: ties the key to its value type. */
  readonly _type?: T;
}

let nextSlot = 0;
export function stateKey<T>(name: string): StateKey<T> {
  return { name, slot: nextSlot++ };
}

/** State a plugin writes that must survive CycleState.clone() as an independent copy. */
export interface Cloneable {
  clone(): Cloneable;
}

/** framework.CycleState: data plugins pass between extension points within one scheduling cycle. */
export class CycleState {
  private slots: unknown[] = [];
  /** Plugins whose PreFilter returned Skip: their Filter is not run. */
  skipFilterPlugins: ReadonlySet<string> = EMPTY_SET;
  /** Plugins whose PreScore returned Skip: their Score is not run. */
  skipScorePlugins: ReadonlySet<string> = EMPTY_SET;

  read<T>(key: StateKey<T>): T | undefined {
    return this.slots[key.slot] as T | undefined;
  }

  write<T>(key: StateKey<T>, value: T): void {
    this.slots[key.slot] = value;
  }

  delete(key: StateKey<unknown>): void {
    this.slots[key.slot] = undefined;
  }

  /** A copy for what-if evaluation (nominated pods, preemption); cloneable values are deep-copied. */
  clone(): CycleState {
    const c = new CycleState();
    c.skipFilterPlugins = this.skipFilterPlugins;
    c.skipScorePlugins = this.skipScorePlugins;
    c.slots = this.slots.map((v) => (v && typeof (v as Cloneable).clone === 'function' ? (v as Cloneable).clone() : v));
    return c;
  }
}

const EMPTY_SET: ReadonlySet<string> = new Set();

/** PreFilterResult: the only nodes worth filtering (undefined = all nodes). */
export interface PreFilterResult {
  nodeNames: ReadonlySet<string>;
}

export interface Plugin {
  readonly name: string;
}

/** EnqueueExtensions: the cluster events that may make a pod this plugin rejected schedulable. */
export interface EnqueueExtensions {
  events(): { event: ClusterEvent; hint?: QueueingHint }[];
}

export interface PreEnqueuePlugin extends Plugin {
  preEnqueue(pod: PodInfo): Status | null;
}

export interface QueueSortPlugin extends Plugin {
  less(a: QueueSortable, b: QueueSortable): boolean;
}

/** What queue sorting looks at. */
export interface QueueSortable {
  podInfo: PodInfo;
  timestamp: number;
  seq: number;
}

export interface PreFilterPlugin extends Plugin {
  /** Runs once per cycle; Skip disables this plugin's Filter; a result narrows the nodes. */
  preFilter(state: CycleState, pod: PodInfo): PreFilterResult | Status | null;
  /** PreFilterExtensions: keep the prefilter state right when a pod is added to / removed from `node`. */
  addPod?(state: CycleState, pod: PodInfo, podToAdd: PodInfo, node: NodeInfo): Status | null;
  removePod?(state: CycleState, pod: PodInfo, podToRemove: PodInfo, node: NodeInfo): Status | null;
}

export interface FilterPlugin extends Plugin {
  filter(state: CycleState, pod: PodInfo, node: NodeInfo): Status | null;
  /**
   * Optional batch form: for every i < n with out[i] === null, out[i] = filter(nodes[i]) — nodes an
   * earlier plugin rejected are left alone, so the first failing plugin still decides.
   */
  filterAll?(state: CycleState, pod: PodInfo, nodes: readonly NodeInfo[], out: (Status | null)[], n: number, rows?: NodeRows): void;
}

/** PostFilter outcome: a nominated node (ModeOverride; '' clears) and the status. */
export interface PostFilterResult {
  nominatedNodeName?: string;
  status: Status | null;
}

export interface PostFilterPlugin extends Plugin {
  postFilter(state: CycleState, pod: PodInfo, statuses: NodeToStatus): PostFilterResult;
}

export interface PreScorePlugin extends Plugin {
  preScore(state: CycleState, pod: PodInfo, nodes: readonly NodeInfo[], rows?: NodeRows): Status | null;
}

export interface ScorePlugin extends Plugin {
  score(state: CycleState, pod: PodInfo, node: NodeInfo): number;
  /** Optional batch form of Score over nodes[0..n) (one call instead of n; same results). */
  scoreAll?(state: CycleState, pod: PodInfo, nodes: readonly NodeInfo[], out: Float64Array, n: number, rows?: NodeRows): void;
  /**
   * Optional: when every node would end up with the same (normalized) score for this pod — say,
   * no node has a PreferNoSchedule taint — that score; the runner then skips Score and
   * NormalizeScore for this plugin. null = score node by node.
   */
  uniformScore?(state: CycleState, pod: PodInfo): number | null;
  /** ScoreExtensions.NormalizeScore over scores[0..n), in place; nodes[i] is the node of scores[i]. */
  normalizeScore?(state: CycleState, pod: PodInfo, scores: Float64Array, n: number, nodes: readonly NodeInfo[]): Status | null;
}

export interface ReservePlugin extends Plugin {
  reserve(state: CycleState, pod: PodInfo, nodeName: string): Status | null;
  /** Must be idempotent. */
  unreserve(state: CycleState, pod: PodInfo, nodeName: string): void;
}

/** PreBind may answer Wait: the binding cycle then polls `preBindReady` until it passes or times out. */
export interface PreBindPlugin extends Plugin {
  preBind(state: CycleState, pod: PodInfo, nodeName: string): Status | null;
  preBindReady?(state: CycleState, pod: PodInfo, nodeName: string): Status | null;
}

export interface BindPlugin extends Plugin {
  /** Skip when this binder does not handle the pod. */
  bind(state: CycleState, pod: PodInfo, nodeName: string): Status | null;
}

export interface PostBindPlugin extends Plugin {
  postBind(state: CycleState, pod: PodInfo, nodeName: string): void;
}

/** Every extension point a plugin object may implement. */
export type AnyPlugin = Plugin &
  Partial<
    Omit<PreEnqueuePlugin, 'name'> &
      Omit<QueueSortPlugin, 'name'> &
      Omit<PreFilterPlugin, 'name'> &
      Omit<FilterPlugin, 'name'> &
      Omit<PostFilterPlugin, 'name'> &
      Omit<PreScorePlugin, 'name'> &
      Omit<ScorePlugin, 'name'> &
      Omit<ReservePlugin, 'name'> &
      Omit<PreBindPlugin, 'name'> &
      Omit<BindPlugin, 'name'> &
      Omit<PostBindPlugin, 'name'> &
      Omit<EnqueueExtensions, 'name'>
  >;

/** framework.MaxNodeScore. */
export const MAX_NODE_SCORE = 100;
