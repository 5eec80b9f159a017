/** Apply, diff, live mode and (for live objects) reload, for the active buffer. */
import type { Buffer } from '../buffers/types';
import { isLive } from '../buffers/types';

const mac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

export function Toolbar({ b, busy, onApply, onDiff, onReload, onLive }: { b: Buffer; busy: boolean; onApply: () => void; onDiff: () => void; onReload: () => void; onLive: (on: boolean) => void }) {
  return (
    <div className="ed-toolbar" role="toolbar" aria-label="Buffer actions">
      <button className="btn primary" onClick={onApply} disabled={busy} data-testid="editor-apply" title={`kubectl apply (${mac ? '⌘' : 'Ctrl'}+Enter)`}>
        Apply <kbd>{mac ? '⌘' : 'Ctrl'}+↵</kbd>
      </button>
      <button className="btn" onClick={onDiff} disabled={busy} data-testid="editor-diff-button" title="What would change (server dry run)">
        Diff
      </button>
      <label className={`ed-live-toggle${b.liveMode ? ' on' : ''}`} title="Apply by itself after a pause in typing, when the YAML is valid">
        <input type="checkbox" role="switch" checked={b.liveMode} onChange={(e) => onLive(e.currentTarget.checked)} data-testid="editor-live" />
        Live
      </label>
      {isLive(b) && (
        <button className="btn" onClick={onReload} disabled={busy} title="Replace the buffer with the object as it is in the cluster now">
          Reload
        </button>
      )}
      <span className="spacer" />
      {isLive(b) && (
        <span className="ed-origin" title="This buffer shows a live object and follows it while you have no local edits">
          {b.origin.ref.kind} · {b.origin.ref.namespace ?? 'cluster'} · rv {String((b.origin.base.metadata as { resourceVersion?: string })?.resourceVersion ?? '')}
        </span>
      )}
    </div>
  );
}
