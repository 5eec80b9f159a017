/** The keyboard shortcuts and what the pictures mean. */
import { useEffect, useRef } from 'react';
import { Icon } from '../components/Icon';
import { LEGEND_LOOKS, LOOK_WORDS, markPath } from '../board/glyph';
import { useUi } from '../state/uiStore';
import { SHORTCUTS } from './shortcuts';

export function HelpDialog() {
  const open = useUi((s) => s.helpOpen);
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);
  return (
    <dialog ref={ref} className="help" aria-label="Help" onClose={() => useUi.setState({ helpOpen: false })}>
      <div className="help-head">
        <h2>How to play</h2>
        <button className="btn icon-btn" aria-label="Close help" onClick={() => useUi.setState({ helpOpen: false })}>
          <Icon name="close" />
        </button>
      </div>
      <p className="muted">
        A real Kubernetes control plane runs in your browser. The podium is the control plane, each section (or deck) is a node, each musician (or
        track) is a pod. Click anything for its details; change the cluster from the details panel or by dragging a fader.
      </p>
      <div className="help-cols">
        <table className="keys">
          <tbody>
            {SHORTCUTS.map((s) => (
              <tr key={s.keys}>
                <th>
                  <kbd>{s.keys}</kbd>
                </th>
                <td>{s.what}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <ul className="looks">
          {LEGEND_LOOKS.map((l) => (
            <li key={l}>
              <svg width="22" height="22" viewBox="-11 -11 22 22" aria-hidden="true">
                <g className={`pod look-${l}`} style={{ ['--c' as string]: '#56B4E9' }}>
                  <circle className="body" r={8} />
                  <path className="mark" d={markPath(l, 9)} />
                </g>
              </svg>
              <b>{LOOK_WORDS[l].title}</b> — {LOOK_WORDS[l].meaning}
            </li>
          ))}
        </ul>
      </div>
    </dialog>
  );
}
