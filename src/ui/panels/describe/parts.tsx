/** Building blocks of the describe panes: key/value rows, condition and event tables, links. */
import type { ReactNode } from 'react';
import type { EventView, ObjectRef } from '../../../protocol/views';
import { useMirror } from '../../bridge';
import { ui } from '../../state/uiStore';
import { ageText } from '../../time/format';

export function Section({ title, children, id }: { title: string; children: ReactNode; id?: string }) {
  return (
    <section className="d-section" aria-labelledby={id}>
      <h3 id={id}>{title}</h3>
      {children}
    </section>
  );
}

export function KV({ rows }: { rows: [string, ReactNode][] }) {
  return (
    <dl className="kv">
      {rows
        .filter(([, v]) => v !== undefined && v !== null && v !== '')
        .map(([k, v]) => (
          <div key={k} className="kv-row">
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
    </dl>
  );
}

/** `key=value` chips. */
export function Labels({ labels }: { labels?: Record<string, string> }) {
  const entries = Object.entries(labels ?? {});
  if (!entries.length) return <span className="muted">&lt;none&gt;</span>;
  return (
    <span className="chips">
      {entries.map(([k, v]) => (
        <code key={k} className="chip">
          {k}
          {v !== '' ? `=${v}` : ''}
        </code>
      ))}
    </span>
  );
}

/** A link that selects another object. */
export function RefLink({ r }: { r: ObjectRef }) {
  return (
    <button className="linklike" onClick={() => ui.select(r)}>
      {r.kind}/{r.name}
    </button>
  );
}

interface Condition {
  type: string;
  status: string;
  reason?: string;
  message?: string;
  lastTransitionTime?: string;
}

export function Conditions({ conditions }: { conditions?: Condition[] }) {
  if (!conditions?.length) return <p className="muted">No conditions reported.</p>;
  return (
    <table className="d-table">
      <thead>
        <tr>
          <th>Type</th>
          <th>Status</th>
          <th>Reason</th>
        </tr>
      </thead>
      <tbody>
        {conditions.map((c) => (
          <tr key={c.type} className={`cond-${c.status}`} title={c.message}>
            <td>{c.type}</td>
            <td>
              <span className={`status-dot s-${c.status}`} aria-hidden="true" />
              {c.status}
            </td>
            <td>{c.reason ?? ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function Events({ events }: { events: EventView[] }) {
  const now = useMirror((s) => Math.floor(s.clock.now / 1000) * 1000);
  if (!events.length) return <p className="muted">&lt;none&gt;</p>;
  return (
    <table className="d-table events">
      <thead>
        <tr>
          <th>Type</th>
          <th>Reason</th>
          <th>Age</th>
          <th>From</th>
          <th>Message</th>
        </tr>
      </thead>
      <tbody>
        {[...events].reverse().map((e) => (
          <tr key={e.uid} className={e.type === 'Warning' ? 'warning' : ''}>
            <td>{e.type}</td>
            <td>{e.reason}</td>
            <td className="nowrap">
              {e.count > 1 ? `${ageText(now - e.last)} (x${e.count} over ${ageText(now - e.first)})` : ageText(now - e.last)}
            </td>
            <td>{e.source}</td>
            <td className="msg">{e.message}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
