/**
 * Monaco, lean: the editor API, its features (hover, completion, folding, find…) and YAML
 * highlighting only — not the 80 languages of the full package. Loaded with the editor chunk, never
 * with the page. Workers: the editor's own worker (diffs, links) and monaco-yaml's (schemas).
 */
import * as monaco from 'monaco-editor/editor';
import 'monaco-editor/features/register.all';
import 'monaco-editor/languages/definitions/yaml/register';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';

declare global {
  interface Window {
    MonacoEnvironment?: { getWorker(moduleId: string, label: string): Worker };
  }
}

self.MonacoEnvironment = {
  // monaco-yaml's worker is made by ./yaml.ts itself; everything else is the editor worker.
  getWorker: () => new EditorWorker({ name: 'monaco-editor' }),
};

export { monaco };
export type Monaco = typeof monaco;
