/**
 * TaintToleration: Filter rejects nodes with a NoSchedule/NoExecute taint the pod doesn't
 * tolerate; Score counts intolerable PreferNoSchedule taints (fewer is better, normalized reversed).
 */
import type { KObject } from '../../../api/types';
import type { Handle } from '../../framework/handle';
import { Action } from '../../framework/events';
import type { NodeInfo } from '../../framework/nodeInfo';
import { FLAGS, F_HARD_TAINT, ROW } from '../../framework/nodeTable';
import { defaultNormalizeScore } from '../../framework/normalize';
import type { PodInfo } from '../../framework/podInfo';
import { doNotSchedule, findUntoleratedTaint, parseTaints, tolerationsTolerateTaint, type Toleration } from '../../framework/taints';
import { Code, MAX_NODE_SCORE, Status, stateKey, type CycleState, type EnqueueExtensions, type FilterPlugin, type PreScorePlugin, type ScorePlugin } from '../../framework/types';

export const Name = 'TaintToleration';

const preScoreKey = stateKey<readonly Toleration[]>(`PreScore${Name}`);

// Statuses are built once per distinct taint: the filter runs for every node of every pod.
const rejections = new Map<string, Status>();
function reject(key: string, value: string): Status {
  const k = `${key}\0${value}`;
  let s = rejections.get(k);
  if (!s) rejections.set(k, (s = new Status(Code.UnschedulableAndUnresolvable, [`node(s) had untolerated taint {${key}: ${value}}`], Name)));
  return s;
}

const tolerable = (pod: PodInfo, node: KObject | undefined) =>
  node !== undefined && findUntoleratedTaint(parseTaints(node.spec?.taints), pod.tolerations, doNotSchedule) === undefined;

function filter(pod: PodInfo, node: NodeInfo): Status | null {
  if (node.taints.length === 0) return null;
  const t = findUntoleratedTaint(node.taints, pod.tolerations, doNotSchedule);
  return t ? reject(t.key, t.value) : null;
}

function score(state: CycleState, node: NodeInfo): number {
  if (node.taints.length === 0) return 0;
  const tols = state.read(preScoreKey) ?? [];
  let n = 0;
  for (const t of node.taints) if (t.effect === 'PreferNoSchedule' && !tolerationsTolerateTaint(tols, t)) n++;
  return n;
}

export function newTaintToleration(h?: Handle): FilterPlugin & PreScorePlugin & ScorePlugin & EnqueueExtensions {
  return {
    name: Name,
    filter: (_state, pod: PodInfo, node: NodeInfo) => filter(pod, node),
    filterAll(_state, pod, nodes, out, n, rows) {
      if (rows) {
        // Only rows flagged with a NoSchedule/NoExecute taint can reject.
        if (rows.table.flagged(F_HARD_TAINT) === 0) return;
        const d = rows.table.data;
        const idx = rows.idx;
        for (let i = 0; i < n; i++) if (out[i] === null && d[idx[i]! * ROW + FLAGS]! & F_HARD_TAINT) out[i] = filter(pod, nodes[i]!);
      } else for (let i = 0; i < n; i++) if (out[i] === null && nodes[i]!.taints.length) out[i] = filter(pod, nodes[i]!);
    },
    preScore(state, pod: PodInfo) {
      // getAllTolerationPreferNoSchedule: tolerations with an empty or PreferNoSchedule effect.
      state.write(preScoreKey, pod.tolerations.filter((t) => t.effect === '' || t.effect === 'PreferNoSchedule'));
      return null;
    },
    score: (state, _pod, node: NodeInfo) => score(state, node),
    scoreAll(state, _pod, nodes, out, n) {
      // Without PreferNoSchedule taints anywhere every node scores 0.
      if (h && !h.cache.anyPreferNoSchedule) out.fill(0, 0, n);
      else for (let i = 0; i < n; i++) out[i] = score(state, nodes[i]!);
    },
    // No PreferNoSchedule taint anywhere: every node scores 0, which normalizes (reversed) to 100.
    uniformScore: () => (h && !h.cache.anyPreferNoSchedule ? MAX_NODE_SCORE : null),
    normalizeScore(_state, _pod, scores, n) {
      return defaultNormalizeScore(MAX_NODE_SCORE, true, scores, n);
    },
    events: () => [
      {
        event: { resource: 'Node', action: Action.Add | Action.UpdateNodeTaint },
        hint: (pod, old, obj) => (tolerable(pod, obj) && !tolerable(pod, old) ? 'Queue' : 'QueueSkip'),
      },
      { event: { resource: 'Pod', action: Action.UpdatePodTolerations }, hint: (pod, _o, obj) => (obj?.metadata.uid === pod.uid ? 'Queue' : 'QueueSkip') },
    ],
  };
}
