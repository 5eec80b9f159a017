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
    // Pods are painted on a canvas; their proxies stand on their seats. The new pod is painted at
    // its seat, and no pod is in flight (moving or fading) at any frame after.
    const el = page.locator(`[data-uid="${uid}"]`);
    const box = await el.boundingBox();
    const painted = await page.evaluate(
      ({ x, y }) =>
        new Promise<{ alpha: number; inFlight: string[] }>((done) => {
          // Pods at rest and pods in motion are on two canvases: the pod is on one of them.
          const canvases = [...document.querySelectorAll<HTMLCanvasElement>('canvas.pods-canvas')];
          const alpha = Math.max(
            ...canvases.map((c) => {
              const r = c.getBoundingClientRect();
              const dpr = c.width / r.width;
              return c.getContext('2d')!.getImageData(Math.round((x - r.left) * dpr), Math.round((y - r.top) * dpr), 1, 1).data[3];
            }),
          );
          const canvas = document.querySelector<HTMLCanvasElement>('canvas.pods-moving')!;
          const inFlight: string[] = [];
          const t0 = performance.now();
          const tick = () => {
            inFlight.push(canvas.dataset.inFlight ?? '');
            if (performance.now() - t0 < 400) requestAnimationFrame(tick);
            else done({ alpha, inFlight });
          };
          requestAnimationFrame(tick);
        }),
      { x: box!.x + box!.width / 2, y: box!.y + box!.height / 2 },
    );
    expect(painted.alpha).toBeGreaterThan(0);
    expect(new Set(painted.inFlight)).toEqual(new Set(['0']));
    expect(await el.boundingBox()).toEqual(box);
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

test.describe('full motion', () => {
  test.use({ reducedMotion: 'no-preference' });

  test('a new pod travels to its seat, and the stage comes to rest', async ({ page }) => {
    await openBoard(page);
    await expect(webPods(page, 'Running')).toHaveCount(3, { timeout: 10_000 });
    const canvas = page.locator('canvas.pods-moving');
    await expect(canvas).toHaveAttribute('data-in-flight', '0');
    const sample = page.evaluate(
      () =>
        new Promise<number>((done) => {
          const c = document.querySelector<HTMLCanvasElement>('canvas.pods-moving')!;
          let most = 0;
          const t0 = performance.now();
          const tick = () => {
            most = Math.max(most, Number(c.dataset.inFlight));
            if (performance.now() - t0 < 3000) requestAnimationFrame(tick);
            else done(most);
          };
          requestAnimationFrame(tick);
        }),
    );
    await request(page, { type: 'workload.scale', ref: { kind: 'Deployment', namespace: 'default', name: 'web' }, replicas: 5 });
    expect(await sample).toBeGreaterThan(0);
    await expect(webPods(page, 'Running')).toHaveCount(5, { timeout: 20_000 });
    await expect(canvas).toHaveAttribute('data-in-flight', '0');
  });

  test('pods at rest repainted square by square look exactly like a full repaint', async ({ page }) => {
    await openBoard(page);
    const web = { kind: 'Deployment', namespace: 'default', name: 'web' };
    await request(page, { type: 'workload.scale', ref: web, replicas: 40 });
    await expect(webPods(page, 'Running')).toHaveCount(40, { timeout: 30_000 });
    // A few leave: the still canvas is patched where each one stood (many would repaint it all).
    await request(page, { type: 'workload.scale', ref: web, replicas: 36 });
    await expect(webPods(page)).toHaveCount(36, { timeout: 30_000 });
    await request(page, { type: 'sim.pause' });
    await expect(page.locator('canvas.pods-moving')).toHaveAttribute('data-in-flight', '0');
    await page.waitForTimeout(400);
    const still = () => page.evaluate(() => document.querySelector<HTMLCanvasElement>('canvas.pods-still')!.toDataURL());
    const patched = await still();
    // A theme write (even to the same theme) repaints every pod at rest from scratch.
    await page.evaluate(() => document.documentElement.setAttribute('data-theme', document.documentElement.getAttribute('data-theme') ?? 'dark'));
    await page.waitForTimeout(200);
    expect(await still()).toBe(patched);
  });
});
