/**
 * Main-thread CPU time from a Chrome trace. On a shared machine wall-clock frame times mostly
 * measure the neighbours; the thread CPU time of each task (`tdur`) measures the app.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';

export interface CpuStats {
  /** Main-thread CPU spent in tasks, per wall second of the window. */
  cpuPerSecond: number;
  /** The longest single task, in main-thread CPU time. */
  maxTaskCpu: number;
  /** Tasks that used more than 50 ms of main-thread CPU. */
  tasksOver50: number;
  /** Wall time those same tasks took (CPU + waiting for a core). */
  wallInTasks: number;
  /**
   * CPU spent putting pixels on screen, per wall second, on every thread that does it: the main
   * thread, the compositor, raster workers and the display compositor (not the cluster's worker).
   * SVG is rasterised off the main thread and a canvas on it, so comparing the two needs this.
   */
  renderPerSecond: number;
  /** The same CPU per frame the main thread committed: on a starved machine fewer frames are made, this stays comparable. */
  renderPerFrame: number;
}

interface TraceEvent {
  ph: string;
  name: string;
  pid: number;
  tid: number;
  dur?: number;
  tdur?: number;
  ts?: number;
  args?: { name?: string };
}

/** Runs `fn` while Chrome traces the page; returns main-thread CPU figures for that window. */
export async function traceCpu(page: Page, fn: () => Promise<void>): Promise<CpuStats> {
  const dir = mkdtempSync(join(tmpdir(), 'kubeplay-trace-'));
  const path = join(dir, 'trace.json');
  const browser = page.context().browser()!;
  const t0 = Date.now();
  await browser.startTracing(page, { path, categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing'] });
  // The window is the scenario only: stopping the trace makes Playwright and Chrome run their own
  // work on the main thread (one ~80 ms task), which is not the app's.
  await page.evaluate(() => performance.mark('kubeplay:trace-start'));
  await fn();
  await page.evaluate(() => performance.mark('kubeplay:trace-end'));
  await browser.stopTracing();
  const wallSeconds = (Date.now() - t0) / 1000;
  const raw = JSON.parse(readFileSync(path, 'utf8')) as { traceEvents?: TraceEvent[] } | TraceEvent[];
  rmSync(dir, { recursive: true, force: true });
  const events = Array.isArray(raw) ? raw : (raw.traceEvents ?? []);
  const names = new Map<string, string>();
  for (const e of events) if (e.ph === 'M' && e.name === 'thread_name') names.set(`${e.pid}:${e.tid}`, e.args?.name ?? '');
  const markAt = (n: string) => events.find((e) => e.name === n)?.ts;
  const from = markAt('kubeplay:trace-start') ?? -Infinity;
  const to = markAt('kubeplay:trace-end') ?? Infinity;
  const seconds = Number.isFinite(from) && Number.isFinite(to) ? (to - from) / 1e6 : wallSeconds;
  if (!Number.isFinite(from) || !Number.isFinite(to)) console.warn('trace: window marks not found, counting the whole trace');
  const inWindow = (e: TraceEvent) => e.ts === undefined || (e.ts >= from && e.ts + (e.dur ?? 0) <= to);
  const tasks = events.filter((e) => e.ph === 'X' && e.name === 'RunTask' && names.get(`${e.pid}:${e.tid}`) === 'CrRendererMain' && inWindow(e));
  const cpu = tasks.map((e) => (e.tdur ?? 0) / 1000);
  const drawing = (e: TraceEvent) => {
    const thread = names.get(`${e.pid}:${e.tid}`) ?? '';
    if (e.name === 'RunTask') return thread === 'CrRendererMain' || thread === 'Compositor' || thread === 'VizCompositorThread';
    return e.name === 'RasterTask' && thread.startsWith('ThreadPoolForegroundWorker');
  };
  const commits = events.filter((e) => e.ph === 'X' && e.name === 'Commit' && names.get(`${e.pid}:${e.tid}`) === 'CrRendererMain' && inWindow(e)).length;
  const render = events.filter((e) => e.ph === 'X' && inWindow(e) && drawing(e)).reduce((sum, e) => sum + (e.tdur ?? 0) / 1000, 0);
  return {
    cpuPerSecond: cpu.reduce((a, b) => a + b, 0) / seconds,
    maxTaskCpu: cpu.length ? Math.max(...cpu) : 0,
    tasksOver50: cpu.filter((c) => c > 50).length,
    wallInTasks: tasks.reduce((s, e) => s + (e.dur ?? 0) / 1000, 0),
    renderPerSecond: render / seconds,
    renderPerFrame: render / Math.max(1, commits),
  };
}
