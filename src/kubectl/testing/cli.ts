/**
 * Developer tool: run command lines through the parity rig and show where this kubectl differs
 * from the real one. `npx tsx src/kubectl/testing/cli.ts [--empty] [--show] 'get pods' …`
 * A line `+30s` advances both clocks; `write NAME TEXT` writes a manifest (\\n escapes), `@NAME` names it.
 */
import { maskAges, startParity } from './parity';

const args = process.argv.slice(2);
const empty = args.includes('--empty');
const show = args.includes('--show');
const lines = args.filter((a) => !a.startsWith('--'));

const rig = await startParity({ empty });
rig.advance(60_000);
let failed = 0;
const files = new Map<string, string>();
for (const raw of lines) {
  // `write NAME TEXT` (TEXT with \n escapes) creates a file; `@NAME` in later lines is its path.
  const w = /^write (\S+) ([\s\S]*)$/.exec(raw);
  if (w) {
    files.set(w[1], rig.file(w[1], w[2].replace(/\\n/g, '\n')));
    continue;
  }
  const line = raw.replace(/@([\w.-]+)/g, (m, n) => files.get(n) ?? m);
  const adv = /^\+(\d+)s$/.exec(line);
  if (adv) {
    rig.advance(Number(adv[1]) * 1000);
    continue;
  }
  const { real, ours } = await rig.both(line);
  const same = real.stdout === ours.stdout && real.stderr === ours.stderr && real.code === ours.code;
  const masked = !same && maskAges(real.stdout) === maskAges(ours.stdout) && maskAges(real.stderr) === maskAges(ours.stderr) && real.code === ours.code;
  const snap = rig.snapshot();
  const diverged = snap.real !== snap.ours;
  console.log(`${same ? 'SAME  ' : masked ? 'MASKED' : 'DIFF  '} kubectl ${line}${diverged ? '   [clusters diverged]' : ''}`);
  if (show && (same || masked)) console.log(real.stdout + (real.stderr ? `[stderr]\n${real.stderr}` : ''));
  if (!same && !masked) {
    failed++;
    console.log(`--- real (exit ${real.code})\n${real.stdout}${real.stderr ? `[stderr]\n${real.stderr}` : ''}`);
    console.log(`--- ours (exit ${ours.code})\n${ours.stdout}${ours.stderr ? `[stderr]\n${ours.stderr}` : ''}`);
  }
}
await rig.stop();
process.exit(failed ? 1 : 0);
