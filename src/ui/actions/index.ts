/**
 * What the person can ask of the cluster, as one-line calls for components and shortcuts. Each
 * goes to the worker as a protocol request (which makes the real API calls); the result or error
 * becomes a short toast, and the picture changes when the worker's deltas arrive.
 */
import type { RequestOf, RequestType } from '../../protocol/messages';
import { SPEEDS } from '../../protocol/messages';
import type { NodeFault, ObjectRef, PodFault } from '../../protocol/views';
import { engine, mirror } from '../bridge';
import { ui, useUi } from '../state/uiStore';

async function send<T extends RequestType>(req: RequestOf<T>, done?: string): Promise<boolean> {
  try {
    await engine.request(req);
    if (done) ui.toast(done);
    return true;
  } catch (e) {
    ui.toast(e instanceof Error ? e.message : String(e), true);
    return false;
  }
}

export const actions = {
  scale: (ref: ObjectRef, replicas: number) => send({ type: 'workload.scale', ref, replicas }, `Scaled ${ref.kind.toLowerCase()}/${ref.name} to ${replicas}`),
  cordon: (node: string) => send({ type: 'node.cordon', node }, `Cordoned ${node}: no new pods will be scheduled there`),
  uncordon: (node: string) => send({ type: 'node.uncordon', node }, `Uncordoned ${node}`),
  drain: (node: string) => send({ type: 'node.drain', node }, `Draining ${node}: its pods are being evicted`),
  fault: (node: string, fault: NodeFault | null) =>
    send({ type: 'node.fault', node, fault }, fault === 'down' ? `${node} is down: its kubelet stopped` : fault ? `${node} is cut off from the control plane` : `${node} recovered`),
  deleteNode: (node: string) => send({ type: 'node.delete', node }, `Deleted node ${node}`),
  addNode: () => send({ type: 'node.add' }, 'Added a node'),
  deletePod: (namespace: string, name: string) => send({ type: 'pod.delete', namespace, name }, `Deleting pod ${name}`),
  podFault: (namespace: string, name: string, fault: PodFault | null) =>
    send({ type: 'pod.fault', namespace, name, fault }, fault ? `Injected ${fault} into ${name}` : `Cleared the fault of ${name}`),

  play: () => send({ type: 'sim.play' }),
  pause: () => send({ type: 'sim.pause' }),
  togglePlay: () => (mirror.getState().clock.playing ? actions.pause() : actions.play()),
  step: () => send({ type: 'sim.step' }),
  setSpeed: (speed: number) => {
    useUi.setState({ speed });
    return send({ type: 'sim.speed', speed });
  },
  /** One notch faster (+1) or slower (−1) on the board's speed scale. */
  nudgeSpeed: (dir: 1 | -1) => {
    const cur = useUi.getState().speed;
    let i = SPEEDS.findIndex((s) => s >= cur);
    if (i < 0) i = SPEEDS.length - 1;
    if (SPEEDS[i] !== cur && dir < 0) i++;
    const next = SPEEDS[Math.min(SPEEDS.length - 1, Math.max(0, i + dir))];
    return actions.setSpeed(next);
  },
  restart: () => engine.restart(),
};
