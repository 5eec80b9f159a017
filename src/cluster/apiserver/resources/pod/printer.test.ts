import { describe, expect, it } from 'vitest';
import type { KObject } from '../../../api/types';
import { podRow, podRowConditions, podStatusCells } from './printer';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

const NOW = Date.parse('2024-05-01T12:00:00Z');
const pod = (status: Json, spec: Json = {}, meta: Json = {}): Json => ({
  metadata: { name: 'p', creationTimestamp: '2024-05-01T11:00:00Z', ...meta },
  spec: { containers: [{ name: 'a' }], ...spec },
  status,
});
const running = (ready = true) => ({ name: 'a', ready, restartCount: 0, state: { running: { startedAt: '2024-05-01T11:00:05Z' } } });
const waiting = (reason: string) => ({ name: 'a', ready: false, restartCount: 0, state: { waiting: { reason } } });
const terminated = (t: Json) => ({ name: 'a', ready: false, restartCount: 0, state: { terminated: t } });

describe('pod STATUS / READY / RESTARTS cells', () => {
  it.each<[string, Json, Json, Json, { ready: string; status: string; restarts: string }]>([
    ['a new pod is Pending', { phase: 'Pending' }, {}, {}, { ready: '0/1', status: 'Pending', restarts: '0' }],
    ['a running ready pod', { phase: 'Running', containerStatuses: [running()] }, {}, {}, { ready: '1/1', status: 'Running', restarts: '0' }],
    [
      'a waiting reason wins',
      { phase: 'Pending', containerStatuses: [waiting('ContainerCreating')] },
      {},
      {},
      { ready: '0/1', status: 'ContainerCreating', restarts: '0' },
    ],
    [
      'CrashLoopBackOff with restarts and the last restart age',
      {
        phase: 'Running',
        containerStatuses: [
          { ...waiting('CrashLoopBackOff'), restartCount: 2, lastState: { terminated: { exitCode: 1, reason: 'Error', finishedAt: '2024-05-01T11:54:48Z' } } },
        ],
      },
      {},
      {},
      { ready: '0/1', status: 'CrashLoopBackOff', restarts: '2 (5m12s ago)' },
    ],
    ['Completed', { phase: 'Succeeded', containerStatuses: [terminated({ exitCode: 0, reason: 'Completed' })] }, {}, {}, { ready: '0/1', status: 'Completed', restarts: '0' }],
    ['an exit code without reason', { phase: 'Failed', containerStatuses: [terminated({ exitCode: 3 })] }, {}, {}, { ready: '0/1', status: 'ExitCode:3', restarts: '0' }],
    ['a signal without reason', { phase: 'Failed', containerStatuses: [terminated({ exitCode: 137, signal: 9 })] }, {}, {}, { ready: '0/1', status: 'Signal:9', restarts: '0' }],
    [
      'the first container decides (iterated last to first)',
      { phase: 'Pending', containerStatuses: [waiting('ErrImagePull'), { ...waiting('ContainerCreating'), name: 'b' }] },
      { containers: [{ name: 'a' }, { name: 'b' }] },
      {},
      { ready: '0/2', status: 'ErrImagePull', restarts: '0' },
    ],
    [
      'Completed with a running container becomes NotReady',
      { phase: 'Running', containerStatuses: [terminated({ exitCode: 0, reason: 'Completed' }), { ...running(), name: 'b' }] },
      { containers: [{ name: 'a' }, { name: 'b' }] },
      {},
      { ready: '1/2', status: 'NotReady', restarts: '0' },
    ],
    [
      'Completed with a running container and Ready condition becomes Running',
      {
        phase: 'Running',
        conditions: [{ type: 'Ready', status: 'True' }],
        containerStatuses: [terminated({ exitCode: 0, reason: 'Completed' }), { ...running(), name: 'b' }],
      },
      { containers: [{ name: 'a' }, { name: 'b' }] },
      {},
      { ready: '1/2', status: 'Running', restarts: '0' },
    ],
    [
      'init containers report Init:N/M',
      { phase: 'Pending', initContainerStatuses: [{ name: 'i1', restartCount: 0, state: { terminated: { exitCode: 0 } } }, { name: 'i2', restartCount: 0, state: { running: {} } }] },
      { initContainers: [{ name: 'i1' }, { name: 'i2' }] },
      {},
      { ready: '0/1', status: 'Init:1/2', restarts: '0' },
    ],
    [
      'a failing init container reports Init:<reason>',
      { phase: 'Pending', initContainerStatuses: [{ name: 'i1', restartCount: 3, state: { waiting: { reason: 'CrashLoopBackOff' } } }] },
      { initContainers: [{ name: 'i1' }] },
      {},
      { ready: '0/1', status: 'Init:CrashLoopBackOff', restarts: '3' },
    ],
    [
      'init exit codes',
      { phase: 'Failed', initContainerStatuses: [{ name: 'i1', restartCount: 0, state: { terminated: { exitCode: 2 } } }] },
      { initContainers: [{ name: 'i1' }] },
      {},
      { ready: '0/1', status: 'Init:ExitCode:2', restarts: '0' },
    ],
    [
      'started sidecars count as containers',
      { phase: 'Running', initContainerStatuses: [{ name: 's', ready: true, started: true, restartCount: 1, state: { running: {} } }], containerStatuses: [running()] },
      { initContainers: [{ name: 's', restartPolicy: 'Always' }] },
      {},
      { ready: '2/2', status: 'Running', restarts: '1' },
    ],
    [
      'scheduling gates show SchedulingGated',
      { phase: 'Pending', conditions: [{ type: 'PodScheduled', status: 'False', reason: 'SchedulingGated' }] },
      {},
      {},
      { ready: '0/1', status: 'SchedulingGated', restarts: '0' },
    ],
    ['deleting pods are Terminating', { phase: 'Running', containerStatuses: [running()] }, {}, { deletionTimestamp: '2024-05-01T12:00:30Z' }, { ready: '1/1', status: 'Terminating', restarts: '0' }],
    ['NodeLost pods being deleted are Unknown', { phase: 'Running', reason: 'NodeLost' }, {}, { deletionTimestamp: '2024-05-01T12:00:30Z' }, { ready: '0/1', status: 'Unknown', restarts: '0' }],
    ['terminal pods are not Terminating', { phase: 'Succeeded' }, {}, { deletionTimestamp: '2024-05-01T12:00:30Z' }, { ready: '0/1', status: 'Succeeded', restarts: '0' }],
    ['status.reason replaces the phase', { phase: 'Failed', reason: 'Evicted' }, {}, {}, { ready: '0/1', status: 'Evicted', restarts: '0' }],
  ])('%s', (_name, status, spec, meta, want) => {
    expect(podStatusCells(pod(status, spec, meta), NOW)).toEqual(want);
  });
});

describe('pod table row', () => {
  it('has the nine cells of -o wide', () => {
    const p = pod({ phase: 'Running', podIPs: [{ ip: '10.244.1.5' }], containerStatuses: [running()] }, { nodeName: 'node-1' });
    expect(podRow(p as KObject, NOW)).toEqual(['p', '1/1', 'Running', '0', '60m', '10.244.1.5', 'node-1', '<none>', '<none>']);
  });

  it('counts readiness gates that are True', () => {
    const p = pod({ phase: 'Running', conditions: [{ type: 'example.com/ok', status: 'True' }] }, { readinessGates: [{ conditionType: 'example.com/ok' }, { conditionType: 'x/y' }] });
    expect(podRow(p as KObject, NOW)[8]).toBe('1/2');
  });

  it.each([
    ['Succeeded', [{ type: 'Completed', status: 'True', reason: 'Succeeded', message: 'The pod has completed successfully.' }]],
    ['Failed', [{ type: 'Completed', status: 'True', reason: 'Failed', message: 'The pod failed.' }]],
    ['Running', undefined],
  ])('marks %s pods with row conditions %j', (phase, want) => {
    expect(podRowConditions(pod({ phase }) as KObject)).toEqual(want);
  });
});
