import { expect, openBoard, shot, test, webPods } from './fixtures';

test.describe('first load', () => {
  test('shows the default cluster playing within a couple of seconds', async ({ page }) => {
    const t0 = Date.now();
    await page.goto('/');
    for (const n of ['worker-1', 'worker-2', 'worker-3']) await expect(page.getByRole('button', { name: new RegExp(`^node ${n}, Ready`) })).toBeVisible({ timeout: 60_000 });
    await expect(page.getByRole('button', { name: /^node control-plane, Ready, control-plane/ })).toBeVisible();
    await expect(page.getByRole('button', { name: /^service web, / })).toBeVisible();
    // The sample app: three nginx pods playing on worker nodes.
    await expect(webPods(page, 'Running, node worker-\\d')).toHaveCount(3, { timeout: 10_000 });
    const ms = Date.now() - t0;
    const picture = await page.evaluate(() => performance.getEntriesByName('kubeplay:first-picture')[0]?.startTime ?? -1);
    test.info().annotations.push({ type: 'first load', description: `first picture ${Math.round(picture)} ms after navigation; 3 Running web pods seen after ${ms} ms` });
    console.log(`first load: first picture ${Math.round(picture)} ms after navigation, 3 web pods Running seen after ${ms} ms`);
    await expect(page.getByRole('button', { name: /^service web, 3 ready endpoints/ })).toBeVisible();
  });

  test('every view draws the same cluster, in both themes', async ({ page }) => {
    await openBoard(page);
    await expect(webPods(page, 'Running')).toHaveCount(3, { timeout: 10_000 });
    await page.waitForTimeout(1200); // let entrance motion settle for the picture
    await shot(page, 'orchestra-dark');

    await page.getByRole('button', { name: 'DJ board' }).click();
    await expect(page.getByRole('slider', { name: 'replicas of deployment web' })).toHaveAttribute('aria-valuenow', '3');
    await expect(page.getByRole('button', { name: /^deployment web, 3 of 3 ready/ })).toBeVisible();
    await expect(webPods(page, 'Running')).toHaveCount(3);
    await page.waitForTimeout(900);
    await shot(page, 'dj-dark');

    await page.getByRole('button', { name: 'Map' }).click();
    await expect(page.getByRole('img', { name: /^Map of 4 nodes and \d+ pods/ })).toBeVisible();
    await expect(page.getByRole('button', { name: /^node worker-2, Ready/ })).toBeAttached();
    await shot(page, 'map-dark');

    await page.keyboard.press('t');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
    await shot(page, 'map-light');
    await page.keyboard.press('1');
    await page.waitForTimeout(600);
    await shot(page, 'orchestra-light');
    await page.keyboard.press('2');
    await page.waitForTimeout(600);
    await shot(page, 'dj-light');
  });

  test('presenter mode enlarges type, and the layout holds at laptop size', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 720 });
    await openBoard(page);
    const before = await page.locator('.node-name').first().evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
    await page.getByRole('button', { name: 'Presenter mode (large type)' }).click();
    const after = await page.locator('.node-name').first().evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
    expect(after).toBeGreaterThan(before * 1.2);
    // Nothing of the top bar spills out of a 1280-wide window.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.waitForTimeout(900);
    await shot(page, 'orchestra-presenter-1280');
  });

  test('objects on the board are reachable with the keyboard', async ({ page }) => {
    await openBoard(page);
    await expect(webPods(page, 'Running')).toHaveCount(3, { timeout: 10_000 });
    const pod = webPods(page, 'Running').first();
    await pod.focus();
    await expect(pod).toBeFocused();
    await page.keyboard.press('Enter');
    const details = page.getByTestId('details');
    await expect(details).toBeVisible();
    await expect(details.getByRole('heading', { level: 2 })).toHaveText(/^web-/);
    await page.keyboard.press('Escape');
    await expect(details).toBeHidden();
  });
});
