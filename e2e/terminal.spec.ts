/**
 * The kubectl terminal in Chromium: typing commands, their output, and the board's reaction
 * (scale adds pods, delete removes one), plus completion, history, Ctrl+C, heredoc paste and
 * `kubectl edit` opening the YAML editor. Screenshots in both themes.
 */
import type { Page } from '@playwright/test';
import { expect, openBoard, shot, test, webPods } from './fixtures';

/** The terminal's whole buffer (scrollback included) as text, one line per row. */
function screen(page: Page): Promise<string> {
  return page.evaluate(() => {
    const t = (window as unknown as { kubeplayTerminal?: { term: { buffer: { active: { length: number; getLine(i: number): { translateToString(trim: boolean): string } | undefined } } } } }).kubeplayTerminal?.term;
    if (!t) return '';
    const b = t.buffer.active;
    const lines: string[] = [];
    for (let i = 0; i < b.length; i++) lines.push(b.getLine(i)?.translateToString(true) ?? '');
    return lines.join('\n').replace(/\n+$/, '');
  });
}

async function openTerminal(page: Page): Promise<void> {
  await page.getByTestId('terminal-toggle').click();
  await expect(page.getByTestId('terminal')).toBeVisible();
  await expect.poll(() => screen(page)).toContain('kubeplay terminal');
}

/** Types a line into the terminal and presses Enter. */
async function run(page: Page, line: string): Promise<void> {
  await page.keyboard.type(line);
  await page.keyboard.press('Enter');
}

test.describe('kubectl terminal', () => {
  test('get, scale and delete from the terminal, and the board follows', async ({ page }) => {
    await openBoard(page);
    await openTerminal(page);
    await run(page, 'kubectl get pods');
    await expect.poll(() => screen(page)).toMatch(/NAME +READY +STATUS +RESTARTS +AGE\nweb-\w+-\w+ +1\/1 +Running +0 +\d+s/);
    await expect(webPods(page)).toHaveCount(3);

    await run(page, 'kubectl scale deployment web --replicas=5');
    await expect.poll(() => screen(page)).toContain('deployment.apps/web scaled');
    await expect(webPods(page)).toHaveCount(5);
    await expect(webPods(page, 'Running')).toHaveCount(5, { timeout: 30_000 });
    // The event feed credits kubectl with the change.
    await shot(page, 'terminal-dark');

    await run(page, 'kubectl get pods -o name');
    await expect.poll(() => screen(page)).toMatch(/pod\/web-\w+-\w+\n(pod\/web-\w+-\w+\n){4}/);
    const name = /pod\/(web-\w+-\w+)/.exec((await screen(page)).split('-o name')[1])![1];
    const pod = page.getByRole('button', { name: new RegExp(`^pod ${name},`) });
    await expect(pod).toHaveCount(1);
    await run(page, `kubectl delete pod ${name}`);
    await expect.poll(() => screen(page)).toContain(`pod "${name}" deleted`);
    await expect(pod).toHaveCount(0, { timeout: 30_000 });
    // The ReplicaSet puts a new pod in its place.
    await expect(webPods(page, 'Running')).toHaveCount(5, { timeout: 30_000 });
  });

  test('completion, history, errors, Ctrl+C, heredoc paste, backquote', async ({ page }) => {
    await openBoard(page);
    await openTerminal(page);

    // "dep" completes to the longest common prefix of deploy/deployment/deployments; the name in full.
    await page.keyboard.type('kubectl get dep');
    await page.keyboard.press('Tab');
    await page.keyboard.type(' w');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect.poll(() => screen(page)).toMatch(/\$ kubectl get deploy web \nNAME +READY +UP-TO-DATE +AVAILABLE +AGE\nweb +3\/3 +3 +3/);

    await run(page, 'kubectl get pod nope');
    await expect.poll(() => screen(page)).toContain('Error from server (NotFound): pods "nope" not found');
    await run(page, 'kubectl frob');
    await expect.poll(() => screen(page)).toContain('Error: unknown command "frob" for "kubectl"');

    // Up twice recalls the line before last.
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await screen(page)).split('pods "nope" not found').length).toBe(3);
    // Ctrl+R searches history (and does not reload the page).
    await page.keyboard.press('Control+R');
    await page.keyboard.type('nop');
    await expect.poll(() => screen(page)).toContain("(reverse-i-search)`nop': kubectl get pod nope");
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await screen(page)).split('pods "nope" not found').length).toBe(4);

    // A watch runs until Ctrl+C.
    await run(page, 'kubectl get deploy -w');
    await expect.poll(() => screen(page)).toMatch(/kubectl get deploy -w\nNAME .*\nweb /);
    await page.keyboard.press('Control+C');
    await expect.poll(() => screen(page)).toMatch(/\^C\n\$ $/);

    // A pasted heredoc applies.
    await page.evaluate(() =>
      (window as unknown as { kubeplayTerminal: { term: { paste(t: string): void } } }).kubeplayTerminal.term.paste(
        'kubectl apply -f - <<EOF\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: pasted\ndata:\n  a: "1"\nEOF\n',
      ),
    );
    await expect.poll(() => screen(page)).toContain('configmap/pasted created');

    // An example from the editor's gallery, by path.
    await run(page, 'kubectl apply -f examples/rolling-update.yaml');
    await expect.poll(() => screen(page)).toContain('deployment.apps/rollout created');

    // ` inside the terminal types a backquote; Ctrl+` closes it; ` on the page opens it again.
    await page.keyboard.press('Control+Backquote');
    await expect(page.getByTestId('terminal')).toBeHidden();
    await page.locator('body').press('Backquote');
    await expect(page.getByTestId('terminal')).toBeVisible();
    await expect.poll(() => screen(page)).toContain('configmap/pasted created');
  });

  test('kubectl edit opens the object in the YAML editor', async ({ page }) => {
    await openBoard(page);
    await openTerminal(page);
    await run(page, 'kubectl edit deployment web');
    await expect.poll(() => screen(page)).toContain('Opened deployment.apps/web in the YAML editor');
    await expect(page.getByTestId('editor')).toBeVisible();
    await expect(page.getByTestId('editor')).toContainText('web', { timeout: 30_000 });
  });

  test('light theme', async ({ page }) => {
    await openBoard(page, '?');
    await page.keyboard.press('t');
    await openTerminal(page);
    await run(page, 'kubectl get nodes -o wide');
    await run(page, 'kubectl get pod nope');
    await page.keyboard.type('kubectl describe deploy');
    await expect.poll(() => screen(page)).toContain('pods "nope" not found');
    await page.waitForTimeout(300);
    await shot(page, 'terminal-light');
  });
});
