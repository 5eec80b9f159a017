/**
 * A live buffer's news from the cluster: the object changed while you were editing, or it was
 * deleted. You can compare, take their version, or keep yours (applying it will then ask).
 */
import type { Buffer } from '../buffers/types';
import { isLive } from '../buffers/types';

export function Notice({ b, busy, onCompare, onReload, onKeep }: { b: Buffer; busy: boolean; onCompare: () => void; onReload: () => void; onKeep: () => void }) {
  // While an apply is in flight, the changes it causes arrive before its answer: not news.
  if (!isLive(b) || busy) return null;
  const { ref, remote, deleted } = b.origin;
  const what = `${ref.kind.toLowerCase()}/${ref.name}`;
  if (deleted) {
    return (
      <div className="ed-notice warn" role="status" data-testid="editor-notice">
        <span>
          <strong>{what}</strong> is not in the cluster (deleted, or the cluster was restarted). Applying this buffer creates it again.
        </span>
      </div>
    );
  }
  if (!remote) return null;
  return (
    <div className="ed-notice" role="status" data-testid="editor-notice">
      <span>
        <strong>{what}</strong> changed in the cluster while you were editing.
      </span>
      <span className="spacer" />
      <button className="btn" onClick={onCompare}>
        Compare
      </button>
      <button className="btn" onClick={onReload}>
        Take theirs
      </button>
      <button className="btn subtle" onClick={onKeep}>
        Keep mine
      </button>
    </div>
  );
}
