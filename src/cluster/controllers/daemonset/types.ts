/** What the DaemonSet reconciler reads and plans, and the pod helpers its parts share. */
import type { KObject } from '../../api/types';
import { parseTime } from '../util/time';
import { DS_HASH_LABEL } from './history';
import { shouldRun, targetNodeName } from './predicates';

export const TEMPLATE_GENERATION_LABEL = 'pod-template-generation';
export const BURST_REPLICAS = 250;

export interface FailedBackoff {
  /** Current back-off (ms) and when it was last bumped. */
  get(key: string): { delayMs: number; lastUpdate: number } | undefined;
}

export interface DsInput {
  ds: KObject;
  nodes: KObject[];
  pods: KObject[];
  hash: string;
  now: number;
  backoff: FailedBackoff;
  /** NodeShouldRunDaemonPod per node name (computed once per sync; see placements). */
  placement?: Placement;
}

/** [shouldRun, shouldContinueRunning] by node name. */
export type Placement = Map<string, [boolean, boolean]>;

/** NodeShouldRunDaemonPod for every node, once per sync. */
export function placements(ds: KObject, nodes: KObject[]): Placement {
  const out: Placement = new Map();
  for (const n of nodes) out.set(n.metadata.name!, shouldRun(n, ds));
  return out;
}

export interface DsPlan {
  creates: string[];
  deletes: KObject[];
  events: { type: 'Normal' | 'Warning'; reason: string; message: string }[];
  /** Failed-pod back-off keys to bump. */
  backoffNext: string[];
  requeueAfterMs?: number;
  /** Which step produced the pod changes. */
  phase: 'manage' | 'rollingUpdate' | 'none';
}

/** The template generation from the deprecated.daemonset.template.generation annotation. */
export function templateGeneration(ds: KObject): string | undefined {
  const v = ds.metadata.annotations?.['deprecated.daemonset.template.generation'];
  return v !== undefined && /^\d+$/.test(v) ? v : undefined;
}

/** IsPodUpdated: the pod's hash (or, for old pods, its template generation) matches. */
export function isPodUpdated(pod: KObject, hash: string, generation: string | undefined): boolean {
  const labels = pod.metadata.labels ?? {};
  return (!!hash && labels[DS_HASH_LABEL] === hash) || (generation !== undefined && labels[TEMPLATE_GENERATION_LABEL] === generation);
}

/** podByCreationTimestampAndPhase: scheduled first, then oldest, then by name. */
export function oldestFirst(a: KObject, b: KObject): number {
  const sa = !!a.spec?.nodeName;
  const sb = !!b.spec?.nodeName;
  if (sa !== sb) return sa ? -1 : 1;
  const ta = parseTime(a.metadata.creationTimestamp) ?? 0;
  const tb = parseTime(b.metadata.creationTimestamp) ?? 0;
  if (ta !== tb) return ta - tb;
  return (a.metadata.name ?? '') < (b.metadata.name ?? '') ? -1 : 1;
}

/** getNodesToDaemonPods: pods by the node they run on or are pinned to. */
export function podsByNode(pods: KObject[], includeDeletedTerminal: boolean): Map<string, KObject[]> {
  const out = new Map<string, KObject[]>();
  for (const p of pods) {
    const terminal = p.status?.phase === 'Succeeded' || p.status?.phase === 'Failed';
    if (!includeDeletedTerminal && terminal && p.metadata.deletionTimestamp) continue;
    const node = targetNodeName(p);
    if (node === undefined) continue;
    const list = out.get(node);
    if (list) list.push(p);
    else out.set(node, [p]);
  }
  return out;
}

