/**
 * What happened because of an apply that the apply itself cannot say: a Deployment is accepted,
 * then its ReplicaSet's pods are refused by a ResourceQuota or an admission check. Those refusals
 * are Warning events on the objects it created (`FailedCreate` on `web-5d9…`); this finds the new
 * ones so the editor can show them next to the apply's result.
 */
import type { ObjectRef } from '../../../client/apply';
import type { EditorHost } from '../host';

interface EventItem {
  type?: string;
  reason?: string;
  message?: string;
  involvedObject?: { kind?: string; name?: string; namespace?: string };
  metadata?: { resourceVersion?: string };
}

async function listEvents(host: EditorHost, namespace: string): Promise<{ rv: number; items: EventItem[] } | undefined> {
  const r = await host.rest({ method: 'GET', path: `/api/v1/namespaces/${encodeURIComponent(namespace)}/events`, query: { limit: '500' }, accept: 'application/json' });
  if (r.status >= 400) return undefined;
  const body = JSON.parse(r.body ?? '{}') as { items?: EventItem[]; metadata?: { resourceVersion?: string } };
  return { rv: Number(body.metadata?.resourceVersion ?? 0), items: body.items ?? [] };
}

/** Where the events of the applied objects will be, and which revision of them is "before". */
export async function eventMark(host: EditorHost, refs: readonly Pick<ObjectRef, 'namespace'>[]): Promise<Map<string, number>> {
  const mark = new Map<string, number>();
  for (const ns of new Set(refs.map((r) => r.namespace).filter((n): n is string => !!n))) {
    // A namespace the apply itself creates has no events yet: everything in it will be new.
    const l = await listEvents(host, ns);
    mark.set(ns, l?.rv ?? 0);
  }
  return mark;
}

/** New Warning events about the applied objects or what they own (`<name>-…`), as one line each. */
export async function warningsSince(host: EditorHost, refs: readonly ObjectRef[], mark: Map<string, number>): Promise<Map<ObjectRef, string[]>> {
  const out = new Map<ObjectRef, string[]>();
  for (const [ns, since] of mark) {
    const l = await listEvents(host, ns);
    if (!l) continue;
    for (const e of l.items) {
      if (e.type !== 'Warning' || Number(e.metadata?.resourceVersion ?? 0) <= since) continue;
      const name = e.involvedObject?.name ?? '';
      const ref = refs.find((r) => r.namespace === ns && (name === r.name || name.startsWith(`${r.name}-`)));
      if (!ref) continue;
      const line = `${(e.involvedObject?.kind ?? '').toLowerCase()}/${name}: ${e.reason ?? ''}: ${e.message ?? ''}`;
      const list = out.get(ref) ?? [];
      if (!list.includes(line)) list.push(line);
      out.set(ref, list);
    }
  }
  return out;
}

