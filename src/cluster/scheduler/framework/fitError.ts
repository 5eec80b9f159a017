/**
 * framework.Diagnosis and FitError: why a pod fits nowhere. The message is upstream's exactly:
 * `0/<all> nodes are available: <count> <reason>, ….` with the "<count> <reason>" strings sorted,
 * a PreFilter message instead of the histogram when PreFilter rejected, then the PostFilter message.
 */
import { NodeToStatus } from './nodeToStatus';
import type { Status } from './types';

export interface Diagnosis {
  nodeToStatus: NodeToStatus;
  /** Plugins that rejected the pod on some node (the queue requeues on their events). */
  unschedulablePlugins: Set<string>;
  preFilterMsg: string;
  postFilterMsg: string;
}

export function newDiagnosis(): Diagnosis {
  return { nodeToStatus: new NodeToStatus(), unschedulablePlugins: new Set(), preFilterMsg: '', postFilterMsg: '' };
}

/** Diagnosis.AddPluginStatus. */
export function addPluginStatus(d: Diagnosis, s: Status): void {
  if (s.plugin && s.isRejected()) d.unschedulablePlugins.add(s.plugin);
}

/** The sorted "<count> <reason>" entries for `numAllNodes` nodes. */
export function reasonHistogram(statuses: NodeToStatus, numAllNodes: number): string[] {
  const counts = new Map<string, number>();
  for (const [, s] of statuses.entries()) for (const r of s.reasons) counts.set(r, (counts.get(r) ?? 0) + 1);
  const absent = numAllNodes - statuses.size;
  if (absent > 0) for (const r of statuses.absent.reasons) counts.set(r, (counts.get(r) ?? 0) + absent);
  const out: string[] = [];
  for (const [r, c] of counts) out.push(`${c} ${r}`);
  return out.sort();
}

/** FitError.Error(). */
export function fitErrorMessage(numAllNodes: number, d: Diagnosis): string {
  let msg = `0/${numAllNodes} nodes are available:`;
  if (d.preFilterMsg) msg += ` ${d.preFilterMsg}.`;
  else {
    const hist = reasonHistogram(d.nodeToStatus, numAllNodes);
    if (hist.length) msg += ` ${hist.join(', ')}.`;
  }
  if (d.postFilterMsg) msg += ` ${d.postFilterMsg}`;
  return msg;
}

/** A scheduling attempt that found no node. */
export class FitError {
  constructor(
    readonly numAllNodes: number,
    readonly diagnosis: Diagnosis,
  ) {}

  get message(): string {
    return fitErrorMessage(this.numAllNodes, this.diagnosis);
  }
}
