/**
 * The event feed: Kubernetes Events and the API requests people made (board actions, kubectl),
 * newest first, filterable by object. Re-rendered at most four times a second however busy the
 * cluster is.
 */
import { memo, useEffect, useMemo, useState } from 'react';
import type { AuditEntry, EventView, ObjectRef } from '../../protocol/views';
import { mirror, type MirrorState } from '../bridge';
import { ui, useUi } from '../state/uiStore';
import { clockText } from '../time/format';
import { useRowWindow } from './useRowWindow';

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

  const presenter = useUi((s) => s.presenter);
  const win = useRowWindow(rows.length, presenter);

  if (!open) return null;
  const selectedLabel = selection ? `only ${selection.kind.toLowerCase()}/${selection.name}` : 'only the selected object';
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
        {/* Long and short labels: a narrow feed (editor or details open) shows the short one; the
            checkbox keeps the full name for screen readers and as a tooltip. */}
        <label className="check" title={selectedLabel}>
          <input type="checkbox" aria-label={selectedLabel} checked={selectedOnly} onChange={(e) => useUi.setState({ feedSelectedOnly: e.target.checked })} disabled={!selection} />
          <span className="check-text check-long" aria-hidden="true">{selectedLabel}</span>
          <span className="check-text check-short" aria-hidden="true">selected</span>
        </label>
        <label className="check" title="warnings only">
          <input type="checkbox" aria-label="warnings only" checked={warningsOnly} onChange={(e) => useUi.setState({ feedWarningsOnly: e.target.checked })} />
          <span className="check-text check-long" aria-hidden="true">warnings only</span>
          <span className="check-text check-short" aria-hidden="true">warnings</span>
        </label>
        <span className="muted feed-count" title="events shown">{rows.length === SHOWN ? `latest ${SHOWN}` : `${rows.length}`}</span>
      </div>
      <ol className="feed-list" aria-live="off" ref={win.ref}>
        {win.before > 0 && <li className="feed-spacer" aria-hidden="true" style={{ height: win.before }} />}
        {rows.slice(win.first, win.last).map((r) => (r.kind === 'event' ? <EventRow key={r.key} e={r.e} /> : <AuditRow key={r.key} a={r.a} />))}
        {win.after > 0 && <li className="feed-spacer" aria-hidden="true" style={{ height: win.after }} />}
        {!rows.length && <li className="feed-empty muted">No events{filter || selectedOnly || warningsOnly ? ' match the filter' : ' yet'}.</li>}
      </ol>
    </section>
  );
}

/** One Kubernetes Event. Memoised on the event object: the mirror replaces it only when it changed. */
const EventRow = memo(function EventRow({ e }: { e: EventView }) {
  return (
    <li className={`feed-row ${e.type === 'Warning' ? 'warning' : 'normal'}`}>
      <time>{clockText(e.last)}</time>
      <span className="feed-type" aria-label={e.type}>
        {e.type === 'Warning' ? '▲' : '●'}
      </span>
      <button className="linklike feed-obj" onClick={() => ui.select(e.involved)}>
        {e.involved.kind.toLowerCase()}/{e.involved.name}
      </button>
      <b className="feed-reason">{e.reason}</b>
      <span className="feed-msg">{e.message}</span>
      <span className="feed-src">
        {e.source}
        {e.count > 1 ? ` ×${e.count}` : ''}
      </span>
    </li>
  );
});

/** One API request someone made (board, kubectl, editor). */
const AuditRow = memo(function AuditRow({ a }: { a: AuditEntry }) {
  return (
    <li className={`feed-row audit${a.error ? ' warning' : ''}`}>
      <time>{clockText(a.at)}</time>
      <span className="feed-type" aria-label="API request">
        ◆
      </span>
      <span className="feed-obj">{a.source === 'board' ? 'you' : a.source}</span>
      <b className="feed-reason">
        {a.method} {a.status}
      </b>
      <span className="feed-msg">
        {a.summary}
        {a.error ? ` — ${a.error}` : ''}
      </span>
      <span className="feed-src">
        <code>{a.path}</code>
      </span>
    </li>
  );
});
