import { describe, expect, it } from 'vitest';
import { RemoteError } from './errors';
import { isMutating, type Notice, type Request } from './messages';
import { linkedPair, RpcClient } from './rpc';
import { PROTOCOL_VERSION } from './version';

describe('rpc', () => {
  it('answers each request with its own result, by id', async () => {
    const { client } = linkedPair((r: Request) => (r.type === 'sim.speed' ? { speed: r.speed } : null));
    const [a, b] = await Promise.all([client.request({ type: 'sim.speed', speed: 2 }), client.request({ type: 'sim.speed', speed: 50 })]);
    expect(a).toEqual({ speed: 2 });
    expect(b).toEqual({ speed: 50 });
    expect(client.inFlight).toBe(0);
  });

  it('carries a thrown error across as data, keeping the Kubernetes code and reason', async () => {
    const { client } = linkedPair(() => {
      throw Object.assign(new Error('deployments.apps "nope" not found'), { name: 'ApiError', code: 404, reason: 'NotFound' });
    });
    const err = await client.request({ type: 'node.cordon', node: 'x' }).catch((e) => e);
    expect(err).toBeInstanceOf(RemoteError);
    expect(err).toMatchObject({ message: 'deployments.apps "nope" not found', code: 404, reason: 'NotFound', name: 'ApiError' });
  });

  it('resolves async handlers and passes notices to the client', async () => {
    const notices: Notice[] = [];
    const { client, server } = linkedPair(async () => 7, (n) => notices.push(n));
    server.notify({ type: 'rest.end', stream: 3 });
    expect(await client.request({ type: 'sim.play' })).toBe(7);
    expect(notices).toEqual([{ type: 'rest.end', stream: 3, v: PROTOCOL_VERSION }]);
  });

  it('rejects everything in flight when the worker is gone', async () => {
    const client = new RpcClient(() => {}, () => {});
    const p = client.request({ type: 'sim.pause' });
    client.failAll({ name: 'WorkerCrashed', message: 'the worker stopped' });
    await expect(p).rejects.toMatchObject({ name: 'WorkerCrashed' });
  });

  it('refuses a message of another protocol version', () => {
    const client = new RpcClient(() => {}, () => {});
    expect(() => client.receive({ v: PROTOCOL_VERSION + 1, type: 'rest.end', stream: 1 })).toThrow(/protocol mismatch/);
  });

  it('journals writes but not reads', () => {
    expect(isMutating({ type: 'node.cordon', node: 'a' })).toBe(true);
    expect(isMutating({ type: 'object.describe', ref: { kind: 'Pod', name: 'p' } })).toBe(false);
    expect(isMutating({ type: 'rest.request', req: { method: 'GET', path: '/api/v1/pods', query: {} } })).toBe(false);
    expect(isMutating({ type: 'rest.request', req: { method: 'post', path: '/api/v1/namespaces/default/pods', query: {} } })).toBe(true);
  });
});
