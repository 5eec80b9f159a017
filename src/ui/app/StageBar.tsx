/** A line above the board: what is on stage, and the board-level actions (add a node). */
import { useMirror } from '../bridge';
import { actions } from '../actions';
import { Icon } from '../components/Icon';

export function StageBar() {
  const nodes = useMirror((s) => s.nodes.size);
  const pods = useMirror((s) => s.pods.size);
  const running = useMirror((s) => {
    let n = 0;
    for (const p of s.pods.values()) if (p.look === 'running') n++;
    return n;
  });
  const pending = useMirror((s) => {
    let n = 0;
    for (const p of s.pods.values()) if (p.look === 'pending') n++;
    return n;
  });
  const live = useMirror((s) => s.status === 'live');
  return (
    <div className="stagebar">
      <span className="census" aria-live="off">
        <b>{nodes}</b> nodes · <b>{pods}</b> pods · <b>{running}</b> playing{pending ? <> · <b className="warn">{pending}</b> pending</> : null}
      </span>
      <button className="btn small" onClick={() => actions.addNode()} disabled={!live}>
        <Icon name="plus" size={14} /> Add node
      </button>
    </div>
  );
}
