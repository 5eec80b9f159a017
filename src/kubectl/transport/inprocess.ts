/**
 * A Transport over a synchronous `rest(req)` (the cluster's REST handler in the same thread: the
 * headless tests, or the worker itself). Streams start after the head is returned, so events are
 * delivered asynchronously, as over a network.
 */
import type { HttpRequest, HttpStream, StreamHandlers, Transport } from '../types';

export type SyncRestResponse =
  | { kind: 'reply'; status: number; headers: { 'Content-Type': string; Warning?: string[] }; body: string }
  | {
      kind: 'stream';
      status: number;
      headers: { 'Content-Type': string; Warning?: string[] };
      timeoutSeconds?: number;
      start(write: (chunk: string) => void, end: () => void): () => void;
    };

export function inProcessTransport(rest: (req: HttpRequest) => SyncRestResponse): Transport {
  return {
    async request(req) {
      const r = rest(req);
      if (r.kind === 'reply') return { status: r.status, headers: r.headers, body: r.body };
      // A stream asked for as a plain request: collect what is there now.
      let body = '';
      const stop = r.start((c) => (body += c), () => {});
      stop();
      return { status: r.status, headers: r.headers, body };
    },
    async stream(req, h: StreamHandlers): Promise<HttpStream> {
      const r = rest(req);
      if (r.kind === 'reply') {
        queueMicrotask(() => h.end());
        return { status: r.status, headers: r.headers, body: r.body, cancel() {} };
      }
      let stopped = false;
      let stop = () => {};
      const end = () => {
        if (stopped) return;
        stopped = true;
        stop();
        h.end();
      };
      setTimeout(() => {
        if (stopped) return;
        stop = r.start(
          (c) => {
            if (!stopped) h.chunk(c);
          },
          end,
        );
      }, 0);
      return {
        status: r.status,
        headers: r.headers,
        cancel() {
          stopped = true;
          stop();
        },
      };
    },
  };
}
