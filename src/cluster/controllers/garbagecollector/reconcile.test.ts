import { describe, expect, it } from 'vitest';
import type { KObject } from '../../api/types';
import { Graph, type OwnerRef } from './graph';
import { decideDelete, ownerState, type GcAction, type OwnerState } from './reconcile';

const ref = (uid: string, block = true): OwnerRef => ({ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: `rs-${uid}`, uid, controller: true, blockOwnerDeletion: block });
const item = (refs: OwnerRef[], finalizers?: string[]): KObject => ({ metadata: { name: 'p', uid: 'p', ownerReferences: refs, ...(finalizers ? { finalizers } : {}) } });

describe('ownerState', () => {
  it('an owner that is not found is dangling', () => expect(ownerState(ref('a'), undefined)).toBe('dangling'));
  it('an owner with another uid is dangling', () => expect(ownerState(ref('a'), { metadata: { uid: 'b' } })).toBe('dangling'));
  it('an owner deleting in the foreground is waiting', () =>
    expect(ownerState(ref('a'), { metadata: { uid: 'a', deletionTimestamp: 'x', finalizers: ['foregroundDeletion'] } })).toBe('waiting'));
  it('a present owner is solid, even while being deleted in the background', () =>
    expect(ownerState(ref('a'), { metadata: { uid: 'a', deletionTimestamp: 'x' } })).toBe('solid'));
});

describe('decideDelete', () => {
  const cases: { name: string; item: KObject; states: OwnerState[]; hasDependents?: boolean; want: GcAction }[] = [
    { name: 'objects without owners are never collected', item: item([]), states: [], want: { type: 'none' } },
    { name: 'an object with a live owner stays', item: item([ref('a')]), states: ['solid'], want: { type: 'none' } },
    { name: 'an object whose only owner is gone is deleted in the background', item: item([ref('a')]), states: ['dangling'], want: { type: 'delete', policy: 'Background' } },
    {
      name: 'an object with a live owner loses its dangling references',
      item: item([ref('a'), ref('b')]),
      states: ['dangling', 'solid'],
      want: { type: 'patchOwners', ownerReferences: [ref('b')] },
    },
    {
      name: 'references to owners waiting on the object are unblocked when another owner is live',
      item: item([ref('a'), ref('b')]),
      states: ['waiting', 'solid'],
      want: { type: 'patchOwners', ownerReferences: [ref('a', false), ref('b')] },
    },
    { name: 'a dependent of a foreground owner with dependents of its own goes in the foreground', item: item([ref('a')]), states: ['waiting'], hasDependents: true, want: { type: 'delete', policy: 'Foreground' } },
    { name: 'a dependent of a foreground owner without dependents goes in the background', item: item([ref('a')]), states: ['waiting'], want: { type: 'delete', policy: 'Background' } },
    { name: 'an orphan finalizer on the object asks for Orphan', item: item([ref('a')], ['orphan']), states: ['dangling'], want: { type: 'delete', policy: 'Orphan' } },
    { name: 'an owner of unknown kind is never treated as gone', item: item([ref('a')]), states: ['unknown'], want: { type: 'none' } },
  ];
  for (const c of cases) it(c.name, () => expect(decideDelete(c.item, c.states, c.hasDependents ?? false)).toEqual(c.want));
});

describe('Graph', () => {
  const obj = (uid: string, owners: OwnerRef[] = [], extra: Partial<KObject['metadata']> = {}): KObject => ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: uid, namespace: 'default', uid, ownerReferences: owners, ...extra },
  });
  it('files dependents under their owners and reports owners it has not seen as virtual', () => {
    const g = new Graph();
    const obs = g.observe(obj('p', [ref('rs')]), 'pods', true);
    expect(obs.newVirtualOwners.map((n) => n.uid)).toEqual(['rs']);
    expect([...g.get('rs')!.dependents]).toEqual(['p']);
    g.observe({ apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'rs-rs', namespace: 'default', uid: 'rs' } }, 'apps/replicasets', true);
    expect(g.get('rs')!.virtual).toBe(false);
  });
  it('notices when an owner starts deleting its dependents in the foreground', () => {
    const g = new Graph();
    g.observe(obj('o'), 'pods', true);
    const obs = g.observe(obj('o', [], { deletionTimestamp: 'x', finalizers: ['foregroundDeletion'] }), 'pods', true);
    expect(obs.startedDeletingDependents).toBe(true);
  });
  it('lists only dependents with blockOwnerDeletion as blocking', () => {
    const g = new Graph();
    g.observe(obj('o'), 'pods', true);
    g.observe(obj('a', [ref('o')]), 'pods', true);
    g.observe(obj('b', [ref('o', false)]), 'pods', true);
    expect(g.blockingDependents(g.get('o')!).map((n) => n.uid)).toEqual(['a']);
  });
  it('drops a dependent from an owner when the reference goes away', () => {
    const g = new Graph();
    g.observe(obj('o'), 'pods', true);
    g.observe(obj('a', [ref('o')]), 'pods', true);
    const obs = g.observe(obj('a'), 'pods', true);
    expect(obs.removedOwners.map((n) => n.uid)).toEqual(['o']);
    expect(g.get('o')!.dependents.size).toBe(0);
  });
});
