import { expect, openBoard, request, test, webPods } from './fixtures';

test.describe('reduced motion', () => {
  test.use({ reducedMotion: 'reduce' });

  test('turns motion into plain state changes', async ({ page }) => {
    await openBoard(page);
    await expect(page.locator('html')).toHaveAttribute('data-motion', 'reduced');
    await expect(webPods(page, 'Running')).toHaveCount(3, { timeout: 10_000 });
    const before = new Set(await webPods(page).evaluateAll((els) => els.map((e) => e.getAttribute('data-uid'))));
    await request(page, { type: 'workload.scale', ref: { kind: 'Deployment', namespace: 'default', name: 'web' }, replicas: 4 });
    await expect(webPods(page)).toHaveCount(4);
    // The new pod is in its seat the moment it appears: no travel from the podium.
    const fresh = webPods(page).filter({ hasNot: page.locator('nothing') });
    const uids = await fresh.evaluateAll((els) => els.map((e) => e.getAttribute('data-uid')));
    const uid = uids.find((u) => !before.has(u))!;
    const el = page.locator(`g.pod[data-uid="${uid}"]`);
    const t1 = await el.getAttribute('transform');
    await page.waitForTimeout(400);
    expect(await el.getAttribute('transform')).toBe(t1);
    expect(await el.evaluate((e) => getComputedStyle(e).opacity)).toBe('1');
    // No CSS animation runs anywhere (spinners, blinking, spinning records), and no particles fly.
    expect(await page.evaluate(() => document.getAnimations().filter((a) => a.playState === 'running').length)).toBe(0);
    await expect(page.locator('circle.particle')).toHaveCount(0);
    await expect(page.locator('line.beam').first()).toBeAttached();
  });

  test('the motion toggle reduces motion without the system setting', async ({ page }) => {
    await page.emulateMedia({ reducedMotion: 'no-preference' });
    await openBoard(page);
    await expect(page.locator('html')).toHaveAttribute('data-motion', 'full');
    await page.getByRole('button', { name: 'Reduce motion' }).click();
    await expect(page.locator('html')).toHaveAttribute('data-motion', 'reduced');
  });
});
