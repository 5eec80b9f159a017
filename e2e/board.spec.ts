import { expect, openBoard, request, shot, test, webPods } from './fixtures';

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

  test('the top bar stays one row at laptop and desktop widths, with the details panel and presenter type', async ({ page }) => {
    /** Every part of the bar starts above the bottom of the first: one row, nothing wrapped. */
    const oneRow = () =>
      page.locator('.topbar').evaluate((bar) => {
        const parts = [...bar.children].map((c) => c.getBoundingClientRect());
        return parts.every((r) => r.top < parts[0].bottom) && bar.scrollWidth <= bar.clientWidth;
      });
    await page.setViewportSize({ width: 1280, height: 720 });
    await openBoard(page);
    for (const width of [1280, 1440, 1024]) {
      await page.setViewportSize({ width, height: 800 });
      for (const presenter of [false, true]) {
        if ((await page.locator('html').getAttribute('data-presenter')) !== String(presenter)) await page.keyboard.press('p');
        await page.getByRole('button', { name: /^node worker-2, / }).first().click();
        await expect(page.getByTestId('details')).toBeVisible();
        expect(await oneRow(), `${width} px, presenter ${presenter}, details open`).toBe(true);
        await page.keyboard.press('Escape');
        await expect(page.getByTestId('details')).toBeHidden();
        expect(await oneRow(), `${width} px, presenter ${presenter}`).toBe(true);
      }
    }
  });

  test('the event feed header stays one row, nothing overlapping, with editor, details and terminal open', async ({ page }) => {
    /** Visible header parts sit side by side on one row, none drawn over the next, none spilling out. */
    const tidy = () =>
      page.locator('.feed-head').evaluate((head) => {
        const hb = head.getBoundingClientRect();
        const parts = [...head.children].map((c) => c.getBoundingClientRect()).filter((r) => r.width > 1);
        const rowOk = parts.every((r) => r.top < parts[0].bottom && r.bottom > parts[0].top);
        const noOverlap = parts.every((r, i) => i === 0 || r.left >= parts[i - 1].right - 0.5);
        const inside = parts.every((r) => r.left >= hb.left - 0.5 && r.right <= hb.right + 0.5);
        const clipped = [...head.querySelectorAll('label')].some((l) => l.scrollWidth > l.clientWidth + 1 && l.clientWidth < 30);
        return rowOk && noOverlap && inside && !clipped;
      });
    await page.setViewportSize({ width: 1440, height: 900 });
    await openBoard(page);
    await webPods(page).first().click();
    await expect(page.getByTestId('details')).toBeVisible();
    await page.getByTestId('editor-toggle').click();
    await page.getByTestId('terminal-toggle').click();
    for (const width of [1440, 1280]) {
      await page.setViewportSize({ width, height: 900 });
      for (const presenter of [false, true]) {
        if ((await page.locator('html').getAttribute('data-presenter')) !== String(presenter)) await page.getByRole('button', { name: 'Presenter mode (large type)' }).click();
        await expect(page.getByTestId('feed')).toBeVisible();
        expect(await tidy(), `${width} px, presenter ${presenter}`).toBe(true);
      }
    }
    await page.getByTestId('terminal-toggle').click();
    expect(await tidy(), 'terminal closed').toBe(true);
    await expect(page.getByRole('checkbox', { name: 'warnings only' })).toBeVisible();
  });

  test('the control-loop overlay tells the causal chain of a scale, in slow motion', async ({ page }) => {
    await openBoard(page);
    await page.getByRole('button', { name: 'Control loops' }).click();
    const loops = page.getByRole('region', { name: 'Control loops' });
    await loops.getByRole('button', { name: 'Slow motion' }).click();
    await expect(loops.getByRole('button', { name: 'Slow motion' })).toHaveAttribute('aria-pressed', 'true');
    await expect(page.locator('.speed-value')).toHaveText('×0.25');
    await request(page, { type: 'workload.scale', ref: { kind: 'Deployment', namespace: 'default', name: 'web' }, replicas: 6 });
    // The person's write, the controllers that saw it through their watches, the scheduler's binds.
    await expect(loops.getByText(/^API write/).first()).toBeVisible();
    await expect(loops.locator('li', { hasText: 'deployment-controller' }).first()).toBeVisible({ timeout: 10_000 });
    await expect(loops.locator('li', { hasText: /replicaset-controller → 3 Pods: created for ReplicaSet web-/ })).toBeVisible({ timeout: 15_000 });
    await expect(loops.locator('li', { hasText: /default-scheduler → 3 Pods: bound to worker-/ })).toBeVisible({ timeout: 15_000 });
    await shot(page, 'orchestra-loops');
    await loops.getByRole('button', { name: 'Slow motion' }).click();
    await expect(page.locator('.speed-value')).toHaveText('×1');
  });

  test('step runs the paused cluster to each next change, and stays paused', async ({ page }) => {
    await openBoard(page, '?paused');
    await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
    await request(page, { type: 'workload.scale', ref: { kind: 'Deployment', namespace: 'default', name: 'web' }, replicas: 5 });
    const clock = page.getByTestId('sim-clock');
    let last = (await clock.textContent())!;
    let steps = 0;
    // Scale → ReplicaSet → pods → binds → kubelets: a handful of steps, each one a visible change.
    while ((await webPods(page, 'Running').count()) < 5 && steps < 40) {
      await page.getByRole('button', { name: 'Step to the next change' }).click();
      steps++;
      await page.waitForTimeout(150);
      const now = (await clock.textContent())!;
      expect(now >= last, `the clock never goes back (${last} → ${now})`).toBe(true);
      last = now;
    }
    await expect(webPods(page, 'Running')).toHaveCount(5);
    expect(steps).toBeGreaterThan(1);
    await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
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
