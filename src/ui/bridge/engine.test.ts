/**
 * The bridge against the real worker host, in one thread: a fake Worker passes structured clones
 * through microtasks as postMessage would.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { WorkerMessage } from '../../protocol/messages';
import { createHost, type Host } from '../../worker/host';
import { Engine } from './engine';
import { mirror } from './mirrorStore';

beforeAll(() => {
  // The engine folds deltas on a timer when the page is hidden; node has no document.
  (globalThis as { document?: unknown }).document ??= { hidden: true };
});

const hosts: Host[] = [];
afterEach(() => hosts.splice(0).forEach((h) => h.halt()));

function fakeWorker(): Worker {
  const listeners: ((e: { data: unknown }) => void)[] = [];
  let alive = true;
  const host = createHost((m: WorkerMessage) => {
    const copy = structuredClone(m);
    queueMicrotask(() => alive && listeners.forEach((l) => l({ data: copy })));
  });
  hosts.push(host);
  return {
    postMessage: (m: unknown) => {
      const copy = structuredClone(m);
      queueMicrotask(() => alive && host.receive(copy));
    },
    addEventListener: (type: string, l: (e: { data: unknown }) => void) => {
      if (type === 'message') listeners.push(l);
    },
    terminate: () => {
      alive = false;
      host.halt();
    },
  } as unknown as Worker;
}

async function engine(): Promise<Engine> {
  const e = new Engine({ seed: 3, playing: false, speed: 1, spawn: fakeWorker });
  await e.start();
  return e;
}

const podList = { method: 'GET', path: '/api/v1/namespaces/kube-system/pods', query: {} };

describe('engine', () => {
  it('delivers the events a watch sends before its reply arrives', async () => {
    const e = await engine();
    const chunks: string[] = [];
    const r = await e.stream({ type: 'rest.request', req: { ...podList, query: { watch: 'true' } } }, { chunk: (c) => chunks.push(c), end: () => {} });
    expect(r.stream).toBeDefined();
    // The worker wrote every existing pod as ADDED before it answered; none may be lost.
    const list = await e.request({ type: 'rest.request', req: podList });
    const names = (JSON.parse(list.body!) as { items: { metadata: { name: string } }[] }).items.map((p) => p.metadata.name);
    const added = chunks.join('').split('\n').filter(Boolean).map((l) => JSON.parse(l) as { type: string; object: { metadata: { name: string } } });
    expect(added.map((a) => a.object.metadata.name).sort()).toEqual(names.sort());
    expect(added.every((a) => a.type === 'ADDED')).toBe(true);
  });

  it('journals refused commands and dry runs without counting them as changes', async () => {
    const e = await engine();
    const cm = (name: string) => JSON.stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name } });
    const post = (body: string, query: Record<string, string> = {}) =>
      e.request({ type: 'rest.request', req: { method: 'POST', path: '/api/v1/namespaces/default/configmaps', query, contentType: 'application/json', body } });
    expect((await post(cm('a'), { dryRun: 'All' })).status).toBe(201);
    expect((await post(cm('Not_Valid'))).status).toBe(422);
    expect((await post(cm('b'))).status).toBe(201);
    await expect(e.request({ type: 'node.cordon', node: 'no-such-node' })).rejects.toThrow(/not found/);
    await e.request({ type: 'node.cordon', node: 'worker-1' });
    expect(e.journalEntries.map((j) => j.changed)).toEqual([false, false, true, false, true]);
    expect(e.journalLength).toBe(2);
  });

  it('restarts from the journal with the same objects and uids', async () => {
    const e = await engine();
    const body = JSON.stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'kept' } });
    await e.request({ type: 'rest.request', req: { method: 'POST', path: '/api/v1/namespaces/default/configmaps', query: { dryRun: 'All' }, contentType: 'application/json', body } });
    const made = await e.request({ type: 'rest.request', req: { method: 'POST', path: '/api/v1/namespaces/default/configmaps', query: {}, contentType: 'application/json', body } });
    const uid = (JSON.parse(made.body!) as { metadata: { uid: string } }).metadata.uid;
    await e.request({ type: 'workload.scale', ref: { kind: 'Deployment', namespace: 'default', name: 'web' }, replicas: 5 });
    // Paused: the scale's ReplicaSet writes land with the next deltas, then nothing moves.
    await new Promise((r) => setTimeout(r, 400));
    const before = [...mirror.getState().pods.keys()].sort();
    expect(before.length).toBeGreaterThan(9);
    await e.restart();
    const got = await e.request({ type: 'rest.request', req: { method: 'GET', path: '/api/v1/namespaces/default/configmaps/kept', query: {} } });
    expect((JSON.parse(got.body!) as { metadata: { uid: string } }).metadata.uid).toBe(uid);
    expect([...mirror.getState().pods.keys()].sort()).toEqual(before);
  });
});
