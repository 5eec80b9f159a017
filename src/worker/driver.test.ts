/**
 * Speed changes pace, never outcomes: the same session driven by the wall clock at ×0.25 and at
 * ×100 (with a fake wall clock) reaches the same simulated moment with the same objects.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Session } from './session';

afterEach(() => vi.useRealTimers());

const RESOURCES = ['pods', 'apps/replicasets', 'apps/deployments', 'nodes', 'events', 'endpoints'];

/** Plays a fresh session at `speed` until `simMs` of simulated time passed; returns its objects. */
function playFor(speed: number, simMs: number): string {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
  const s = new Session(11, () => {});
  try {
    s.start({ type: 'session.start', seed: 11, journal: [], playing: false, speed });
    s.apply({ type: 'workload.scale', ref: { kind: 'Deployment', namespace: 'default', name: 'web' }, replicas: 7 });
    const end = s.cluster.clock.now() + simMs;
    s.driver.play();
    // Wall time in display-frame steps, as the driver's loop sees it.
    // Stop a little short of the end (one tick moves 16 ms × speed), then land on it exactly.
    let ticks = 0;
    for (; s.cluster.clock.now() < end - 20 * speed; ticks++) vi.advanceTimersByTime(16);
    expect(ticks).toBeGreaterThan(5);
    s.driver.pause();
    s.cluster.clock.advanceTo(end);
    const dump = RESOURCES.map((r) => JSON.stringify(s.cluster.store.list(r).items));
    return dump.join('\n');
  } finally {
    s.driver.halt();
    vi.useRealTimers();
  }
}

describe('clock driver', () => {
  it('gives the same cluster at ×0.25 and at ×100', () => {
    const slow = playFor(0.25, 20_000);
    const fast = playFor(100, 20_000);
    expect(fast.length).toBeGreaterThan(1000);
    expect(fast).toEqual(slow);
  });
});
