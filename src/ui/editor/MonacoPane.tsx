/**
 * The Monaco editor showing the active buffer. One editor instance; switching tabs swaps models
 * and restores each tab's scroll and cursor. Ctrl/Cmd+Enter applies.
 */
import { useEffect, useRef } from 'react';
import type { editor } from 'monaco-editor/editor';
import { buffers } from './buffers/store';
import { useRuns } from './run/state';
import { monaco } from './monaco/monaco';
import { modelFor, wireModels } from './monaco/models';
import { followAppTheme, themeName } from './monaco/theme';

const viewStates = new Map<string, editor.ICodeEditorViewState | null>();

export function MonacoPane({ bufferId, onApply, readOnly = false }: { bufferId: string; onApply: () => void; readOnly?: boolean }) {
  const host = useRef<HTMLDivElement>(null);
  const ed = useRef<editor.IStandaloneCodeEditor | null>(null);
  const applyRef = useRef(onApply);
  applyRef.current = onApply;

  useEffect(() => {
    wireModels();
    const e = monaco.editor.create(host.current!, {
      model: null,
      theme: themeName(),
      automaticLayout: true,
      minimap: { enabled: false },
      fontSize: 13,
      lineNumbersMinChars: 3,
      scrollBeyondLastLine: false,
      tabSize: 2,
      wordWrap: 'off',
      renderLineHighlight: 'line',
      quickSuggestions: { other: true, comments: false, strings: true },
      fixedOverflowWidgets: true,
      hover: { delay: 300 },
      ariaLabel: 'YAML buffer',
    });
    e.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter, () => applyRef.current());
    ed.current = e;
    const unfollow = followAppTheme();
    return () => {
      const m = e.getModel();
      const id = m?.uri.path.replace(/^\/buffers\/|\.yaml$/g, '');
      if (id) viewStates.set(id, e.saveViewState());
      unfollow();
      e.dispose();
      ed.current = null;
    };
  }, []);

  useEffect(() => {
    const e = ed.current;
    const b = buffers.byId(bufferId);
    if (!e || !b) return;
    const prev = e.getModel();
    if (prev) {
      const prevId = prev.uri.path.replace(/^\/buffers\/|\.yaml$/g, '');
      if (prevId !== bufferId) viewStates.set(prevId, e.saveViewState());
    }
    e.setModel(modelFor(b));
    const vs = viewStates.get(bufferId);
    if (vs) e.restoreViewState(vs);
    e.focus();
  }, [bufferId]);

  useEffect(() => {
    ed.current?.updateOptions({ readOnly });
  }, [readOnly]);

  // After an apply, bring the first error into view: errors go where the person is looking.
  useEffect(
    () =>
      useRuns.subscribe((s, prev) => {
        const now = s[bufferId]?.markers;
        if (!now || now === prev[bufferId]?.markers) return;
        const first = now.find((m) => m.severity === 'error');
        if (first) ed.current?.revealLineInCenterIfOutsideViewport(first.start.line);
      }),
    [bufferId],
  );

  return <div className="ed-monaco" ref={host} data-testid="editor-monaco" />;
}
