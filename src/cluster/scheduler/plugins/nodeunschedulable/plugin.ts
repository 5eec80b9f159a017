/** NodeUnschedulable (Filter): cordoned nodes (spec.unschedulable) only take pods tolerating node.kubernetes.io/unschedulable. */
import { Action } from '../../framework/events';
import type { NodeInfo } from '../../framework/nodeInfo';
import { FLAGS, F_UNSCHEDULABLE, ROW } from '../../framework/nodeTable';
import type { PodInfo } from '../../framework/podInfo';
import { tolerationsTolerateTaint } from '../../framework/taints';
import { Code, Status, type EnqueueExtensions, type FilterPlugin } from '../../framework/types';

export const Name = 'NodeUnschedulable';
export const ErrReasonUnschedulable = 'node(s) were unschedulable';

const UNSCHEDULABLE_TAINT = { key: 'node.kubernetes.io/unschedulable', value: '', effect: 'NoSchedule' };
const REJECT = new Status(Code.UnschedulableAndUnresolvable, [ErrReasonUnschedulable], Name);

const fits = (pod: PodInfo, unschedulable: boolean) => !unschedulable || tolerationsTolerateTaint(pod.tolerations, UNSCHEDULABLE_TAINT);

export function newNodeUnschedulable(): FilterPlugin & EnqueueExtensions {
  return {
    name: Name,
    filter(_state, pod: PodInfo, node: NodeInfo) {
      return fits(pod, node.unschedulable) ? null : REJECT;
    },
    filterAll(_state, pod, nodes, out, n, rows) {
      if (rows) {
        // Rows carry the cordon flag: no NodeInfo is touched unless a node is cordoned.
        if (rows.table.flagged(F_UNSCHEDULABLE) === 0 || fits(pod, true)) return;
        const d = rows.table.data;
        const idx = rows.idx;
        for (let i = 0; i < n; i++) if (out[i] === null && d[idx[i]! * ROW + FLAGS]! & F_UNSCHEDULABLE && !fits(pod, true)) out[i] = REJECT;
      } else for (let i = 0; i < n; i++) if (out[i] === null && nodes[i]!.unschedulable && !fits(pod, true)) out[i] = REJECT;
    },
    events: () => [
      {
        event: { resource: 'Node', action: Action.Add | Action.UpdateNodeTaint },
        hint: (pod, old, obj) =>
          obj && fits(pod, obj.spec?.unschedulable === true) && !(old && fits(pod, old.spec?.unschedulable === true)) ? 'Queue' : 'QueueSkip',
      },
    ],
  };
}
