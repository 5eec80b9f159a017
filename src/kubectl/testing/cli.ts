/**
 * Developer tool: run command lines through the parity rig and show where this kubectl differs
 * from the real one. `npx tsx src/kubectl/testing/cli.ts [--empty] [--advance=60s] 'get pods' …`
 * A line `+30s` advances both clocks; `@file name.yaml <<text>>` is not supported here (use the suite).
 */
import { maskAges, startParity } from './parity';

const args = process.argv.slice(2);
const empty = args.includes('--empty');
const lines = args.filter((a) => !a.startsWith('--'));

const rig = await startParity({ empty });
rig.advance(60_000);
let failed = 0;
for (const line of lines) {
  const adv = /^\+(\d+)s$/.exec(line);
  if (adv) {
    rig.advance(Number(adv[1]) * 1000);
    continue;
  }
  const { real, ours } = await rig.both(line);
  const same = real.stdout === ours.stdout && real.stderr === ours.stderr && real.code === ours.code;
  const masked = !same && maskAges(real.stdout) === maskAges(ours.stdout) && maskAges(real.stderr) === maskAges(ours.stderr) && real.code === ours.code;
  console.log(`${same ? 'SAME  ' : masked ? 'AGES  ' : 'DIFF  '} kubectl ${line}`);
  if (!same && !masked) {
    failed++;
    console.log(`--- real (exit ${real.code})\n${real.stdout}${real.stderr ? `[stderr]\n${real.stderr}` : ''}`);
    console.log(`--- ours (exit ${ours.code})\n${ours.stdout}${ours.stderr ? `[stderr]\n${ours.stderr}` : ''}`);
  }
}
const snap = rig.snapshot();
if (snap.real !== snap.ours) console.log('WARNING: the two clusters diverged');
await rig.stop();
process.exit(failed ? 1 : 0);
