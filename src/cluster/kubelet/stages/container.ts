/**
 * Container stages: wait for its turn (init containers run one by one, sidecars must start first),
 * create and start, run until the process exits or is stopped, then restart per restartPolicy with
 * the CrashLoopBackOff delay (10 s, 20 s, 40 s … 5 min). Event texts are the 1.32 kubelet's.
 */
import type { Stage } from './types';

const PLEG = { ms: 100, jitterMs: 900 }; // PLEG relists every second: exits are noticed within ~1 s
const RUNTIME = { ms: 80, jitterMs: 320 }; // CreateContainer + StartContainer

export const containerStages: Stage[] = [
  { name: 'container-turn', subject: 'container', match: { state: ['Waiting'], turn: [true] }, next: { state: 'Pull' } },
  {
    name: 'container-start',
    subject: 'container',
    match: { state: ['Creating'], podState: ['Active'], startError: [false] },
    delay: RUNTIME,
    next: {
      state: 'Running',
      effects: ['create', 'start'],
      events: [
        { type: 'Normal', reason: 'Created', message: 'Created container {container}' },
        { type: 'Normal', reason: 'Started', message: 'Started container {container}' },
      ],
    },
  },
  {
    name: 'container-start-error',
    subject: 'container',
    match: { state: ['Creating'], podState: ['Active'], startError: [true] },
    delay: RUNTIME,
    next: {
      state: 'Exited',
      effects: ['create', 'startFailed'],
      events: [
        { type: 'Normal', reason: 'Created', message: 'Created container {container}' },
        { type: 'Warning', reason: 'Failed', message: 'Error: {startError}' },
      ],
    },
  },
  {
    name: 'container-exit',
    subject: 'container',
    match: { state: ['Running'], exits: [true], kill: [''], podState: ['Active', 'Stopping'] },
    delay: { from: 'processExit' },
    next: { state: 'Exited', effects: ['exit'] },
  },
  {
    name: 'container-stop-for-pod',
    subject: 'container',
    match: { state: ['Running'], podState: ['Stopping'], kind: ['app', 'init'] },
    next: { state: 'Stopping', effects: ['stopRequest'], events: [{ type: 'Normal', reason: 'Killing', message: 'Stopping container {container}' }] },
  },
  {
    // Sidecars stop after the regular containers, so they serve them to the end.
    name: 'sidecar-stop-for-pod',
    subject: 'container',
    match: { state: ['Running'], podState: ['Stopping'], kind: ['sidecar'], appsStopped: [true] },
    next: { state: 'Stopping', effects: ['stopRequest'], events: [{ type: 'Normal', reason: 'Killing', message: 'Stopping container {container}' }] },
  },
  {
    name: 'container-kill-liveness',
    subject: 'container',
    match: { state: ['Running'], kill: ['liveness'], podState: ['Active'] },
    next: { state: 'Stopping', effects: ['stopRequest'], events: [{ type: 'Normal', reason: 'Killing', message: 'Container {container} failed liveness probe, will be restarted' }] },
  },
  {
    name: 'container-kill-startup',
    subject: 'container',
    match: { state: ['Running'], kill: ['startup'], podState: ['Active'] },
    next: { state: 'Stopping', effects: ['stopRequest'], events: [{ type: 'Normal', reason: 'Killing', message: 'Container {container} failed startup probe, will be restarted' }] },
  },
  {
    name: 'container-kill-changed',
    subject: 'container',
    match: { state: ['Running'], kill: ['changed'], podState: ['Active'] },
    next: { state: 'Stopping', effects: ['stopRequest'], events: [{ type: 'Normal', reason: 'Killing', message: 'Container {container} definition changed, will be restarted' }] },
  },
  { name: 'container-stopped', subject: 'container', match: { state: ['Stopping'] }, delay: { from: 'stopExit' }, next: { state: 'Exited', effects: ['stopped'] } },
  {
    // A container that never started is left as it is when the pod stops.
    name: 'container-abandon',
    subject: 'container',
    match: { state: ['Waiting', 'Pull', 'Pulling', 'ErrImagePull', 'ImagePullBackOff', 'ErrImageNeverPull', 'InvalidImageName', 'Creating', 'CrashLoopBackOff'], podState: ['Stopping'] },
    next: { state: 'Done' },
  },
  { name: 'container-done', subject: 'container', match: { state: ['Exited'], restart: [false] }, next: { state: 'Done' } },
  // The first exit restarts at once; the next ones wait out the back-off (doBackOff).
  { name: 'container-restart', subject: 'container', match: { state: ['Exited'], restart: [true], crashBackOff: ['none'] }, delay: PLEG, next: { state: 'Pull', effects: ['backOffNext'] } },
  {
    name: 'container-crashloop',
    subject: 'container',
    match: { state: ['Exited'], restart: [true], crashBackOff: ['active'] },
    delay: PLEG,
    next: {
      state: 'CrashLoopBackOff',
      effects: ['crashWaiting'],
      events: [{ type: 'Warning', reason: 'BackOff', message: 'Back-off restarting failed container {container} in pod {podRef}' }],
    },
  },
  {
    // While backing off the pod is re-synced every 10–15 s, each time meeting the back-off again.
    name: 'crashloop-resync',
    subject: 'container',
    match: { state: ['CrashLoopBackOff'], podState: ['Active'] },
    delay: { ms: 10_000, jitterMs: 5_000 },
    next: { state: 'CrashLoopBackOff', events: [{ type: 'Warning', reason: 'BackOff', message: 'Back-off restarting failed container {container} in pod {podRef}' }] },
  },
  {
    name: 'crashloop-restart',
    subject: 'container',
    match: { state: ['CrashLoopBackOff'], podState: ['Active'] },
    delay: { from: 'crashBackOff', jitterMs: 500 },
    next: { state: 'Pull', effects: ['backOffNext'] },
  },
];
