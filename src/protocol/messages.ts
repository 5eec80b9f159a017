/**
 * Every message between the UI and the cluster worker: plain data (structured-clone safe),
 * discriminated by a dot-namespaced `type`, wrapped in `{ v, id }`. Requests flow UI → worker and
 * each gets exactly one `response` with the same id; notices flow worker → UI unasked.
 */
import type { WireError } from './errors';
import type { AuditEntry, ClockState, EventView, MirrorDelta, MirrorSnapshot, NodeFault, ObjectRef, PodFault } from './views';

// ---------------------------------------------------------------- requests (UI → worker)

/** The speeds the board offers; any positive number is accepted. */
export const SPEEDS = [0.25, 0.5, 1, 2, 5, 10, 25, 50, 100] as const;

/** A Kubernetes REST request, as kubectl would send it (mirrors the cluster's RestRequest). */
export interface RestRequestData {
  method: string;
  /** Path without the query string (`/api/v1/namespaces/default/pods`). */
  path: string;
  query: Record<string, string>;
  accept?: string;
  contentType?: string;
  body?: string;
}

/** Begin (or resume) a session: build the cluster, replay the journal, then send `mirror.reset`. */
export interface SessionStart {
  type: 'session.start';
  seed: number;
  /** Commands to re-apply at their simulated times (a restart after a crash; empty on first load). */
  journal: JournalEntry[];
  /** Run the clock to this simulated time after replaying (the last time the UI saw). */
  resumeAt?: number;
  /**
   * Simulated milliseconds to run before the first picture, so a new visitor finds the cluster
   * already playing (image pulls done, probes passed) instead of watching it boot.
   */
  warmupMs?: number;
  playing: boolean;
  speed: number;
}

export interface SimPlay {
  type: 'sim.play';
}
export interface SimPause {
  type: 'sim.pause';
}
/** Set the pace (simulated seconds per wall second). Never changes outcomes. */
export interface SimSpeed {
  type: 'sim.speed';
  speed: number;
}
/** Pause, then run the clock to the next moment something in the cluster changes. */
export interface SimStep {
  type: 'sim.step';
}

/** PATCH …/scale of a Deployment, ReplicaSet or StatefulSet. */
export interface WorkloadScale {
  type: 'workload.scale';
  ref: ObjectRef;
  replicas: number;
}

export interface NodeCordon {
  type: 'node.cordon';
  node: string;
}
export interface NodeUncordon {
  type: 'node.uncordon';
  node: string;
}
/** `kubectl drain --ignore-daemonsets --delete-emptydir-data`: cordon, then evict every other pod. */
export interface NodeDrain {
  type: 'node.drain';
  node: string;
}
/** Set (or with `null` clear: recover) the node's `kubeplay.dev/fault` annotation. */
export interface NodeFaultSet {
  type: 'node.fault';
  node: string;
  fault: NodeFault | null;
}
export interface NodeDelete {
  type: 'node.delete';
  node: string;
}
/** Register a new worker node (name chosen by the worker when absent). */
export interface NodeAdd {
  type: 'node.add';
  name?: string;
  cpu?: string;
  memory?: string;
  pods?: number;
  zone?: string;
}

export interface PodDelete {
  type: 'pod.delete';
  namespace: string;
  name: string;
}
/** Set (or with `null` clear) the pod's `kubeplay.dev/fault` annotation. */
export interface PodFaultSet {
  type: 'pod.fault';
  namespace: string;
  name: string;
  fault: PodFault | null;
}

/** Everything `kubectl describe` would show, plus the scheduler's reasoning for a pod. */
export interface ObjectDescribe {
  type: 'object.describe';
  ref: ObjectRef;
}

/** Any Kubernetes REST request (the in-browser kubectl and the YAML editor use this). */
export interface RestCall {
  type: 'rest.request';
  req: RestRequestData;
  /** Who asked, for the event feed: `kubectl`, `editor`, `board`. */
  source?: string;
}
/** Stop a watch stream opened by `rest.request`. */
export interface RestCancel {
  type: 'rest.cancel';
  stream: number;
}

/** Test hook: make the worker fail the way a bug would (throw from a timer, or die). */
export interface DebugCrash {
  type: 'debug.crash';
}

export type Request =
  | SessionStart
  | SimPlay
  | SimPause
  | SimSpeed
  | SimStep
  | WorkloadScale
  | NodeCordon
  | NodeUncordon
  | NodeDrain
  | NodeFaultSet
  | NodeDelete
  | NodeAdd
  | PodDelete
  | PodFaultSet
  | ObjectDescribe
  | RestCall
  | RestCancel
  | DebugCrash;

export type RequestType = Request['type'];
export type RequestOf<T extends RequestType> = Extract<Request, { type: T }>;

/** Requests that change the cluster: the journal keeps them so a restarted worker can replay them. */
export type MutatingRequest =
  | WorkloadScale
  | NodeCordon
  | NodeUncordon
  | NodeDrain
  | NodeFaultSet
  | NodeDelete
  | NodeAdd
  | PodDelete
  | PodFaultSet
  | RestCall;

const MUTATING: ReadonlySet<string> = new Set<MutatingRequest['type']>([
  'workload.scale',
  'node.cordon',
  'node.uncordon',
  'node.drain',
  'node.fault',
  'node.delete',
  'node.add',
  'pod.delete',
  'pod.fault',
  'rest.request',
]);

/** True for requests that may change cluster state (reads and watches over REST are not). */
export function isMutating(r: Request): r is MutatingRequest {
  if (!MUTATING.has(r.type)) return false;
  if (r.type === 'rest.request') return !['GET', 'HEAD', 'OPTIONS'].includes(r.req.method.toUpperCase());
  return true;
}

/**
 * A command and the simulated time it was applied at. Refused commands and dry runs are kept too,
 * marked `changed: false`: they changed no object, but the API drew ids for them (a refused create
 * still takes a uid), so replaying them keeps every later object's uid and name the same.
 */
export interface JournalEntry {
  at: number;
  request: MutatingRequest;
  /** Whether it changed the cluster (what the person counts as their work). */
  changed: boolean;
}

// ---------------------------------------------------------------- results

export interface SessionInfo {
  seed: number;
  /** Simulated time the session began. */
  start: number;
  now: number;
  /** Journal entries re-applied. */
  replayed: number;
}

/** What a board action did: when it landed, and the API requests it made. */
export interface ActionResult {
  at: number;
  audit: AuditEntry[];
}

/** One node as the scheduler judged it for one pod. */
export interface NodeVerdict {
  node: string;
  /** Passed every Filter plugin. */
  feasible: boolean;
  /** The Filter plugin that rejected the node, with its reasons (`Insufficient cpu`). */
  plugin?: string;
  reasons: string[];
  /** Final (weighted, normalised) score, for feasible nodes. */
  score?: number;
  /** Per-plugin scores that make up `score`. */
  scores?: { plugin: string; score: number; weight?: number }[];
}

/** Why a pod is where it is (or why it is Pending), from the scheduler's explainer. */
export interface SchedulingExplanation {
  /** `scheduler` when the scheduler's explainer answered; `conditions` when only pod status was available. */
  source: 'scheduler' | 'conditions';
  /** The node it was bound to (or would be, for a pod being scheduled). */
  chosen?: string;
  nodes: NodeVerdict[];
  /** The FailedScheduling message, verbatim. */
  message?: string;
  /** The scheduler's last attempt: its outcome, when, and how many nodes it looked at. */
  result?: 'Scheduled' | 'Unschedulable' | 'Error' | 'Gated';
  attempts?: number;
  /** Simulated time of the last attempt. */
  time?: number;
  totalNodes?: number;
  evaluatedNodes?: number;
  feasibleNodes?: number;
  /** Set when preemption nominated a node for the pod, and the pods it evicts there. */
  nominatedNode?: string;
  victims?: string[];
}

export interface Description {
  ref: ObjectRef;
  /** The full object as the API returns it. */
  object: Record<string, unknown>;
  /** Events about it, oldest first (what `kubectl describe` lists under Events). */
  events: EventView[];
  /** Owners from the direct one upward (Pod → ReplicaSet → Deployment). */
  owners: ObjectRef[];
  /** Objects it controls (a Deployment's ReplicaSets, a ReplicaSet's pods, a node's pods). */
  children: ObjectRef[];
  scheduling?: SchedulingExplanation;
}

/** A REST reply, or the head of a stream whose chunks follow as `rest.chunk` notices. */
export interface RestResult {
  status: number;
  headers: { 'Content-Type': string; Warning?: string[] };
  body?: string;
  /** Present for streaming responses (watch): the id to match `rest.chunk` / `rest.end` and `rest.cancel`. */
  stream?: number;
}

/** The result type of each request. */
export interface Results {
  'session.start': SessionInfo;
  'sim.play': ClockState;
  'sim.pause': ClockState;
  'sim.speed': ClockState;
  'sim.step': ClockState;
  'workload.scale': ActionResult;
  'node.cordon': ActionResult;
  'node.uncordon': ActionResult;
  'node.drain': ActionResult;
  'node.fault': ActionResult;
  'node.delete': ActionResult;
  'node.add': ActionResult;
  'pod.delete': ActionResult;
  'pod.fault': ActionResult;
  'object.describe': Description;
  'rest.request': RestResult & { at: number };
  'rest.cancel': null;
  'debug.crash': null;
}

// ---------------------------------------------------------------- envelopes

/** A request on the wire. */
export type RequestEnvelope = Request & { v: number; id: number };

export type Response =
  | { type: 'response'; id: number; ok: true; result: unknown }
  | { type: 'response'; id: number; ok: false; error: WireError };

// ---------------------------------------------------------------- notices (worker → UI)

export interface MirrorReset {
  type: 'mirror.reset';
  snapshot: MirrorSnapshot;
}
export interface MirrorDeltaNotice {
  type: 'mirror.delta';
  delta: MirrorDelta;
}
export interface RestChunk {
  type: 'rest.chunk';
  stream: number;
  chunk: string;
}
export interface RestEnd {
  type: 'rest.end';
  stream: number;
}
/** The simulation threw and stopped; the worker stays up only to say so. */
export interface WorkerFault {
  type: 'worker.fault';
  error: WireError;
  /** Simulated time when it stopped. */
  at: number;
}

export type Notice = MirrorReset | MirrorDeltaNotice | RestChunk | RestEnd | WorkerFault;

/** Anything the worker posts. */
export type WorkerMessage = (Response | Notice) & { v: number };
