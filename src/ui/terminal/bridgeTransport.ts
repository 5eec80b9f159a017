/**
 * kubectl's Transport over the bridge: every request goes to the worker's REST handler labelled
 * `kubectl`, so the event feed says who made each change; watches and `logs -f` arrive as streams.
 */
import type { Transport } from '../../kubectl/types';
import { engine } from '../bridge';

export const bridgeTransport: Transport = {
  async request(req) {
    const r = await engine.request({ type: 'rest.request', req, source: 'kubectl' });
    // A plain request never wants a stream; if one opened anyway, close it.
    if (r.stream !== undefined) void engine.request({ type: 'rest.cancel', stream: r.stream }).catch(() => {});
    return { status: r.status, headers: r.headers, body: r.body ?? '' };
  },
  async stream(req, h) {
    const r = await engine.stream({ type: 'rest.request', req, source: 'kubectl' }, h);
    const id = r.stream;
    return {
      status: r.status,
      headers: r.headers,
      body: id === undefined ? (r.body ?? '') : undefined,
      cancel() {
        if (id !== undefined) void engine.request({ type: 'rest.cancel', stream: id }).catch(() => {});
      },
    };
  },
};
