#!/usr/bin/env node
// Runs every suite (vitest unit + integration, Playwright when present) and prints one closing line
// `N passed, N failed` summing them all. Exits non-zero when anything failed.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const tmp = mkdtempSync(join(tmpdir(), 'kubeplay-test-'));
let passed = 0;
let failed = 0;
let skipped = 0;
let broken = false;

function runVitest(project) {
  const out = join(tmp, `${project}.json`);
  const r = spawnSync('npx', ['vitest', 'run', '--project', project, '--reporter=default', '--reporter=json', `--outputFile.json=${out}`], {
    stdio: 'inherit',
  });
  if (!existsSync(out)) {
    console.error(`[test-all] vitest ${project} produced no report (exit ${r.status})`);
    broken = true;
    return;
  }
  const rep = JSON.parse(readFileSync(out, 'utf8'));
  passed += rep.numPassedTests;
  failed += rep.numFailedTests;
  skipped += rep.numPendingTests + (rep.numTodoTests ?? 0);
  // A suite file that failed to load has no tests but is a failure.
  for (const f of rep.testResults ?? []) if (f.status === 'failed' && (f.assertionResults ?? []).length === 0) failed++;
  if (r.status !== 0 && rep.numFailedTests === 0 && rep.numFailedTestSuites === 0) broken = true;
}

function runPlaywright() {
  const specs = existsSync('e2e') ? readdirSync('e2e').filter((f) => f.endsWith('.spec.ts')) : [];
  if (!specs.length) return;
  const out = join(tmp, 'playwright.json');
  const r = spawnSync('npx', ['playwright', 'test', '--reporter=list,json'], {
    stdio: ['inherit', 'inherit', 'inherit'],
    env: { ...process.env, PLAYWRIGHT_JSON_OUTPUT_NAME: out },
  });
  if (!existsSync(out)) {
    console.error(`[test-all] playwright produced no report (exit ${r.status})`);
    broken = true;
    return;
  }
  const s = JSON.parse(readFileSync(out, 'utf8')).stats;
  passed += s.expected + (s.flaky ?? 0);
  failed += s.unexpected;
  skipped += s.skipped;
}

runVitest('unit');
runVitest('integration');
runPlaywright();
if (broken) failed++;
if (skipped) console.log(`${skipped} skipped (see the messages above)`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
