import { describe, expect, it } from 'vitest';
import { createRng } from '../sim/rng';
import { CycleState } from './framework/types';
import { newNodeResourcesFit } from './plugins/noderesourcesfit/plugin';
import { newTaintToleration } from './plugins/tainttoleration/plugin';
import { frameworkFor, makeNode, makePod, testHandle } from './plugins/testing';
import { Algorithm, numFeasibleNodesToFind } from './schedulePod';

describe('percentageOfNodesToScore (adaptive)', () => {
  it.each([
    { nodes: 50, want: 50 },
    { nodes: 99, want: 99 },
    { nodes: 100, want: 100 },
    { nodes: 200, want: 100 },
    { nodes: 1000, want: 420 },
    { nodes: 5000, want: 500 },
    { nodes: 6000, want: 300 },
    { nodes: 15000, want: 750 },
  ])('$nodes nodes → stop after $want feasible ones', ({ nodes, want }) => {
    expect(numFeasibleNodesToFind(nodes)).toBe(want);
  });

  it('an explicit percentage still finds at least 100 nodes', () => {
    expect([numFeasibleNodesToFind(1000, 5), numFeasibleNodesToFind(1000, 30)]).toEqual([100, 300]);
  });
});

describe('schedulePod', () => {
  const big = () => {
    const h = testHandle(Array.from({ length: 200 }, (_, i) => makeNode(`n${String(i).padStart(3, '0')}`)));
    const fw = frameworkFor(h, [newTaintToleration(), newNodeResourcesFit()]);
    return { h, fw, algo: new Algorithm(h.cache, createRng(1)) };
  };

  it('examines only enough nodes (200 → 100) and resumes where the last pod stopped', () => {
    const { fw, algo } = big();
    const first = algo.schedulePod(fw, new CycleState(), makePod('a'));
    expect([first.feasible.length, first.feasible[0]!.name, algo.nextStartNodeIndex]).toEqual([100, 'n000', 100]);
    const second = algo.schedulePod(fw, new CycleState(), makePod('b'));
    expect(second.feasible[0]!.name).toBe('n100');
  });

  it('counts rejected nodes towards the examined ones', () => {
    const { h, fw, algo } = big();
    h.cache.addPod(makePod('hog', { node: 'n000', cpu: '4' }));
    const out = algo.schedulePod(fw, new CycleState(), makePod('a', { cpu: '1' }));
    expect([out.feasible.length, out.diagnosis.nodeToStatus.size, algo.nextStartNodeIndex]).toEqual([100, 1, 101]);
  });

  it('goes straight to the single feasible node without scoring', () => {
    const h = testHandle([makeNode('small', { cpu: '1' }), makeNode('large', { cpu: '8' })]);
    const fw = frameworkFor(h, [newNodeResourcesFit()]);
    const out = new Algorithm(h.cache, createRng(1)).schedulePod(fw, new CycleState(), makePod('a', { cpu: '4' }));
    expect([out.host, out.table]).toEqual(['large', undefined]);
  });

  it('breaks ties between equally scored nodes at random, reproducibly', () => {
    const pick = (seed: number) => {
      const h = testHandle(['a', 'b', 'c', 'd'].map((n) => makeNode(n)));
      const fw = frameworkFor(h, [newNodeResourcesFit()]);
      return new Algorithm(h.cache, createRng(seed)).schedulePod(fw, new CycleState(), makePod('p')).host;
    };
    const picks = new Set([1, 2, 3, 4, 5, 6, 7, 8].map(pick));
    expect(picks.size).toBeGreaterThan(1);
    expect(pick(3)).toBe(pick(3));
  });
});
