import { expect, openBoard, shot, test, webPods } from './fixtures';

test.describe('direct manipulation', () => {
  test('dragging the fader up scales the Deployment and adds pods to the board', async ({ page }) => {
    await openBoard(page);
    await page.getByRole('button', { name: 'DJ board' }).click();
    const fader = page.getByRole('slider', { name: 'replicas of deployment web' });
    await expect(fader).toHaveAttribute('aria-valuenow', '3');
    await expect(webPods(page, 'Running')).toHaveCount(3, { timeout: 10_000 });

    // Drag the cap up the track: 10 replicas span the track, so 3 → 6 is ~30% of it.
    const track = page.locator('g.strip', { has: fader }).locator('rect.fader-track');
    const t = (await track.boundingBox())!;
    const cap = (await fader.boundingBox())!;
    await page.mouse.move(cap.x + cap.width / 2, cap.y + cap.height / 2);
    await page.mouse.down();
    await page.mouse.move(cap.x + cap.width / 2, t.y + t.height * (1 - 6 / 10), { steps: 8 });
    await page.mouse.up();

    await expect(fader).toHaveAttribute('aria-valuenow', '6');
    await expect(webPods(page)).toHaveCount(6);
    await expect(webPods(page, 'Running, node worker-\\d')).toHaveCount(6, { timeout: 20_000 });
    await expect(page.getByRole('button', { name: /^deployment web, 6 of 6 ready/ })).toBeVisible({ timeout: 20_000 });
    // The request shows up in the event feed like any API request.
    await expect(page.getByTestId('feed').getByText('scale deployment/web to 6')).toBeVisible();
    await page.waitForTimeout(800);
    await shot(page, 'dj-scaled');
  });

  test('the fader answers the keyboard too', async ({ page }) => {
    await openBoard(page);
    await page.keyboard.press('2');
    const fader = page.getByRole('slider', { name: 'replicas of deployment web' });
    await fader.focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await expect(fader).toHaveAttribute('aria-valuenow', '1');
    await expect(webPods(page)).toHaveCount(1, { timeout: 15_000 });
  });

  test('cordon, uncordon and adding a node go through the API', async ({ page }) => {
    await openBoard(page);
    await page.getByRole('button', { name: /^node worker-2, Ready/ }).click();
    const details = page.getByTestId('details');
    await details.getByRole('button', { name: 'Cordon' }).click();
    await expect(page.getByRole('button', { name: /^node worker-2, Ready, cordoned/ })).toBeVisible();
    await details.getByRole('button', { name: 'Uncordon' }).click();
    await expect(page.getByRole('button', { name: /^node worker-2, Ready, \d+ pods?/ })).toBeVisible();
    await page.getByRole('button', { name: 'Add node' }).click();
    await expect(page.getByRole('button', { name: /^node worker-4, Ready/ })).toBeVisible();
    const feed = page.getByTestId('feed');
    await expect(feed.getByText('cordon node worker-2', { exact: true })).toBeVisible();
    await expect(feed.getByText('add node worker-4')).toBeVisible();
  });

  test('a fault injected into a pod makes it crash-loop, and clearing it lets it recover', async ({ page }) => {
    await openBoard(page, '?speed=10');
    await expect(webPods(page, 'Running')).toHaveCount(3, { timeout: 10_000 });
    const pod = webPods(page, 'Running').first();
    const name = (await pod.getAttribute('aria-label'))!.match(/^pod (\S+),/)![1];
    await pod.click();
    const details = page.getByTestId('details');
    await details.getByLabel('Fault to inject').selectOption('crash');
    await details.getByRole('button', { name: 'Inject fault' }).click();
    const feed = page.getByTestId('feed');
    await expect(feed.getByText(`inject crash into pod ${name}`)).toBeVisible();
    const mine = page.getByRole('button', { name: new RegExp(`^pod ${name}, `) });
    await expect(mine).toHaveAttribute('aria-label', /, fault crash$/);
    await expect(mine).toHaveAttribute('aria-label', /CrashLoopBackOff/, { timeout: 45_000 });
    await expect(feed.getByText('Back-off restarting failed container', { exact: false }).first()).toBeVisible({ timeout: 15_000 });
    await shot(page, 'orchestra-crashloop');
    await details.getByRole('button', { name: /^Clear fault/ }).click();
    await expect(mine).toHaveAttribute('aria-label', new RegExp(`^pod ${name}, Running, node worker-\\d+$`), { timeout: 60_000 });
  });
});
