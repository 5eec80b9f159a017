/** "Why this node" for a scheduled pod, "why Pending" for one that is not: the scheduler's reasoning. */
import type { SchedulingExplanation } from '../../../protocol/messages';
import type { EventView } from '../../../protocol/views';
import { ui } from '../../state/uiStore';
import { explainUnschedulable } from '../explain/plainWords';
import { Section } from './parts';

function VerdictTable({ s }: { s: SchedulingExplanation }) {
  if (!s.nodes.length) return null;
  const max = Math.max(1, ...s.nodes.map((n) => n.score ?? 0));
  const rows = [...s.nodes].sort((a, b) => Number(b.feasible) - Number(a.feasible) || (b.score ?? 0) - (a.score ?? 0) || a.node.localeCompare(b.node));
  return (
    <table className="d-table verdicts" aria-label="Scheduler verdict per node">
      <thead>
        <tr>
          <th>Node</th>
          <th>Filter</th>
          <th>Score</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((n) => (
          <tr key={n.node} className={`${n.node === s.chosen ? 'chosen' : ''}${n.feasible ? ' fits' : ' filtered'}`}>
            <td>
              <button className="linklike" onClick={() => ui.select({ kind: 'Node', name: n.node })}>
                {n.node}
              </button>
              {n.node === s.chosen && <span className="tag">chosen</span>}
            </td>
            <td>
              {n.feasible ? (
                <span className="ok">✓ fits</span>
              ) : (
                <span className="no">
                  ✗ {n.plugin ? <b>{n.plugin}</b> : null} {n.reasons.join('; ')}
                </span>
              )}
            </td>
            <td className="score">
              {n.score !== undefined ? (
                <span className="score-bar" title={(n.scores ?? []).map((p) => `${p.plugin}: ${p.score}${p.weight ? ` ×${p.weight}` : ''}`).join('\n')}>
                  <span style={{ width: `${(100 * (n.score ?? 0)) / max}%` }} />
                  <em>{Math.round(n.score)}</em>
                </span>
              ) : (
                <span className="muted">—</span>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function Scheduling({ s, events, node }: { s: SchedulingExplanation; events: EventView[]; node?: string }) {
  const scheduled = [...events].reverse().find((e) => e.reason === 'Scheduled');
  if (!node) {
    const message = s.message;
    const plain = message ? explainUnschedulable(message) : undefined;
    return (
      <Section title="Why it is Pending" id="sched">
        {plain ? (
          <>
            <p className="lead">
              {plain.total !== undefined ? `None of the ${plain.total} nodes can take this pod right now:` : 'The scheduler cannot place this pod yet:'}
            </p>
            <ul className="plain">
              {plain.reasons.map((r, i) => (
                <li key={i}>{r.plain}</li>
              ))}
              {plain.preemption && <li className="muted">{plain.preemption}</li>}
            </ul>
            <p className="muted small">The scheduler said (FailedScheduling):</p>
            <pre className="verbatim">{message}</pre>
          </>
        ) : (
          <p>Waiting for the scheduler to pick a node.</p>
        )}
        <VerdictTable s={s} />
      </Section>
    );
  }
  return (
    <Section title={`Why ${node}`} id="sched">
      {s.source === 'scheduler' ? (
        <p className="lead">
          The scheduler filtered out nodes that cannot run the pod, scored the rest, and bound it to the best: <b>{s.chosen ?? node}</b>.
        </p>
      ) : (
        <p className="lead">
          Bound to <b>{node}</b>
          {scheduled ? ` — ${scheduled.message}` : ''}.
        </p>
      )}
      <VerdictTable s={s} />
      {s.source !== 'scheduler' && !s.nodes.length && <p className="muted small">Per-node filter verdicts and scores appear here when the scheduler's explainer is available.</p>}
    </Section>
  );
}
