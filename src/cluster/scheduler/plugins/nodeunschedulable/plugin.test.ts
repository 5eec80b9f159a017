import { describe, expect, it } from 'vitest';
import { makeNode, makePod, testHandle, verdict } from '../testing';
import { newNodeUnschedulable } from './plugin';

describe('NodeUnschedulable', () => {
  const pl = newNodeUnschedulable();
  it.each([
    { name: 'a schedulable node fits any pod', unschedulable: false, tolerations: undefined, want: 'Success' },
    { name: 'a cordoned node rejects pods', unschedulable: true, tolerations: undefined, want: 'UnschedulableAndUnresolvable: node(s) were unschedulable' },
    {
      name: 'a cordoned node takes pods tolerating node.kubernetes.io/unschedulable:NoSchedule',
      unschedulable: true,
      tolerations: [{ key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoSchedule' }],
      want: 'Success',
    },
    { name: 'a toleration of everything also tolerates cordoning', unschedulable: true, tolerations: [{ operator: 'Exists' }], want: 'Success' },
    {
      name: 'a NoExecute-only toleration does not',
      unschedulable: true,
      tolerations: [{ key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoExecute' }],
      want: 'UnschedulableAndUnresolvable: node(s) were unschedulable',
    },
  ])('$name', ({ unschedulable, tolerations, want }) => {
    const h = testHandle([makeNode('n1', { unschedulable })]);
    const pod = makePod('p', { tolerations });
    expect(verdict(pl.filter(undefined as never, pod, h.cache.get('n1')!))).toBe(want);
    const out = [null];
    pl.filterAll!(undefined as never, pod, [h.cache.get('n1')!], out, 1);
    expect(verdict(out[0]!)).toBe(want);
  });

  it('an uncordoned node requeues pods it rejected', () => {
    const hint = pl.events()[0]!.hint!;
    expect(hint(makePod('p'), makeNode('n', { unschedulable: true }), makeNode('n'))).toBe('Queue');
    expect(hint(makePod('p'), makeNode('n', { unschedulable: true }), makeNode('n', { unschedulable: true, labels: { a: 'b' } }))).toBe('QueueSkip');
  });
});
