import type { KObject } from '../../api/types';
import type { Client } from '../../client/client';

const CONTROL_PLANE = 'node-role.kubernetes.io/control-plane';

/**
 * The address the `kubernetes` Service points at: the control-plane node's InternalIP (the
 * kube-apiserver's advertise address on a kubeadm cluster). Nodes are found through the label index.
 */
export function apiserverIP(client: Client): string | undefined {
  const nodes = client.list('nodes', { selector: [{ key: CONTROL_PLANE, op: 'Exists', values: [] }] });
  const node: KObject | undefined = nodes[0];
  return node?.status?.addresses?.find((a: { type: string }) => a.type === 'InternalIP')?.address;
}

/** True for the Service whose endpoints the API server itself maintains. */
export const isApiserverService = (ns: string, name: string) => ns === 'default' && name === 'kubernetes';
