import { describe, expect, it } from 'vitest';
import type { KObject } from '../../api/types';
import { pod } from '../endpoints/testkit';
import { failedStatus, isTerminated, ORPHAN_CONDITION, outOfServiceNode, terminatedToDelete } from './reconcile';

const aged = (name: string, minute: number, extra: Partial<KObject['status']> = {}): KObject => {
  const p = pod({ name, phase: 'Succeeded', creationTimestamp: `2025-01-01T00:0${minute}:00Z` });
  return { ...p, status: { ...p.status, ...extra } };
};

describe('pod GC', () => {
  const phases: [string, boolean][] = [['Pending', false], ['Running', false], ['Unknown', false], ['Succeeded', true], ['Failed', true]];
  for (const [phase, want] of phases) it(`a ${phase} pod ${want ? 'is' : 'is not'} terminated`, () => expect(isTerminated(pod({ name: 'a', phase }))).toBe(want));

  it('deletes only the terminated pods over the threshold, oldest first', () => {
    expect(terminatedToDelete([aged('c', 3), aged('a', 1), aged('b', 2)], 1).map((p) => p.metadata.name)).toEqual(['a', 'b']);
  });
  it('deletes evicted pods before older ones', () => {
    expect(terminatedToDelete([aged('old', 1), aged('evicted', 5, { phase: 'Failed', reason: 'Evicted' })], 1).map((p) => p.metadata.name)).toEqual(['evicted']);
  });
  it('does nothing under the threshold', () => expect(terminatedToDelete([aged('a', 1)], 12_500)).toEqual([]));

  it('marks a running orphan Failed with the DisruptionTarget condition', () => {
    const s = failedStatus(pod({ name: 'a' }), ORPHAN_CONDITION, 'T')!;
    expect(s.phase).toBe('Failed');
    expect(s.conditions.at(-1)).toEqual({ ...ORPHAN_CONDITION, lastProbeTime: null, lastTransitionTime: 'T' });
  });
  it('leaves the status of terminal pods alone', () => expect(failedStatus(pod({ name: 'a', phase: 'Succeeded' }), undefined, 'T')).toBeUndefined());

  it('treats a not-ready node with the out-of-service taint as out of service', () => {
    const node = (ready: string, taint: boolean): KObject => ({
      metadata: { name: 'n' },
      spec: taint ? { taints: [{ key: 'node.kubernetes.io/out-of-service', effect: 'NoExecute' }] } : {},
      status: { conditions: [{ type: 'Ready', status: ready }] },
    });
    expect([outOfServiceNode(node('False', true)), outOfServiceNode(node('True', true)), outOfServiceNode(node('Unknown', false))]).toEqual([true, false, false]);
  });
});
