import { expect, openBoard, request, test, webPods } from './fixtures';

test.describe('worker crash', () => {
  test.use({ allowErrors: ['simulated worker crash'] });

  test('says so, keeps the last picture, and restarts from the journal', async ({ page }) => {
    await openBoard(page);
    await request(page, { type: 'workload.scale', ref: { kind: 'Deployment', namespace: 'default', name: 'web' }, replicas: 4 });
    await expect(webPods(page, 'Running')).toHaveCount(4, { timeout: 15_000 });
    const uids = await webPods(page).evaluateAll((els) => els.map((e) => e.getAttribute('data-uid')).sort());
    // A dry run and a refused command are replayed (they drew ids) but are not the person's changes.
    const cm = JSON.stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'dry' } });
    await request(page, { type: 'rest.request', req: { method: 'POST', path: '/api/v1/namespaces/default/configmaps', query: { dryRun: 'All' }, contentType: 'application/json', body: cm } });
    await expect(request(page, { type: 'node.cordon', node: 'no-such-node' })).rejects.toThrow(/not found/);

    await request(page, { type: 'debug.crash' });
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('The cluster engine stopped');
    await expect(alert).toContainText('your 1 change,');
    // The last picture stays.
    await expect(webPods(page)).toHaveCount(4);
    await expect(page.getByRole('button', { name: 'Play' })).toBeDisabled();

    await alert.getByRole('button', { name: 'Restart' }).click();
    await expect(alert).toBeHidden();
    // Same seed + same journal = the same pods, uids and all.
    await expect(webPods(page, 'Running')).toHaveCount(4);
    expect(await webPods(page).evaluateAll((els) => els.map((e) => e.getAttribute('data-uid')).sort())).toEqual(uids);
    await page.getByRole('button', { name: 'Play' }).click();
    await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
  });
});
