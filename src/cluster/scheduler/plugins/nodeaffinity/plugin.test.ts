import { describe, expect, it } from 'vitest';
import { CycleState } from '../../framework/types';
import { filterVerdicts, makeNode, makePod, scores, testHandle, verdict, type PodOpts } from '../testing';
import { newNodeAffinity } from './plugin';

const REJECT = "UnschedulableAndUnresolvable: node(s) didn't match Pod's node affinity/selector";
const required = (...terms: object[]) => ({ nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: terms } } });

describe('NodeAffinity Filter', () => {
  const pl = newNodeAffinity();
  const h = testHandle([makeNode('n1', { labels: { disk: 'ssd', zone: 'a', gen: '5' } })]);
  const n1 = h.cache.get('n1')!;
  it.each([
    { name: 'a pod without selector or affinity fits (PreFilter skips)', pod: {}, want: 'Success' },
    { name: 'a matching nodeSelector fits', pod: { nodeSelector: { disk: 'ssd' } }, want: 'Success' },
    { name: 'a nodeSelector needs every label', pod: { nodeSelector: { disk: 'ssd', gpu: 'true' } }, want: REJECT },
    { name: 'required In matches a listed value', pod: { affinity: required({ matchExpressions: [{ key: 'zone', operator: 'In', values: ['a', 'b'] }] }) }, want: 'Success' },
    { name: 'required NotIn rejects a listed value', pod: { affinity: required({ matchExpressions: [{ key: 'zone', operator: 'NotIn', values: ['a'] }] }) }, want: REJECT },
    { name: 'DoesNotExist rejects a node with the label', pod: { affinity: required({ matchExpressions: [{ key: 'disk', operator: 'DoesNotExist' }] }) }, want: REJECT },
    { name: 'Gt compares integers', pod: { affinity: required({ matchExpressions: [{ key: 'gen', operator: 'Gt', values: ['4'] }] }) }, want: 'Success' },
    { name: 'Lt compares integers', pod: { affinity: required({ matchExpressions: [{ key: 'gen', operator: 'Lt', values: ['4'] }] }) }, want: REJECT },
    {
      name: 'terms are ORed',
      pod: { affinity: required({ matchExpressions: [{ key: 'zone', operator: 'In', values: ['x'] }] }, { matchExpressions: [{ key: 'disk', operator: 'Exists' }] }) },
      want: 'Success',
    },
    { name: 'an empty term matches nothing', pod: { affinity: required({}) }, want: REJECT },
    {
      name: 'nodeSelector and affinity must both match',
      pod: { nodeSelector: { disk: 'hdd' }, affinity: required({ matchExpressions: [{ key: 'zone', operator: 'In', values: ['a'] }] }) },
      want: REJECT,
    },
  ])('$name', ({ pod, want }) => {
    expect(filterVerdicts(pl, makePod('p', pod as PodOpts), [n1])).toEqual([want]);
  });

  it('matchFields on metadata.name narrows the nodes in PreFilter', () => {
    const pod = makePod('p', { affinity: required({ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['n1'] }] }) });
    const r = pl.preFilter(new CycleState(), pod);
    expect(r && 'nodeNames' in r ? [...r.nodeNames] : r).toEqual(['n1']);
  });

  it('terms naming disjoint nodes conflict', () => {
    const pod = makePod('p', {
      affinity: required({
        matchFields: [
          { key: 'metadata.name', operator: 'In', values: ['n1'] },
          { key: 'metadata.name', operator: 'In', values: ['n2'] },
        ],
      }),
    });
    const r = pl.preFilter(new CycleState(), pod);
    expect(verdict(r as never)).toBe('UnschedulableAndUnresolvable: pod affinity terms conflict');
  });
});

describe('NodeAffinity Score', () => {
  const pl = newNodeAffinity();
  const preferred = (terms: object[]) => ({ nodeAffinity: { preferredDuringSchedulingIgnoredDuringExecution: terms } });
  it.each([
    { name: 'a pod without preferred terms is not scored (PreScore skips)', affinity: undefined, want: null },
    {
      name: 'matching preferred terms add their weights, normalized to the best node',
      affinity: preferred([
        { weight: 2, preference: { matchExpressions: [{ key: 'disk', operator: 'In', values: ['ssd'] }] } },
        { weight: 8, preference: { matchExpressions: [{ key: 'zone', operator: 'In', values: ['a'] }] } },
      ]),
      want: [100, 20, 0],
    },
  ])('$name', ({ affinity, want }) => {
    const h = testHandle([
      makeNode('n1', { labels: { disk: 'ssd', zone: 'a' } }),
      makeNode('n2', { labels: { disk: 'ssd' } }),
      makeNode('n3'),
    ]);
    const nodes = ['n1', 'n2', 'n3'].map((n) => h.cache.get(n)!);
    expect(scores(pl, makePod('p', { affinity }), nodes)).toEqual(want);
  });
});
