import { describe, expect, it } from 'vitest';
import { parseSelector } from '../api/labels';
import type { KObject } from '../api/types';
import { ExpiredError, Store, StoreError } from './store';

const pod = (name: string, labels: Record<string, string> = {}, ns = 'default', node = ''): KObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, namespace: ns, labels, uid: `uid-${name}` },
  spec: { nodeName: node },
});

function newStore(cfg = {}) {
  const s = new Store(cfg);
  s.register('pods', { nodeName: (o) => [o.spec?.nodeName ?? ''] });
  s.register('apps/deployments');
  return s;
}

describe('store: revisions', () => {
  it('every write bumps one global resourceVersion, carried by objects as a string', () => {
    const s = newStore();
    const a = s.create('pods', pod('a'));
    const b = s.create('apps/deployments', { metadata: { name: 'd', namespace: 'default' } });
    expect(a.metadata.resourceVersion).toBe('1');
    expect(b.metadata.resourceVersion).toBe('2');
    const a2 = s.update('pods', { ...pod('a'), spec: { nodeName: 'n1' } });
    expect(a2.metadata.resourceVersion).toBe('3');
    expect(s.rv).toBe(3);
  });

  it('stored objects are frozen, so nobody can change state behind the store', () => {
    const s = newStore();
    const a = s.create('pods', pod('a'));
    expect(Object.isFrozen(a)).toBe(true);
    expect(Object.isFrozen(a.metadata.labels)).toBe(true);
    expect(() => {
      (a.metadata as { name: string }).name = 'x';
    }).toThrow();
  });

  it('creating an existing key is AlreadyExists; updating a missing one is NotFound', () => {
    const s = newStore();
    s.create('pods', pod('a'));
    expect(() => s.create('pods', pod('a'))).toThrow(StoreError);
    expect(() => s.update('pods', pod('zz'))).toThrowError(/default\/zz/);
  });

  it('an update with a stale resourceVersion is a Conflict', () => {
    const s = newStore();
    s.create('pods', pod('a'));
    s.update('pods', pod('a'));
    try {
      s.update('pods', pod('a'), '1');
      expect.unreachable();
    } catch (e) {
      expect((e as StoreError).reason).toBe('Conflict');
    }
  });

  it('refuses creates beyond the object cap with a clear error', () => {
    const s = newStore({ maxObjects: 2 });
    s.create('pods', pod('a'));
    s.create('pods', pod('b'));
    expect(() => s.create('pods', pod('c'))).toThrowError(/maximum of 2 objects/);
  });
});

describe('store: list', () => {
  const s = newStore();
  s.create('pods', pod('web-2', { app: 'web', tier: 'fe' }, 'default', 'n1'));
  s.create('pods', pod('web-1', { app: 'web' }, 'default', 'n2'));
  s.create('pods', pod('db-1', { app: 'db' }, 'prod', 'n1'));
  s.create('pods', pod('api-1', { app: 'api' }, 'default', 'n1'));

  const names = (r: { items: KObject[] }) => r.items.map((o) => `${o.metadata.namespace}/${o.metadata.name}`);

  it.each([
    ['everything, in etcd key order', {}, ['default/api-1', 'default/web-1', 'default/web-2', 'prod/db-1']],
    ['one namespace', { namespace: 'prod' }, ['prod/db-1']],
    ['"app=web"', { selector: parseSelector('app=web') }, ['default/web-1', 'default/web-2']],
    ['"app in (web,db)"', { selector: parseSelector('app in (web,db)') }, ['default/web-1', 'default/web-2', 'prod/db-1']],
    ['"app!=web"', { selector: parseSelector('app!=web') }, ['default/api-1', 'prod/db-1']],
    ['"tier" (exists)', { selector: parseSelector('tier') }, ['default/web-2']],
    ['pods on node n1 (index)', { index: { name: 'nodeName', value: 'n1' } }, ['default/api-1', 'default/web-2', 'prod/db-1']],
    ['index and namespace together', { index: { name: 'nodeName', value: 'n1' }, namespace: 'default' }, ['default/api-1', 'default/web-2']],
  ])('lists %s', (_, opts, want) => {
    expect(names(s.list('pods', opts))).toEqual(want);
  });

  it('pages with limit and resumes after the last key', () => {
    const p1 = s.list('pods', { limit: 2 });
    expect(names(p1)).toEqual(['default/api-1', 'default/web-1']);
    expect(p1.remaining).toBe(2);
    const p2 = s.list('pods', { limit: 2, after: p1.nextAfter });
    expect(names(p2)).toEqual(['default/web-2', 'prod/db-1']);
    expect(p2.nextAfter).toBeUndefined();
  });

  it('indexes follow updates: a pod moved to another node leaves the old node index', () => {
    const t = newStore();
    t.create('pods', pod('a', {}, 'default', 'n1'));
    t.update('pods', pod('a', { app: 'x' }, 'default', 'n2'));
    expect(t.byIndex('pods', 'nodeName', 'n1')).toHaveLength(0);
    expect(t.byIndex('pods', 'nodeName', 'n2')).toHaveLength(1);
    expect(t.list('pods', { selector: parseSelector('app=x') }).items).toHaveLength(1);
    t.delete('pods', 'default', 'a');
    expect(t.byIndex('pods', 'nodeName', 'n2')).toHaveLength(0);
    expect(t.list('pods', { selector: parseSelector('app=x') }).items).toHaveLength(0);
  });
});

describe('store: watch', () => {
  it('delivers ADDED, MODIFIED and DELETED (with the last state) in order', () => {
    const s = newStore();
    const seen: string[] = [];
    s.watch('pods', {}, (t, o, rv) => seen.push(`${t} ${o.metadata.name} ${rv}`));
    s.create('pods', pod('a'));
    s.update('pods', pod('a', { v: '2' }));
    const last = s.delete('pods', 'default', 'a');
    expect(seen).toEqual(['ADDED a 1', 'MODIFIED a 2', 'DELETED a 3']);
    expect(last.metadata.labels).toEqual({ v: '2' });
  });

  it('resumes from a resourceVersion by replaying the kept history', () => {
    const s = newStore();
    s.create('pods', pod('a'));
    s.create('pods', pod('b'));
    s.create('pods', pod('c'));
    const seen: string[] = [];
    s.watch('pods', {}, (t, o) => seen.push(`${t} ${o.metadata.name}`), 1);
    expect(seen).toEqual(['ADDED b', 'ADDED c']);
  });

  it('a resourceVersion older than the kept history is Expired', () => {
    const s = newStore({ historySize: 2 });
    for (const n of ['a', 'b', 'c', 'd']) s.create('pods', pod(n));
    expect(() => s.watch('pods', {}, () => {}, 1)).toThrow(ExpiredError);
    expect(() => s.watch('pods', {}, () => {}, 2)).not.toThrow();
  });

  it('a filtered watch sees an object that starts matching as ADDED and one that stops as DELETED', () => {
    const s = newStore();
    const seen: string[] = [];
    s.watch('pods', { selector: parseSelector('app=web') }, (t, o) => seen.push(`${t} ${o.metadata.name}`));
    s.create('pods', pod('a'));
    s.update('pods', pod('a', { app: 'web' }));
    s.update('pods', pod('a', { app: 'web', x: 'y' }));
    s.update('pods', pod('a', { app: 'db' }));
    expect(seen).toEqual(['ADDED a', 'MODIFIED a', 'DELETED a']);
  });

  it('stopping a watch ends delivery', () => {
    const s = newStore();
    let n = 0;
    const stop = s.watch('pods', {}, () => n++);
    s.create('pods', pod('a'));
    stop();
    s.create('pods', pod('b'));
    expect(n).toBe(1);
  });
});

describe('store: index upkeep on updates', () => {
  it('moves an object between buckets only for the values that changed', () => {
    const s = newStore();
    s.create('pods', pod('a', { app: 'web', tier: 'fe' }, 'default', 'n1'));
    s.create('pods', pod('b', { app: 'web' }, 'default', 'n1'));
    s.update('pods', pod('a', { app: 'web', tier: 'be', extra: 'x' }, 'default', 'n2'));
    const names = (sel: string) => s.list('pods', { selector: parseSelector(sel) }).items.map((o) => o.metadata.name);
    expect(names('app=web')).toEqual(['a', 'b']);
    expect(names('tier=fe')).toEqual([]);
    expect(names('tier=be')).toEqual(['a']);
    expect(names('extra=x')).toEqual(['a']);
    expect(s.byIndex('pods', 'nodeName', 'n1').map((o) => o.metadata.name)).toEqual(['b']);
    expect(s.byIndex('pods', 'nodeName', 'n2').map((o) => o.metadata.name)).toEqual(['a']);
    s.update('pods', pod('a', {}, 'default', 'n2'));
    expect(names('app=web')).toEqual(['b']);
    expect(names('extra')).toEqual([]);
    expect(s.countOf('pods', 'default')).toBe(2);
  });

  it('byIndex returns the current version of objects whose indexed values did not change, in filing order', () => {
    const s = newStore();
    s.create('pods', pod('a', { app: 'web' }, 'default', 'n1'));
    s.create('pods', pod('b', { app: 'web' }, 'default', 'n1'));
    const a2 = s.update('pods', { ...pod('a', { app: 'web' }, 'default', 'n1'), status: { phase: 'Running' } });
    const onNode = s.byIndex('pods', 'nodeName', 'n1');
    expect(onNode.map((o) => o.metadata.name)).toEqual(['a', 'b']);
    expect(onNode[0]).toBe(a2);
    expect(s.list('pods', { selector: parseSelector('app=web') }).items[0]).toBe(a2);
    s.delete('pods', 'default', 'a');
    expect(s.byIndex('pods', 'nodeName', 'n1').map((o) => o.metadata.name)).toEqual(['b']);
  });
});
