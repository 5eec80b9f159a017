/**
 * Two-way sync for buffers opened from live objects. Each such buffer watches its object (a list
 * by name, then a watch from the list's resourceVersion — what kubectl's informers do):
 *  - buffer unmodified → it follows the object, so it always shows the cluster's current version;
 *  - buffer has edits and someone else changed what it shows → the change is kept aside and the
 *    person is told (they can compare, reload, or apply over it);
 *  - only status or bookkeeping changed → nothing to say (an apply would not conflict).
 * After a reload the cluster is a new one: the first list tells whether the object still exists.
 */
import { deepEqualJson, userFields, type JsonMap } from '../../../client/apply';
import { buffers } from '../buffers/store';
import { isLive, isModified, type Buffer } from '../buffers/types';
import { collectionOf, type EditorSession } from '../session';
import { adopt } from '../run/actions';

interface Watch {
  key: string;
  stop?: () => void;
  timer?: ReturnType<typeof setTimeout>;
  closed: boolean;
}

const keyOf = (b: Buffer) => (isLive(b) ? `${b.origin.ref.apiVersion}/${b.origin.ref.kind}/${b.origin.ref.namespace ?? ''}/${b.origin.ref.name}` : '');

/** Folds one observed state of the object (undefined: it is gone) into the buffer. */
export function reconcile(id: string, obj: JsonMap | undefined): void {
  const b = buffers.byId(id);
  if (!isLive(b)) return;
  if (!obj) {
    if (!b.origin.deleted) buffers.update(id, { origin: { ...b.origin, deleted: true } });
    return;
  }
  if (!isModified(b)) {
    if (b.text !== b.origin.baseText || (b.origin.base.metadata as JsonMap)?.resourceVersion !== (obj.metadata as JsonMap)?.resourceVersion || b.origin.deleted) adopt(id, obj, false);
    return;
  }
  const theirs = deepEqualJson(userFields(obj), userFields(b.origin.base));
  buffers.update(id, { origin: { ...b.origin, deleted: false, remote: theirs ? undefined : obj } });
}

export class Follower {
  private watches = new Map<string, Watch>();

  constructor(private readonly session: EditorSession) {}

  /** Starts and stops watches to match the open live buffers. */
  sync(list: readonly Buffer[]): void {
    const wanted = new Map(list.filter(isLive).map((b) => [b.id, keyOf(b)]));
    for (const [id, w] of this.watches) if (wanted.get(id) !== w.key) this.stop(id);
    for (const [id, key] of wanted) if (!this.watches.has(id)) this.start(id, key);
  }

  dispose(): void {
    for (const id of [...this.watches.keys()]) this.stop(id);
  }

  private stop(id: string): void {
    const w = this.watches.get(id);
    if (!w) return;
    w.closed = true;
    clearTimeout(w.timer);
    w.stop?.();
    this.watches.delete(id);
  }

  private start(id: string, key: string): void {
    const w: Watch = { key, closed: false };
    this.watches.set(id, w);
    void this.run(id, w);
  }

  private retry(id: string, w: Watch, ms = 1500): void {
    if (w.closed) return;
    clearTimeout(w.timer);
    w.timer = setTimeout(() => void this.run(id, w), ms);
  }

  private async run(id: string, w: Watch): Promise<void> {
    const b = buffers.byId(id);
    if (!isLive(b) || w.closed) return;
    const ref = b.origin.ref;
    const collection = collectionOf(ref);
    const selector = `metadata.name=${ref.name}`;
    try {
      const list = await this.session.host.rest({ method: 'GET', path: collection, query: { fieldSelector: selector }, accept: 'application/json' });
      if (w.closed) return;
      if (list.status >= 400) return this.retry(id, w, 3000);
      const body = JSON.parse(list.body ?? '{}') as { items?: JsonMap[]; metadata?: { resourceVersion?: string } };
      reconcile(id, body.items?.[0]);
      let partial = '';
      let expired = false;
      w.stop = await this.session.host.watch(
        { method: 'GET', path: collection, query: { watch: 'true', fieldSelector: selector, resourceVersion: body.metadata?.resourceVersion ?? '', allowWatchBookmarks: 'true' }, accept: 'application/json' },
        (chunk) => {
          partial += chunk;
          const lines = partial.split('\n');
          partial = lines.pop() ?? '';
          for (const line of lines) {
            if (!line.trim()) continue;
            const ev = JSON.parse(line) as { type: string; object: JsonMap };
            if (ev.type === 'ADDED' || ev.type === 'MODIFIED') reconcile(id, ev.object);
            else if (ev.type === 'DELETED') reconcile(id, undefined);
            else if (ev.type === 'ERROR') expired = true;
          }
        },
        () => this.retry(id, w, expired ? 0 : 1500),
      );
      if (w.closed) w.stop();
    } catch {
      this.retry(id, w, 3000);
    }
  }
}
