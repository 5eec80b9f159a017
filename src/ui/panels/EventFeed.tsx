/**
 * The event feed: Kubernetes Events and the API requests people made (board actions, kubectl),
 * newest first, filterable by object. Re-rendered at most four times a second however busy the
 * cluster is.
 */
import { useEffect, useMemo, useState } from 'react';
import type { AuditEntry, EventView, ObjectRef } from '../../protocol/views';
import { mirror, type MirrorState } from '../bridge';
import { ui, useUi } from '../state/uiStore';
import { clockText } from '../time/format';

const SHOWN = 150;
/** At most three feed updates a second: a busy cluster writes hundreds of events a second. */
const THROTTLE_MS = 330;

type Row =
  | { kind: 'event'; key: string; at: number; e: EventView }
  | { kind: 'audit'; key: string; at: number; a: AuditEntry };

function useThrottledFeed(): Pick<MirrorState, 'events' | 'audit'> {
  const [feed, setFeed] = useState(() => ({ events: mirror.getState().events, audit: mirror.getState().audit }));
  useEffect(() => {
    let t: ReturnType<typeof setTimeout> | undefined;
    const off = mirror.subscribe((s, p) => {
      if (s.events === p.events && s.audit === p.audit) return;
      if (t) return;
      t = setTimeout(() => {
        t = undefined;
        const m = mirror.getState();
        setFeed({ events: m.events, audit: m.audit });
      }, THROTTLE_MS);
    });
    return () => {
      off();
      clearTimeout(t);
    };
  }, []);
  return feed;
}

function matchesRef(r: ObjectRef, sel: ObjectRef): boolean {
  return sel.uid && r.uid ? r.uid === sel.uid : r.kind === sel.kind && r.name === sel.name;
}

export function EventFeed() {
  const open = useUi((s) => s.feedOpen);
  const filter = useUi((s) => s.feedFilter);
  const selectedOnly = useUi((s) => s.feedSelectedOnly);
  const warningsOnly = useUi((s) => s.feedWarningsOnly);
  const selection = useUi((s) => s.selection);
  const { events, audit } = useThrottledFeed();

  const rows = useMemo(() => {
    const q = filter.trim().toLowerCase();
    const out: Row[] = [];
    for (const e of events) {
      if (warningsOnly && e.type !== 'Warning') continue;
      if (selectedOnly && selection && !matchesRef(e.involved, selection)) continue;
      if (q && !`${e.involved.kind}/${e.involved.name} ${e.reason} ${e.message} ${e.source}`.toLowerCase().includes(q)) continue;
      out.push({ kind: 'event', key: e.uid, at: e.last, e });
    }
    for (const a of audit) {
      if (warningsOnly && !a.error) continue;
      if (selectedOnly && selection && !a.path.includes(`/${selection.name}`)) continue;
      if (q && !`${a.summary} ${a.path} ${a.error ?? ''}`.toLowerCase().includes(q)) continue;
      out.push({ kind: 'audit', key: `a${a.seq}`, at: a.at, a });
    }
    out.sort((x, y) => y.at - x.at || (y.kind === 'event' ? y.e.rv : y.a.seq) - (x.kind === 'event' ? x.e.rv : x.a.seq));
    return out.slice(0, SHOWN);
  }, [events, audit, filter, selectedOnly, warningsOnly, selection]);

  if (!open) return null;
  return (
    <section className="feed" aria-label="Event feed" data-testid="feed">
      <div className="feed-head">
        <h2>Events</h2>
        <input
          type="search"
          className="feed-filter"
          placeholder="Filter by object, reason or message"
          aria-label="Filter events"
          value={filter}
          onChange={(e) => useUi.setState({ feedFilter: e.target.value })}
        />
        <label className="check">
          <input type="checkbox" checked={selectedOnly} onChange={(e) => useUi.setState({ feedSelectedOnly: e.target.checked })} disabled={!selection} />
          {selection ? `only ${selection.kind.toLowerCase()}/${selection.name}` : 'only the selected object'}
        </label>
        <label className="check">
          <input type="checkbox" checked={warningsOnly} onChange={(e) => useUi.setState({ feedWarningsOnly: e.target.checked })} />
          warnings only
        </label>
        <span className="muted feed-count">{rows.length === SHOWN ? `latest ${SHOWN}` : `${rows.length}`}</span>
      </div>
      <ol className="feed-list" aria-live="off">
        {rows.map((r) =>
          r.kind === 'event' ? (
            <li key={r.key} className={`feed-row ${r.e.type === 'Warning' ? 'warning' : 'normal'}`}>
              <time>{clockText(r.at)}</time>
              <span className="feed-type" aria-label={r.e.type}>
                {r.e.type === 'Warning' ? '▲' : '●'}
              </span>
              <button className="linklike feed-obj" onClick={() => ui.select(r.e.involved)}>
                {r.e.involved.kind.toLowerCase()}/{r.e.involved.name}
              </button>
              <b className="feed-reason">{r.e.reason}</b>
              <span className="feed-msg">{r.e.message}</span>
              <span className="feed-src">
                {r.e.source}
                {r.e.count > 1 ? ` ×${r.e.count}` : ''}
              </span>
            </li>
          ) : (
            <li key={r.key} className={`feed-row audit${r.a.error ? ' warning' : ''}`}>
              <time>{clockText(r.at)}</time>
              <span className="feed-type" aria-label="API request">
                ◆
              </span>
              <span className="feed-obj">{r.a.source === 'board' ? 'you' : r.a.source}</span>
              <b className="feed-reason">
                {r.a.method} {r.a.status}
              </b>
              <span className="feed-msg">
                {r.a.summary}
                {r.a.error ? ` — ${r.a.error}` : ''}
              </span>
              <span className="feed-src">
                <code>{r.a.path}</code>
              </span>
            </li>
          ),
        )}
        {!rows.length && <li className="feed-empty muted">No events{filter || selectedOnly || warningsOnly ? ' match the filter' : ' yet'}.</li>}
      </ol>
    </section>
  );
}
