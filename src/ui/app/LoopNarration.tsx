/**
 * The control-loop story, one line per step as the narrator releases it: who acted (the person's
 * API write, or the component that saw it through its watch and reacted), on what, and what the
 * API server stored. Shown when the overlay is on; "slow motion" runs the cluster at ×0.25 so a
 * class can follow each step.
 */
import { useEffect, useState } from 'react';
import { narrator, partOf, type Step } from '../board/loops/narrator';
import { actions } from '../actions';
import { useUi } from '../state/uiStore';
import { clockText } from '../time/format';

const KEEP = 7;
const SLOW = 0.25;

const ROLE: Record<ReturnType<typeof partOf>, string> = {
  person: 'API write',
  scheduler: 'watch → bind',
  'controller-manager': 'watch → reconcile',
  kubelet: 'watch → kubelet',
};

function who(a: Step): string {
  if (a.actor !== 'kubelet') return a.actor;
  if (a.count > 1) return 'kubelets';
  return a.node ? `kubelet on ${a.node}` : 'kubelet';
}

/** `Pod` for one object (its name follows), `9 Pods` for a group. */
const what = (a: Step): string => (a.count === 1 ? a.target.kind : `${a.count} ${a.target.kind}s`);

function summary(a: Step): string {
  const s = a.summaries;
  return s.length <= 3 ? s.join(', ') : `${s.slice(0, 3).join(', ')}…`;
}

export function LoopNarration() {
  const on = useUi((s) => s.loops);
  const speed = useUi((s) => s.speed);
  const [lines, setLines] = useState<Step[]>([]);
  const [before, setBefore] = useState(1);
  useEffect(() => {
    if (!on) {
      setLines([]);
      return;
    }
    return narrator.listen((a) => setLines((l) => [...l.slice(-(KEEP - 1)), a]));
  }, [on]);
  if (!on) return null;
  const slow = speed <= SLOW;
  const skipped = narrator.skipped;
  return (
    <section className="loops" aria-label="Control loops">
      <div className="loops-head">
        <h2>Control loops</h2>
        <button
          className={`btn small toggle${slow ? ' on' : ''}`}
          aria-pressed={slow}
          title="Run the cluster at ×0.25 to follow each step"
          onClick={() => {
            if (slow) void actions.setSpeed(before > SLOW ? before : 1);
            else {
              setBefore(speed);
              void actions.setSpeed(SLOW);
            }
          }}
        >
          Slow motion
        </button>
      </div>
      {!lines.length && <p className="muted">Waiting for the next change… try scaling or failing a node.</p>}
      <ol aria-live="polite">
        {lines.map((a) => {
          const part = partOf(a.actor);
          return (
            <li key={a.seq} className={`loop-line actor-${part}`}>
              <span className="loop-step">{ROLE[part]}</span>
              <span className="loop-text">
                <b>{who(a)}</b> → {what(a)}
                {a.count === 1 ? (
                  <>
                    {' '}
                    <code>{a.target.name}</code>
                  </>
                ) : null}
                : {summary(a)}
              </span>
              <span className="loop-meta">
                {clockText(a.at)} · etcd rv {a.rv}
              </span>
            </li>
          );
        })}
      </ol>
      {skipped ? <p className="muted loops-skipped">{skipped} later steps came faster than they could be told and were skipped.</p> : null}
    </section>
  );
}
