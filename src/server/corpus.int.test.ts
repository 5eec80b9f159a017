/**
 * Every example manifest of the Kubernetes docs (../shared/corpus) through real kubectl
 * `apply --dry-run=server`: valid ones must be accepted, the rest must get a clear Kubernetes-style
 * error (never an internal error, a hang or silence). Counts are printed for the issue notes.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findKubectl, startHarness, type Harness } from './testing/harness';

const CORPUS = resolve(__dirname, '../../../shared/corpus/kubernetes-website-examples');
const haveCorpus = existsSync(CORPUS);
const kubectl = findKubectl();
if (!haveCorpus) console.warn(`SKIPPED: corpus not found at ${CORPUS} — the docs-examples suite did not run`);
if (!kubectl) console.warn('SKIPPED: real kubectl not found — the docs-examples suite did not run');

function manifests(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir).sort()) {
    const p = join(dir, e);
    if (statSync(p).isDirectory()) out.push(...manifests(p));
    else if (/\.(ya?ml|json)$/.test(e)) out.push(p);
  }
  return out;
}

/** The error shapes kubectl prints for a refused manifest. */
const CLEAR_ERROR =
  /^(resource mapping not found|unable to recognize|Error from server \((NotFound|BadRequest|Invalid|Forbidden|AlreadyExists|Conflict)\)|error: (error validating|resource mapping not found|error parsing|unable to decode|error when retrieving)|The \w+ "[^"]*" is invalid)/m;

describe.skipIf(!haveCorpus || !kubectl)('Kubernetes docs examples through kubectl apply --dry-run=server', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ controllers: 'none' });
  });
  afterAll(async () => h?.stop());

  it('accepts the valid examples and answers the rest with a clear error', async () => {
    const files = manifests(CORPUS);
    const results: { file: string; code: number; out: string }[] = [];
    let next = 0;
    const worker = async () => {
      while (next < files.length) {
        const file = files[next++];
        const r = await h.kubectl(['apply', '--dry-run=server', '-f', file], undefined, 30_000);
        results.push({ file: relative(CORPUS, file), code: r.code, out: r.stdout + r.stderr });
      }
    };
    await Promise.all([worker(), worker(), worker(), worker()]);
    const accepted = results.filter((r) => r.code === 0);
    const refused = results.filter((r) => r.code !== 0 && CLEAR_ERROR.test(r.out) && !/Internal error/.test(r.out));
    const unclear = results.filter((r) => !accepted.includes(r) && !refused.includes(r));
    const byReason = new Map<string, number>();
    for (const r of refused) {
      const reason = /no matches for kind "(\w+)"/.exec(r.out)?.[0] ?? r.out.split('\n')[0].replace(/"[^"]*"/g, '"…"').slice(0, 90);
      byReason.set(reason, (byReason.get(reason) ?? 0) + 1);
    }
    console.log(`docs examples: ${files.length} files, ${accepted.length} accepted, ${refused.length} refused with a clear error, ${unclear.length} unclear`);
    for (const [reason, n] of [...byReason].sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log(`  ${String(n).padStart(3)}  ${reason}`);
    for (const u of unclear) console.log(`  UNCLEAR ${u.file}: ${u.out.slice(0, 300)}`);
    expect(unclear).toEqual([]);
    // Regression floor: every kind the issue lists is served, so most examples must go through.
    expect(accepted.length).toBeGreaterThanOrEqual(340);
    // Spot checks of examples the docs walk learners through.
    for (const f of ['controllers/nginx-deployment.yaml', 'pods/simple-pod.yaml', 'service/networking/nginx-svc.yaml', 'application/job/cronjob.yaml'])
      if (results.some((r) => r.file === f)) expect(accepted.map((r) => r.file)).toContain(f);
  }, 600_000);
});
