/**
 * Live objects in the editor: open one as `kubectl edit` shows it, edit and apply (configured);
 * the buffer follows changes made elsewhere; a conflicting change is a 409 with a way out.
 */
import { expect, shot, test } from './fixtures';
import { bufferText, getObject, markers, openEditor, typeIntoEditor } from './editor-helpers';

const path = '/apis/apps/v1/namespaces/default/deployments/web';
type Deploy = { spec: { replicas: number }; metadata: { resourceVersion: string; labels?: Record<string, string> } };

test.beforeEach(async ({ page }) => {
  await openEditor(page);
});

async function openWeb(page: import('@playwright/test').Page) {
  await page.evaluate(() => window.kubeplay!.engine.request({ type: 'sim.pause' }));
  await page.getByTestId('editor-new').click();
  await page.getByRole('tab', { name: 'From the cluster' }).click();
  await page.getByLabel('Filter objects').fill('deployment/default/web');
  await page.getByTestId('editor').getByRole('button', { name: 'deployment/web default' }).click();
  await expect(page.getByRole('tab', { name: /deployment\/web/ })).toHaveAttribute('aria-selected', 'true');
}

test('open a live object, edit it, apply: configured', async ({ page }) => {
  await openWeb(page);
  const text = await bufferText(page);
  expect(text).toContain('kind: Deployment');
  expect(text).toMatch(/resourceVersion: "\d+"/);
  expect(text).not.toContain('managedFields');
  expect(text).not.toMatch(/^status:/m);
  await expect(page.getByTestId('editor-livestate')).toContainText('status (read-only)');
  await typeIntoEditor(page, text.replace(/^ {2}replicas: \d+$/m, '  replicas: 4'));
  await page.getByTestId('editor-diff-button').click();
  await expect(page.getByTestId('editor-diff')).toContainText('What applying would change');
  await shot(page, 'editor-diff');
  await page.getByTestId('editor-diff').getByRole('button', { name: 'Apply' }).click();
  await expect(page.getByTestId('editor-results')).toContainText('deployment.apps/web configured');
  expect(((await getObject(page, path)).body as Deploy).spec.replicas).toBe(4);
  // After applying, the buffer shows the stored object again (new resourceVersion) and is unmodified.
  const rv = ((await getObject(page, path)).body as Deploy).metadata.resourceVersion;
  await expect.poll(() => bufferText(page)).toContain(`resourceVersion: "${rv}"`);
});

test('an unmodified buffer follows changes made elsewhere', async ({ page }) => {
  await openWeb(page);
  await page.evaluate(() => window.kubeplay!.engine.request({ type: 'workload.scale', ref: { kind: 'Deployment', name: 'web', namespace: 'default' }, replicas: 6 }));
  await expect.poll(() => bufferText(page)).toMatch(/^ {2}replicas: 6$/m);
  await expect(page.getByTestId('editor-notice')).toHaveCount(0);
});

test('a conflicting change elsewhere: told at once, 409 on apply, re-apply wins', async ({ page }) => {
  await openWeb(page);
  const text = await bufferText(page);
  await typeIntoEditor(page, text.replace(/^ {2}replicas: \d+$/m, '  replicas: 2'));
  // Someone scales it from the board meanwhile.
  await page.evaluate(() => window.kubeplay!.engine.request({ type: 'workload.scale', ref: { kind: 'Deployment', name: 'web', namespace: 'default' }, replicas: 7 }));
  await expect(page.getByTestId('editor-notice')).toContainText('changed in the cluster while you were editing');
  await page.getByTestId('editor-apply').click();
  await expect(page.getByTestId('editor-results')).toContainText('Error from server (Conflict)');
  await expect(page.getByTestId('editor-results')).toContainText('Someone changed it after you opened it');
  const rvLine = (await bufferText(page)).split('\n').findIndex((l) => l.includes('resourceVersion')) + 1;
  await expect.poll(() => markers(page)).toEqual([expect.objectContaining({ line: rvLine, message: expect.stringContaining('Reload to see their version, or re-apply yours') })]);
  expect(((await getObject(page, path)).body as Deploy).spec.replicas).toBe(7);
  await shot(page, 'editor-conflict');
  await page.getByTestId('editor-overwrite').click();
  await expect(page.getByTestId('editor-results')).toContainText('deployment.apps/web configured');
  expect(((await getObject(page, path)).body as Deploy).spec.replicas).toBe(2);
});

test('the details panel opens the selected object in the editor', async ({ page }) => {
  await page.evaluate(() => window.kubeplay!.engine.request({ type: 'sim.pause' }));
  await page.locator('[data-testid=board] [aria-label^="pod web-"]').first().click();
  await page.getByTestId('edit-yaml').click();
  await expect(page.getByRole('tab', { name: /pod\/web-/ })).toHaveAttribute('aria-selected', 'true');
  expect(await bufferText(page)).toContain('kind: Pod');
  await shot(page, 'editor-details');
});

test('buffers survive a reload', async ({ page }) => {
  await page.getByTestId('editor-new').click();
  await page.getByTestId('template-ConfigMap').click();
  await page.reload();
  await expect(page.getByRole('tab', { name: 'configmap.yaml' })).toBeVisible({ timeout: 30_000 });
  expect(await bufferText(page)).toContain('kind: ConfigMap');
});

test('examples by topic open as buffers and apply', async ({ page }) => {
  await page.getByTestId('editor-new').click();
  await page.getByRole('tab', { name: 'Examples' }).click();
  const menu = page.getByRole('dialog', { name: 'New buffer' });
  for (const topic of ['Workloads', 'Services and networking', 'Configuration', 'Scheduling', 'Policies', 'Health checks']) await expect(menu.getByText(topic, { exact: true })).toBeVisible();
  await shot(page, 'editor-examples');
  await menu.getByRole('button', { name: /A disruption budget during a drain/ }).click();
  await expect(page.getByRole('tab', { name: /pdb\.yaml/ })).toHaveAttribute('aria-selected', 'true');
  expect(await bufferText(page)).toMatch(/^# A disruption budget during a drain\n# Try: Drain a worker/);
  await page.getByTestId('editor-apply').click();
  await expect(page.getByTestId('editor-results')).toContainText('deployment.apps/steady created');
  await expect(page.getByTestId('editor-results')).toContainText('poddisruptionbudget.policy/steady created');
});
