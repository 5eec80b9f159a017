import { describe, expect, it } from 'vitest';
import { CycleState } from '../../framework/types';
import { filterVerdicts, makeNode, makePod, scores, testHandle } from '../testing';
import { newTaintToleration } from './plugin';

const cp = { key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' };

describe('TaintToleration Filter', () => {
  const pl = newTaintToleration();
  it.each([
    { name: 'an untainted node fits', taints: [], tolerations: undefined, want: 'Success' },
    {
      name: 'a NoSchedule taint rejects pods that do not tolerate it, printing {key: value}',
      taints: [cp],
      tolerations: undefined,
      want: 'UnschedulableAndUnresolvable: node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }',
    },
    { name: 'an Exists toleration for the key tolerates it', taints: [cp], tolerations: [{ key: cp.key, operator: 'Exists', effect: 'NoSchedule' }], want: 'Success' },
    {
      name: 'an Equal toleration needs the same value',
      taints: [{ key: 'dedicated', value: 'gpu', effect: 'NoExecute' }],
      tolerations: [{ key: 'dedicated', operator: 'Equal', value: 'db' }],
      want: 'UnschedulableAndUnresolvable: node(s) had untolerated taint {dedicated: gpu}',
    },
    { name: 'an empty operator means Equal', taints: [{ key: 'k', value: 'v', effect: 'NoSchedule' }], tolerations: [{ key: 'k', value: 'v' }], want: 'Success' },
    { name: 'PreferNoSchedule taints never reject', taints: [{ key: 'k', effect: 'PreferNoSchedule' }], tolerations: undefined, want: 'Success' },
    {
      name: 'the first untolerated taint in node order is reported',
      taints: [{ key: 'a', value: '1', effect: 'NoSchedule' }, { key: 'b', value: '2', effect: 'NoSchedule' }],
      tolerations: [{ key: 'a', operator: 'Exists' }],
      want: 'UnschedulableAndUnresolvable: node(s) had untolerated taint {b: 2}',
    },
  ])('$name', ({ taints, tolerations, want }) => {
    const h = testHandle([makeNode('n1', { taints })]);
    expect(filterVerdicts(pl, makePod('p', { tolerations }), [h.cache.get('n1')!])).toEqual([want]);
  });
});

describe('TaintToleration Score', () => {
  const pl = newTaintToleration();
  it.each([
    {
      name: 'the more intolerable PreferNoSchedule taints a node has, the lower score it gets',
      nodes: [[], [{ key: 'a', effect: 'PreferNoSchedule' }], [{ key: 'a', effect: 'PreferNoSchedule' }, { key: 'b', effect: 'PreferNoSchedule' }]],
      tolerations: undefined,
      want: [100, 50, 0],
    },
    {
      name: 'tolerated PreferNoSchedule taints do not count',
      nodes: [[{ key: 'a', effect: 'PreferNoSchedule' }], [{ key: 'b', effect: 'PreferNoSchedule' }]],
      tolerations: [{ key: 'a', operator: 'Exists', effect: 'PreferNoSchedule' }],
      want: [100, 0],
    },
    { name: 'without any such taint every node scores 100', nodes: [[], [cp]], tolerations: undefined, want: [100, 100] },
  ])('$name', ({ nodes, tolerations, want }) => {
    const h = testHandle(nodes.map((taints, i) => makeNode(`n${i}`, { taints })));
    expect(scores(pl, makePod('p', { tolerations }), h.cache.list())).toEqual(want);
  });
});

describe('TaintToleration batch scoring', () => {
  it.each([
    { name: 'matches per-node scoring when some node prefers no scheduling', taints: [[{ key: 'a', effect: 'PreferNoSchedule' }], []] },
    { name: 'matches per-node scoring when no node does', taints: [[cp], []] },
  ])('$name', ({ taints }) => {
    const h = testHandle(taints.map((t, i) => makeNode(`n${i}`, { taints: t })));
    const pl = newTaintToleration(h);
    const nodes = h.cache.list();
    const state = new CycleState();
    pl.preScore(state, makePod('p'), nodes);
    const batch = new Float64Array(nodes.length);
    pl.scoreAll!(state, makePod('p'), nodes, batch, nodes.length);
    expect([...batch]).toEqual(nodes.map((n) => pl.score(state, makePod('p'), n)));
  });
});
