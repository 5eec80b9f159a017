/**
 * The parity rig: two clusters built the same way (seed, start time, options) — one served over
 * HTTP to the real kubectl 1.32, one answering this kubectl in-process. Every command line runs
 * on both; mutating lines keep the clusters in step, so their answers can be compared byte for
 * byte. Simulated time starts 30 hours before the wall clock so client-side ages (which real
 * kubectl computes from the wall clock) print the same hour-granular `30h` from both.
 */
import { createCluster, type ClusterOptions } from '../../cluster/cluster';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { findKubectl, startHarness, type KubectlResult } from '../../server/testing/harness';
import { tokenize } from '../cli/tokenize';
import { goJson } from '../printers/json';
import { defaultKubeconfig } from '../config/kubeconfig';
import { KubectlSession } from '../session';
import { inProcessTransport } from '../transport/inprocess';

export interface Outcome {
  stdout: string;
  stderr: string;
  code: number;
}

export async function startParity(opts: ClusterOptions = {}) {
  const startTime = Math.floor((Date.now() - 30 * 3600_000) / 1000) * 1000;
  const options: ClusterOptions = { seed: 1, ...opts, startTime };
  const h = await startHarness(options);
  const mine = createCluster(options);
  const files = new Map<string, string>();
  // `kubectl edit`: both sides make the same text replacements (real kubectl through $EDITOR).
  let edits: [string, string][] = [];
  const replaceAll = (t: string) => edits.reduce((acc, [a, b]) => acc.split(a).join(b), t);
  const editor = h.file(
    'kp-editor.mjs',
    "import { readFileSync, writeFileSync } from 'node:fs';\nconst f = process.argv[2];\nlet t = readFileSync(f, 'utf8');\nfor (const [a, b] of JSON.parse(process.env.KP_EDIT || '[]')) t = t.split(a).join(b);\nwriteFileSync(f, t);\n",
  );
  process.env.EDITOR = `node ${editor}`;
  const session = new KubectlSession({
    edit: async ({ text }) => replaceAll(text),
    transport: inProcessTransport((r) => mine.rest(r)),
    now: () => Date.now(),
    kubeconfig: defaultKubeconfig(`http://127.0.0.1:${h.port}`),
    files: {
      read: (p) => files.get(p),
      list: (dir) => {
        const names = [...files.keys()].filter((k) => k.startsWith(`${dir}/`)).map((k) => k.slice(dir.length + 1).split('/')[0]);
        return names.length ? [...new Set(names)].sort() : undefined;
      },
    },
  });

  const ours = async (argv: string[], stdin?: string, signal?: AbortSignal): Promise<Outcome> => {
    let stdout = '';
    let stderr = '';
    const code = await session.run(argv, { out: (t) => (stdout += t), err: (t) => (stderr += t) }, { stdin, signal });
    return { stdout, stderr, code };
  };

  /** Real kubectl as a child we can stop (streams: `get -w`, `logs -f`, waits). */
  const spawnReal = (argv: string[], stdin?: string) => {
    const dash = argv.indexOf('--');
    const cache = `--cache-dir=${join(h.dir, 'cache')}`;
    const args = dash < 0 ? [...argv, cache] : [...argv.slice(0, dash), cache, ...argv.slice(dash)];
    const child = spawn(findKubectl()!, args, { env: { ...process.env, KUBECONFIG: join(h.dir, 'kubeconfig'), HOME: h.dir } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += String(d)));
    child.stderr.on('data', (d) => (stderr += String(d)));
    if (stdin !== undefined) child.stdin.end(stdin);
    else child.stdin.end();
    const done = new Promise<Outcome>((resolve) => child.on('close', (code) => resolve({ stdout, stderr, code: code ?? 130 })));
    return {
      done,
      stop(): Promise<Outcome> {
        if (child.exitCode === null) child.kill('SIGINT');
        return done;
      },
    };
  };

  return {
    real: h,
    mine,
    session,
    /** Writes a manifest for both kubectls (same absolute path, so messages naming it agree). */
    file(name: string, content: string): string {
      const p = h.file(name, content);
      files.set(p, content);
      return p;
    },
    /** Runs a command line (shell words) on both sides. */
    async both(line: string, stdin?: string): Promise<{ real: KubectlResult; ours: Outcome }> {
      const argv = tokenize(line).words;
      const real = await h.kubectl(argv, stdin);
      const o = await ours(argv, stdin);
      return { real, ours: o };
    },
    ours,
    /**
     * Runs a long-lived command (a watch, `logs -f`, a wait) on both sides at once, performs
     * `during` (clock moves and other commands, on both clusters) while they run, then either
     * waits for both to finish or — after `settleMs` — interrupts both as Ctrl+C would.
     */
    async concurrent(line: string, during: (string | number)[], o: { settleMs?: number; untilExit?: boolean; startMs?: number } = {}): Promise<{ real: Outcome; ours: Outcome }> {
      const argv = tokenize(line).words;
      const real = spawnReal(argv);
      const abort = new AbortController();
      const oursP = ours(argv, undefined, abort.signal);
      const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
      await sleep(o.startMs ?? 1500);
      for (const step of during) {
        if (typeof step === 'number') {
          h.cluster.clock.advance(step);
          mine.clock.advance(step);
          await sleep(200);
        } else {
          const w = tokenize(step).words;
          await h.kubectl(w);
          await ours(w);
          await sleep(200);
        }
      }
      if (o.untilExit) {
        const [r, m] = await Promise.all([real.done, oursP]);
        return { real: r, ours: m };
      }
      await sleep(o.settleMs ?? 1000);
      abort.abort();
      const [r, m] = await Promise.all([real.stop(), oursP]);
      return { real: r, ours: m };
    },
    /** What the editor does on both sides for `kubectl edit`: literal replacements. */
    editWith(replacements: [string, string][]): void {
      edits = replacements;
      process.env.KP_EDIT = JSON.stringify(replacements);
    },
    /** Moves both simulated clocks forward by the same amount (controllers run). */
    advance(ms: number): void {
      h.cluster.clock.advance(ms);
      mine.clock.advance(ms);
    },
    /** Both stores' objects, for checking that the two sides made the same changes. */
    snapshot(): { real: string; ours: string } {
      // Event names carry a process-wide sequence number in the cluster's recorder, so two
      // clusters in one process name the same event differently: compare events without names.
      const dump = (c: typeof mine) =>
        c.api.registry.defs
          .map((d) => {
            const items = c.store.list(c.api.registry.key(d)).items;
            // Key order follows what each client sent; compare content (sorted keys).
            if (d.kind !== 'Event') return goJson(items);
            return goJson(items.map((e) => ({ ...e, metadata: { ...e.metadata, name: '' } })).sort((a, b) => Number(a.metadata.resourceVersion) - Number(b.metadata.resourceVersion)));
          })
          .join('\n');
      return { real: dump(h.cluster), ours: dump(mine) };
    },
    stop: () => h.stop(),
  };
}

export type Parity = Awaited<ReturnType<typeof startParity>>;

/** Client-side ages (describe, events) differ when the wall clock crosses a boundary mid-test: masked on a second look. */
export function maskAges(s: string): string {
  return s
    .split('\n')
    .map((l) =>
      l
        .replace(/^E\d{4} \d\d:\d\d:\d\d\.\d{6} +\d+ /, 'E<klog> ')
        .replace(/\b(\d+[smhdy])+\b|<invalid>/g, '<age>')
        .replace(/ {2,}/g, '  '),
    )
    .join('\n');
}
