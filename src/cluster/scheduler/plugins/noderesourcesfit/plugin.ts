/**
 * NodeResourcesFit: Filter rejects nodes without room for the pod's requests ("Insufficient cpu",
 * "Too many pods"…); Score prefers the least allocated nodes (LeastAllocated, cpu and memory weight
 * 1, containers without requests counted as 100m / 200Mi for scoring only).
 */
import type { KObject } from '../../../api/types';
import { Action } from '../../framework/events';
import type { NodeInfo } from '../../framework/nodeInfo';
import type { PodInfo } from '../../framework/podInfo';
import { Code, Status, type EnqueueExtensions, type FilterPlugin, type PreFilterPlugin, type PreScorePlugin, type ScorePlugin } from '../../framework/types';
import { ROW } from '../../framework/nodeTable';
import { RowScoreCache } from '../../framework/rowCache';
import { fitsEmptyNode, fitsRow, insufficientResources, leastAllocatedOf, leastAllocatedScore } from './fit';

export const Name = 'NodeResourcesFit';

const statuses = new Map<string, Status>();
function reject(reasons: string[]): Status {
  const k = reasons.join('\0');
  let s = statuses.get(k);
  if (!s) {
    s = new Status(Code.Unschedulable, reasons, Name);
    if (statuses.size < 1000) statuses.set(k, s);
  }
  return s;
}

// haveAnyRequestedResourcesIncreased: only more of something the pod asks for can help.
function increased(pod: PodInfo, old: KObject, node: KObject): boolean {
  const a = old.status?.allocatable ?? {};
  const b = node.status?.allocatable ?? {};
  const more = (k: string) => JSON.stringify(a[k]) !== JSON.stringify(b[k]);
  return more('pods') || (pod.cpu > 0 && more('cpu')) || (pod.mem > 0 && more('memory')) || (pod.eph > 0 && more('ephemeral-storage')) || !!pod.scalar;
}

export function newNodeResourcesFit(): PreFilterPlugin & FilterPlugin & PreScorePlugin & ScorePlugin & EnqueueExtensions {
  const memo = new RowScoreCache(leastAllocatedOf);
  return {
    name: Name,
    preFilter() {
      return null; // requests were computed with the PodInfo
    },
    filter(_state, pod: PodInfo, node: NodeInfo) {
      const reasons = insufficientResources(pod, node);
      return reasons ? reject(reasons) : null;
    },
    filterAll(_state, pod, nodes, out, n, rows) {
      if (rows) {
        const d = rows.table.data;
        const idx = rows.idx;
        for (let i = 0; i < n; i++) {
          if (out[i] !== null || fitsRow(pod, d, idx[i]! * ROW)) continue;
          const reasons = insufficientResources(pod, nodes[i]!);
          if (reasons) out[i] = reject(reasons);
        }
        return;
      }
      for (let i = 0; i < n; i++) {
        if (out[i] !== null) continue;
        const reasons = insufficientResources(pod, nodes[i]!);
        if (reasons) out[i] = reject(reasons);
      }
    },
    preScore() {
      return null;
    },
    score(_state, pod: PodInfo, node: NodeInfo) {
      return leastAllocatedScore(pod, node);
    },
    scoreAll(_state, pod, nodes, out, n, rows) {
      if (!rows) for (let i = 0; i < n; i++) out[i] = leastAllocatedScore(pod, nodes[i]!);
      else memo.fill(rows, n, pod.nonZeroCpu, pod.nonZeroMem, out);
    },
    events: () => [
      {
        event: { resource: 'Pod', action: Action.Delete | Action.UpdatePodScaleDown },
        // Any scheduled pod going away (or shrinking) frees room; the pod's own scale-down too.
        hint: (pod, old, obj) => (obj === undefined ? (old?.spec?.nodeName ? 'Queue' : 'QueueSkip') : obj.spec?.nodeName || obj.metadata.uid === pod.uid ? 'Queue' : 'QueueSkip'),
      },
      {
        event: { resource: 'Node', action: Action.Add | Action.UpdateNodeAllocatable },
        hint: (pod, old, obj) => (!obj || !fitsEmptyNode(pod, obj) ? 'QueueSkip' : !old || increased(pod, old, obj) ? 'Queue' : 'QueueSkip'),
      },
    ],
  };
}
