/**
 * Consuming a watch: newline-delimited `{"type","object"}` events from a stream, handed to a
 * callback one at a time (in order, awaiting each). Ends when the server closes the stream, the
 * callback says stop, or Ctrl+C aborts (then InterruptedError).
 */
import type { Cmd } from '../cli/command';
import { InterruptedError } from '../errors';
import type { Obj } from '../util/manifest';
import type { CallOptions } from './rest';

export interface WatchEvent {
  type: 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK' | 'ERROR';
  object: Obj;
}

export type WatchEnd = 'closed' | 'stopped';

/** Streams `req` and calls `onEvent` per event; resolves how it ended. */
export function watch(cmd: Cmd, req: CallOptions, onEvent: (e: WatchEvent) => boolean | void | Promise<boolean | void>): Promise<WatchEnd> {
  return new Promise<WatchEnd>((resolve, reject) => {
    let buf = '';
    const queue: WatchEvent[] = [];
    let busy = false;
    let ended = false;
    let done = false;
    let cancel: (() => void) | undefined;
    const finish = (how: WatchEnd | Error) => {
      if (done) return;
      done = true;
      cmd.signal?.removeEventListener('abort', onAbort);
      cancel?.();
      if (how instanceof Error) reject(how);
      else resolve(how);
    };
    const onAbort = () => finish(new InterruptedError());
    const pump = async () => {
      if (busy) return;
      busy = true;
      try {
        while (queue.length && !done) {
          const stop = await onEvent(queue.shift()!);
          if (stop) return finish('stopped');
        }
        if (ended && !queue.length) finish('closed');
      } catch (e) {
        finish(e as Error);
      } finally {
        busy = false;
      }
    };
    if (cmd.signal?.aborted) return finish(new InterruptedError());
    cmd.signal?.addEventListener('abort', onAbort);
    cmd.client
      .stream(req, {
        chunk(text) {
          buf += text;
          let nl: number;
          while ((nl = buf.indexOf('\n')) >= 0) {
            const line = buf.slice(0, nl).trim();
            buf = buf.slice(nl + 1);
            if (!line) continue;
            try {
              queue.push(JSON.parse(line) as WatchEvent);
            } catch {
              /* a partial or foreign line: ignore, as the decoder would fail the watch */
            }
          }
          void pump();
        },
        end() {
          ended = true;
          void pump();
        },
      })
      .then((s) => {
        cancel = () => s.cancel();
        if (done) s.cancel();
      })
      .catch((e) => finish(e as Error));
  });
}
