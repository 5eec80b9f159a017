import { expect, openBoard, request, shot, test, webPods } from './fixtures';

test.describe('details panel', () => {
  test("shows a running pod like kubectl describe, with the scheduler's per-node verdicts", async ({ page }) => {
    await openBoard(page);
    await expect(webPods(page, 'Running')).toHaveCount(3, { timeout: 10_000 });
    const pod = webPods(page, 'Running').first();
    const node = (await pod.getAttribute('aria-label'))!.match(/node (worker-\d)/)![1];
    await pod.click();
    const d = page.getByTestId('details');
    await expect(d.getByRole('heading', { name: `Why ${node}` })).toBeVisible();
    const verdicts = d.getByRole('table', { name: 'Scheduler verdict per node' });
    await expect(verdicts).toBeVisible();
    await expect(verdicts.getByRole('row', { name: /control-plane.*TaintToleration.*untolerated taint/ })).toBeVisible();
    await expect(verdicts.getByRole('row', { name: new RegExp(`${node}.*chosen.*fits`) })).toBeVisible();
    await expect(d.getByRole('heading', { name: 'Containers' })).toBeVisible();
    await expect(d.getByRole('heading', { name: 'Events' })).toBeVisible();
    await expect(d.getByRole('table').filter({ hasText: 'From' }).getByRole('cell', { name: 'Scheduled', exact: true })).toBeVisible();
    await shot(page, 'details-pod');
  });

  test('says in plain words why a pod is Pending, next to the real FailedScheduling message', async ({ page }) => {
    await openBoard(page, '?speed=10');
    // Far more nginx replicas than 3 workers × 4 CPUs can hold at 100m each.
    await request(page, { type: 'workload.scale', ref: { kind: 'Deployment', namespace: 'default', name: 'web' }, replicas: 150 });
    const pending = page.getByRole('button', { name: /^pod web-[a-z0-9]+-[a-z0-9]+, Pending, not scheduled/ });
    await expect(pending.first()).toBeVisible({ timeout: 30_000 });
    await pending.first().click();
    const d = page.getByTestId('details');
    await expect(d.getByRole('heading', { name: 'Why it is Pending' })).toBeVisible();
    await expect(d.getByText(/don't have enough unrequested CPU left/)).toBeVisible({ timeout: 15_000 });
    await expect(d.getByText(/0\/4 nodes are available/).first()).toBeVisible();
    await shot(page, 'details-pending');
    await page.getByRole('button', { name: 'Map' }).click();
    await page.waitForTimeout(500);
    await shot(page, 'map-150-pods');
  });

  test('a node shows its conditions, allocated resources and pods', async ({ page }) => {
    await openBoard(page);
    await page.getByRole('button', { name: /^node worker-1, Ready/ }).click();
    const d = page.getByTestId('details');
    await expect(d.getByRole('heading', { name: 'Allocated resources' })).toBeVisible();
    await expect(d.getByRole('row', { name: /Ready True KubeletReady/ })).toBeVisible();
    await expect(d.getByRole('heading', { name: /^Pods \(\d+\)/ })).toBeVisible();
  });

  test('stays current while the cluster changes fast (a failing node at ×100)', async ({ page }) => {
    await openBoard(page, '?speed=100');
    await page.getByRole('button', { name: /^node worker-1, Ready/ }).click();
    const d = page.getByTestId('details');
    await expect(d.getByRole('row', { name: /Ready True KubeletReady/ })).toBeVisible();
    await d.getByRole('button', { name: 'Fail' }).click();
    // The node lifecycle controller marks it Unknown after the grace period, and taints it.
    await expect(d.getByRole('row', { name: /Ready Unknown NodeStatusUnknown/ })).toBeVisible({ timeout: 30_000 });
    await expect(d.getByText('node.kubernetes.io/unreachable', { exact: false }).first()).toBeVisible();
  });
});
