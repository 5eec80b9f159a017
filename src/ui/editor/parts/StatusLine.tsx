/** What happened last in this buffer, in one line (live mode says why it is waiting). */
import type { StatusLine as Line } from '../run/state';

const time = (ms: number) => new Date(ms).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit' });

export function StatusLine({ status, liveMode }: { status?: Line; liveMode: boolean }) {
  const text = status?.text ?? (liveMode ? 'Live: edits apply by themselves once the YAML is valid.' : 'Ready. Apply with Ctrl/Cmd+Enter.');
  return (
    <div className={`ed-status ${status?.tone ?? 'idle'}`} role="status" aria-live="polite" data-testid="editor-status">
      <span className="ed-status-text" title={text}>
        {text}
      </span>
      {status && <time className="muted">{time(status.at)}</time>}
    </div>
  );
}
