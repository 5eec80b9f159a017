/**
 * "Why this node / why Pending" for a pod. The scheduler's explainer (per-node Filter verdicts and
 * Score breakdowns, src/cluster/scheduler/explain.ts) is the real answer; until it is available
 * this falls back to what the pod's own status says (PodScheduled condition and the
 * FailedScheduling event), which is what `kubectl describe` shows.
 */
import type { Cluster } from '../../cluster/cluster';
import type { KObject } from '../../cluster/api/types';
import type { SchedulingExplanation } from '../../protocol/messages';

export function explainPod(_cluster: Cluster, pod: KObject, failedScheduling?: string): SchedulingExplanation {
  const cond = (pod.status?.conditions ?? []).find((c: { type: string }) => c.type === 'PodScheduled') as { status: string; message?: string } | undefined;
  const out: SchedulingExplanation = { source: 'conditions', nodes: [] };
  if (pod.spec?.nodeName) out.chosen = pod.spec.nodeName;
  const message = cond?.status === 'False' ? cond.message : undefined;
  if (message || (!pod.spec?.nodeName && failedScheduling)) out.message = message ?? failedScheduling;
  return out;
}
