import { describe, expect, it } from 'vitest';
import type { KObject } from '../../api/types';
import { OwnWrites } from './ownWrites';
import { statusOnlyChange } from './statusOnly';

const obj = (rv: string, meta: Partial<KObject['metadata']> = {}): KObject => ({ metadata: { name: 'web', namespace: 'default', resourceVersion: rv, generation: 1, ...meta } });

describe('OwnWrites (ignore my own write)', () => {
  it('recognises the event of the version our write produced, and no later one', () => {
    const own = new OwnWrites();
    own.write('default/web', () => obj('7'));
    expect(own.isOwn('default/web', 7)).toBe(true);
    expect(own.isOwn('default/web', '7')).toBe(true);
    expect(own.isOwn('default/web', '8')).toBe(false);
    expect(own.isOwn('default/other', '7')).toBe(false);
  });

  it('counts an event delivered during the write itself as ours', () => {
    const own = new OwnWrites();
    let during: boolean | undefined;
    own.write('default/web', () => {
      during = own.isOwn('default/web', '9');
      return obj('9');
    });
    expect(during).toBe(true);
  });

  it('forgets a deleted object and survives a failed write', () => {
    const own = new OwnWrites();
    own.write('default/web', () => obj('3'));
    expect(() =>
      own.write('default/web', () => {
        throw new Error('conflict');
      }),
    ).toThrow('conflict');
    expect(own.isOwn('default/web', 'x')).toBe(false);
    own.forget('default/web');
    expect(own.isOwn('default/web', '3')).toBe(false);
  });
});

describe('statusOnlyChange (which updates a SyncBudget may pace)', () => {
  it.each([
    ['a status write (same generation and metadata)', {}, true],
    ['a spec change (generation bumped)', { generation: 2 }, false],
    ['a deletion', { deletionTimestamp: '2025-01-01T00:00:00Z' }, false],
    ['new labels', { labels: { app: 'x' } }, false],
    ['new annotations', { annotations: { 'deployment.kubernetes.io/revision': '2' } }, false],
    ['new owners', { ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'd', uid: 'u', controller: true }] }, false],
    ['new finalizers', { finalizers: ['foregroundDeletion'] }, false],
  ])('%s → %s', (_n, meta, want) => {
    expect(statusOnlyChange(obj('1'), obj('2', meta as Partial<KObject['metadata']>))).toBe(want);
  });
});
