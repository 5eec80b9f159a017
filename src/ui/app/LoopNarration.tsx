/**
 * The control-loop story, one line per step as the narrator releases it: who acted, on what, and
 * what the API server stored. Shown when the overlay is on.
 */
import { useEffect, useState } from 'react';
import type { Activity } from '../../protocol/views';
import { narrator, partOf } from '../board/loops/narrator';
import { useUi } from '../state/uiStore';
import { clockText } from '../time/format';

const KEEP = 7;

const ROLE: Record<ReturnType<typeof partOf>, string> = {
  person: 'API request',
  scheduler: 'scheduler bind',
  'controller-manager': 'controller reconcile',
  kubelet: 'kubelet',
};

export function LoopNarration() {
  const on = useUi((s) => s.loops);
  const [lines, setLines] = useState<Activity[]>([]);
  useEffect(() => {
    if (!on) {
      setLines([]);
      return;
    }
    return narrator.listen((a) => setLines((l) => [...l.slice(-(KEEP - 1)), a]));
  }, [on]);
  if (!on) return null;
  return (
    <section className="loops" aria-label="Control loops" aria-live="polite">
      <h2>Control loops</h2>
      {!lines.length && <p className="muted">Waiting for the next change… try scaling or failing a node.</p>}
      <ol>
        {lines.map((a) => {
          const who = partOf(a.actor);
          return (
            <li key={a.seq} className={`loop-line actor-${who}`}>
              <span className="loop-step">{ROLE[who]}</span>
              <span className="loop-text">
                <b>{a.actor === 'kubelet' && a.node ? `kubelet on ${a.node}` : a.actor}</b> → {a.target.kind} <code>{a.target.name}</code>: {a.summary}
              </span>
              <span className="loop-meta">
                {clockText(a.at)} · etcd rv {a.rv}
              </span>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
