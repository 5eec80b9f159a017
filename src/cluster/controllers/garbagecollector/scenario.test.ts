import { describe, expect, it } from 'vitest';
import type { KObject } from '../../api/types';
import type { DeleteOptions } from '../../apiserver/server';
import { newTestCluster, type TestCluster } from '../../testing/testCluster';

const gc = () => newTestCluster({ controllers: ['garbage-collector-controller'] });
const cm = (t: TestCluster, name: string, owners: { name: string; uid: string; block?: boolean }[] = []): KObject =>
  t.apply(
    JSON.stringify({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: {
        name,
        ownerReferences: owners.length ? owners.map((o) => ({ apiVersion: 'v1', kind: 'ConfigMap', name: o.name, uid: o.uid, blockOwnerDeletion: o.block ?? true })) : undefined,
      },
    }),
  )[0];
const podOf = (t: TestCluster, name: string, owner: KObject, node?: string): KObject =>
  t.apply(
    JSON.stringify({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name, ownerReferences: [{ apiVersion: 'v1', kind: 'ConfigMap', name: owner.metadata.name, uid: owner.metadata.uid, controller: true, blockOwnerDeletion: true }] },
      spec: { ...(node ? { nodeName: node } : {}), containers: [{ name: 'c', image: 'nginx' }] },
    }),
  )[0];
const del = (t: TestCluster, resource: string, name: string, opts: DeleteOptions = {}) => {
  t.api.delete(t.api.registry.get('', resource)!, 'default', name, opts);
  t.settle();
};

describe('garbage-collector-controller', () => {
  it('Background: deletes the dependents of a deleted owner', () => {
    const t = gc();
    const owner = cm(t, 'owner');
    cm(t, 'child', [{ name: 'owner', uid: owner.metadata.uid! }]);
    podOf(t, 'p', owner);
    del(t, 'configmaps', 'owner', { propagationPolicy: 'Background' });
    expect(t.get('configmaps', 'child')).toBeUndefined();
    expect(t.get('pods', 'p')).toBeUndefined();
  });

  it('Background cascades through generations', () => {
    const t = gc();
    const a = cm(t, 'a');
    const b = cm(t, 'b', [{ name: 'a', uid: a.metadata.uid! }]);
    cm(t, 'c', [{ name: 'b', uid: b.metadata.uid! }]);
    del(t, 'configmaps', 'a');
    expect([t.get('configmaps', 'b'), t.get('configmaps', 'c')]).toEqual([undefined, undefined]);
  });

  it('Foreground: the owner waits with foregroundDeletion until blocking dependents are gone', () => {
    const t = gc();
    const owner = cm(t, 'owner');
    podOf(t, 'p', owner, 'worker-1');
    del(t, 'configmaps', 'owner', { propagationPolicy: 'Foreground' });
    const o = t.get('configmaps', 'owner')!;
    expect(o.metadata.finalizers).toEqual(['foregroundDeletion']);
    expect(o.metadata.deletionTimestamp).toBeDefined();
    // The pod was deleted gracefully and is still terminating: the owner stays.
    expect(t.get('pods', 'p')!.metadata.deletionTimestamp).toBeDefined();
    t.advance('10s');
    expect(t.get('configmaps', 'owner')).toBeDefined();
    // The kubelet finishes the pod: now the owner goes.
    del(t, 'pods', 'p', { gracePeriodSeconds: 0 });
    expect(t.get('configmaps', 'owner')).toBeUndefined();
  });

  it('Foreground: non-blocking dependents are deleted but do not hold the owner', () => {
    const t = gc();
    const owner = cm(t, 'owner');
    cm(t, 'loose', [{ name: 'owner', uid: owner.metadata.uid!, block: false }]);
    del(t, 'configmaps', 'owner', { propagationPolicy: 'Foreground' });
    expect([t.get('configmaps', 'owner'), t.get('configmaps', 'loose')]).toEqual([undefined, undefined]);
  });

  it('Orphan: dependents lose the owner reference and stay', () => {
    const t = gc();
    const owner = cm(t, 'owner');
    cm(t, 'child', [{ name: 'owner', uid: owner.metadata.uid! }]);
    del(t, 'configmaps', 'owner', { propagationPolicy: 'Orphan' });
    expect(t.get('configmaps', 'owner')).toBeUndefined();
    const child = t.get('configmaps', 'child')!;
    expect(child.metadata.ownerReferences).toBeUndefined();
  });

  it('deletes dependents whose owner never existed', () => {
    const t = gc();
    cm(t, 'stray', [{ name: 'ghost', uid: '00000000-0000-4000-8000-000000000000' }]);
    t.settle();
    expect(t.get('configmaps', 'stray')).toBeUndefined();
  });

  it('deletes dependents whose owner reference names an object with another uid', () => {
    const t = gc();
    cm(t, 'owner');
    cm(t, 'stray', [{ name: 'owner', uid: '00000000-0000-4000-8000-000000000001' }]);
    t.settle();
    expect(t.get('configmaps', 'stray')).toBeUndefined();
    expect(t.get('configmaps', 'owner')).toBeDefined();
  });

  it('keeps a dependent with another live owner and removes the dangling reference', () => {
    const t = gc();
    const a = cm(t, 'a');
    const b = cm(t, 'b');
    cm(t, 'child', [
      { name: 'a', uid: a.metadata.uid! },
      { name: 'b', uid: b.metadata.uid! },
    ]);
    del(t, 'configmaps', 'a');
    const child = t.get('configmaps', 'child')!;
    expect(child.metadata.ownerReferences!.map((r) => r.name)).toEqual(['b']);
  });
});
