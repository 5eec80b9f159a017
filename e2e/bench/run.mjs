#!/usr/bin/env node
/**
 * `npm run bench:ui [-- --json]`: runs the UI benchmark in Chromium and prints its figures, as text
 * or (`--json`) one {"name","value","unit"} object per line on stdout (Playwright's own output then
 * goes to stderr).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const json = process.argv.includes('--json');
const out = join(mkdtempSync(join(tmpdir(), 'kubeplay-bench-ui-')), 'figures.jsonl');
// Other arguments go to Playwright (e.g. `--output <dir>` so two runs don't share a results folder, or a test filter).
const extra = process.argv.slice(2).filter((a) => a !== '--json');
const r = spawnSync('npx', ['playwright', 'test', '-c', 'e2e/bench/playwright.bench.config.ts', ...extra], {
  stdio: ['ignore', json ? process.stderr : 'inherit', 'inherit'],
  env: { ...process.env, BENCH_OUT: out },
});
const figures = existsSync(out)
  ? readFileSync(out, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l))
  : [];
if (!json) console.log(`\nkubeplay UI benchmark — Chromium ${process.env.KUBEPLAY_CHROMIUM ?? '/usr/bin/chromium'}`);
for (const f of figures) {
  if (json) console.log(JSON.stringify({ name: f.name, value: f.value, unit: f.unit }));
  else console.log(`${f.name.padEnd(44)} ${String(f.value).padStart(10)} ${f.unit}${f.goal ? `   (goal ${f.goal})` : ''}`);
}
process.exit(r.status ?? 1);
