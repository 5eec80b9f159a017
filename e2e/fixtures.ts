/**
 * Shared test setup: every test fails if the page logs a console error or throws, unless it
 * declares the errors it expects. Helpers reach the app's engine through `window.kubeplay`.
 */
import { test as base, expect, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';

export const SHOTS = process.env.KUBEPLAY_SHOTS ?? '/tmp/kubeplay-shots';
mkdirSync(SHOTS, { recursive: true });

interface Fixtures {
  /** Console errors that this test expects (matched by substring); anything else fails the test. */
  allowErrors: string[];
}

export const test = base.extend<Fixtures & { errors: string[] }>({
  allowErrors: [[], { option: true }],
  errors: [
    async ({ page, allowErrors }, use) => {
      const errors: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(m.text());
      });
      page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
      await use(errors);
      const unexpected = errors.filter((e) => !allowErrors.some((a) => e.includes(a)));
      expect(unexpected, 'console errors').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** Opens the app and waits until the default cluster is on the board. */
export async function openBoard(page: Page, query = ''): Promise<void> {
  await page.goto(`/${query}`);
  await expect(page.getByRole('button', { name: /^node worker-1, Ready/ }).first()).toBeVisible({ timeout: 60_000 });
}

/** Sends a protocol request through the app's engine (as the UI would). */
export async function request<T = unknown>(page: Page, req: Record<string, unknown>): Promise<T> {
  return page.evaluate((r) => (window as unknown as { kubeplay: { engine: { request(x: unknown): Promise<unknown> } } }).kubeplay.engine.request(r), req) as Promise<T>;
}

/** Pods of the sample `web` Deployment on the board, by accessible name. */
export const webPods = (page: Page, rest = '') => page.getByRole('button', { name: new RegExp(`^pod web-[a-z0-9]+-[a-z0-9]+, ${rest}`) });

export async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `${SHOTS}/${name}.png` });
}
