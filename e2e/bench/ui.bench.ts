/**
 * The UI benchmark (run by `npm run bench:ui`): frame times while the cluster changes, and long
 * main-thread tasks while a burst of pods arrives. Wall-clock figures depend on what else the
 * machine runs (the load average is reported with them); the `cpu` figures (main-thread CPU time
 * from a Chrome trace) do not. Figures go to $BENCH_OUT as JSON lines.
 */
import { appendFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { expect, test, type Page } from '@playwright/test';
import { addNodes, createDeployment, podCount, request, startFrames, startLongTasks, stopFrames, stopLongTasks } from './page';
import { traceCpu } from './trace';

const out = process.env.BENCH_OUT;
function figure(name: string, value: number, unit: string, goal?: string): void {
  const f = { name, value: Math.round(value * 10) / 10, unit, ...(goal ? { goal } : {}) };
  if (out) appendFileSync(out, `${JSON.stringify(f)}\n`);
  else console.log(JSON.stringify(f));
}

async function open(page: Page, query: string): Promise<void> {
  await page.goto(`/${query}`);
  await expect(page.getByRole('button', { name: /^node worker-1, Ready/ }).first()).toBeVisible({ timeout: 60_000 });
}

test.describe.configure({ mode: 'serial' });

test('first load', async ({ page }) => {
  figure('machine.loadavg_1m', loadavg()[0], 'runnable');
  await open(page, '');
  const ms = await page.evaluate(() => performance.getEntriesByName('kubeplay:first-picture')[0]?.startTime ?? -1);
  figure('ui.first_load.first_picture', ms, 'ms', '≤ 2000');
});

test('Orchestra: 300 pods animating', async ({ page }) => {
  await open(page, '');
  await startFrames(page);
  const cpu = await traceCpu(page, async () => {
    await createDeployment(page, 'bench', 300);
    await page.waitForTimeout(7000);
    // Keep them moving: half leave, then come back.
    await request(page, { type: 'workload.scale', ref: { kind: 'Deployment', namespace: 'default', name: 'bench' }, replicas: 150 });
    await page.waitForTimeout(3000);
    await request(page, { type: 'workload.scale', ref: { kind: 'Deployment', namespace: 'default', name: 'bench' }, replicas: 300 });
    await page.waitForTimeout(5000);
  });
  const s = await stopFrames(page);
  figure('ui.orchestra.300pods.frame_p95', s.p95, 'ms', '≤ 16.7');
  figure('ui.orchestra.300pods.frame_p50', s.p50, 'ms');
  figure('ui.orchestra.300pods.fps', s.fps, 'fps', '≥ 60');
  figure('ui.orchestra.300pods.cpu_main_per_s', cpu.cpuPerSecond, 'ms/s');
  figure('ui.orchestra.300pods.cpu_max_task', cpu.maxTaskCpu, 'ms', '≤ 16.7');
  figure('ui.orchestra.300pods.pods_on_board', await podCount(page), 'pods');
  figure('machine.loadavg_1m', loadavg()[0], 'runnable');
});

test('Map: 5,000 pods', async ({ page }) => {
  await open(page, '?speed=25');
  await addNodes(page, 20, '32', 260);
  await page.getByRole('button', { name: 'Map' }).click();
  await startFrames(page);
  const cpu = await traceCpu(page, async () => {
    await createDeployment(page, 'bulk', 5000);
    await page.waitForTimeout(15_000);
  });
  const s = await stopFrames(page);
  figure('ui.map.5000pods.frame_p95', s.p95, 'ms', '≤ 33.3');
  figure('ui.map.5000pods.frame_p50', s.p50, 'ms');
  figure('ui.map.5000pods.fps', s.fps, 'fps', '≥ 30');
  figure('ui.map.5000pods.cpu_main_per_s', cpu.cpuPerSecond, 'ms/s');
  figure('ui.map.5000pods.cpu_max_task', cpu.maxTaskCpu, 'ms', '≤ 33.3');
  figure('ui.map.5000pods.pods_on_board', await podCount(page), 'pods');
  figure('machine.loadavg_1m', loadavg()[0], 'runnable');
});

test('long tasks while 1,000 pods are created at once', async ({ page }) => {
  await open(page, '');
  await addNodes(page, 6, '16', 200);
  await page.waitForTimeout(1500);
  await startLongTasks(page);
  const cpu = await traceCpu(page, async () => {
    await createDeployment(page, 'burst', 1000);
    await page.waitForTimeout(12_000);
  });
  const long = await stopLongTasks(page);
  figure('ui.create1000.cpu_max_task', cpu.maxTaskCpu, 'ms', '≤ 50');
  figure('ui.create1000.cpu_tasks_over_50ms', cpu.tasksOver50, 'tasks', '0');
  figure('ui.create1000.longtask_max_wall', long.length ? Math.max(...long) : 0, 'ms', '≤ 50');
  figure('ui.create1000.longtasks_wall', long.length, 'tasks', '0');
  figure('ui.create1000.cpu_main_per_s', cpu.cpuPerSecond, 'ms/s');
  figure('ui.create1000.pods_on_board', await podCount(page), 'pods');
  figure('machine.loadavg_1m', loadavg()[0], 'runnable');
});
