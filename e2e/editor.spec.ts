/**
 * The YAML editor end to end: apply a typed Deployment and see its pods on the board; an invalid
 * field becomes a marker on its line and changes nothing; live mode follows an edit of replicas.
 */
import { expect, test } from '@playwright/test';
import { boardPods, deployment, getObject, markers, mirrorPods, newEmptyBuffer, openEditor, typeIntoEditor } from './editor-helpers';

test.beforeEach(async ({ page }) => {
  await openEditor(page);
});

test('typing a Deployment and applying it puts its pods on the board', async ({ page }) => {
  await newEmptyBuffer(page);
  await typeIntoEditor(page, deployment('demo', 2));
  await page.keyboard.press('ControlOrMeta+Enter');
  await expect(page.getByTestId('editor-results')).toContainText('deployment.apps/demo created');
  await expect(page.getByTestId('editor-status')).toContainText('deployment.apps/demo created');
  await expect.poll(() => mirrorPods(page, 'demo-'), { timeout: 30_000 }).toBe(2);
  await expect(boardPods(page, 'demo-')).toHaveCount(2);
  await page.screenshot({ path: 'test-results/e2e/editor-apply.png' });
});

test('an invalid field is marked on its line and the cluster is unchanged', async ({ page }) => {
  await newEmptyBuffer(page);
  const text = deployment('broken', 2).replace('  replicas: 2', '  replicas: 2\n  replicaz: 3');
  await typeIntoEditor(page, text);
  await page.getByTestId('editor-apply').click();
  await expect(page.getByTestId('editor-status')).toContainText('unknown field "spec.replicaz"');
  const line = text.split('\n').findIndex((l) => l.includes('replicaz')) + 1;
  await expect.poll(() => markers(page)).toEqual([expect.objectContaining({ line, message: 'unknown field "spec.replicaz"', severity: 8 })]);
  // The schema warns about it too, on the same line, before anything is sent.
  await expect.poll(async () => (await markers(page, 'yaml')).map((m) => m.line)).toContain(line);
  expect((await getObject(page, '/apis/apps/v1/namespaces/default/deployments/broken')).status).toBe(404);
  expect(await mirrorPods(page, 'broken-')).toBe(0);
  await page.screenshot({ path: 'test-results/e2e/editor-invalid.png' });
});

test('a validation error from the API server lands on the field it names', async ({ page }) => {
  await newEmptyBuffer(page);
  const text = deployment('neg', 1).replace('replicas: 1', 'replicas: -1');
  await typeIntoEditor(page, text);
  await page.getByTestId('editor-apply').click();
  const line = text.split('\n').findIndex((l) => l.includes('replicas')) + 1;
  await expect.poll(() => markers(page)).toEqual([expect.objectContaining({ line, message: expect.stringContaining('spec.replicas: Invalid value: -1') })]);
  expect((await getObject(page, '/apis/apps/v1/namespaces/default/deployments/neg')).status).toBe(404);
});

test('live mode: changing replicas from 3 to 5 adds two pods, and broken text is never applied', async ({ page }) => {
  await newEmptyBuffer(page);
  await typeIntoEditor(page, deployment('livedemo', 3));
  await page.getByTestId('editor-live').check();
  await expect(page.getByTestId('editor-status')).toContainText('Live: deployment.apps/livedemo created');
  await expect.poll(() => mirrorPods(page, 'livedemo-'), { timeout: 30_000 }).toBe(3);
  // Edit the number in place, the way a person does: select "3", type "5".
  const replicas = page.locator('.view-line', { hasText: 'replicas: 3' });
  await replicas.locator('span span', { hasText: /^3$/ }).dblclick();
  await page.keyboard.type('5');
  await expect(page.getByTestId('editor-status')).toContainText('Live: deployment.apps/livedemo configured');
  await expect.poll(() => mirrorPods(page, 'livedemo-'), { timeout: 30_000 }).toBe(5);
  await expect(boardPods(page, 'livedemo-')).toHaveCount(5);
  // Half-typed text (a bad indent) waits instead of reaching the cluster.
  await page.keyboard.press('End');
  await page.keyboard.type('\n    oops: [');
  await expect(page.getByTestId('editor-status')).toContainText('Live: waiting');
  const live = await getObject(page, '/apis/apps/v1/namespaces/default/deployments/livedemo');
  expect((live.body.spec as { replicas: number }).replicas).toBe(5);
  await page.screenshot({ path: 'test-results/e2e/editor-live.png' });
});
