/**
 * Pod-level stages: the kubelet accepts a bound pod, creates its sandbox (network namespace + IP),
 * and later stops it — because it is being deleted, its containers are all done, or its
 * activeDeadlineSeconds passed — then reports the terminal status and removes the object.
 */
import type { Stage } from './types';

export const podStages: Stage[] = [
  {
    name: 'pod-accept',
    subject: 'pod',
    match: { state: ['New'] },
    next: { state: 'Sandbox', effects: ['accept'] },
  },
  {
    // RunPodSandbox + CNI ADD: the pause container and an IP from the node's podCIDR.
    name: 'pod-sandbox-ready',
    subject: 'pod',
    match: { state: ['Sandbox'], deleting: [false] },
    delay: { ms: 400, jitterMs: 1200 },
    next: { state: 'Active', effects: ['sandbox'] },
  },
  {
    name: 'pod-terminate',
    subject: 'pod',
    match: { state: ['New', 'Sandbox', 'Active'], deleting: [true] },
    next: { state: 'Stopping', effects: ['terminate'] },
  },
  {
    // restartPolicy Never/OnFailure: every regular container finished (or an init container failed).
    name: 'pod-complete',
    subject: 'pod',
    match: { state: ['Active'], finished: [true] },
    next: { state: 'Stopping', effects: ['complete'] },
  },
  {
    name: 'pod-active-deadline',
    subject: 'pod',
    match: { state: ['Sandbox', 'Active'], deadline: [true] },
    delay: { from: 'activeDeadline' },
    next: {
      state: 'Stopping',
      effects: ['deadline'],
      events: [{ type: 'Normal', reason: 'DeadlineExceeded', message: 'Pod was active on the node longer than the specified deadline' }],
    },
  },
  {
    name: 'pod-stopped',
    subject: 'pod',
    match: { state: ['Stopping'], allStopped: [true] },
    next: { state: 'Terminal', effects: ['teardown'] },
  },
  {
    // The status manager deletes a terminated, deleted pod with grace period 0 once its final status is written.
    name: 'pod-delete',
    subject: 'pod',
    match: { state: ['Terminal'], deleting: [true] },
    delay: { ms: 50, jitterMs: 400 },
    next: { state: 'Deleted', effects: ['delete'] },
  },
];
