/**
 * DaemonSetStatus (daemon_controller.go updateDaemonSetStatus / storeDaemonSetStatus, v1.32): per
 * node that should run the pod, is there one, is the oldest ready/available/updated; pods on nodes
 * that should not run one are misscheduled.
 */
import type { KObject } from '../../api/types';
import { isPodAvailable, isPodReady } from '../util/pods';
import { isPodUpdated, oldestFirst, placements, podsByNode, templateGeneration, type Placement } from './types';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

export interface DsCounts {
  desiredNumberScheduled: number;
  currentNumberScheduled: number;
  numberMisscheduled: number;
  numberReady: number;
  updatedNumberScheduled: number;
  numberAvailable: number;
  numberUnavailable: number;
}

export function computeDsStatus(ds: KObject, nodes: KObject[], pods: KObject[], hash: string, now: number, place: Placement = placements(ds, nodes)): DsCounts {
  const c: DsCounts = { desiredNumberScheduled: 0, currentNumberScheduled: 0, numberMisscheduled: 0, numberReady: 0, updatedNumberScheduled: 0, numberAvailable: 0, numberUnavailable: 0 };
  const byNode = podsByNode(pods, false);
  const gen = templateGeneration(ds);
  const minReady = ds.spec?.minReadySeconds ?? 0;
  for (const node of nodes) {
    const onNode = byNode.get(node.metadata.name!);
    if (!place.get(node.metadata.name!)![0]) {
      if (onNode?.length) c.numberMisscheduled++;
      continue;
    }
    c.desiredNumberScheduled++;
    if (!onNode?.length) continue;
    c.currentNumberScheduled++;
    const pod = onNode.length === 1 ? onNode[0]! : [...onNode].sort(oldestFirst)[0]!;
    if (isPodReady(pod)) {
      c.numberReady++;
      if (isPodAvailable(pod, minReady, now)) c.numberAvailable++;
    }
    if (isPodUpdated(pod, hash, gen)) c.updatedNumberScheduled++;
  }
  c.numberUnavailable = c.desiredNumberScheduled - c.numberAvailable;
  return c;
}

/** storeDaemonSetStatus: the new status, or undefined when nothing changed. */
export function statusUpdate(ds: KObject, c: DsCounts): Json | undefined {
  const s = ds.status ?? {};
  const same = (Object.keys(c) as (keyof DsCounts)[]).every((k) => (s[k] ?? 0) === c[k]);
  if (same && (s.observedGeneration ?? 0) >= (ds.metadata.generation ?? 0)) return undefined;
  const out: Json = { ...s, observedGeneration: ds.metadata.generation, ...c };
  // updatedNumberScheduled, numberAvailable and numberUnavailable are omitempty.
  for (const k of ['updatedNumberScheduled', 'numberAvailable', 'numberUnavailable'] as const) if (!out[k]) delete out[k];
  return out;
}
