/**
 * `kubectl get pods` as the server prints it (pkg/printers/internalversion printPod, v1.32):
 * READY counts sidecars, STATUS walks init containers then containers last-to-first, RESTARTS
 * adds `(<age> ago)` of the latest termination. The server always fills the wide cells.
 */
import { humanDuration, translateTimestampSince } from '../../../api/duration';
import type { KObject } from '../../../api/types';
import type { Column } from '../../types';
import { ageColumn, nameColumn } from '../common';
import { isRestartableInitContainer } from './resources';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

export const podColumns: Column[] = [
  nameColumn,
  { name: 'Ready', type: 'string', description: 'The aggregate readiness state of this pod for accepting traffic.', priority: 0 },
  { name: 'Status', type: 'string', description: 'The aggregate status of the containers in this pod.', priority: 0 },
  {
    name: 'Restarts',
    type: 'string',
    description: 'The number of times the containers in this pod have been restarted and when the last container in this pod has restarted.',
    priority: 0,
  },
  ageColumn,
  { name: 'IP', type: 'string', description: 'podIP address allocated to the pod. Routable at least within the cluster. Empty if not yet allocated.', priority: 1 },
  {
    name: 'Node',
    type: 'string',
    description:
      'NodeName is a request to schedule this pod onto a specific node. If it is non-empty, the scheduler simply schedules this pod onto that node, assuming that it fits resource requirements.',
    priority: 1,
  },
  {
    name: 'Nominated Node',
    type: 'string',
    description:
      'nominatedNodeName is set only when this pod preempts other pods on the node, but it cannot be scheduled right away as preemption victims receive their graceful termination periods. This field does not guarantee that the pod will be scheduled on this node. Scheduler may decide to place the pod elsewhere if other nodes become available sooner. Scheduler may also decide to give the resources on this node to a higher priority pod that is created after preemption. As a result, this field may be different than PodSpec.nodeName when the pod is scheduled.',
    priority: 1,
  },
  {
    name: 'Readiness Gates',
    type: 'string',
    description:
      'If specified, all readiness gates will be evaluated for pod readiness. A pod is ready when all its containers are ready AND all conditions specified in the readiness gates have status equal to "True" More info: https://git.k8s.io/enhancements/keps/sig-network/580-pod-readiness-gates',
    priority: 1,
  },
];

const ms = (ts: unknown) => (typeof ts === 'string' ? Date.parse(ts) : NaN);
const hasCondition = (pod: Json, type: string) =>
  (pod.status?.conditions ?? []).some((c: Json) => c?.type === type && c?.status === 'True');

/** The STATUS, READY and RESTARTS cells of one pod. */
export function podStatusCells(pod: Json, nowMs: number): { ready: string; status: string; restarts: string } {
  const spec = pod.spec ?? {};
  const status = pod.status ?? {};
  let restarts = 0;
  let sidecarRestarts = 0;
  let total = (spec.containers ?? []).length;
  let ready = 0;
  let lastRestart = NaN;
  let lastSidecarRestart = NaN;
  const later = (a: number, b: number) => (Number.isNaN(a) || b > a ? b : a);
  let reason: string = status.reason || status.phase || '';
  for (const c of status.conditions ?? []) if (c?.type === 'PodScheduled' && c?.reason === 'SchedulingGated') reason = 'SchedulingGated';

  const initSpecs = new Map<string, Json>();
  for (const c of spec.initContainers ?? []) {
    initSpecs.set(c?.name, c);
    if (isRestartableInitContainer(c)) total++;
  }
  const initStatuses: Json[] = status.initContainerStatuses ?? [];
  const nInit = (spec.initContainers ?? []).length;
  let initializing = false;
  for (let i = 0; i < initStatuses.length; i++) {
    const c = initStatuses[i];
    const finished = ms(c?.lastState?.terminated?.finishedAt);
    restarts += c?.restartCount ?? 0;
    if (!Number.isNaN(finished)) lastRestart = later(lastRestart, finished);
    const sidecar = isRestartableInitContainer(initSpecs.get(c?.name));
    if (sidecar) {
      sidecarRestarts += c?.restartCount ?? 0;
      if (!Number.isNaN(finished)) lastSidecarRestart = later(lastSidecarRestart, finished);
    }
    const term = c?.state?.terminated;
    const waiting = c?.state?.waiting;
    if (term && (term.exitCode ?? 0) === 0) continue;
    if (sidecar && c?.started === true) {
      if (c?.ready) ready++;
      continue;
    }
    if (term) reason = term.reason ? `Init:${term.reason}` : term.signal ? `Init:Signal:${term.signal}` : `Init:ExitCode:${term.exitCode ?? 0}`;
    else if (waiting?.reason && waiting.reason !== 'PodInitializing') reason = `Init:${waiting.reason}`;
    else reason = `Init:${i}/${nInit}`;
    initializing = true;
    break;
  }

  if (!initializing || hasCondition(pod, 'Initialized')) {
    restarts = sidecarRestarts;
    lastRestart = lastSidecarRestart;
    let hasRunning = false;
    const statuses: Json[] = status.containerStatuses ?? [];
    for (let i = statuses.length - 1; i >= 0; i--) {
      const c = statuses[i];
      restarts += c?.restartCount ?? 0;
      const finished = ms(c?.lastState?.terminated?.finishedAt);
      if (!Number.isNaN(finished)) lastRestart = later(lastRestart, finished);
      const waiting = c?.state?.waiting;
      const term = c?.state?.terminated;
      if (waiting?.reason) reason = waiting.reason;
      else if (term?.reason) reason = term.reason;
      else if (term) reason = term.signal ? `Signal:${term.signal}` : `ExitCode:${term.exitCode ?? 0}`;
      else if (c?.ready && c?.state?.running) {
        hasRunning = true;
        ready++;
      }
    }
    if (reason === 'Completed' && hasRunning) reason = hasCondition(pod, 'Ready') ? 'Running' : 'NotReady';
  }

  const phase = status.phase;
  if (pod.metadata?.deletionTimestamp && status.reason === 'NodeLost') reason = 'Unknown';
  else if (pod.metadata?.deletionTimestamp && phase !== 'Succeeded' && phase !== 'Failed') reason = 'Terminating';

  let restartsCell = String(restarts);
  if (restarts !== 0 && !Number.isNaN(lastRestart)) restartsCell = `${restarts} (${humanDuration(nowMs - lastRestart)} ago)`;
  return { ready: `${ready}/${total}`, status: reason, restarts: restartsCell };
}

/** The full table row: NAME, READY, STATUS, RESTARTS, AGE, IP, NODE, NOMINATED NODE, READINESS GATES. */
export function podRow(pod: KObject, nowMs: number): unknown[] {
  const cells = podStatusCells(pod, nowMs);
  const gates: Json[] = pod.spec?.readinessGates ?? [];
  let readinessGates = '<none>';
  if (gates.length) {
    const conds: Json[] = pod.status?.conditions ?? [];
    const ok = gates.filter((g) => conds.find((c) => c?.type === g?.conditionType)?.status === 'True').length;
    readinessGates = `${ok}/${gates.length}`;
  }
  return [
    pod.metadata.name,
    cells.ready,
    cells.status,
    cells.restarts,
    translateTimestampSince(pod.metadata.creationTimestamp, nowMs),
    pod.status?.podIPs?.[0]?.ip || '<none>',
    pod.spec?.nodeName || '<none>',
    pod.status?.nominatedNodeName || '<none>',
    readinessGates,
  ];
}

/** Table row conditions: terminal pods are marked Completed. */
export function podRowConditions(pod: KObject): unknown[] | undefined {
  const phase = pod.status?.phase;
  if (phase === 'Succeeded')
    return [{ type: 'Completed', status: 'True', reason: 'Succeeded', message: 'The pod has completed successfully.' }];
  if (phase === 'Failed') return [{ type: 'Completed', status: 'True', reason: 'Failed', message: 'The pod failed.' }];
  return undefined;
}
