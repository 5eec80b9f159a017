/** NodePorts: a pod asking for hostPorts fits only nodes where those (ip, protocol, port) are free. */
import { Action, UPDATE } from '../../framework/events';
import type { NodeInfo } from '../../framework/nodeInfo';
import type { HostPort, PodInfo } from '../../framework/podInfo';
import { Code, SKIP, Status, stateKey, type EnqueueExtensions, type FilterPlugin, type PreFilterPlugin } from '../../framework/types';

export const Name = 'NodePorts';
export const ErrReason = "node(s) didn't have free ports for the requested pod ports";

const preFilterKey = stateKey<readonly HostPort[]>(`PreFilter${Name}`);
const REJECT = new Status(Code.Unschedulable, [ErrReason], Name);

/** fitsPorts. */
export function fitsPorts(want: readonly HostPort[], node: NodeInfo): boolean {
  for (const p of want) if (node.portConflicts(p)) return false;
  return true;
}

// Two port sets conflict when a protocol/port pair repeats and the IPs overlap (0.0.0.0 overlaps all).
function portsConflict(a: readonly HostPort[], b: readonly HostPort[]): boolean {
  for (const x of a)
    for (const y of b)
      if (x.port === y.port && x.protocol === y.protocol && (x.ip === y.ip || x.ip === '0.0.0.0' || y.ip === '0.0.0.0')) return true;
  return false;
}

export function newNodePorts(): PreFilterPlugin & FilterPlugin & EnqueueExtensions {
  return {
    name: Name,
    preFilter(state, pod: PodInfo) {
      if (pod.hostPorts.length === 0) return SKIP;
      state.write(preFilterKey, pod.hostPorts);
      return null;
    },
    filter(state, pod: PodInfo, node: NodeInfo) {
      const want = state.read(preFilterKey) ?? pod.hostPorts;
      return fitsPorts(want, node) ? null : REJECT;
    },
    filterAll(state, pod, nodes, out, n) {
      const want = state.read(preFilterKey) ?? pod.hostPorts;
      for (let i = 0; i < n; i++) if (out[i] === null && !fitsPorts(want, nodes[i]!)) out[i] = REJECT;
    },
    events: () => [
      {
        event: { resource: 'Pod', action: Action.Delete },
        hint: (pod, old) => {
          if (!old?.spec?.nodeName) return 'QueueSkip';
          const freed: HostPort[] = [];
          for (const c of old.spec?.containers ?? [])
            for (const p of c?.ports ?? []) if (p?.hostPort > 0) freed.push({ ip: p.hostIP || '0.0.0.0', protocol: p.protocol || 'TCP', port: p.hostPort });
          return portsConflict(pod.hostPorts, freed) ? 'Queue' : 'QueueSkip';
        },
      },
      { event: { resource: 'Node', action: Action.Add | UPDATE } },
    ],
  };
}
