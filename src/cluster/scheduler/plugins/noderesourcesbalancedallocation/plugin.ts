/**
 * NodeResourcesBalancedAllocation (Score): prefers nodes whose cpu and memory would be used in
 * equal proportion after placing the pod (real requests, not the 100m/200Mi scoring defaults).
 */
import type { NodeInfo } from '../../framework/nodeInfo';
import type { PodInfo } from '../../framework/podInfo';
import type { PreScorePlugin, ScorePlugin } from '../../framework/types';
import { RowScoreCache } from '../../framework/rowCache';
import { balancedAllocationOf, balancedAllocationScore } from '../noderesourcesfit/fit';

export const Name = 'NodeResourcesBalancedAllocation';

export function newBalancedAllocation(): PreScorePlugin & ScorePlugin {
  const memo = new RowScoreCache(balancedAllocationOf);
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
      else memo.fill(rows, n, pod.cpu, pod.mem, out);
    },
  };
}
