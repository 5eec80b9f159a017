import { describe, expect, it } from 'vitest';
import { makePod, makePodObject, verdict } from '../testing';
import { newSchedulingGates } from './plugin';

describe('SchedulingGates', () => {
  const pl = newSchedulingGates();
  it.each([
    { name: 'a pod without scheduling gates may be queued', gates: [], want: 'Success' },
    {
      name: 'a gated pod waits, naming its gates',
      gates: [{ name: 'example.com/foo' }, { name: 'example.com/bar' }],
      want: 'UnschedulableAndUnresolvable: waiting for scheduling gates: [example.com/foo example.com/bar]',
    },
  ])('$name', ({ gates, want }) => {
    expect(verdict(pl.preEnqueue(makePod('p', { spec: { schedulingGates: gates } })))).toBe(want);
  });

  it('only the gated pod’s own update may release it', () => {
    const pod = makePod('p', { uid: 'u1', spec: { schedulingGates: [{ name: 'g' }] } });
    const hint = pl.events()[0]!.hint!;
    expect(hint(pod, undefined, makePodObject('p', { uid: 'u1' }))).toBe('Queue');
    expect(hint(pod, undefined, makePodObject('other', { uid: 'u2' }))).toBe('QueueSkip');
  });
});
