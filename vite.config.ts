import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

export default defineConfig({
  plugins: [react()],
  worker: { format: 'es' },
  resolve: {
    // The YAML editor (src/ui/editor): monaco-yaml's worker imports Monaco's worker by its pre-0.56
    // deep path, which monaco-editor 0.57's export map no longer resolves.
    alias: [{ find: 'monaco-editor/esm/vs/editor/editor.worker.js', replacement: 'monaco-editor/editor/editor.worker' }],
  },
  // Pre-bundled on the dev server's first start, so opening the editor does not reload the page.
  optimizeDeps: { include: ['monaco-yaml/yaml.worker'] },
  // KUBEPLAY_OUT_DIR lets parallel browser-test runs build and preview without sharing dist/.
  build: { target: 'es2022', chunkSizeWarningLimit: 2000, outDir: process.env.KUBEPLAY_OUT_DIR ?? 'dist' },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts'],
          exclude: ['src/**/*.int.test.ts'],
          environment: 'node',
          // Scenario tests run whole clusters: a loaded CI machine must not turn slowness into failures.
          testTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['src/**/*.int.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
