/**
 * Zone health and eviction rate limiting (node_lifecycle_controller.go handleDisruption,
 * ComputeZoneState, setLimiterInZone; v1.32 defaults): each zone taints unhealthy nodes through its
 * own token bucket (--node-eviction-rate 0.1/s, burst 1); a zone with ≥55% (and more than 2) nodes
 * not Ready drops to --secondary-node-eviction-rate 0.01/s when it has more than 50 nodes, or stops;
 * when every zone is fully disrupted all NoExecute taints are lifted and tainting stops.
 */
import type { KObject } from '../../api/types';
import type { NodeCondition } from './reconcile';

export type ZoneState = 'Initial' | 'Normal' | 'FullDisruption' | 'PartialDisruption';

export const EVICTION_QPS = 0.1;
export const SECONDARY_EVICTION_QPS = 0.01;
export const UNHEALTHY_ZONE_THRESHOLD = 0.55;
export const LARGE_CLUSTER_THRESHOLD = 50;

/** nodetopology.GetZoneKey: region + ":\x00:" + zone ('' without labels). */
export function zoneKey(node: KObject): string {
  const l = node.metadata.labels ?? {};
  const region = l['topology.kubernetes.io/region'] ?? l['failure-domain.beta.kubernetes.io/region'] ?? '';
  const zone = l['topology.kubernetes.io/zone'] ?? l['failure-domain.beta.kubernetes.io/zone'] ?? '';
  return region || zone ? `${region}:\x00:${zone}` : '';
}

/** ComputeZoneState: how many nodes are not Ready, and the zone's state. */
export function computeZoneState(ready: readonly (NodeCondition | undefined)[]): { notReady: number; state: ZoneState } {
  let readyNodes = 0;
  let notReady = 0;
  for (const c of ready) if (c?.status === 'True') readyNodes++;
  else notReady++;
  if (readyNodes === 0 && notReady > 0) return { notReady, state: 'FullDisruption' };
  if (notReady > 2 && notReady / (notReady + readyNodes) >= UNHEALTHY_ZONE_THRESHOLD) return { notReady, state: 'PartialDisruption' };
  return { notReady, state: 'Normal' };
}

/** setLimiterInZone: the tainting rate of a zone in a state. */
export function zoneQps(state: ZoneState, zoneSize: number): number {
  if (state === 'PartialDisruption') return zoneSize > LARGE_CLUSTER_THRESHOLD ? SECONDARY_EVICTION_QPS : 0;
  return EVICTION_QPS;
}

export interface DisruptionResult {
  states: Map<string, ZoneState>;
  /** New tainting rate for zones whose rate changes. */
  qps: Map<string, number>;
  /** Entering "all zones fully disrupted": lift every NoExecute taint. */
  markAllReachable: boolean;
  /** Leaving it: restart every node's grace period. */
  resetProbes: boolean;
}

/** handleDisruption: zone states after a pass, from the Ready conditions of each zone's nodes. */
export function handleDisruption(prev: ReadonlyMap<string, ZoneState>, zones: ReadonlyMap<string, (NodeCondition | undefined)[]>): DisruptionResult {
  const next = new Map<string, ZoneState>();
  let allAreFully = true;
  for (const [k, conds] of zones) {
    const { state } = computeZoneState(conds);
    if (state !== 'FullDisruption') allAreFully = false;
    next.set(k, state);
  }
  const states = new Map<string, ZoneState>();
  let allWereFully = true;
  for (const [k, v] of prev) {
    if (!zones.has(k)) continue;
    states.set(k, v);
    if (v !== 'FullDisruption') allWereFully = false;
  }
  for (const k of zones.keys()) if (!states.has(k)) {
    states.set(k, 'Initial');
    allWereFully = false;
  }
  const res: DisruptionResult = { states, qps: new Map(), markAllReachable: false, resetProbes: false };
  if (allAreFully && allWereFully) return res;
  if (allAreFully) {
    for (const k of states.keys()) {
      res.qps.set(k, 0);
      states.set(k, 'FullDisruption');
    }
    res.markAllReachable = true;
    return res;
  }
  if (allWereFully) res.resetProbes = true;
  for (const [k, v] of states) {
    const n = next.get(k)!;
    if (v === n && !allWereFully) continue;
    res.qps.set(k, zoneQps(n, zones.get(k)!.length));
    states.set(k, n);
  }
  return res;
}

/** flowcontrol's token bucket on simulated time (burst 1, starts full); qps 0 never accepts. */
export class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(
    public qps: number,
    now: number,
    private readonly burst = 1,
  ) {
    this.tokens = burst;
    this.last = now;
  }

  tryAccept(now: number): boolean {
    if (this.qps <= 0) return false;
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) / 1000) * this.qps);
    this.last = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }

  /** Milliseconds until the next token (Infinity when stopped). */
  waitMs(now: number): number {
    if (this.qps <= 0) return Infinity;
    const tokens = Math.min(this.burst, this.tokens + ((now - this.last) / 1000) * this.qps);
    return tokens >= 1 ? 0 : Math.ceil(((1 - tokens) / this.qps) * 1000);
  }

  /** SwapLimiter: a new rate, starting with a full bucket as upstream's new limiter does. */
  swap(qps: number, now: number): void {
    if (qps === this.qps) return;
    this.qps = qps;
    this.tokens = this.burst;
    this.last = now;
  }
}
