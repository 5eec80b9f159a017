import { describe, expect, it } from 'vitest';
import { SimClock } from '../sim/clock';
import { Action } from './framework/events';
import type { PodInfo } from './framework/podInfo';
import { newNodeResourcesFit } from './plugins/noderesourcesfit/plugin';
import { newSchedulingGates } from './plugins/schedulinggates/plugin';
import { frameworkFor, makeNode, makePod, testHandle } from './plugins/testing';
import { SchedulingQueue } from './queue';

function setup() {
  const clock = new SimClock(Date.UTC(2025, 0, 1));
  const fw = frameworkFor(testHandle([]), [newSchedulingGates(), newNodeResourcesFit()]);
  let wakeups = 0;
  const q = new SchedulingQueue(clock, fw, () => wakeups++);
  /** Pop and fail the pod as NodeResourcesFit-rejected (or with an error when `plugins` is empty). */
  const fail = (plugins = ['NodeResourcesFit']) => {
    const x = q.pop()!;
    x.unschedulablePlugins = new Set(plugins);
    return q.addUnschedulable(x);
  };
  return { clock, q, fail, wakeups: () => wakeups };
}
const names = (q: SchedulingQueue) => {
  const out: string[] = [];
  for (let x = q.pop(); x; x = q.pop()) (out.push(x.podInfo.name), q.done(x.podInfo.uid));
  return out;
};

describe('scheduling queue', () => {
  it('pops by priority, then first come first served', () => {
    const { q } = setup();
    q.add(makePod('low-1', { priority: 0 }));
    q.add(makePod('high', { priority: 1000 }));
    q.add(makePod('low-2', { priority: 0 }));
    expect(names(q)).toEqual(['high', 'low-1', 'low-2']);
  });

  it('wakes the scheduler when a pod becomes active', () => {
    const s = setup();
    s.q.add(makePod('p'));
    expect(s.wakeups()).toBe(1);
  });

  it('holds a gated pod until its gates are removed', () => {
    const { q } = setup();
    const gated = makePod('p', { uid: 'g', spec: { schedulingGates: [{ name: 'wait' }] } });
    q.add(gated);
    expect([q.pop(), q.get('g')?.gatingMessage]).toEqual([undefined, 'waiting for scheduling gates: [wait]']);
    q.update(gated, makePod('p', { uid: 'g' }), { resource: 'Pod', action: Action.UpdatePodSchedulingGatesEliminated });
    expect(names(q)).toEqual(['p']);
  });

  it('backs off 1 s, doubling per attempt up to 10 s', () => {
    const { q } = setup();
    const x = { attempts: 0 } as Parameters<SchedulingQueue['backoffDuration']>[0];
    expect([0, 1, 2, 3, 4, 5, 6].map((attempts) => q.backoffDuration({ ...x, attempts }))).toEqual([0, 1000, 2000, 4000, 8000, 10000, 10000]);
  });

  it('a failure with no rejecting plugin (an error) is retried after its backoff', () => {
    const { q, clock, fail } = setup();
    q.add(makePod('p'));
    expect(fail([])).toBe('backoff');
    clock.advance(999);
    expect(q.activeLength).toBe(0);
    clock.advance(1);
    expect(q.activeLength).toBe(1);
  });

  it('an unschedulable pod waits for a cluster change that may help it', () => {
    const { q, clock, fail } = setup();
    q.add(makePod('p', { cpu: '2' }));
    expect(fail()).toBe('unschedulable');
    clock.advance(5_000);
    q.onEvent({ resource: 'Node', action: Action.Add }, undefined, makeNode('small', { cpu: '1' }));
    expect(q.unschedulableLength).toBe(1);
    q.onEvent({ resource: 'Pod', action: Action.Add }, undefined, makeNode('x'));
    expect(q.unschedulableLength).toBe(1);
    q.onEvent({ resource: 'Node', action: Action.Add }, undefined, makeNode('big', { cpu: '4' }));
    expect(q.activeLength).toBe(1);
  });

  it('a helpful change during the backoff moves the pod to the backoff queue first', () => {
    const { q, clock, fail } = setup();
    q.add(makePod('p', { cpu: '2' }));
    fail();
    clock.advance(300);
    q.onEvent({ resource: 'Node', action: Action.Add }, undefined, makeNode('big'));
    expect([q.backoffLength, q.activeLength]).toEqual([1, 0]);
    clock.advance(700);
    expect([q.backoffLength, q.activeLength]).toEqual([0, 1]);
  });

  it('a change seen while the pod was being scheduled sends it to backoff, not unschedulable', () => {
    const { q } = setup();
    q.add(makePod('p', { cpu: '2' }));
    const x = q.pop()!;
    q.onEvent({ resource: 'Pod', action: Action.Delete }, makePod('gone', { node: 'n1' }).pod);
    x.unschedulablePlugins = new Set(['NodeResourcesFit']);
    expect(q.addUnschedulable(x)).toBe('backoff');
  });

  it('unschedulable pods get another try after 5 minutes, on the 30 s flush', () => {
    const { q, clock, fail } = setup();
    q.add(makePod('p'));
    fail();
    clock.advance(300_000);
    expect(q.activeLength).toBe(0);
    clock.advance(29_999);
    expect(q.activeLength).toBe(0);
    clock.advance(1);
    expect(q.activeLength).toBe(1);
  });

  it('no timers are left once nothing waits', () => {
    const { q, clock } = setup();
    q.add(makePod('p'));
    names(q);
    expect(clock.pending()).toBe(0);
  });

  it('a deleted pod leaves every queue', () => {
    const { q, fail } = setup();
    const p: PodInfo = makePod('p', { uid: 'u' });
    q.add(p);
    fail();
    q.delete('u');
    expect([q.get('u'), q.unschedulableLength, q.pending()]).toEqual([undefined, 0, []]);
  });
});
