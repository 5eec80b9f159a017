/** A side-by-side (or inline, when narrow) Monaco diff of two texts, read-only. */
import { useEffect, useRef } from 'react';
import { monaco } from './monaco/monaco';
import { themeName } from './monaco/theme';
import type { DiffView } from './run/state';

export function DiffPane({ diff, onClose, onApply }: { diff: DiffView; onClose: () => void; onApply?: () => void }) {
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = host.current!;
    const original = monaco.editor.createModel(diff.left, 'yaml');
    const modified = monaco.editor.createModel(diff.right, 'yaml');
    const d = monaco.editor.createDiffEditor(el, {
      theme: themeName(),
      automaticLayout: true,
      readOnly: true,
      originalEditable: false,
      renderSideBySide: el.clientWidth > 640,
      minimap: { enabled: false },
      scrollBeyondLastLine: false,
      fontSize: 12.5,
      renderOverviewRuler: false,
      // Long objects, small changes: show the changes with a little context, fold the rest.
      hideUnchangedRegions: { enabled: true, contextLineCount: 3, minimumLineCount: 4, revealLineCount: 10 },
    });
    d.setModel({ original, modified });
    return () => {
      d.dispose();
      original.dispose();
      modified.dispose();
    };
  }, [diff]);
  return (
    <div className="ed-diff" data-testid="editor-diff">
      <div className="ed-diff-head">
        <strong>{diff.title}</strong>
        <span className="muted">
          {diff.leftLabel} → {diff.rightLabel}
        </span>
        <span className="spacer" />
        {onApply && (
          <button className="btn" onClick={onApply}>
            Apply
          </button>
        )}
        <button className="btn" onClick={onClose}>
          Back to editing
        </button>
      </div>
      <div className="ed-diff-body" ref={host} />
    </div>
  );
}
