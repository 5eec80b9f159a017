import { describe, expect, it } from 'vitest';
import { makeNode, makePod, testHandle, verdict } from '../testing';
import { newNodeName } from './plugin';

describe('NodeName', () => {
  const pl = newNodeName();
  const h = testHandle([makeNode('n1')]);
  it.each([
    { name: 'a pod without spec.nodeName fits any node', nodeName: undefined, want: 'Success' },
    { name: 'a pod naming this node fits it', nodeName: 'n1', want: 'Success' },
    { name: 'a pod naming another node does not', nodeName: 'n2', want: "UnschedulableAndUnresolvable: node(s) didn't match the requested node name" },
  ])('$name', ({ nodeName, want }) => {
    const pod = makePod('p', { spec: nodeName ? { nodeName } : {} });
    expect(verdict(pl.filter(undefined as never, pod, h.cache.get('n1')!))).toBe(want);
  });
});
