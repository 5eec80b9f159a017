/** The buffer tabs: title, a dot when a live object has local edits, close. Double-click renames. */
import { useState } from 'react';
import { buffers, useBuffers } from '../buffers/store';
import { isLive, isModified, type Buffer } from '../buffers/types';

/** Closing loses the text (a live buffer's unmodified text can be opened again, so no question then). */
function closeTab(b: Buffer): void {
  const losesWork = b.text.trim() !== '' && (isLive(b) ? isModified(b) : true);
  if (!losesWork || window.confirm(`Close ${b.title}? Its text will be lost.`)) buffers.close(b.id);
}

export function Tabs() {
  const list = useBuffers((s) => s.buffers);
  const active = useBuffers((s) => s.active);
  const [renaming, setRenaming] = useState<string>();
  return (
    <div className="ed-tabs" role="tablist" aria-label="YAML buffers">
      {list.map((b) => (
        <div key={b.id} className={`ed-tab${b.id === active ? ' active' : ''}`} role="presentation">
          {renaming === b.id ? (
            <input
              className="ed-rename"
              autoFocus
              defaultValue={b.title}
              aria-label="Buffer name"
              onBlur={(e) => {
                buffers.rename(b.id, e.currentTarget.value);
                setRenaming(undefined);
              }}
              onKeyDown={(e) => {
                if (e.key === 'Enter') e.currentTarget.blur();
                if (e.key === 'Escape') setRenaming(undefined);
              }}
            />
          ) : (
            <button
              role="tab"
              aria-selected={b.id === active}
              className="ed-tab-title"
              onClick={() => buffers.activate(b.id)}
              onDoubleClick={() => setRenaming(b.id)}
              title={isLive(b) ? `Live object ${b.origin.ref.kind}/${b.origin.ref.name} — double-click to rename` : 'Double-click to rename'}
            >
              {isLive(b) && <span className="ed-live-dot" aria-label="live object" />}
              {b.title}
              {isLive(b) && isModified(b) && <span className="ed-modified" aria-label="modified"> ●</span>}
              {b.liveMode && <span className="ed-badge">live</span>}
            </button>
          )}
          <button className="ed-tab-close" aria-label={`Close ${b.title}`} onClick={() => closeTab(b)}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
