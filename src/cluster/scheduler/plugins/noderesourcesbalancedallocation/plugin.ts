/**
 * NodeResourcesBalancedAllocation (Score): prefers nodes whose cpu and memory would be used in
 * equal proportion after placing the pod (real requests, not the 100m/200Mi scoring defaults).
 */
import type { NodeInfo } from '../../framework/nodeInfo';
import type { PodInfo } from '../../framework/podInfo';
import type { PreScorePlugin, ScorePlugin } from '../../framework/types';
import { ROW } from '../../framework/nodeTable';
import { balancedAllocationOf, balancedAllocationScore } from '../noderesourcesfit/fit';

export const Name = 'NodeResourcesBalancedAllocation';

export function newBalancedAllocation(): PreScorePlugin & ScorePlugin {
  return {
    name: Name,
    preScore() {
      return null;
    },
    score(_state, pod: PodInfo, node: NodeInfo) {
      return balancedAllocationScore(pod, node);
    },
    scoreAll(_state, pod, nodes, out, n, rows) {
      if (!rows) for (let i = 0; i < n; i++) out[i] = balancedAllocationScore(pod, nodes[i]!);
      else {
        const d = rows.table.data;
        const idx = rows.idx;
        const cpu = pod.cpu;
        const mem = pod.mem;
        for (let i = 0; i < n; i++) out[i] = balancedAllocationOf(d, idx[i]! * ROW, cpu, mem);
      }
    },
  };
}
