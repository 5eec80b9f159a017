/** Accessible names for what the board draws, as a screen reader (and a test) reads them. */
import type { NodeView, PodView, ServiceView, WorkloadView } from '../../protocol/views';

export function podLabel(p: PodView): string {
  const where = p.node ? `node ${p.node}` : 'not scheduled';
  const fault = p.fault ? `, fault ${p.fault}` : '';
  return `pod ${p.name}, ${p.status}, ${where}${fault}`;
}

export function nodeReadiness(n: NodeView): string {
  return n.ready === 'True' ? 'Ready' : n.ready === 'False' ? 'NotReady' : 'NotReady (unknown)';
}

export function nodeLabel(n: NodeView, pods: number): string {
  const parts = [`node ${n.name}`, nodeReadiness(n)];
  if (n.unschedulable) parts.push('cordoned');
  if (n.fault) parts.push(`fault ${n.fault}`);
  if (n.role) parts.push(n.role);
  parts.push(`${pods} ${pods === 1 ? 'pod' : 'pods'}`);
  return parts.join(', ');
}

export function serviceLabel(s: ServiceView, ready: number): string {
  return `service ${s.name}, ${ready} ready ${ready === 1 ? 'endpoint' : 'endpoints'}`;
}

export function workloadLabel(w: WorkloadView): string {
  return `${w.kind.toLowerCase()} ${w.name}, ${w.ready} of ${w.desired} ready`;
}
