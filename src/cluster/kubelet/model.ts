/**
 * The kubelet's private picture of one pod (PodSim) and of its node (NodeEnv): plain data the
 * lifecycle interpreter reads and updates. Nothing here talks to the API or reads a clock.
 */
import type { KObject } from '../api/types';
import type { Rng } from '../sim/rng';
import type { Behaviour } from './behaviour';
import type { ResolvedImage } from './images';
import type { Stage } from './stages/types';

export type PodState = 'New' | 'Sandbox' | 'Active' | 'Stopping' | 'Terminal' | 'Deleted';
export type ContainerState =
  | 'Waiting' // not its turn yet (init order, sandbox not ready)
  | 'Pull' // about to check the image (a sync point)
  | 'Pulling'
  | 'ErrImagePull'
  | 'ImagePullBackOff'
  | 'ErrImageNeverPull'
  | 'InvalidImageName'
  | 'Creating' // image ready; create + start in progress
  | 'Running'
  | 'Stopping' // SIGTERM sent (or preStop running); exits by `stop.at`
  | 'Exited' // terminated; the next sync decides on a restart
  | 'CrashLoopBackOff'
  | 'Done'; // terminated for good
export type ContainerKind = 'init' | 'sidecar' | 'app';
export type ProbeType = 'startup' | 'readiness' | 'liveness';
export type StopCause = 'liveness' | 'startup' | 'changed' | 'pod';

/** A stage scheduled for a subject: it fires at `at` unless the subject stops matching it. */
export interface Due {
  stage: Stage;
  at: number;
}

/** containerStatuses[].state.terminated / lastState.terminated, times in epoch ms. */
export interface Terminated {
  exitCode: number;
  reason: string;
  message?: string;
  startedAt: number;
  finishedAt: number;
  containerID: string;
}

/** flowcontrol.Backoff entry: current delay and when it was last bumped. */
export interface BackOff {
  ms: number;
  lastUpdate: number;
}

/** The fate of one container instance, drawn when it starts. */
export interface InstancePlan {
  /** When it exits on its own (command ends, crash fault, OOM), with what. */
  exitAt?: number;
  exitCode: number;
  reason: string;
  /** When its ports accept connections. */
  listenAt: number;
  /** When it stops answering (hang fault). */
  hangAt?: number;
}

export interface ProbeSim {
  type: ProbeType;
  spec: KObject['spec'];
  successes: number;
  failures: number;
  /** The latest run's result. */
  last?: { ok: boolean; message: string; at: number };
  /** The latest result cannot change before this time (Infinity: not until something else changes). */
  stableUntil: number;
  /** Time of the next run. */
  next?: number;
  due?: Due;
}

export interface ContainerSim {
  name: string;
  kind: ContainerKind;
  /** `spec.containers{nginx}`: the events' fieldPath. */
  fieldPath: string;
  /** The container spec (frozen, from the API object). */
  spec: KObject['spec'];
  image: string;
  pullPolicy: string;
  behaviour: Behaviour;
  state: ContainerState;
  since: number;
  due?: Due;
  restartCount: number;
  everRan: boolean;
  id?: string;
  startedAt?: number;
  /** The image as the runtime resolved it (after the first successful pull/check). */
  resolved?: ResolvedImage;
  /** This instance's termination (state.terminated, or lastState while in back-off). */
  term?: Terminated;
  /** The previous instance's termination (lastState.terminated). */
  last?: Terminated;
  ready: boolean;
  started: boolean;
  /** The kubelet's reason cache: a waiting reason/message shown instead of the default. */
  waiting?: { reason: string; message?: string };
  pull?: { startAt: number; doneAt: number; waitMs: number; pullMs: number; error?: string };
  pullErr?: string;
  pullBackOff?: BackOff;
  crashBackOff?: BackOff;
  plan?: InstancePlan;
  stop?: { at: number; code: number; reason: string };
  /** A restart requested by a probe or a spec change, consumed by the kill stage. */
  kill?: StopCause;
  probes: ProbeSim[];
}

export interface PodSim {
  uid: string;
  namespace: string;
  name: string;
  nodeName: string;
  /** The latest API object (frozen). */
  pod: KObject;
  state: PodState;
  since: number;
  due?: Due;
  /** When the kubelet first synced the pod: status.startTime and the probe workers' tick origin. */
  startTime?: number;
  hostIP: string;
  podIP?: string;
  sandboxReady: boolean;
  initializedOnce: boolean;
  containers: ContainerSim[];
  /** Pod-level faults from `kubeplay.dev/fault`. */
  faults: ReadonlySet<string>;
  deleting: boolean;
  /** When containers still running at termination get SIGKILL. */
  stopDeadline?: number;
  /** A phase decided by the kubelet itself (activeDeadlineSeconds). */
  final?: { phase: 'Failed'; reason: string; message: string };
  /**
   * Kubelet-owned conditions by type: the last transition time, positive while the condition is
   * True and negated while False (one number each: 150,000 pods keep these).
   */
  cond: Record<string, number>;
  rng: Rng;
  /** Bumped by every applied stage: a cheap "status may have changed" signal. */
  seq: number;
}

/** A node's runtime: image store, serial puller, pod IPAM. The shell provides the implementation. */
export interface NodeEnv {
  name: string;
  ip: string;
  cpus: number;
  /** Bytes per simulated ms this node pulls at. */
  bandwidth: number;
  /** The serial image puller is busy until this time. */
  pullFreeAt: number;
  hasImage(full: string): boolean;
  pulling: Set<string>;
  addImage(img: ResolvedImage, at: number): void;
  allocateIP(): string | undefined;
  releaseIP(ip: string): void;
}

/** An event a stage emits, for the shell to record on the pod. */
export interface EmittedEvent {
  type: 'Normal' | 'Warning';
  reason: string;
  message: string;
  fieldPath?: string;
}

export const isApp = (c: ContainerSim) => c.kind === 'app';
export const appContainers = (p: PodSim) => p.containers.filter(isApp);
/** `name_namespace(uid)`: format.Pod, as in back-off messages. */
export const podRef = (p: PodSim) => `${p.name}_${p.namespace}(${p.uid})`;
