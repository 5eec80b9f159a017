import { describe, expect, it } from 'vitest';
import type { KObject } from '../../../api/types';
import { createRng } from '../../../sim/rng';
import { NodeToStatus } from '../../framework/nodeToStatus';
import type { PodInfo } from '../../framework/podInfo';
import { Code, CycleState, Status } from '../../framework/types';
import { newNodeResourcesFit } from '../noderesourcesfit/plugin';
import { frameworkFor, makeNode, makePod, testHandle } from '../testing';
import { pickOneNode, selectVictimsOnNode, splitByPDB, type Candidate } from './candidates';
import { newDefaultPreemption } from './plugin';

const started = (t: string) => ({ phase: 'Running', startTime: t });
const lowPods = () => [
  makePod('a', { node: 'n1', cpu: '1', priority: 3, status: started('2025-01-01T00:00:01Z') }),
  makePod('b', { node: 'n1', cpu: '1', priority: 2, status: started('2025-01-01T00:00:02Z') }),
  makePod('c', { node: 'n1', cpu: '1', priority: 1, status: started('2025-01-01T00:00:03Z') }),
];

describe('selectVictimsOnNode', () => {
  it('evicts only as many of the least important pods as needed', () => {
    const h = testHandle([makeNode('n1', { cpu: '4' })], lowPods());
    const fw = frameworkFor(h, [newNodeResourcesFit()]);
    const r = selectVictimsOnNode(fw, new CycleState(), makePod('p', { cpu: '2', priority: 10 }), h.cache.get('n1')!.clone(), [], 0);
    expect(r instanceof Status ? r : r.victims.map((v) => v.name)).toEqual(['c']);
  });

  it('finds no victims when nothing has lower priority', () => {
    const h = testHandle([makeNode('n1', { cpu: '4' })], lowPods());
    const fw = frameworkFor(h, [newNodeResourcesFit()]);
    const r = selectVictimsOnNode(fw, new CycleState(), makePod('p', { cpu: '2', priority: 1 }), h.cache.get('n1')!.clone(), [], 0);
    expect((r as Status).message()).toBe('No preemption victims found for incoming pod');
    expect((r as Status).code).toBe(Code.UnschedulableAndUnresolvable);
  });

  it('reports the filter failure when even evicting everyone would not help', () => {
    const h = testHandle([makeNode('n1', { cpu: '4' })], lowPods());
    const fw = frameworkFor(h, [newNodeResourcesFit()]);
    const r = selectVictimsOnNode(fw, new CycleState(), makePod('p', { cpu: '8', priority: 10 }), h.cache.get('n1')!.clone(), [], 0);
    expect((r as Status).message()).toBe('Insufficient cpu');
  });
});

describe('splitByPDB', () => {
  const pdb = (allowed: number, disrupted: Record<string, string> = {}): KObject => ({
    metadata: { name: 'pdb', namespace: 'default' },
    spec: { selector: { matchLabels: { app: 'web' } } },
    status: { disruptionsAllowed: allowed, disruptedPods: disrupted },
  });
  const pods = [makePod('w1', { labels: { app: 'web' } }), makePod('w2', { labels: { app: 'web' } }), makePod('x', { labels: { app: 'x' } })];
  it.each([
    { name: 'pods beyond the disruption budget violate it', pdbs: [pdb(1)], want: { violating: ['w2'], nonViolating: ['w1', 'x'] } },
    { name: 'pods already being disrupted do not use up budget', pdbs: [pdb(0, { w1: 't' })], want: { violating: ['w2'], nonViolating: ['w1', 'x'] } },
    { name: 'without PDBs nothing violates', pdbs: [], want: { violating: [], nonViolating: ['w1', 'w2', 'x'] } },
  ])('$name', ({ pdbs, want }) => {
    const r = splitByPDB(pods, pdbs);
    expect({ violating: r.violating.map((p) => p.name), nonViolating: r.nonViolating.map((p) => p.name) }).toEqual(want);
  });
});

describe('pickOneNodeForPreemption', () => {
  const v = (priority: number, start = '2025-01-01T00:00:00Z') => makePod('v', { priority, status: started(start) });
  const c = (node: string, victims: PodInfo[], numPDBViolations = 0): Candidate => ({ node, victims, numPDBViolations });
  it.each([
    { name: 'fewest PDB violations first', cands: [c('n1', [v(1)], 1), c('n2', [v(5), v(5)], 0)], want: 'n2' },
    { name: 'then the lowest highest-priority victim', cands: [c('n1', [v(5)]), c('n2', [v(3), v(2)])], want: 'n2' },
    { name: 'then the smallest priority sum', cands: [c('n1', [v(3), v(3)]), c('n2', [v(3), v(1)])], want: 'n2' },
    { name: 'then the fewest victims', cands: [c('n1', [v(-1), v(-1)]), c('n2', [v(-1)])], want: 'n2' },
    {
      name: 'then the latest started among the most important victims',
      cands: [c('n1', [v(3, '2025-01-01T00:00:00Z')]), c('n2', [v(3, '2025-01-01T01:00:00Z')])],
      want: 'n2',
    },
    { name: 'then the first candidate', cands: [c('n1', [v(3)]), c('n2', [v(3)])], want: 'n1' },
  ])('$name', ({ cands, want }) => {
    expect(pickOneNode(cands, 0)?.node).toBe(want);
  });
});

describe('DefaultPreemption PostFilter', () => {
  const run = (pod: PodInfo, pods = lowPods()) => {
    const h = testHandle([makeNode('n1', { cpu: '4' })], pods);
    const fw = frameworkFor(h, [newNodeResourcesFit(), newDefaultPreemption(h, createRng(1))]);
    const state = new CycleState();
    const m = new NodeToStatus();
    m.set('n1', fw.runFilter(state, pod, h.cache.get('n1')!)!);
    return fw.runPostFilter(state, pod, m);
  };

  it('preemptionPolicy Never does not preempt', () => {
    const r = run(makePod('p', { cpu: '2', priority: 10, spec: { preemptionPolicy: 'Never' } }));
    expect(r.status?.message()).toBe('preemption: not eligible due to preemptionPolicy=Never.');
  });

  it('nominates the node when lower-priority pods can make room', () => {
    const r = run(makePod('p', { cpu: '2', priority: 10 }));
    expect(r).toEqual({ nominatedNodeName: 'n1', status: null });
  });

  it('explains when no pod may be evicted', () => {
    const r = run(makePod('p', { cpu: '2', priority: 0 }));
    expect(r.status?.message()).toBe('preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod.');
    expect(r.nominatedNodeName).toBe('');
  });
});
