import { describe, expect, it } from 'vitest';
import { makePod } from '../testing';
import { less } from './plugin';

describe('PrioritySort', () => {
  const q = (priority: number, timestamp: number, seq = 0) => ({ podInfo: makePod('p', { priority }), timestamp, seq });
  it.each([
    { name: 'a higher priority pod goes first', a: q(100, 2), b: q(10, 1), want: true },
    { name: 'a lower priority pod goes after, however early', a: q(10, 1), b: q(100, 2), want: false },
    { name: 'with equal priority the earlier timestamp goes first', a: q(5, 1), b: q(5, 2), want: true },
    { name: 'with equal priority and timestamp the earlier enqueue goes first', a: q(5, 1, 1), b: q(5, 1, 2), want: true },
    { name: 'a pod without priority counts as 0', a: { podInfo: makePod('p'), timestamp: 1, seq: 0 }, b: q(-1, 0), want: true },
  ])('$name', ({ a, b, want }) => {
    expect(less(a, b)).toBe(want);
  });
});
