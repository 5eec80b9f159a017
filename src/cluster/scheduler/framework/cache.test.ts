import { describe, expect, it } from 'vitest';
import { makeNode, makePod } from '../plugins/testing';
import type { KObject } from '../../api/types';
import { Cache } from './cache';
import { withNodeName } from './podInfo';

const zone = (z: string) => ({ 'topology.kubernetes.io/zone': z });

describe('scheduler cache', () => {
  it('accounts a bound pod on its node, incrementally', () => {
    const c = new Cache();
    c.addNode(makeNode('n1'));
    c.addPod(makePod('p', { node: 'n1', cpu: '500m', memory: '1Gi' }));
    const n = c.get('n1')!;
    expect([n.reqCpu, n.reqMem, n.pods.length]).toEqual([500, 2 ** 30, 1]);
  });

  it('counts containers without requests as 100m / 200Mi for scoring only', () => {
    const c = new Cache();
    c.addNode(makeNode('n1'));
    c.addPod(makePod('p', { node: 'n1' }));
    const n = c.get('n1')!;
    expect([n.reqCpu, n.reqMem, n.nonZeroCpu, n.nonZeroMem]).toEqual([0, 0, 100, 200 * 2 ** 20]);
  });

  it('an assumed pod counts until forgotten, and the bind’s echo confirms it', () => {
    const c = new Cache();
    c.addNode(makeNode('n1'));
    const pi = makePod('p', { uid: 'u', cpu: '1' });
    c.assumePod(withNodeName(pi, 'n1'));
    expect([c.isAssumed('u'), c.get('n1')!.reqCpu]).toEqual([true, 1000]);
    c.forgetPod(withNodeName(pi, 'n1'));
    expect([c.isAssumed('u'), c.get('n1')!.reqCpu]).toEqual([false, 0]);
    c.assumePod(withNodeName(pi, 'n1'));
    c.addPod(makePod('p', { uid: 'u', cpu: '1', node: 'n1' }));
    expect([c.isAssumed('u'), c.get('n1')!.reqCpu, c.get('n1')!.pods.length]).toEqual([false, 1000, 1]);
  });

  it('a status-only update swaps the cached pod object in place; any change of spec, labels or deletion is refused', () => {
    const c = new Cache();
    c.addNode(makeNode('n1'));
    const pi = makePod('p', { uid: 'u', cpu: '1', node: 'n1' });
    c.addPod(pi);
    const v1 = pi.pod;
    const v2: KObject = { ...v1, metadata: { ...v1.metadata, resourceVersion: '2' }, status: { phase: 'Running' } };
    expect(c.refreshPod(v2)).toBe(v1);
    expect(c.getPod('u')!.pod).toBe(v2);
    expect(c.get('n1')!.pods[0]!.pod).toBe(v2);
    expect(c.get('n1')!.reqCpu).toBe(1000);
    expect(c.refreshPod({ ...v2, spec: { ...v2.spec } })).toBeUndefined();
    expect(c.refreshPod({ ...v2, metadata: { ...v2.metadata, labels: { app: 'x' } } })).toBeUndefined();
    expect(c.refreshPod({ ...v2, metadata: { ...v2.metadata, deletionTimestamp: '2025-01-01T00:00:00Z' } })).toBeUndefined();
    expect(c.refreshPod({ ...v2, metadata: { ...v2.metadata, uid: 'unknown' } })).toBeUndefined();
  });

  it('an update re-accounts a pod whose requests changed, and removal releases them', () => {
    const c = new Cache();
    c.addNode(makeNode('n1'));
    c.addPod(makePod('p', { uid: 'u', node: 'n1', cpu: '1' }));
    c.updatePod(makePod('p', { uid: 'u', node: 'n1', cpu: '2' }));
    expect(c.get('n1')!.reqCpu).toBe(2000);
    c.removePod('u');
    expect([c.get('n1')!.reqCpu, c.get('n1')!.pods.length]).toEqual([0, 0]);
  });

  it('lists nodes round-robin across zones (nodeTree order)', () => {
    const c = new Cache();
    for (const [n, z] of [['a1', 'a'], ['a2', 'a'], ['b1', 'b'], ['c1', 'c'], ['a3', 'a']]) c.addNode(makeNode(n!, { labels: zone(z!) }));
    expect(c.list().map((n) => n.name)).toEqual(['a1', 'b1', 'c1', 'a2', 'a3']);
    c.removeNode(makeNode('b1', { labels: zone('b') }));
    expect(c.list().map((n) => n.name)).toEqual(['a1', 'c1', 'a2', 'a3']);
  });

  it('keeps a deleted node’s pods accounted until they go', () => {
    const c = new Cache();
    c.addNode(makeNode('n1'));
    c.addPod(makePod('p', { uid: 'u', node: 'n1' }));
    c.removeNode(makeNode('n1'));
    expect([c.get('n1'), c.numNodes, c.podCount]).toEqual([undefined, 0, 1]);
  });

  it('tracks image states shared across nodes', () => {
    const c = new Cache();
    const img = { names: ['nginx:1.27'], sizeBytes: 100 };
    c.addNode(makeNode('n1', { images: [img] }));
    c.addNode(makeNode('n2', { images: [img] }));
    expect(c.get('n1')!.imageStates!.get('nginx:1.27')).toEqual({ size: 100, numNodes: 2 });
    c.removeNode(makeNode('n2'));
    expect(c.get('n1')!.imageStates!.get('nginx:1.27')).toEqual({ size: 100, numNodes: 1 });
  });

  it('counts matching pods per node through the label index', () => {
    const c = new Cache();
    c.addNode(makeNode('n1'));
    c.addNode(makeNode('n2'));
    c.addPod(makePod('a', { node: 'n1', labels: { app: 'web' } }));
    c.addPod(makePod('b', { node: 'n1', labels: { app: 'web' } }));
    c.addPod(makePod('c', { node: 'n2', labels: { app: 'web' }, deleting: true }));
    c.addPod(makePod('d', { node: 'n2', labels: { app: 'web' }, namespace: 'other' }));
    const counts = new Map();
    c.countMatching([{ key: 'app', op: 'Equals', values: ['web'] }], 'default', counts);
    expect([...counts].map(([n, k]) => [n.name, k])).toEqual([['n1', 2]]);
  });
});
