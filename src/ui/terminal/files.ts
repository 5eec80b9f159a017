/**
 * What `-f` can name in the terminal: the YAML editor's tabs by title (`deployment.yaml`, also
 * `./deployment.yaml`), and the editor's examples under `examples/` (`examples/rolling-update.yaml`).
 * Read-only: kubectl never writes these.
 */
import type { FileSource } from '../../kubectl/types';
import { EXAMPLES } from '../editor/buffers/examples';
import { useBuffers } from '../editor/buffers/store';

const EXAMPLE_DIR = 'examples';

function clean(path: string): string {
  return path.replace(/^\.\//, '').replace(/\/+$/, '');
}

function example(file: string): string | undefined {
  for (const t of EXAMPLES) for (const e of t.examples) if (e.file === file) return e.text;
  return undefined;
}

export const terminalFiles: FileSource & { names(): string[] } = {
  read(path) {
    const p = clean(path);
    if (p.startsWith(`${EXAMPLE_DIR}/`)) return example(p.slice(EXAMPLE_DIR.length + 1));
    return useBuffers.getState().buffers.find((b) => b.title === p)?.text;
  },
  list(dir) {
    if (clean(dir) !== EXAMPLE_DIR) return undefined;
    return EXAMPLES.flatMap((t) => t.examples.map((e) => e.file)).sort();
  },
  /** For completion: every readable path. */
  names() {
    return [...useBuffers.getState().buffers.map((b) => b.title), ...EXAMPLES.flatMap((t) => t.examples.map((e) => `${EXAMPLE_DIR}/${e.file}`))];
  },
};
