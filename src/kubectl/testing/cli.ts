/**
 * Developer tool: run command lines through the parity rig and show where this kubectl differs
 * from the real one. `npx tsx src/kubectl/testing/cli.ts [--empty] [--show] 'get pods' …`
 * A line `+30s` advances both clocks; `write NAME TEXT` writes a manifest (\\n escapes), `@NAME` names it.
 */
import { goJsonIndent } from '../printers/json';
import { maskAges, startParity } from './parity';

const args = process.argv.slice(2);
const empty = args.includes('--empty');
const show = args.includes('--show');
const lines = args.filter((a) => !a.startsWith('--'));

const rig = await startParity({ empty });
rig.advance(60_000);
let failed = 0;
let reported = false;
let divergence = '';

/** The first objects that differ between the two stores (once, when they first diverge). */
function explainDivergence(): string {
  const lines: string[] = [];
  const a = rig.real.cluster;
  const b = rig.mine;
  for (const d of a.api.registry.defs) {
    if (d.kind === 'Event') continue;
    const ia = a.store.list(a.api.registry.key(d)).items as { metadata: { name: string; namespace?: string } }[];
    const ib = b.store.list(b.api.registry.key(d)).items as { metadata: { name: string; namespace?: string } }[];
    const key = (o: { metadata: { name: string; namespace?: string } }) => `${o.metadata.namespace ?? ''}/${o.metadata.name}`;
    const mb = new Map(ib.map((o) => [key(o), o]));
    for (const o of ia) {
      const other = mb.get(key(o));
      const ja = goJsonIndent(o);
      const jb = other ? goJsonIndent(other) : '(missing)';
      if (ja === jb) continue;
      const la = ja.split('\n');
      const lb = jb.split('\n');
      const diff = la.map((l, i) => (l !== lb[i] ? `  real: ${l}\n  ours: ${lb[i] ?? ''}` : '')).filter(Boolean).slice(0, 6);
      lines.push(`${d.kind} ${key(o)}:\n${diff.join('\n')}`);
    }
    if (ia.length !== ib.length) lines.push(`${d.kind}: ${ia.length} vs ${ib.length} objects`);
  }
  return lines.slice(0, 8).join('\n');
}
const files = new Map<string, string>();
for (const raw of lines) {
  // `write NAME TEXT` (TEXT with \n escapes) creates a file; `@NAME` in later lines is its path.
  const w = /^write (\S+) ([\s\S]*)$/.exec(raw);
  if (w) {
    files.set(w[1], rig.file(w[1], w[2].replace(/\\n/g, '\n')));
    continue;
  }
  const line = raw.replace(/@([\w.-]+)/g, (m, n) => files.get(n) ?? m);
  // `edit A=>B;C=>D` sets what the editor replaces for following `edit` commands.
  const ed = /^edits (.*)$/.exec(raw);
  if (ed) {
    rig.editWith(ed[1].split(';').map((p) => p.split('=>').map((x) => x.replace(/\\n/g, '\n')) as [string, string]));
    continue;
  }
  const adv = /^\+(\d+)s$/.exec(line);
  if (adv) {
    rig.advance(Number(adv[1]) * 1000);
    continue;
  }
  // `~LINE|step|step…` runs LINE concurrently (interrupted after the steps); `~~` waits for it to exit.
  const conc = /^(~~?)(.*)$/.exec(line);
  const { real, ours } = conc
    ? await (() => {
        const [l, ...steps] = conc[2].split('|');
        const during = steps.map((st) => (/^\+(\d+)s$/.test(st) ? Number(st.slice(1, -1)) * 1000 : st));
        return rig.concurrent(l, during, { untilExit: conc[1] === '~~' });
      })()
    : await rig.both(line);
  const same = real.stdout === ours.stdout && real.stderr === ours.stderr && real.code === ours.code;
  const masked = !same && maskAges(real.stdout) === maskAges(ours.stdout) && maskAges(real.stderr) === maskAges(ours.stderr) && real.code === ours.code;
  const snap = rig.snapshot();
  const diverged = snap.real !== snap.ours;
  if (diverged && !reported) {
    reported = true;
    divergence = explainDivergence();
  }
  console.log(`${same ? 'SAME  ' : masked ? 'MASKED' : 'DIFF  '} kubectl ${line}${diverged ? '   [clusters diverged]' : ''}`);
  if (divergence) {
    console.log(divergence);
    divergence = '';
  }
  if (show && (same || masked)) console.log(real.stdout + (real.stderr ? `[stderr]\n${real.stderr}` : ''));
  if (!same && !masked) {
    failed++;
    console.log(`--- real (exit ${real.code})\n${real.stdout}${real.stderr ? `[stderr]\n${real.stderr}` : ''}`);
    console.log(`--- ours (exit ${ours.code})\n${ours.stdout}${ours.stderr ? `[stderr]\n${ours.stderr}` : ''}`);
  }
}
await rig.stop();
process.exit(failed ? 1 : 0);
