/**
 * Browser tests (e2e/*.spec.ts) in Chromium. The app is built and served by Playwright itself
 * (`vite build && vite preview` on a fixed port). Chromium: $KUBEPLAY_CHROMIUM, else Debian's
 * /usr/bin/chromium, else Playwright's own download (`npx playwright install chromium`).
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from '@playwright/test';

/** The repository root (configs that extend this one live in subfolders). */
const ROOT = fileURLToPath(new URL('.', import.meta.url));

export const PORT = Number(process.env.KUBEPLAY_E2E_PORT ?? 4178);
const executablePath = process.env.KUBEPLAY_CHROMIUM ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);

export const chromiumLaunch = {
  executablePath,
  // Root in a container needs --no-sandbox; the rest stops Chromium from calling a closed network.
  args: [
    '--no-sandbox',
    '--disable-dev-shm-usage',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-quic',
  ],
};

export default defineConfig({
  testDir: 'e2e',
  testMatch: '*.spec.ts',
  timeout: 90_000,
  expect: { timeout: 15_000 },
  // One browser at a time: the simulation and the page share the machine's cores with the test runner.
  workers: 1,
  reporter: process.env.CI ? 'line' : 'list',
  outputDir: 'test-results/e2e',
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    viewport: { width: 1440, height: 900 },
    colorScheme: 'dark',
    launchOptions: chromiumLaunch,
    trace: 'retain-on-failure',
  },
  projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
  webServer: {
    cwd: ROOT,
    command: `npx vite build --logLevel warn && npx vite preview --port ${PORT} --strictPort --host 127.0.0.1`,
    url: `http://127.0.0.1:${PORT}`,
    reuseExistingServer: process.env.KUBEPLAY_E2E_REUSE === '1',
    timeout: 180_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
