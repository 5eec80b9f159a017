/**
 * The YAML editor end to end: apply a typed Deployment and see its pods on the board; an invalid
 * field becomes a marker on its line and changes nothing; live mode follows an edit of replicas.
 */
import { expect, shot, test } from './fixtures';
import { boardPods, bufferText, deployment, getObject, markers, mirrorPods, newEmptyBuffer, openEditor, typeIntoEditor } from './editor-helpers';

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
  await shot(page, 'editor-apply');
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
  await shot(page, 'editor-invalid');
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
  await shot(page, 'editor-live');
});

test('a quota rejection is shown plainly, on the object it refused', async ({ page }) => {
  await newEmptyBuffer(page);
  const text = `apiVersion: v1
kind: Namespace
metadata:
  name: small
---
apiVersion: v1
kind: ResourceQuota
metadata:
  name: tiny
  namespace: small
spec:
  hard:
    requests.cpu: 100m
---
apiVersion: v1
kind: Pod
metadata:
  name: hungry
  namespace: small
spec:
  containers:
  - name: app
    image: nginx:1.27
    resources:
      requests:
        cpu: 500m
`;
  await typeIntoEditor(page, text);
  await page.getByTestId('editor-apply').click();
  const results = page.getByTestId('editor-results');
  await expect(results).toContainText('namespace/small created');
  await expect(results).toContainText('resourcequota/tiny created');
  await expect(results).toContainText('Error from server (Forbidden)');
  await expect(results).toContainText('A ResourceQuota in this namespace would be exceeded');
  const nameLine = text.split('\n').findIndex((l) => l.includes('name: hungry')) + 1;
  await expect.poll(() => markers(page)).toEqual([expect.objectContaining({ line: nameLine, message: expect.stringContaining('exceeded quota: tiny') })]);
  await expect(page.getByTestId('editor-status')).toContainText(`Line ${nameLine}: pods "hungry" is forbidden: exceeded quota`);
  await page.keyboard.press('t'); // the light theme, for the picture
  await shot(page, 'editor-quota-light');
});

test('a Namespace, its ResourceQuota and a Deployment in one buffer: refused pods said plainly, then fixed', async ({ page }) => {
  const text = (resources: string) => `apiVersion: v1
kind: Namespace
metadata:
  name: team
---
apiVersion: v1
kind: ResourceQuota
metadata:
  name: q
  namespace: team
spec:
  hard:
    pods: "10"
    requests.cpu: "2"
---
${deployment('shop', 2).replace('  name: shop\n', '  name: shop\n  namespace: team\n')}${resources}`;
  await newEmptyBuffer(page);
  // Without CPU requests the quota refuses every pod: the apply succeeds, the refusal follows.
  await typeIntoEditor(page, text(''));
  await page.getByTestId('editor-apply').click();
  const results = page.getByTestId('editor-results');
  await expect(results).toContainText('namespace/team created');
  await expect(results).toContainText('resourcequota/q created');
  await expect(results).toContainText('deployment.apps/shop created');
  await expect(page.getByTestId('editor-refusal').first()).toContainText('FailedCreate: Error creating: pods');
  await expect(page.getByTestId('editor-refusal').first()).toContainText('failed quota: q: must specify requests.cpu for: app');
  await expect(page.getByTestId('editor-status')).toContainText('but replicaset/shop-');
  expect(await mirrorPods(page, 'shop-')).toBe(0);
  await shot(page, 'editor-quota-refusal');
  // With requests the same buffer applies again and the pods arrive in the new namespace.
  await typeIntoEditor(page, text('        resources:\n          requests:\n            cpu: 100m\n'));
  await page.getByTestId('editor-apply').click();
  await expect(results).toContainText('namespace/team unchanged');
  await expect(results).toContainText('deployment.apps/shop configured');
  await expect.poll(() => mirrorPods(page, 'shop-'), { timeout: 30_000 }).toBe(2);
  await expect(boardPods(page, 'shop-')).toHaveCount(2);
});

test('completion and hover come from the cluster’s own schema', async ({ page }) => {
  await newEmptyBuffer(page);
  await typeIntoEditor(page, 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: hints\nspec:\n  ');
  // Cursor at the end, inside spec: ask for completion.
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.type('rev');
  await page.keyboard.press('Control+Space');
  const suggest = page.locator('.suggest-widget');
  await expect(suggest).toBeVisible();
  await expect(suggest).toContainText('revisionHistoryLimit');
  await shot(page, 'editor-completion');
  await page.keyboard.press('Escape');
  // Hover on a field: the description the API server's OpenAPI gives (what `kubectl explain` prints).
  await page.locator('.view-line', { hasText: 'kind: Deployment' }).locator('span', { hasText: /^kind$/ }).hover();
  await expect(page.locator('.monaco-hover').filter({ hasText: 'Kind is a string value representing the REST resource' })).toBeVisible();
});

test('typing in the editor types, and never triggers the app’s one-key shortcuts', async ({ page }) => {
  await newEmptyBuffer(page);
  await typeIntoEditor(page, '# ');
  await page.keyboard.press('ControlOrMeta+End');
  const before = await page.evaluate(() => ({ html: document.documentElement.dataset.theme, presenter: document.documentElement.dataset.presenter }));
  const feed = await page.getByRole('button', { name: 'Event feed' }).getAttribute('aria-pressed');
  const clock = await page.getByTestId('sim-clock').textContent();
  await page.keyboard.type('let me type: tempo, yes. 123 [ ] ?');
  await expect.poll(() => bufferText(page)).toBe('# let me type: tempo, yes. 123 [ ] ?');
  expect(await page.evaluate(() => ({ html: document.documentElement.dataset.theme, presenter: document.documentElement.dataset.presenter }))).toEqual(before);
  expect(await page.getByRole('button', { name: 'Event feed' }).getAttribute('aria-pressed')).toBe(feed);
  await expect(page.getByTestId('editor')).toBeVisible();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  // Still playing (Space did not pause it): the clock moves on.
  await expect(page.getByTestId('sim-clock')).not.toHaveText(clock ?? '');
});
