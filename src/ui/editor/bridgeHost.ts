/**
 * The editor's host on the app's own cluster: REST and watches go through the bridge's engine to
 * the worker, labelled `editor` so the event feed says who made each change.
 */
import { engine } from '../bridge';
import type { EditorHost } from './host';

export const bridgeHost: EditorHost = {
  async rest(req) {
    const r = await engine.request({ type: 'rest.request', req, source: 'editor' });
    return { status: r.status, headers: r.headers, body: r.body };
  },
  async watch(req, onChunk, onEnd) {
    const r = await engine.stream({ type: 'rest.request', req, source: 'editor' }, { chunk: onChunk, end: onEnd });
    if (r.stream === undefined) {
      onEnd();
      return () => {};
    }
    const id = r.stream;
    return () => void engine.request({ type: 'rest.cancel', stream: id }).catch(() => {});
  },
};
