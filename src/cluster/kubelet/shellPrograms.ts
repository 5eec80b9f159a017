/**
 * Programs the simulated shell runs by effect rather than line by line: `test`/`[`, `perl -e`
 * (including the docs' `bpi(2000)` Job) and `python -c` / `node -e` one-liners.
 */
import { piDigits } from './pi';

/** What running a program does: take `ms`, print `out`, then end, block, or become a server. */
export interface ProgramEffect {
  ms?: number;
  out?: string;
  block?: boolean;
  server?: string[];
}

/** `test` / `[ … ]` over the script's own files and strings/integers. */
export function testExpr(a: string[], files: ReadonlyMap<string, string>): boolean {
  if (a[0] === '!') return !testExpr(a.slice(1), files);
  if (a.length === 1) return a[0] !== '';
  if (a.length === 2) {
    if (a[0] === '-z') return a[1] === '';
    if (a[0] === '-n') return a[1] !== '';
    if (a[0] === '-f' || a[0] === '-e' || a[0] === '-s' || a[0] === '-r') return files.has(a[1]);
    if (a[0] === '-d') return ['/', '/tmp', '/etc', '/var', '/usr', '/root'].includes(a[1]);
  }
  const [l, op, r] = a;
  const [x, y] = [Number(l), Number(r)];
  switch (op) {
    case '=': case '==': return l === r;
    case '!=': return l !== r;
    case '-eq': return x === y;
    case '-ne': return x !== y;
    case '-lt': return x < y;
    case '-le': return x <= y;
    case '-gt': return x > y;
    case '-ge': return x >= y;
  }
  return false;
}

/** `perl -e '…'`: bpi(N) computes for a while then prints N digits of π; `print "…"` prints. */
export function perl(args: string[]): ProgramEffect {
  const code = args[args.findIndex((a) => /^-\w*e$/.test(a)) + 1] ?? '';
  const bpi = /bpi\((\d+)\)/.exec(code);
  if (bpi) {
    const n = Number(bpi[1]);
    return { ms: 1500 + Math.round((n * n) / 1000), out: piDigits(n) };
  }
  const print = /print\s+"((?:[^"\\]|\\.)*)"/.exec(code);
  if (print) return { out: print[1].replace(/\\n$/, '').replace(/\\n/g, '\n') };
  return code ? {} : { block: true };
}

/** `python -c` / `node -e` one-liners that print; `python -m http.server` serves; scripts run on. */
export function interpreter(name: string, args: string[], stdin: boolean): ProgramEffect {
  if (args[0] === '-m' && args[1] === 'http.server') return { server: ['python-http', args[2] ?? '8000'] };
  const flag = name === 'node' ? args.indexOf('-e') : args.indexOf('-c');
  if (flag >= 0) {
    const code = args[flag + 1] ?? '';
    const m = [...code.matchAll(/(?:print|console\.log)\(\s*(['"])((?:(?!\1).)*)\1\s*\)/g)];
    const ms = name === 'node' ? 40 : 25;
    if (m.length) return { ms, out: m.map((x) => x[2]).join('\n') };
    return { ms, block: /sleep|while|Interval\(|serve_forever|listen/.test(code) };
  }
  return { block: args.length > 0 || stdin };
}
