/** In-page instruments for the UI benchmark: frame times from requestAnimationFrame, long tasks. */
import type { Page } from '@playwright/test';

export interface FrameStats {
  frames: number;
  p50: number;
  p95: number;
  max: number;
  fps: number;
}

/** Starts recording frame intervals (ms between consecutive animation frames). */
export async function startFrames(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __framesOn: boolean };
    w.__frames = [];
    w.__framesOn = true;
    let last = performance.now();
    const tick = (t: number) => {
      w.__frames.push(t - last);
      last = t;
      if (w.__framesOn) requestAnimationFrame(tick);
    };
    requestAnimationFrame((t) => {
      last = t;
      requestAnimationFrame(tick);
    });
  });
}

export async function stopFrames(page: Page): Promise<FrameStats> {
  const f = await page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __framesOn: boolean };
    w.__framesOn = false;
    return w.__frames;
  });
  const s = [...f].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? 0;
  const mean = f.reduce((a, b) => a + b, 0) / Math.max(1, f.length);
  return { frames: f.length, p50: q(0.5), p95: q(0.95), max: s[s.length - 1] ?? 0, fps: 1000 / mean };
}

/** Starts collecting main-thread long tasks (over 50 ms, as the browser defines them). */
export async function startLongTasks(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __long: number[]; __longObs?: PerformanceObserver };
    w.__long = [];
    w.__longObs?.disconnect();
    w.__longObs = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__long.push(e.duration);
    });
    w.__longObs.observe({ type: 'longtask' });
  });
}

export async function stopLongTasks(page: Page): Promise<number[]> {
  return page.evaluate(() => {
    const w = window as unknown as { __long: number[]; __longObs?: PerformanceObserver };
    w.__longObs?.disconnect();
    return w.__long;
  });
}

/** A protocol request through the app's engine. */
export function request(page: Page, req: Record<string, unknown>): Promise<unknown> {
  return page.evaluate((r) => (window as unknown as { kubeplay: { engine: { request(x: unknown): Promise<unknown> } } }).kubeplay.engine.request(r), req);
}

/** POSTs a Deployment of `replicas` small pods (cpu 5m, memory 8Mi) through the REST API. */
export function createDeployment(page: Page, name: string, replicas: number): Promise<unknown> {
  const body = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: 'default' },
    spec: {
      replicas,
      selector: { matchLabels: { app: name } },
      template: {
        metadata: { labels: { app: name } },
        spec: { containers: [{ name: 'app', image: 'nginx:1.27', resources: { requests: { cpu: '5m', memory: '8Mi' } } }] },
      },
    },
  };
  return request(page, {
    type: 'rest.request',
    source: 'bench',
    req: { method: 'POST', path: '/apis/apps/v1/namespaces/default/deployments', query: {}, contentType: 'application/json', accept: 'application/json', body: JSON.stringify(body) },
  });
}

export function podCount(page: Page): Promise<number> {
  return page.evaluate(() => (window as unknown as { kubeplay: { mirror: { getState(): { pods: Map<string, unknown> } } } }).kubeplay.mirror.getState().pods.size);
}

export async function addNodes(page: Page, n: number, cpu: string, pods: number): Promise<void> {
  for (let i = 0; i < n; i++) await request(page, { type: 'node.add', cpu, memory: '256Gi', pods });
}
