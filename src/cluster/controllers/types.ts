import type { KObject } from '../api/types';
import type { Client } from '../client/client';
import type { EventRecorder } from '../client/recorder';
import type { WorkQueue } from '../client/workqueue';
import type { SimClock } from '../sim/clock';
import type { Rng } from '../sim/rng';

/** What a sync function may ask for after it ran. */
export type SyncResult = void | { requeueAfterMs: number };

/** Handlers for one watched resource; they only work out keys and enqueue (level-triggered). */
export interface Handlers {
  add?(o: KObject): void;
  /** `old` is the version before this write (as informers' UpdateFunc gets it). */
  update?(o: KObject, rv: number, old?: KObject): void;
  delete?(o: KObject): void;
}

/** Everything a controller gets from the controller manager. */
export interface ControllerContext {
  client: Client;
  clock: SimClock;
  rng: Rng;
  recorder: EventRecorder;
  /**
   * A work queue whose keys are processed by `sync` (at the current simulated time). A thrown error
   * re-queues the key with back-off; `{requeueAfterMs}` re-queues it later.
   */
  queue(name: string, sync: (key: string) => SyncResult): WorkQueue;
  /** Subscribes to a resource's changes from now on (handlers run inside the write; only enqueue). */
  watch(resource: string, h: Handlers): void;
  /** Tunables (node-monitor-grace-period, eviction timeouts…), all simulated milliseconds. */
  config: ControllerConfig;
}

export interface ControllerConfig {
  nodeMonitorGracePeriodMs: number;
  nodeMonitorPeriodMs: number;
  nodeStartupGracePeriodMs: number;
  podEvictionTimeoutMs: number;
  hpaSyncPeriodMs: number;
  terminatedPodGcThreshold: number;
}

export const DEFAULT_CONTROLLER_CONFIG: ControllerConfig = {
  nodeMonitorGracePeriodMs: 50_000,
  nodeMonitorPeriodMs: 5_000,
  nodeStartupGracePeriodMs: 60_000,
  podEvictionTimeoutMs: 300_000,
  hpaSyncPeriodMs: 15_000,
  terminatedPodGcThreshold: 12_500,
};

/** A controller: a name (as kube-controller-manager names it) and a start function. */
export interface ControllerFactory {
  name: string;
  start(ctx: ControllerContext): void;
}

/** `namespace/name` (or `name`) keys, as cache.MetaNamespaceKeyFunc. */
export function keyOf(o: KObject): string {
  return o.metadata.namespace ? `${o.metadata.namespace}/${o.metadata.name}` : o.metadata.name!;
}

export function splitKey(key: string): [ns: string, name: string] {
  const i = key.indexOf('/');
  return i < 0 ? ['', key] : [key.slice(0, i), key.slice(i + 1)];
}

/** The controller ownerReference of an object, if any. */
export function controllerRef(o: KObject): { apiVersion: string; kind: string; name: string; uid: string } | undefined {
  return (o.metadata.ownerReferences ?? []).find((r) => r.controller) as never;
}
