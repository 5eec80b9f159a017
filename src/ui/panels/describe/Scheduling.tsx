/** "Why this node" for a scheduled pod, "why Pending" for one that is not: the scheduler's reasoning. */
import type { SchedulingExplanation } from '../../../protocol/messages';
import type { EventView } from '../../../protocol/views';
import { ui } from '../../state/uiStore';
import { clockText } from '../../time/format';
import { explainUnschedulable } from '../explain/plainWords';
import { Section } from './parts';

/** Plugin colours for the score breakdown (Okabe–Ito, in a fixed order so they never shuffle). */
const PLUGIN_COLOURS = ['#56B4E9', '#E69F00', '#009E73', '#CC79A7', '#0072B2', '#D55E00', '#F0E442'];
const pluginColour = (plugins: string[], p: string) => PLUGIN_COLOURS[plugins.indexOf(p) % PLUGIN_COLOURS.length];

function VerdictTable({ s }: { s: SchedulingExplanation }) {
  if (!s.nodes.length) return null;
  const max = Math.max(1, ...s.nodes.map((n) => n.score ?? 0));
  const plugins = [...new Set(s.nodes.flatMap((n) => (n.scores ?? []).map((x) => x.plugin)))];
  const rows = [...s.nodes].sort((a, b) => Number(b.feasible) - Number(a.feasible) || (b.score ?? 0) - (a.score ?? 0) || a.node.localeCompare(b.node));
  return (
    <>
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
                  <span className="score-bar" title={(n.scores ?? []).map((p) => `${p.plugin}: ${p.score}`).join('\n')}>
                    {(n.scores ?? []).map((p) => (
                      <span key={p.plugin} className="seg" style={{ width: `${(100 * p.score) / max}%`, background: pluginColour(plugins, p.plugin) }} />
                    ))}
                    <em>{Math.round(n.score)}</em>
                  </span>
                ) : (
                  <span className="muted">{n.feasible ? 'not scored' : '—'}</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {plugins.length > 0 && (
        <ul className="plugin-legend" aria-label="Score plugins">
          {plugins.map((p) => (
            <li key={p}>
              <span className="swatch" style={{ background: pluginColour(plugins, p) }} aria-hidden="true" />
              {p}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function Attempt({ s }: { s: SchedulingExplanation }) {
  if (s.source !== 'scheduler') return null;
  return (
    <p className="muted small">
      Attempt {s.attempts}
      {s.time ? ` at ${clockText(s.time)}` : ''} · {s.evaluatedNodes} of {s.totalNodes} nodes evaluated · {s.feasibleNodes} feasible
      {s.nominatedNode ? ` · nominated ${s.nominatedNode}` : ''}
    </p>
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
        <Attempt s={s} />
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
      <Attempt s={s} />
      <VerdictTable s={s} />
      {s.source !== 'scheduler' && !s.nodes.length && <p className="muted small">Per-node filter verdicts and scores appear here when the scheduler's explainer is available.</p>}
    </Section>
  );
}
