/**
 * Waiting until objects are gone (`kubectl delete`'s wait, `kubectl wait --for=delete`): GET;
 * if it is still there with the same uid, list it by name and watch from that list's
 * resourceVersion until a DELETED event (re-listing if the server ends the watch).
 */
import type { Cmd } from '../cli/command';
import type { Mapping } from '../discovery/types';
import { StatusError } from '../errors';
import type { Obj } from '../util/manifest';
import { resourcePath } from './paths';
import { watch } from './watch';

export interface Target {
  mapping: Mapping;
  namespace: string;
  name: string;
  uid?: string;
}

/** True when the object is gone; rejects on API errors or Ctrl+C. */
export async function waitDeleted(cmd: Cmd, t: Target): Promise<void> {
  try {
    const o = await cmd.client.call<Obj>({ path: resourcePath(t.mapping, t.namespace, t.name) });
    if (t.uid && (o.metadata as { uid?: string })?.uid !== t.uid) return;
  } catch (e) {
    if (e instanceof StatusError && e.reason === 'NotFound') return;
    throw e;
  }
  const fieldSelector = `metadata.name=${t.name}`;
  for (;;) {
    const list = await cmd.client.call<Obj>({ path: resourcePath(t.mapping, t.namespace), query: { fieldSelector, limit: '500', resourceVersion: '0' } });
    const items = (list.items as Obj[]) ?? [];
    if (!items.some((i) => !t.uid || (i.metadata as { uid?: string })?.uid === t.uid)) return;
    const rv = String((list.metadata as { resourceVersion?: string })?.resourceVersion ?? '');
    let gone = false;
    await watch(
      cmd,
      { path: resourcePath(t.mapping, t.namespace), query: { allowWatchBookmarks: 'true', fieldSelector, resourceVersion: rv, timeoutSeconds: '420', watch: 'true' } },
      (e) => {
        if (e.type === 'DELETED') {
          gone = true;
          return true;
        }
      },
    );
    if (gone) return;
  }
}
