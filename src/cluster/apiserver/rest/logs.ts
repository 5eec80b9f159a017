import { apiErrors } from '../../api/errors';
import type { KObject } from '../../api/types';
import type { SimClock } from '../../sim/clock';
import type { RestResponse } from './types';

/** Reads the text of a container log (the kubelet's answer) or throws the API error. */
export type LogReader = (pod: KObject, q: Record<string, string>) => string;

/**
 * `GET pods/<name>/log`: plain text, or with `follow=true` a stream that keeps sending new lines
 * as simulated time passes (checked once per simulated second, like a kubelet tailing a file).
 */
export function logResponse(read: LogReader, pod: () => KObject | undefined, name: string, q: Record<string, string>, clock: SimClock): RestResponse {
  const first = pod();
  if (!first) throw apiErrors.notFound('pods', '', name);
  const text = read(first, q);
  if (q.follow !== 'true') return { kind: 'reply', status: 200, headers: { 'Content-Type': 'text/plain' }, body: text };
  // Follow from the full (untailed) text so each tick can send just what was appended.
  const { tailLines: _tail, ...untailed } = q;
  return {
    kind: 'stream',
    status: 200,
    headers: { 'Content-Type': 'text/plain' },
    start(write, end) {
      write(text);
      let known = read(first, untailed);
      let timer = 0;
      const tick = () => {
        const p = pod();
        if (!p) return end();
        let now: string;
        try {
          now = read(p, untailed);
        } catch {
          return end();
        }
        if (now.startsWith(known) && now.length > known.length) write(now.slice(known.length));
        known = now;
        timer = clock.after(1000, tick);
      };
      timer = clock.after(1000, tick);
      return () => clock.clear(timer);
    },
  };
}
