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
  count?: number;
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

/**
 * A ReplicaSet retrying refused pods writes one event per attempt, each naming a new generated
 * pod: those are one refusal, said once with how many times it happened.
 */
const sameRefusal = (line: string) => line.replace(/pods "[^"]*"/g, 'pods "…"');

/** New Warning events about the applied objects or what they own (`<name>-…`), one line per distinct refusal. */
export async function warningsSince(host: EditorHost, refs: readonly ObjectRef[], mark: Map<string, number>): Promise<Map<ObjectRef, string[]>> {
  const seen = new Map<ObjectRef, Map<string, { line: string; times: number }>>();
  for (const [ns, since] of mark) {
    const l = await listEvents(host, ns);
    if (!l) continue;
    for (const e of l.items) {
      if (e.type !== 'Warning' || Number(e.metadata?.resourceVersion ?? 0) <= since) continue;
      const name = e.involvedObject?.name ?? '';
      const ref = refs.find((r) => r.namespace === ns && (name === r.name || name.startsWith(`${r.name}-`)));
      if (!ref) continue;
      const line = `${(e.involvedObject?.kind ?? '').toLowerCase()}/${name}: ${e.reason ?? ''}: ${e.message ?? ''}`;
      const lines = seen.get(ref) ?? new Map<string, { line: string; times: number }>();
      const same = lines.get(sameRefusal(line));
      if (same) same.times += e.count ?? 1;
      else lines.set(sameRefusal(line), { line, times: e.count ?? 1 });
      seen.set(ref, lines);
    }
  }
  const out = new Map<ObjectRef, string[]>();
  for (const [ref, lines] of seen) out.set(ref, [...lines.values()].map((x) => (x.times > 1 ? `${x.line} (×${x.times})` : x.line)));
  return out;
}

