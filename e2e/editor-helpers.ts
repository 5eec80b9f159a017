/**
 * Helpers for the YAML editor specs (e2e/editor*.spec.ts): open the app and the editor, put text
 * in a buffer the way a person pastes or types it, and read what the board and the editor show.
 */
import { expect, openBoard } from './fixtures';
import type { Page } from '@playwright/test';

/** Loads the app on a fresh cluster (and fresh buffers), waits for the board, opens the editor. */
export async function openEditor(page: Page, query = '?seed=1'): Promise<void> {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.addInitScript(() => {
    // Each test starts without buffers from an earlier one (localStorage is per origin).
    if (!sessionStorage.getItem('kubeplay.e2e.started')) {
      sessionStorage.setItem('kubeplay.e2e.started', '1');
      localStorage.removeItem('kubeplay.editor.buffers.v1');
      localStorage.removeItem('kubeplay.editor.dock.v1');
    }
  });
  await openBoard(page, query);
  await page.getByTestId('editor-toggle').click();
  await expect(page.locator('[data-testid=editor-monaco] .view-lines')).toBeVisible({ timeout: 30_000 });
}

/** A new, empty buffer. */
export async function newEmptyBuffer(page: Page): Promise<void> {
  await page.getByTestId('editor-new').click();
  await page.getByRole('button', { name: /Empty buffer/ }).click();
}

/**
 * Replaces the active buffer's text the way a person pastes a manifest: through the clipboard and
 * Ctrl/Cmd+V (typing it key by key would get Monaco's auto-indent added to every line).
 */
export async function typeIntoEditor(page: Page, text: string): Promise<void> {
  await page.locator('[data-testid=editor-monaco] .view-lines').click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await page.keyboard.press('ControlOrMeta+V');
  await expect.poll(() => bufferText(page)).toBe(text);
}

/** The active buffer's text. */
export function bufferText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const s = window.kubeplayEditor!.buffers.get();
    return s.buffers.find((b) => b.id === s.active)?.text ?? '';
  });
}

/** Markers of an owner (`kubeplay`: API errors; `yaml`: schema and syntax) as `line: message`. */
export function markers(page: Page, owner = 'kubeplay'): Promise<{ line: number; message: string; severity: number }[]> {
  return page.evaluate((o) => window.kubeplayEditor!.monaco.editor.getModelMarkers({ owner: o }).map((m) => ({ line: m.startLineNumber, message: m.message, severity: m.severity })), owner);
}

/** Pods the board draws whose name starts with `prefix` (leaving ones excluded). */
export function boardPods(page: Page, prefix: string) {
  return page.locator(`[data-testid=board] [aria-label^="pod ${prefix}"]:not([aria-label*="Terminating"])`);
}

/** Pods in the mirror (what the board draws from) whose name starts with `prefix`, not being deleted. */
export function mirrorPods(page: Page, prefix: string): Promise<number> {
  return page.evaluate((p) => [...window.kubeplay!.mirror.getState().pods.values()].filter((x) => x.name.startsWith(p) && !x.deleting).length, prefix);
}

export function deployment(name: string, replicas: number, image = 'nginx:1.27'): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
spec:
  replicas: ${replicas}
  selector:
    matchLabels:
      app: ${name}
  template:
    metadata:
      labels:
        app: ${name}
    spec:
      containers:
      - name: app
        image: ${image}
`;
}

/** GET an object through the app's own engine (what the cluster holds). */
export function getObject(page: Page, path: string): Promise<{ status: number; body: Record<string, unknown> }> {
  return page.evaluate(async (p) => {
    const r = await window.kubeplay!.engine.request({ type: 'rest.request', req: { method: 'GET', path: p, query: {} } });
    return { status: r.status, body: JSON.parse(r.body ?? '{}') };
  }, path);
}
