/**
 * framework.Handle: what plugins may reach besides their arguments — the snapshot (cache), the
 * nominator, listers and the client for writes, the recorder and the clock.
 */
import type { KObject } from '../../api/types';
import type { Client } from '../../client/client';
import type { EventRecorder } from '../../client/recorder';
import type { SimClock } from '../../sim/clock';
import type { Cache } from './cache';
import type { PodInfo } from './podInfo';
import type { Framework } from './runner';

export interface NominatedPods {
  /** How many pods are nominated anywhere (0 lets filtering skip the what-if pass). */
  readonly size: number;
  /** Pods nominated to run on `node` (preemptors waiting for their victims to go). */
  podsForNode(node: string): readonly PodInfo[];
}

/** The reads and writes plugins make through the API (a subset of Client, so tests can stub it). */
export type ApiClient = Pick<Client, 'get' | 'list' | 'patch' | 'updateStatus' | 'delete' | 'bind' | 'update'>;

export interface Handle {
  readonly schedulerName: string;
  readonly cache: Cache;
  readonly nominator: NominatedPods;
  readonly client: ApiClient;
  readonly recorder: Pick<EventRecorder, 'event'>;
  readonly clock: Pick<SimClock, 'now' | 'nowRFC3339'>;
  /** Services of a namespace (watch-maintained; PodTopologySpread's default selector). */
  services(namespace: string): readonly KObject[];
  /** The profile's framework, set once it is built (preemption re-runs filters through it). */
  framework?: Framework;
}
