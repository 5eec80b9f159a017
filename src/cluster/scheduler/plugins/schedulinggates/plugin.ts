/** SchedulingGates (PreEnqueue): a pod with spec.schedulingGates waits outside the active queue. */
import { Action } from '../../framework/events';
import type { PodInfo } from '../../framework/podInfo';
import { Code, Status, type EnqueueExtensions, type PreEnqueuePlugin } from '../../framework/types';

export const Name = 'SchedulingGates';

export function newSchedulingGates(): PreEnqueuePlugin & EnqueueExtensions {
  return {
    name: Name,
    preEnqueue(pod: PodInfo) {
      const gates: { name: string }[] = pod.pod.spec?.schedulingGates ?? [];
      if (gates.length === 0) return null;
      return new Status(Code.UnschedulableAndUnresolvable, [`waiting for scheduling gates: [${gates.map((g) => g.name).join(' ')}]`], Name);
    },
    events: () => [
      {
        event: { resource: 'Pod', action: Action.UpdatePodSchedulingGatesEliminated },
        // Only the gated pod's own update can lift its gates.
        hint: (pod, _old, obj) => (obj?.metadata.uid === pod.uid ? 'Queue' : 'QueueSkip'),
      },
    ],
  };
}
