/**
 * Shared rig of the kubectl parity suite (issue 6): every command line runs through the real kubectl
 * 1.32 against the headless server and through this kubectl against an identical in-process cluster
 * (same seed, same requests, same simulated clock moves). stdout, stderr and the exit status must be
 * equal byte for byte; the only allowance is a client-side age that crossed a unit boundary between
 * the two runs (`maskAges`). After each block both stores must hold the same objects.
 */
import { afterAll, beforeAll, expect } from 'vitest';
import { findKubectl } from '../../server/testing/harness';
import { maskAges, startParity, type Outcome, type Parity } from './parity';

export const kubectlPath = findKubectl();

let compared = 0;

/** Registers the visible skip message, and the count of compared lines printed after the file. */
export function paritySuite(topic: string): void {
  if (!kubectlPath) console.warn(`SKIPPED: real kubectl not found (/usr/bin/kubectl) — kubectl parity (${topic}) did not run`);
  afterAll(() => {
    if (kubectlPath) console.log(`kubectl parity (${topic}): ${compared} command lines compared with the real kubectl`);
  });
}

export type Norm = (s: string) => string;

/** For comparisons a test makes itself (e.g. flag lists of --help). */
export function countCompared(): void {
  compared++;
}
/** For output whose line order real kubectl leaves to goroutines or Go map iteration. */
export const sorted: Norm = (s) => s.split('\n').sort().join('\n');

/** Equal byte for byte, or equal once client-computed ages are masked; reports the line on failure. */
export function expectParity(line: string, real: Outcome, ours: Outcome, norm: Norm = (s) => s): void {
  compared++;
  const r = { line, stdout: norm(real.stdout), stderr: norm(real.stderr), code: real.code };
  const o = { line, stdout: norm(ours.stdout), stderr: norm(ours.stderr), code: ours.code };
  if (r.stdout === o.stdout && r.stderr === o.stderr && r.code === o.code) return;
  const mask = (x: typeof r) => ({ ...x, stdout: maskAges(x.stdout), stderr: maskAges(x.stderr) });
  expect(mask(o)).toEqual(mask(r));
}

/** Runs each line on both sides and compares; returns the real outputs. */
export async function same(p: Parity, lines: string[], norm?: Norm): Promise<Outcome[]> {
  const outs: Outcome[] = [];
  for (const line of lines) {
    const { real, ours } = await p.both(line);
    expectParity(line, real, ours, norm);
    outs.push(real);
  }
  return outs;
}

export function expectInStep(p: Parity): void {
  const s = p.snapshot();
  expect(s.ours === s.real, 'both clusters hold the same objects').toBe(true);
}

/** One cluster pair per describe block: started (and a minute old) before its tests, stopped after. */
export function clusterPair(): () => Parity {
  let rig: Parity | undefined;
  beforeAll(async () => {
    rig = await startParity();
    rig.advance(60_000);
  });
  afterAll(async () => rig?.stop());
  return () => rig!;
}
