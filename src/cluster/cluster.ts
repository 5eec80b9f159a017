import { SimClock } from './sim/clock';
import { createRng, type Rng } from './sim/rng';
import { Store } from './store/store';
import { Registry } from './apiserver/registry';
import { allResources } from './apiserver/resources';
import { DEFAULT_EVENT_TTL_MS, EventExpiry } from './apiserver/eventTtl';
import { ApiServer } from './apiserver/server';
import { applyPatch } from './apiserver/patch';
import { handleRest, type RestExtensions } from './apiserver/rest/handler';
import type { RestRequest, RestResponse } from './apiserver/rest/types';
import { openapiExtension } from './apiserver/openapi/serve';
import { fieldChecker } from './api/schema/checker';
import { bootstrap, type BootstrapOptions } from './bootstrap';
import { EventLog } from './sim/eventlog';
import { apiErrors } from './api/errors';
import { Client } from './client/client';
import { evictPod } from './controllers/disruption';
import { logsFor, type LogQuery } from './kubelet/logs';
import { explainPod } from './scheduler/explain';
import { controllerRegistry } from './controllers/registry';
import { startControllers } from './controllers/manager';
import type { ControllerConfig } from './controllers/types';

export interface ClusterOptions extends BootstrapOptions {
  seed?: number;
  /** Cap on stored objects (the store refuses creates beyond it). */
  maxObjects?: number;
  /** Watch history length (events). */
  historySize?: number;
  /** Simulated start time (epoch ms). */
  startTime?: number;
  /** Which control loops run: all (default), none (API only), or these names. */
  controllers?: 'all' | 'none' | string[];
  controllerConfig?: Partial<ControllerConfig>;
  /** Entries the event log keeps (default 1,000,000). */
  eventLogCapacity?: number;
  /** kube-apiserver's --event-ttl in ms: Events expire this long after their last write (default 1h; 0 keeps them). */
  eventTtlMs?: number;
}

/** The composition root: one clock, one RNG, the store, the API server and its REST face. */
export interface Cluster {
  clock: SimClock;
  rng: Rng;
  store: Store;
  api: ApiServer;
  rest(req: RestRequest): RestResponse;
  ext: RestExtensions;
  /** Every committed write, in order (replay, debugging, determinism checks). */
  log: EventLog;
}

export function createCluster(opts: ClusterOptions = {}): Cluster {
  const clock = new SimClock(opts.startTime);
  const rng = createRng(opts.seed ?? 1);
  const store = new Store({ maxObjects: opts.maxObjects, historySize: opts.historySize });
  const log = new EventLog(() => clock.now(), opts.eventLogCapacity);
  store.onCommit = (e) => log.record(e);
  const registry = new Registry(allResources);
  const api = new ApiServer({ store, registry, clock, rng: rng.fork('apiserver'), fieldChecker });
  const ttl = opts.eventTtlMs ?? DEFAULT_EVENT_TTL_MS;
  if (ttl > 0) new EventExpiry(store, clock, ttl);
  const ext: RestExtensions = {
    applyPatch,
    openapi: openapiExtension(registry),
    logs: (pod, q) => {
      const r = logsFor(pod, logQuery(q), clock.now());
      if (!r.ok) throw apiErrors.badRequest(r.message);
      return r.text;
    },
    evict: (pod, eviction, o) => evictPod(new Client(api, 'kube-apiserver'), pod, eviction, { dryRun: o.dryRun }),
    explain: (ns, name) => explainPod(ns, name, api),
  };
  const cluster: Cluster = { clock, rng, store, api, ext, log, rest: (req) => handleRest(api, ext, req) };
  bootstrap(cluster, opts);
  const wanted = opts.controllers ?? 'all';
  if (wanted !== 'none') {
    const factories = wanted === 'all' ? controllerRegistry : controllerRegistry.filter((f) => wanted.includes(f.name));
    startControllers(api, clock, rng.fork('controllers'), factories, opts.controllerConfig);
    clock.flush();
  }
  return cluster;
}

/** `GET pods/<name>/log` query parameters → the kubelet's log query. */
function logQuery(q: Record<string, string>): LogQuery {
  const num = (v: string | undefined) => (v === undefined || v === '' ? undefined : Number(v));
  return {
    container: q.container || undefined,
    previous: q.previous === 'true',
    tailLines: num(q.tailLines),
    timestamps: q.timestamps === 'true',
    sinceSeconds: num(q.sinceSeconds),
    sinceTime: q.sinceTime || undefined,
    limitBytes: num(q.limitBytes),
  };
}
