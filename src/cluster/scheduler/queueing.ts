/**
 * The queue's pure parts: what a queued pod carries, the backoff formula, and queueing hints —
 * whether a cluster event may make a pod some plugin rejected schedulable (isPodWorthRequeuing).
 */
import type { KObject } from '../api/types';
import { eventMatches, type ClusterEvent, type QueueingHint, type QueueingHintResult } from './framework/events';
import type { PodInfo } from './framework/podInfo';
import type { QueueSortPlugin, QueueSortable, Status } from './framework/types';
import type { HeapItem } from './heap';

export type QueueName = 'active' | 'backoff' | 'unschedulable' | 'inflight' | 'none';

export interface QueuedPodInfo extends QueueSortable, HeapItem {
  podInfo: PodInfo;
  /** When the pod was added or last failed (ordering and backoff start). */
  timestamp: number;
  initialAttemptTimestamp?: number;
  attempts: number;
  /** Plugins that rejected it in its last attempt. */
  unschedulablePlugins: Set<string>;
  /** The PreEnqueue plugin holding it back ('' = not gated) and its message. */
  gatingPlugin: string;
  gatingMessage: string;
  where: QueueName;
}

/** What the queue needs from the profile. */
export interface QueuePlugins {
  queueSort: QueueSortPlugin;
  runPreEnqueue(pod: PodInfo): Status | null;
  hints: ReadonlyMap<string, readonly { event: ClusterEvent; hint?: QueueingHint }[]>;
}

/** 'backoff' = back to activeQ/backoffQ; 'skip' = stay unschedulable. */
export type Strategy = 'skip' | 'backoff';

/** calculateBackoffDuration: `initial` doubling per attempt up to `max`; 0 before any attempt. */
export function backoffDuration(attempts: number, initial: number, max: number): number {
  if (attempts === 0) return 0;
  let d = initial;
  for (let i = 1; i < attempts; i++) {
    if (d > max - d) return max;
    d += d;
  }
  return d;
}

/**
 * isPodWorthRequeuing: a pod failed without a rejecting plugin, or a wildcard event, always
 * requeues; otherwise one of its rejecting plugins must have registered the event and its hint
 * (if any) must answer Queue. A hint that throws counts as Queue, so no pod gets stranded.
 */
export function worthRequeuing(fw: QueuePlugins, q: QueuedPodInfo, event: ClusterEvent, oldObj?: KObject, newObj?: KObject): Strategy {
  if (q.unschedulablePlugins.size === 0 || event.resource === 'WildCard') return 'backoff';
  for (const name of q.unschedulablePlugins)
    for (const r of fw.hints.get(name) ?? []) {
      if (!eventMatches(r.event, event)) continue;
      let h: QueueingHintResult = 'Queue';
      try {
        if (r.hint) h = r.hint(q.podInfo, oldObj, newObj);
      } catch {
        h = 'Queue';
      }
      if (h === 'Queue') return 'backoff';
    }
  return 'skip';
}
