import { expect, openBoard, request, shot, test, webPods } from './fixtures';

test.describe('node failure', () => {
  test('failing a node moves its pods to other nodes after the eviction timeout', async ({ page }) => {
    // Paused at first, so the failure lands at the same simulated moment in every run (the seed fixes
    // the rest): the outcome does not depend on how fast this machine is.
    await openBoard(page, '?paused&speed=100');
    await expect(webPods(page, 'Running, node worker-\\d')).toHaveCount(3, { timeout: 15_000 });
    // The node running the first web pod goes down.
    const name = (await webPods(page, 'Running').first().getAttribute('aria-label'))!;
    const victim = name.match(/node (worker-\d)/)![1];
    await page.getByRole('button', { name: new RegExp(`^node ${victim}, Ready`) }).click();
    await page.getByTestId('details').getByRole('button', { name: 'Fail' }).click();
    await expect(page.getByTestId('feed').getByText(`fail node ${victim}`)).toBeVisible();
    await page.getByRole('button', { name: 'Play' }).click();
    await expect(page.getByRole('button', { name: new RegExp(`^node ${victim}, NotReady.*fault down`) })).toBeVisible({ timeout: 30_000 });
    await shot(page, 'orchestra-node-down');
    // node-monitor-grace-period (50 s) + the default 300 s NoExecute toleration: ~6 s at ×100.
    await expect(webPods(page, `Running, node (?!${victim})worker-\\d`)).toHaveCount(3, { timeout: 45_000 });
    // The evicted pod stays Terminating on the dead node (its kubelet cannot confirm), as on a real cluster.
    await expect(webPods(page, `Running, node ${victim}`)).toHaveCount(0);
    await expect(webPods(page, `Terminating, node ${victim}`)).toHaveCount(1);
    await page.waitForTimeout(1000);
    await shot(page, 'orchestra-after-eviction');
    // Recovering the node brings it back to Ready, and its kubelet finishes the termination.
    await request(page, { type: 'node.fault', node: victim, fault: null });
    await expect(page.getByRole('button', { name: new RegExp(`^node ${victim}, Ready`) })).toBeVisible({ timeout: 30_000 });
    await expect(webPods(page, `[^,]+, node ${victim}`)).toHaveCount(0, { timeout: 30_000 });
  });
});
