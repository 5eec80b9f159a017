import { describe, expect, it } from 'vitest';
import { createCluster } from '../cluster';
import { SimClock, rfc3339 } from './clock';

describe('SimClock', () => {
  it('fires timers in time order, ties in the order they were set', () => {
    const c = new SimClock(0);
    const seen: string[] = [];
    c.after(20, () => seen.push('b'));
    c.after(10, () => seen.push('a1'));
    c.after(10, () => seen.push('a2'));
    c.advance(25);
    expect(seen).toEqual(['a1', 'a2', 'b']);
    expect(c.now()).toBe(25);
  });

  it('moves in whole milliseconds when a wall-driven caller passes a fraction', () => {
    const c = new SimClock(1000);
    c.advanceTo(1500.73);
    expect(c.now()).toBe(1500);
  });

  it('stops early when the driver asks to yield, and resumes where it stopped with the same outcome', () => {
    const c = new SimClock(0);
    const seen: number[] = [];
    for (let i = 0; i < 5; i++) c.after(10, () => seen.push(i));
    let calls = 0;
    expect(c.advanceTo(10, () => ++calls === 2)).toBe(false);
    expect(seen).toEqual([0, 1]);
    expect(c.advanceTo(20)).toBe(true);
    expect(seen).toEqual([0, 1, 2, 3, 4]);
    expect(c.now()).toBe(20);
  });

  it('formats API times with second precision', () => {
    expect(rfc3339(Date.UTC(2025, 0, 1, 0, 0, 5, 999))).toBe('2025-01-01T00:00:05Z');
  });
});

describe('a cluster driven at fractional times', () => {
  it('still records the scheduler\'s FailedScheduling event', () => {
    const c = createCluster({ seed: 3 });
    c.clock.advanceTo(c.clock.now() + 5000.37);
    const def = c.api.registry.get('', 'pods')!;
    c.api.create(def, 'default', {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'big' },
      spec: { containers: [{ name: 'c', image: 'nginx', resources: { requests: { cpu: '100' } } }] },
    });
    c.clock.advanceTo(c.clock.now() + 2000.61);
    const reasons = c.store
      .list('events', {})
      .items.filter((e) => e.involvedObject.name === 'big')
      .map((e) => e.reason);
    expect(reasons).toContain('FailedScheduling');
  });
});
