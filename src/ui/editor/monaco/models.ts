/**
 * One Monaco text model per buffer, kept in step with the buffer store in both directions:
 * typing updates the store; a change made elsewhere (the buffer following its live object, a
 * reload) is applied to the model as one small edit, so the cursor and undo history survive.
 */
import type { editor } from 'monaco-editor/editor';
import { buffers, useBuffers } from '../buffers/store';
import type { Buffer } from '../buffers/types';
import { useRuns } from '../run/state';
import type { EditorMarker } from '../markers/fromResult';
import { monaco } from './monaco';

const models = new Map<string, editor.ITextModel>();
let applyingStoreChange = false;

export const uriOf = (id: string) => monaco.Uri.parse(`file:///buffers/${id}.yaml`);

export function modelFor(b: Buffer): editor.ITextModel {
  let m = models.get(b.id);
  if (m && !m.isDisposed()) return m;
  m = monaco.editor.getModel(uriOf(b.id)) ?? monaco.editor.createModel(b.text, 'yaml', uriOf(b.id));
  m.updateOptions({ tabSize: 2, insertSpaces: true });
  m.onDidChangeContent(() => {
    if (!applyingStoreChange) buffers.update(b.id, { text: m!.getValue() });
  });
  models.set(b.id, m);
  setMarkers(m, useRuns.getState()[b.id]?.markers ?? []);
  return m;
}

/** The smallest single edit turning `from` into `to`: common head and tail lines are kept. */
function replaceChanged(m: editor.ITextModel, to: string): void {
  const a = m.getLinesContent();
  const b = to.split(/\r?\n/);
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const startLine = head + 1;
  const endLine = a.length - tail;
  const range =
    endLine >= startLine
      ? new monaco.Range(startLine, 1, endLine, m.getLineMaxColumn(endLine))
      : new monaco.Range(startLine, 1, startLine, 1);
  let text = b.slice(head, b.length - tail).join('\n');
  if (endLine < startLine) text += '\n';
  m.pushEditOperations([], [{ range, text }], () => null);
}

const SEVERITY = { error: 8, warning: 4, info: 2 } as const;

function setMarkers(m: editor.ITextModel, markers: readonly EditorMarker[]): void {
  monaco.editor.setModelMarkers(
    m,
    'kubeplay',
    markers.map((x) => ({
      severity: SEVERITY[x.severity],
      message: x.message,
      startLineNumber: x.start.line,
      startColumn: x.start.col,
      endLineNumber: x.end.line,
      endColumn: Math.max(x.end.col, x.start.line === x.end.line ? x.start.col + 1 : x.end.col),
      source: 'API server',
    })),
  );
}

let wired = false;

/** Subscribes the models to the stores (once per page). */
export function wireModels(): void {
  if (wired) return;
  wired = true;
  useBuffers.subscribe((s) => {
    const ids = new Set(s.buffers.map((b) => b.id));
    for (const [id, m] of models) {
      if (!ids.has(id)) {
        m.dispose();
        models.delete(id);
      }
    }
    for (const b of s.buffers) {
      const m = models.get(b.id);
      if (m && !m.isDisposed() && m.getValue() !== b.text) {
        applyingStoreChange = true;
        try {
          replaceChanged(m, b.text);
        } finally {
          applyingStoreChange = false;
        }
      }
    }
  });
  useRuns.subscribe((s, prev) => {
    for (const [id, r] of Object.entries(s)) {
      if (r.markers === prev[id]?.markers) continue;
      const m = models.get(id);
      if (m && !m.isDisposed()) setMarkers(m, r.markers);
    }
  });
}
