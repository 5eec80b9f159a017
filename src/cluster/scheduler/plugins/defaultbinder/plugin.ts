/** DefaultBinder (Bind): POST pods/<name>/binding, which sets spec.nodeName. */
import type { Handle } from '../../framework/handle';
import type { PodInfo } from '../../framework/podInfo';
import { asStatus, type BindPlugin } from '../../framework/types';

export const Name = 'DefaultBinder';

export function newDefaultBinder(h: Handle): BindPlugin {
  return {
    name: Name,
    bind(_state, pod: PodInfo, nodeName: string) {
      try {
        h.client.bind(pod.namespace, pod.name, nodeName);
        return null;
      } catch (e) {
        return asStatus(e, Name);
      }
    },
  };
}
