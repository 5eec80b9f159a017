/** A line above the board: what is on stage, and the board-level actions (add a node). */
import { useMirror, type MirrorState } from '../bridge';
import { actions } from '../actions';
import { Icon } from '../components/Icon';

/** Running and pending counts, counted once per pods map (the selectors run on every mirror write). */
const census = new WeakMap<MirrorState['pods'], { running: number; pending: number }>();
function countOf(pods: MirrorState['pods']): { running: number; pending: number } {
  let c = census.get(pods);
  if (!c) {
    c = { running: 0, pending: 0 };
    for (const p of pods.values()) {
      if (p.look === 'running') c.running++;
      else if (p.look === 'pending') c.pending++;
    }
    census.set(pods, c);
  }
  return c;
}

export function StageBar() {
  const nodes = useMirror((s) => s.nodes.size);
  const pods = useMirror((s) => s.pods.size);
  const running = useMirror((s) => countOf(s.pods).running);
  const pending = useMirror((s) => countOf(s.pods).pending);
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
