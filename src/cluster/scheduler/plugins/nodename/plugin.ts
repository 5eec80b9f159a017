/** NodeName (Filter): a pod naming spec.nodeName fits only that node. */
import { Action } from '../../framework/events';
import type { NodeInfo } from '../../framework/nodeInfo';
import type { PodInfo } from '../../framework/podInfo';
import { Code, Status, type EnqueueExtensions, type FilterPlugin } from '../../framework/types';

export const Name = 'NodeName';
export const ErrReason = "node(s) didn't match the requested node name";

const REJECT = new Status(Code.UnschedulableAndUnresolvable, [ErrReason], Name);

export function newNodeName(): FilterPlugin & EnqueueExtensions {
  return {
    name: Name,
    filter(_state, pod: PodInfo, node: NodeInfo) {
      const want: string | undefined = pod.pod.spec?.nodeName;
      return !want || want === node.name ? null : REJECT;
    },
    filterAll(_state, pod, nodes, out, n) {
      const want: string | undefined = pod.pod.spec?.nodeName;
      if (!want) return;
      for (let i = 0; i < n; i++) if (out[i] === null && nodes[i]!.name !== want) out[i] = REJECT;
    },
    events: () => [
      { event: { resource: 'Node', action: Action.Add }, hint: (pod, _o, obj) => (obj?.metadata.name === pod.pod.spec?.nodeName ? 'Queue' : 'QueueSkip') },
    ],
  };
}
