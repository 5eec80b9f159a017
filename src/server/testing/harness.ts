import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCluster, type Cluster, type ClusterOptions } from '../../cluster/cluster';
import { serveCluster } from '../http';
import { writeKubeconfig } from '../kubeconfig';

export interface KubectlResult {
  stdout: string;
  stderr: string;
  code: number;
}

/** Where real kubectl lives, or undefined (tests then skip with a visible message). */
export function findKubectl(): string | undefined {
  for (const p of [process.env.KUBECTL, '/usr/bin/kubectl', '/usr/local/bin/kubectl']) if (p && existsSync(p)) return p;
  return undefined;
}

/** Adds a kubectl flag before any `--` (after it, the flag would become part of a container command). */
function withFlag(args: string[], flag: string): string[] {
  const dash = args.indexOf('--');
  return dash < 0 ? [...args, flag] : [...args.slice(0, dash), flag, ...args.slice(dash)];
}

/**
 * A headless cluster on a random loopback port plus a kubectl bound to it through a private
 * kubeconfig and discovery cache. kubectl runs asynchronously so the in-process server can answer.
 */
export async function startHarness(opts: ClusterOptions & { speed?: number } = {}) {
  const { speed, ...clusterOpts } = opts;
  const cluster: Cluster = createCluster({ seed: 1, startTime: Date.UTC(2025, 0, 1), ...clusterOpts });
  // With a speed, simulated time follows wall time × speed (as `npm run cluster --speed` does).
  let ticker: ReturnType<typeof setInterval> | undefined;
  if (speed) {
    const wall0 = Date.now();
    const sim0 = cluster.clock.now();
    ticker = setInterval(() => cluster.clock.advanceTo(sim0 + (Date.now() - wall0) * speed), 20);
  }
  const server = serveCluster(cluster);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  const dir = mkdtempSync(join(tmpdir(), 'kubeplay-kubectl-'));
  const kubeconfig = join(dir, 'kubeconfig');
  writeKubeconfig(kubeconfig, `http://127.0.0.1:${port}`);
  const bin = findKubectl()!;

  const kubectl = (args: string[], input?: string, timeoutMs = 60_000): Promise<KubectlResult> =>
    new Promise((resolve) => {
      const child = execFile(
        bin,
        withFlag(args, `--cache-dir=${join(dir, 'cache')}`),
        { env: { ...process.env, KUBECONFIG: kubeconfig, HOME: dir }, timeout: timeoutMs, maxBuffer: 64 * 2 ** 20 },
        (err, stdout, stderr) => {
          const code = err ? ((err as { code?: number }).code ?? 1) : 0;
          resolve({ stdout: String(stdout), stderr: String(stderr), code: typeof code === 'number' ? code : 1 });
        },
      );
      if (input !== undefined) child.stdin!.end(input);
    });

  /** Writes a manifest into the harness folder and returns its path. */
  const file = (name: string, content: string) => {
    const p = join(dir, name);
    writeFileSync(p, content);
    return p;
  };

  const stop = async () => {
    if (ticker) clearInterval(ticker);
    server.closeAllConnections();
    await new Promise<void>((r) => server.close(() => r()));
    rmSync(dir, { recursive: true, force: true });
  };
  return { cluster, kubectl, file, dir, port, stop };
}

export type Harness = Awaited<ReturnType<typeof startHarness>>;
