/** `npm run bench:ui`: the UI benchmark runs in the same Chromium setup as the e2e tests. */
import { defineConfig } from '@playwright/test';
import base from '../../playwright.config';

export default defineConfig({
  ...base,
  testDir: '.',
  testMatch: '*.bench.ts',
  timeout: 300_000,
  retries: 0,
  outputDir: '../../test-results/bench',
  reporter: [['line']],
});
