/**
 * The editor beside the board on laptop screens: the top bar stays one row with every control
 * visible, and the editor's own bars fit. Screenshots for the eye.
 */
import { expect, shot, test } from './fixtures';
import { openEditor } from './editor-helpers';

for (const width of [1440, 1280]) {
  test(`at ${width} px the top bar keeps one row beside the open editor`, async ({ page }) => {
    await page.setViewportSize({ width, height: 860 });
    await openEditor(page);
    const bar = await page.locator('.topbar').evaluate((el) => {
      const box = el.getBoundingClientRect();
      const controls = [...el.querySelectorAll('button, input, .clock')].map((c) => {
        const r = c.getBoundingClientRect();
        return { name: c.getAttribute('aria-label') ?? c.textContent ?? '', left: r.left, right: r.right, top: r.top, bottom: r.bottom };
      });
      return { left: box.left, right: box.right, top: box.top, bottom: box.bottom, overflow: el.scrollWidth - el.clientWidth, controls };
    });
    expect(bar.overflow, 'top bar content wider than the bar').toBeLessThanOrEqual(0);
    expect(bar.bottom - bar.top, 'top bar height (one row)').toBeLessThan(64);
    for (const c of bar.controls) {
      expect(c.left, `${c.name} starts inside the bar`).toBeGreaterThanOrEqual(bar.left);
      expect(c.right, `${c.name} ends inside the bar`).toBeLessThanOrEqual(bar.right);
    }
    // The editor sits under the bar, and beside the board, not over it.
    const dock = (await page.getByTestId('editor').boundingBox())!;
    const stage = (await page.locator('main.stage').boundingBox())!;
    expect(Math.abs(dock.y - bar.bottom)).toBeLessThanOrEqual(1);
    expect(stage.x).toBeGreaterThanOrEqual(dock.x + dock.width - 1);
    // The editor's header, tabs and toolbar fit on one line each.
    for (const sel of ['.ed-head', '.ed-toolbar']) {
      const el = page.getByTestId('editor').locator(sel).first();
      if (await el.count()) expect(await el.evaluate((e) => e.scrollWidth - e.clientWidth), sel).toBeLessThanOrEqual(0);
    }
    await shot(page, `editor-open-${width}`);
  });
}
