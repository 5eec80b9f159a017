/**
 * "Why this node / why Pending" for a pod: the scheduler's own account of its last attempt (every
 * node's Filter verdict and weighted Score breakdown, src/cluster/scheduler/explain.ts), in the
 * protocol's shape. Pods the scheduler has not (yet) looked at fall back to what their status and
 * FailedScheduling event say, as `kubectl describe` shows them.
 */
import type { Cluster } from '../../cluster/cluster';
import type { KObject } from '../../cluster/api/types';
import { explainPod as schedulerExplain } from '../../cluster/scheduler';
import type { SchedulingExplanation } from '../../protocol/messages';

export function explainPod(cluster: Cluster, pod: KObject, failedScheduling?: string): SchedulingExplanation {
  const e = schedulerExplain(pod.metadata.namespace ?? 'default', pod.metadata.name ?? '', cluster.api);
  if (e && e.uid === pod.metadata.uid) {
    return {
      source: 'scheduler',
      chosen: e.node ?? pod.spec?.nodeName,
      message: e.message,
      result: e.result,
      attempts: e.attempts,
      time: Date.parse(e.time),
      totalNodes: e.totalNodes,
      evaluatedNodes: e.evaluatedNodes,
      feasibleNodes: e.feasibleNodes,
      nominatedNode: e.nominatedNode,
      victims: e.victims,
      nodes: e.nodes.map((n) => ({
        node: n.node,
        feasible: n.feasible,
        plugin: n.plugin,
        reasons: n.reasons ?? [],
        score: n.total,
        scores: n.scores ? Object.entries(n.scores).map(([plugin, score]) => ({ plugin, score })) : undefined,
      })),
    };
  }
  const cond = (pod.status?.conditions ?? []).find((c: { type: string }) => c.type === 'PodScheduled') as { status: string; message?: string } | undefined;
  const out: SchedulingExplanation = { source: 'conditions', nodes: [] };
  if (pod.spec?.nodeName) out.chosen = pod.spec.nodeName;
  const message = cond?.status === 'False' ? cond.message : undefined;
  if (message || (!pod.spec?.nodeName && failedScheduling)) out.message = message ?? failedScheduling;
  return out;
}
