/**
 * monaco-yaml (5.5, written for monaco-editor < 0.53) on monaco-editor 0.57. Newer Monaco's
 * `editor.createWebWorker` takes `{ worker }` instead of `{ moduleId, label, createData }`, and no
 * longer posts the two bootstrap messages monaco-yaml's worker waits for. Without help the worker
 * never starts: no completion, no hover, no diagnostics, and only a console error. So monaco-yaml
 * gets a Monaco whose `createWebWorker` builds the worker, posts those two messages (anything, then
 * the create data), and hands the running worker to the new API.
 */
import { configureMonacoYaml, type MonacoYaml, type MonacoYamlOptions } from 'monaco-yaml';
import { monaco, type Monaco } from './monaco';
import YamlWorker from './yaml.worker?worker';

interface LegacyWorkerOptions {
  label?: string;
  moduleId?: string;
  createData?: unknown;
}

function adaptedMonaco(m: Monaco): Monaco {
  const createWebWorker = (opts: LegacyWorkerOptions) => {
    const worker = new YamlWorker({ name: opts.label ?? 'yaml' });
    worker.postMessage('ignore');
    worker.postMessage(opts.createData);
    return m.editor.createWebWorker({ worker });
  };
  return { ...m, editor: { ...m.editor, createWebWorker } } as unknown as Monaco;
}

let instance: MonacoYaml | undefined;

/** Configures YAML language support once; later calls update its options (e.g. a new schema). */
export function configureYaml(options: MonacoYamlOptions): MonacoYaml {
  if (instance) instance.update(options);
  else instance = configureMonacoYaml(adaptedMonaco(monaco), options);
  return instance;
}
