import { describe, expect, it } from 'vitest';
import { filterVerdicts, makeNode, makePod, makePodObject, testHandle } from '../testing';
import { newNodePorts } from './plugin';

const REJECT = "Unschedulable: node(s) didn't have free ports for the requested pod ports";

describe('NodePorts', () => {
  const pl = newNodePorts();
  it.each([
    { name: 'a pod without host ports fits (PreFilter skips)', existing: [{ hostPort: 80 }], want: [], result: 'Success' },
    { name: 'a free host port fits', existing: [{ hostPort: 80 }], want: [{ hostPort: 8080 }], result: 'Success' },
    { name: 'a used host port does not', existing: [{ hostPort: 80 }], want: [{ hostPort: 80 }], result: REJECT },
    { name: 'the same port on another protocol is free', existing: [{ hostPort: 53 }], want: [{ hostPort: 53, protocol: 'UDP' }], result: 'Success' },
    { name: 'different host IPs do not conflict', existing: [{ hostPort: 80, hostIP: '10.0.0.1' }], want: [{ hostPort: 80, hostIP: '10.0.0.2' }], result: 'Success' },
    { name: '0.0.0.0 conflicts with any IP', existing: [{ hostPort: 80, hostIP: '10.0.0.1' }], want: [{ hostPort: 80 }], result: REJECT },
    { name: 'a specific IP conflicts with 0.0.0.0', existing: [{ hostPort: 80 }], want: [{ hostPort: 80, hostIP: '10.0.0.2' }], result: REJECT },
  ])('$name', ({ existing, want, result }) => {
    const h = testHandle([makeNode('n1')], [makePod('old', { node: 'n1', hostPorts: existing })]);
    expect(filterVerdicts(pl, makePod('p', { hostPorts: want.length ? want : undefined }), [h.cache.get('n1')!])).toEqual([result]);
  });

  it('deleting a scheduled pod that held a wanted port requeues', () => {
    const hint = pl.events()[0]!.hint!;
    const pod = makePod('p', { hostPorts: [{ hostPort: 80 }] });
    expect(hint(pod, makePodObject('old', { node: 'n1', hostPorts: [{ hostPort: 80 }] }), undefined)).toBe('Queue');
    expect(hint(pod, makePodObject('old', { node: 'n1', hostPorts: [{ hostPort: 81 }] }), undefined)).toBe('QueueSkip');
  });
});
