import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Cluster } from '../cluster/cluster';
import { MAX_BODY_BYTES } from '../cluster/apiserver/rest/body';
import { apiErrors } from '../cluster/api/errors';

function send(res: ServerResponse, status: number, contentType: string, body: string, warnings?: string[]) {
  const headers: Record<string, string | string[]> = { 'Content-Type': contentType, 'Cache-Control': 'no-cache, private' };
  if (warnings?.length) headers.Warning = warnings;
  res.writeHead(status, headers);
  res.end(body);
}

/**
 * Serves the cluster's REST API over real HTTP for kubectl: a thin adapter from Node's request
 * to the transport-neutral RestRequest and back, with chunked streams for watches.
 */
export function serveCluster(cluster: Cluster, onRequest?: (method: string, url: string, status: number) => void): Server {
  return createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY_BYTES) tooLarge = true;
      else chunks.push(c);
    });
    req.on('error', () => res.destroy());
    req.on('end', () => {
      try {
        if (tooLarge) {
          const e = apiErrors.tooLarge();
          send(res, e.code, 'application/json', JSON.stringify(e.status));
          return;
        }
        const url = new URL(req.url ?? '/', 'http://localhost');
        const query: Record<string, string> = {};
        url.searchParams.forEach((v, k) => (query[k] = v));
        const raw = chunks.length ? Buffer.concat(chunks) : undefined;
        const contentType = req.headers['content-type'];
        // Protobuf is binary: a UTF-8 string would mangle it, so the raw bytes travel alongside.
        const binary = raw && (contentType ?? '').toLowerCase().startsWith('application/vnd.kubernetes.protobuf');
        const out = cluster.rest({
          method: req.method ?? 'GET',
          path: url.pathname,
          query,
          accept: req.headers.accept,
          contentType,
          body: raw?.toString('utf8'),
          bodyBytes: binary ? new Uint8Array(raw.buffer, raw.byteOffset, raw.byteLength) : undefined,
        });
        onRequest?.(req.method ?? 'GET', req.url ?? '', out.status);
        if (out.kind === 'reply') {
          send(res, out.status, out.headers['Content-Type'], out.body, out.headers.Warning);
          return;
        }
        res.writeHead(out.status, { 'Content-Type': out.headers['Content-Type'], 'Transfer-Encoding': 'chunked', 'Cache-Control': 'no-cache, private' });
        res.flushHeaders();
        let stopped = false;
        let stop = () => {};
        const finish = () => {
          if (stopped) return;
          stopped = true;
          stop();
          clearTimeout(timer);
          res.end();
        };
        const timer = setTimeout(finish, (out.timeoutSeconds ?? 1800) * 1000);
        stop = out.start((chunk) => {
          if (!stopped) res.write(chunk);
        }, finish);
        // Not req 'close': for a GET it fires as soon as the request is read. The response closes
        // when the client goes away.
        res.on('close', finish);
      } catch (e) {
        const err = apiErrors.internal((e as Error).message);
        if (!res.headersSent) send(res, 500, 'application/json', JSON.stringify(err.status));
        else res.end();
      }
    });
  });
}
