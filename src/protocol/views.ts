/**
 * What the UI's mirror holds: slim, serialisable summaries of cluster objects, computed in the
 * worker from the full objects. The board needs a few dozen fields, not a 5 KB pod, and sending
 * summaries keeps a burst of 1,000 pod changes cheap to clone and apply. Full objects are fetched
 * on demand (`object.describe`, `rest.request`).
 *
 * Times are simulated epoch milliseconds. Quantities are numbers: CPU in millicores, memory in bytes.
 */

/** Kinds the mirror carries. */
export type ViewKind =
  | 'Node'
  | 'Pod'
  | 'Deployment'
  | 'ReplicaSet'
  | 'StatefulSet'
  | 'DaemonSet'
  | 'Job'
  | 'Service'
  | 'Endpoints'
  | 'Event'
  | 'Namespace';

/** Names an object the way kubectl does; `uid` pins one incarnation of it. */
export interface ObjectRef {
  kind: string;
  name: string;
  /** Empty or absent for cluster-scoped kinds (Node, Namespace). */
  namespace?: string;
  uid?: string;
}

/** CPU (millicores) and memory (bytes). */
export interface Resources {
  cpu: number;
  memory: number;
}

/** Fields every view shares. */
export interface ViewBase {
  uid: string;
  kind: ViewKind;
  name: string;
  namespace?: string;
  labels: Record<string, string>;
  /** metadata.creationTimestamp. */
  created: number;
  /** metadata.resourceVersion as a number (orders updates of one object). */
  rv: number;
  /** metadata.deletionTimestamp is set: the object is being deleted (graceful deletion, finalizers). */
  deleting?: boolean;
  /** The controlling ownerReference. */
  owner?: ObjectRef;
}

/** Values of the `kubeplay.dev/fault` annotation on a Node. */
export type NodeFault = 'down' | 'partitioned';
/** Values of the `kubeplay.dev/fault` annotation on a Pod. */
export type PodFault = 'crash' | 'hang' | 'oom' | 'not-ready' | 'slow-start';

export const NODE_FAULTS: readonly NodeFault[] = ['down', 'partitioned'];
export const POD_FAULTS: readonly PodFault[] = ['crash', 'hang', 'oom', 'not-ready', 'slow-start'];

/** How the board draws a pod: one value per look, derived from phase, conditions and container states. */
export type PodLook =
  | 'pending' // no node yet: waiting in the wings
  | 'creating' // on a node, containers not running yet: tuning
  | 'running' // Running and Ready: playing
  | 'notready' // Running, not Ready: out of tune
  | 'crashloop' // a container in CrashLoopBackOff (or an error state the kubelet keeps retrying)
  | 'terminating' // deletionTimestamp set: leaving
  | 'succeeded' // phase Succeeded
  | 'failed' // phase Failed
  | 'unknown'; // phase Unknown (node lost)

export interface PodView extends ViewBase {
  kind: 'Pod';
  phase: string;
  /** The STATUS column of `kubectl get pods` (Running, ContainerCreating, CrashLoopBackOff, OOMKilled…). */
  status: string;
  look: PodLook;
  /** The Ready condition is True. */
  ready: boolean;
  /** The READY column (`1/1`). */
  readyText: string;
  restarts: number;
  node?: string;
  nominatedNode?: string;
  ip?: string;
  /** The top of the owner chain (Pod → ReplicaSet → Deployment gives the Deployment): what colours it. */
  workload?: ObjectRef;
  /** Sum of container requests (what the scheduler counts). */
  requests: Resources;
  containers: number;
  fault?: string;
  /** PodScheduled=False: the scheduler's message (`0/4 nodes are available: …`). */
  unschedulable?: string;
  priority?: number;
}

export interface Taint {
  key: string;
  value?: string;
  effect: string;
}

export interface NodeView extends ViewBase {
  kind: 'Node';
  /** The Ready condition's status. */
  ready: 'True' | 'False' | 'Unknown';
  /** spec.unschedulable (cordoned). */
  unschedulable: boolean;
  taints: Taint[];
  allocatable: Resources & { pods: number };
  /** Pressure conditions that are True (MemoryPressure…), and NetworkUnavailable. */
  problems: string[];
  role?: 'control-plane';
  zone?: string;
  ip?: string;
  fault?: string;
}

export type WorkloadKind = 'Deployment' | 'ReplicaSet' | 'StatefulSet' | 'DaemonSet' | 'Job';

export interface WorkloadView extends ViewBase {
  kind: WorkloadKind;
  /** Desired replicas (DaemonSet: desiredNumberScheduled; Job: parallelism). */
  desired: number;
  /** status.replicas (DaemonSet: currentNumberScheduled; Job: active). */
  current: number;
  ready: number;
  available: number;
  /** Updated replicas (Deployment, StatefulSet, DaemonSet). */
  updated: number;
  /** Per-pod requests from the pod template. */
  podRequests: Resources;
  images: string[];
  /** The label selector as text (`app=web`). */
  selector: string;
  /** Deployment/ReplicaSet revision annotation. */
  revision?: string;
  /** Has the scale subresource (the fader can drive it). */
  scalable: boolean;
  paused?: boolean;
  strategy?: string;
  /** Job: succeeded / failed counts. */
  succeeded?: number;
  failed?: number;
  /** The controller has not yet observed the latest spec (generation > observedGeneration). */
  progressing?: boolean;
}

export interface ServiceView extends ViewBase {
  kind: 'Service';
  type: string;
  clusterIP?: string;
  selector?: Record<string, string>;
  /** `80/TCP→80` for each port. */
  ports: string[];
}

export interface EndpointsView extends ViewBase {
  kind: 'Endpoints';
  /** uids of the pods behind ready addresses. */
  ready: string[];
  /** uids of the pods behind not-ready addresses. */
  notReady: string[];
}

export interface EventView extends ViewBase {
  kind: 'Event';
  type: 'Normal' | 'Warning' | string;
  reason: string;
  message: string;
  involved: ObjectRef;
  /** `default-scheduler`, `kubelet/worker-2`… */
  source: string;
  count: number;
  first: number;
  last: number;
}

export interface NamespaceView extends ViewBase {
  kind: 'Namespace';
  phase: string;
}

export type View = NodeView | PodView | WorkloadView | ServiceView | EndpointsView | EventView | NamespaceView;

/**
 * One write to the store, attributed to the component that made it (the audit log of the API
 * server, reconstructed): what the control-loop overlay animates.
 */
export interface Activity {
  /** Monotonic within a session. */
  seq: number;
  /** Simulated time of the write. */
  at: number;
  /** Store revision (etcd) the write produced. */
  rv: number;
  /** Who wrote: `you`, `deployment-controller`, `replicaset-controller`, `default-scheduler`, `kubelet`… */
  actor: string;
  /** The node whose kubelet wrote (actor `kubelet`). */
  node?: string;
  /** `create`, `update`, `status`, `bind`, `delete`, `scale`, `mark-deleted`… */
  verb: string;
  target: ObjectRef;
  /** One short line in plain words (`bound to worker-2`, `replicas 3 → 5`). */
  summary: string;
}

/** A request a person made through the board or kubectl, as the API server saw it. */
export interface AuditEntry {
  seq: number;
  at: number;
  /** `board`, `kubectl`, `editor`. */
  source: string;
  method: string;
  /** Request path with query (`/apis/apps/v1/namespaces/default/deployments/web/scale`). */
  path: string;
  status: number;
  /** What the request asked for, in a few words (`scale deployment/web to 5`). */
  summary: string;
  /** The Status message of a failed request. */
  error?: string;
}

/** The simulated clock as the UI shows it. */
export interface ClockState {
  /** Simulated now. */
  now: number;
  /** Simulated time when the session began. */
  start: number;
  playing: boolean;
  speed: number;
  /** The simulation could not keep up with wall time × speed in the last second. */
  lagging: boolean;
}

/** The whole mirror at once (first load, worker restart). */
export interface MirrorSnapshot {
  clock: ClockState;
  views: View[];
}

/**
 * What changed since the last delta, coalesced: an object written three times in one batch
 * appears once, in its last state. `removes` lists uids of objects that are gone.
 */
export interface MirrorDelta {
  seq: number;
  clock: ClockState;
  upserts: View[];
  removes: { kind: ViewKind; uid: string }[];
  activity: Activity[];
  audit: AuditEntry[];
}
