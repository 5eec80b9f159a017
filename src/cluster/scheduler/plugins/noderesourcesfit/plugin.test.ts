import { describe, expect, it } from 'vitest';
import { filterVerdicts, makeNode, makePod, scores, testHandle } from '../testing';
import { balancedAllocationScore, fitsEmptyNode, leastAllocatedScore } from './fit';
import { newNodeResourcesFit } from './plugin';

describe('NodeResourcesFit Filter', () => {
  const pl = newNodeResourcesFit();
  it.each([
    { name: 'a pod that fits the free cpu and memory passes', used: { cpu: '3' }, pod: { cpu: '1', memory: '1Gi' }, node: {}, want: 'Success' },
    { name: 'too little cpu left rejects with "Insufficient cpu"', used: { cpu: '3500m' }, pod: { cpu: '600m' }, node: {}, want: 'Unschedulable: Insufficient cpu' },
    { name: 'a pod bigger than the node is still plain Unschedulable (1.32)', used: {}, pod: { cpu: '8' }, node: {}, want: 'Unschedulable: Insufficient cpu' },
    {
      name: 'every short resource is reported',
      used: { cpu: '4', memory: '16Gi' },
      pod: { cpu: '1', memory: '1Gi' },
      node: {},
      want: 'Unschedulable: Insufficient cpu, Insufficient memory',
    },
    { name: 'a full pod count rejects with "Too many pods"', used: {}, pod: {}, node: { pods: 1 }, want: 'Unschedulable: Too many pods' },
    { name: 'a pod requesting nothing only needs a pod slot', used: { cpu: '4', memory: '16Gi' }, pod: {}, node: {}, want: 'Success' },
    {
      name: 'extended resources are checked too',
      used: {},
      pod: { containers: [{ 'example.com/gpu': '1' }] },
      node: {},
      want: 'Unschedulable: Insufficient example.com/gpu',
    },
    {
      name: 'init containers count as their max, not their sum',
      used: { cpu: '2' },
      pod: { spec: { initContainers: [{ name: 'i1', image: 'x', resources: { requests: { cpu: '2' } } }, { name: 'i2', image: 'x', resources: { requests: { cpu: '2' } } }] } },
      node: {},
      want: 'Success',
    },
  ])('$name', ({ used, pod, node, want }) => {
    const h = testHandle([makeNode('n1', node)], [makePod('old', { node: 'n1', ...used })]);
    expect(filterVerdicts(pl, makePod('p', pod), [h.cache.get('n1')!])).toEqual([want]);
  });
});

describe('NodeResourcesFit Score (LeastAllocated)', () => {
  it.each([
    // 4 CPUs with 1 CPU + 100m requested: (4000 − 1100) × 100 / 4000 = 72; 16Gi with 1Gi + 200Mi: 92; (72 + 92) / 2 = 82
    { name: 'worked example from the fit.go comment', used: { cpu: '1', memory: '1Gi' }, pod: { cpu: '100m', memory: '200Mi' }, want: 82 },
    { name: 'containers without requests are scored as 100m / 200Mi', used: {}, pod: {}, want: 97 },
    { name: 'an empty node scores nearly 100', used: {}, pod: { cpu: '1m', memory: '1' }, want: 99 },
    { name: 'a node without room scores 0 for that resource', used: { cpu: '4' }, pod: { cpu: '1', memory: '8Gi' }, want: 24 },
  ])('$name', ({ used, pod, want }) => {
    const h = testHandle([makeNode('n1')], Object.keys(used).length ? [makePod('old', { node: 'n1', ...used })] : []);
    expect(leastAllocatedScore(makePod('p', pod), h.cache.get('n1')!)).toBe(want);
  });

  it('the least allocated node gets the highest score', () => {
    const h = testHandle([makeNode('busy'), makeNode('idle')], [makePod('old', { node: 'busy', cpu: '2', memory: '8Gi' })]);
    const [busy, idle] = scores(newNodeResourcesFit(), makePod('p', { cpu: '100m' }), [h.cache.get('busy')!, h.cache.get('idle')!])!;
    expect(idle).toBeGreaterThan(busy!);
  });

  it('a new node requeues only pods that would fit on it empty', () => {
    expect(fitsEmptyNode(makePod('p', { cpu: '2' }), makeNode('n', { cpu: '4' }))).toBe(true);
    expect(fitsEmptyNode(makePod('p', { cpu: '8' }), makeNode('n', { cpu: '4' }))).toBe(false);
  });
});

describe('NodeResourcesBalancedAllocation', () => {
  it.each([
    { name: 'equal cpu and memory fractions score 100', used: { cpu: '2', memory: '8Gi' }, pod: {}, want: 100 },
    // cpu 50%, memory 25%: std = |0.5 − 0.25| / 2 = 0.125 → 87
    { name: 'unequal fractions score (1 − std) × 100', used: { cpu: '2', memory: '4Gi' }, pod: {}, want: 87 },
    { name: 'real requests are used (no 100m / 200Mi defaults)', used: {}, pod: {}, want: 100 },
    { name: 'fractions are capped at 1', used: { cpu: '8' }, pod: {}, want: 50 },
  ])('$name', ({ used, pod, want }) => {
    const h = testHandle([makeNode('n1')], [makePod('old', { node: 'n1', ...used })]);
    expect(balancedAllocationScore(makePod('p', pod), h.cache.get('n1')!)).toBe(want);
  });
});
