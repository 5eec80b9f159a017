/**
 * Runs a parsed script in simulated time as a lazy stream of events: output lines, file changes
 * (for exec probes), the exit, "blocks forever" (unknown commands, `sleep infinity`) or "became a
 * server" (`exec nginx …`). Busy loops advance at least one second per round so output stays finite.
 */
import { interpreter, perl, testExpr, type ProgramEffect } from './shellPrograms';
import { expandWord, formatDate, type ExpandEnv } from './shellExpand';
import { parseScript, type Node } from './shellParse';

export type RunEvent =
  | { at: number; kind: 'out'; text: string }
  | { at: number; kind: 'file'; path: string; exists: boolean }
  | { at: number; kind: 'exit'; code: number }
  | { at: number; kind: 'block' }
  | { at: number; kind: 'term' }
  | { at: number; kind: 'server'; argv: string[] }
  /** One loop round went by: lets a consumer see time pass (and stop) in a loop that prints nothing. */
  | { at: number; kind: 'tick' };

export interface RunOptions {
  /** Container environment (exported variables). */
  env: Record<string, string>;
  hostname: string;
  /** Simulated epoch ms of the process start (for `date`). */
  startMs: number;
  /** stdin attached (`stdin: true`): interactive shells wait instead of exiting. */
  stdin: boolean;
  /** busybox userland (alpine, busybox) or GNU (debian, ubuntu): a few texts differ. */
  busybox: boolean;
}

/** Programs that turn the process into a long-running server the behaviour model knows. */
export const SERVER_PROGRAMS = new Set([
  'nginx', 'redis-server', 'httpd-foreground', 'httpd', 'apache2-foreground', 'postgres', 'mysqld', 'mariadbd', 'mongod',
  'memcached', 'rabbitmq-server', 'stress', 'agnhost', 'server', 'pause', 'coredns', 'kube-proxy', 'etcd', 'hello-app',
  'http-echo', 'echo-server', 'whoami', 'php-apache',
]);

const QUICK = new Set(['mkdir', 'cd', 'chmod', 'chown', 'ln', 'cp', 'mv', 'set', 'ulimit', 'umask', 'unset', 'shift', 'source', '.', 'sync', 'clear', 'wget', 'curl', 'apk', 'apt-get', 'apt', 'pip', 'npm']);

function sleepMs(arg: string | undefined): number {
  if (!arg || arg === 'infinity' || arg === 'inf') return Infinity;
  const m = /^(\d+(?:\.\d+)?)([smhd]?)$/.exec(arg);
  if (!m) return 0;
  return Number(m[1]) * { '': 1000, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }[m[2]]!;
}

const base = (s: string) => s.slice(s.lastIndexOf('/') + 1);

class Runner {
  t = 0;
  status = 0;
  stopped = false;
  bgEnd = 0;
  vars = new Map<string, string>();
  files = new Map<string, string>();
  /** Output captured by a redirection or pipe instead of going to the log. */
  capture: string[] | undefined;

  constructor(private readonly o: RunOptions) {
    for (const [k, v] of Object.entries(o.env)) this.vars.set(k, v);
    this.files.set('/etc/hostname', o.hostname);
  }

  private env(): ExpandEnv {
    return { vars: this.vars, nowMs: this.o.startMs + this.t, hostname: this.o.hostname, subst: (cmd) => this.subst(cmd) };
  }

  /** `$(…)`: runs the command silently and returns what it printed. */
  private subst(cmd: string): string {
    const saved = this.capture;
    const out: string[] = [];
    this.capture = out;
    for (const _ of this.list(parseScript(cmd))) void _;
    this.capture = saved;
    this.stopped = false;
    return out.join('\n');
  }

  private *out(text: string): Generator<RunEvent> {
    for (const line of text.split('\n')) {
      if (this.capture) this.capture.push(line);
      else yield { at: this.t, kind: 'out', text: line };
    }
  }

  *list(nodes: Node[]): Generator<RunEvent> {
    for (const n of nodes) {
      if (this.stopped) return;
      if (n.when === '&&' && this.status !== 0) continue;
      if (n.when === '||' && this.status === 0) continue;
      yield* this.node(n);
    }
  }

  private *node(n: Node): Generator<RunEvent> {
    if (n.k === 'while') {
      for (;;) {
        const before = this.t;
        yield* this.list(n.cond);
        if (this.stopped || (this.status === 0) === n.until) return;
        yield* this.list(n.body);
        if (this.stopped) return;
        if (this.t === before) this.t += 1000;
        yield { at: this.t, kind: 'tick' };
      }
    }
    if (n.k === 'for') {
      const items = n.items.flatMap((w) => {
        const v = expandWord(w, this.env());
        return /^["']/.test(w) ? [v] : v.split(/\s+/).filter(Boolean);
      });
      for (const item of items) {
        this.vars.set(n.name, item);
        yield* this.list(n.body);
        if (this.stopped) return;
      }
      return;
    }
    if (n.k === 'if') {
      yield* this.list(n.cond);
      if (this.stopped) return;
      yield* this.list(this.status === 0 ? n.then : n.else);
      return;
    }
    if (n.bg) {
      const [name, arg] = n.words.map((w) => expandWord(w, this.env()));
      if (base(name) === 'sleep') this.bgEnd = Math.max(this.bgEnd, this.t + sleepMs(arg));
      return;
    }
    const redirect = n.redirect && !/^\/(dev\/(stdout|stderr)|proc\/(1|self)\/fd\/[12])$/.test(n.redirect.target) ? n.redirect : undefined;
    const piped = n.pipe?.length ? n.pipe[n.pipe.length - 1].map((w) => expandWord(w, this.env())) : undefined;
    if (!redirect && !piped) return yield* this.command(n.words);
    const saved = this.capture;
    const got: string[] = [];
    this.capture = got;
    yield* this.command(n.words);
    this.capture = saved;
    if (redirect) {
      const target = expandWord(redirect.target, this.env());
      if (target !== '/dev/null') {
        const prev = redirect.op === '>>' ? (this.files.get(target) ?? '') : '';
        this.files.set(target, prev ? `${prev}\n${got.join('\n')}` : got.join('\n'));
        yield { at: this.t, kind: 'file', path: target, exists: true };
      }
    } else if (piped) {
      const p = base(piped[0] ?? '');
      let lines = got;
      if (p === 'grep') lines = got.filter((l) => l.includes(piped[piped.length - 1] ?? ''));
      if (p === 'wc') lines = [String(got.length)];
      if (p === 'head') lines = got.slice(0, 10);
      if (['cat', 'tee', 'grep', 'wc', 'head', 'tail', 'sort'].includes(p)) yield* this.out(lines.join('\n'));
    }
  }

  private *stop(e: RunEvent): Generator<RunEvent> {
    this.stopped = true;
    yield e;
  }

  private *command(raw: string[]): Generator<RunEvent> {
    const env = this.env();
    let words = raw.map((w) => expandWord(w, env));
    while (words.length && /^[A-Za-z_]\w*=/.test(raw[raw.length - words.length])) {
      const [k, ...v] = words[0].split('=');
      this.vars.set(k, v.join('='));
      words = words.slice(1);
    }
    if (!words.length) return void (this.status = 0);
    const [cmd, ...args] = words;
    const name = base(cmd);
    this.status = 0;
    switch (name) {
      case 'echo': {
        const flags = new Set<string>();
        while (/^-[neE]+$/.test(args[0] ?? '')) for (const f of args.shift()!.slice(1)) flags.add(f);
        let text = args.join(' ');
        if (flags.has('e')) text = text.replace(/\\n/g, '\n').replace(/\\t/g, '\t');
        return yield* this.out(text);
      }
      case 'printf': {
        let i = 0;
        const text = (args[0] ?? '').replace(/%([sd%])/g, (_, c: string) => (c === '%' ? '%' : (args[++i] ?? (c === 'd' ? '0' : ''))));
        const body = text.replace(/\\n/g, '\n').replace(/\\t/g, '\t').replace(/\n$/, '');
        return yield* this.out(body);
      }
      case 'sleep': {
        const ms = sleepMs(args[0]);
        if (ms === Infinity) return yield* this.stop({ at: this.t, kind: 'block' });
        this.t += ms;
        return;
      }
      case 'true': case ':': return;
      case 'false': return void (this.status = 1);
      case 'exit': return yield* this.stop({ at: this.t, kind: 'exit', code: args[0] ? Number(args[0]) & 255 : this.status });
      case 'wait': this.t = Math.max(this.t, this.bgEnd); return;
      case 'date': return yield* this.out(formatDate(this.o.startMs + this.t, args.find((a) => a.startsWith('+'))?.slice(1)));
      case 'hostname': return yield* this.out(this.o.hostname);
      case 'whoami': return yield* this.out('root');
      case 'pwd': return yield* this.out('/');
      case 'id': return yield* this.out(this.o.busybox ? 'uid=0(root) gid=0(root) groups=0(root),10(wheel)' : 'uid=0(root) gid=0(root) groups=0(root)');
      case 'uname': return yield* this.out(args.includes('-a') ? `Linux ${this.o.hostname} 6.1.0-kubeplay #1 SMP PREEMPT_DYNAMIC x86_64 ${this.o.busybox ? 'Linux' : 'GNU/Linux'}` : 'Linux');
      case 'seq': {
        const [a, b] = args.length > 1 ? [Number(args[0]), Number(args[1])] : [1, Number(args[0])];
        const nums: number[] = [];
        for (let i = a; i <= b && nums.length < 100_000; i++) nums.push(i);
        return yield* this.out(nums.join('\n'));
      }
      case 'env': case 'printenv': {
        if (args[0]) return this.vars.has(args[0]) && args[0] in this.o.env ? yield* this.out(this.vars.get(args[0])!) : void (this.status = 1);
        return yield* this.out(Object.keys(this.o.env).map((k) => `${k}=${this.vars.get(k) ?? ''}`).join('\n'));
      }
      case 'export': {
        for (const a of args) {
          const [k, ...v] = a.split('=');
          if (v.length) this.vars.set(k, v.join('='));
          this.o.env[k] = this.vars.get(k) ?? '';
        }
        return;
      }
      case 'ls': return yield* this.out(args.some((a) => a.startsWith('/tmp')) ? [...this.files.keys()].filter((f) => f.startsWith('/tmp/')).map(base).join('\n') : 'bin\ndev\netc\nhome\nlib\nproc\nroot\nsys\ntmp\nusr\nvar');
      case 'touch': for (const f of args.filter((a) => !a.startsWith('-'))) { if (!this.files.has(f)) this.files.set(f, ''); yield { at: this.t, kind: 'file', path: f, exists: true }; } return;
      case 'rm': for (const f of args.filter((a) => !a.startsWith('-'))) { this.files.delete(f); yield { at: this.t, kind: 'file', path: f, exists: false }; } return;
      case 'cat': {
        const files = args.filter((a) => !a.startsWith('-'));
        if (!files.length) return this.o.stdin ? yield* this.stop({ at: this.t, kind: 'block' }) : undefined;
        for (const f of files) {
          if (this.files.has(f)) yield* this.out(this.files.get(f)!);
          else {
            yield* this.out(this.o.busybox ? `cat: can't open '${f}': No such file or directory` : `cat: ${f}: No such file or directory`);
            this.status = 1;
          }
        }
        return;
      }
      case 'test': case '[': return void (this.status = testExpr(name === '[' ? args.slice(0, -1) : args, this.files) ? 0 : 1);
      case 'tail': return args.includes('-f') || args.includes('-F') ? yield* this.stop({ at: this.t, kind: 'block' }) : undefined;
      case 'yes': return yield* this.stop({ at: this.t, kind: 'block' });
      case 'trap': return args.some((a) => /^(SIG)?TERM$|^15$|^EXIT$/.test(a)) ? yield { at: this.t, kind: 'term' } : undefined;
      case 'exec': return args.length ? yield* this.execTail(raw.slice(raw.length - args.length)) : undefined;
      case 'sh': case 'bash': case 'ash': case 'zsh': case 'dash': {
        const c = args.indexOf('-c');
        if (c >= 0) return yield* this.list(parseScript(args[c + 1] ?? ''));
        if (args.length) return yield* this.stop({ at: this.t, kind: 'block' });
        return this.o.stdin ? yield* this.stop({ at: this.t, kind: 'block' }) : undefined;
      }
      case 'perl': return yield* this.program(perl(args));
      case 'python': case 'python3': case 'node': return yield* this.program(interpreter(name, args, this.o.stdin));
    }
    if (/^perl5/.test(name)) return this.o.stdin ? yield* this.stop({ at: this.t, kind: 'block' }) : undefined;
    if (SERVER_PROGRAMS.has(name)) return yield* this.stop({ at: this.t, kind: 'server', argv: words });
    if (QUICK.has(name)) return void (this.t += name === 'apk' || name.startsWith('apt') || name === 'pip' || name === 'npm' ? 1500 : name === 'wget' || name === 'curl' ? 50 : 0);
    // Something we cannot know: it runs (silently) until stopped.
    yield* this.stop({ at: this.t, kind: 'block' });
  }

  private *execTail(words: string[]): Generator<RunEvent> {
    yield* this.command(words);
    if (!this.stopped) yield* this.stop({ at: this.t, kind: 'exit', code: this.status });
  }

  /** Programs with a simple simulated effect (shellPrograms.ts). */
  private *program(effect: ProgramEffect | undefined): Generator<RunEvent> {
    if (!effect) return;
    this.t += effect.ms ?? 0;
    if (effect.out !== undefined) yield* this.out(effect.out);
    if (effect.server) return yield* this.stop({ at: this.t, kind: 'server', argv: effect.server });
    if (effect.block) yield* this.stop({ at: this.t, kind: 'block' });
  }
}

/** Runs argv (already split, as a container's command+args) lazily; the last event is exit/block/server. */
export function* runArgv(argv: string[], o: RunOptions): Generator<RunEvent> {
  const r = new Runner({ ...o, env: { ...o.env } });
  const quoted = argv.map((a) => `'${a.replace(/'/g, `'\\''`)}'`);
  yield* r.list(parseScript(quoted.join(' ')));
  if (!r.stopped) yield { at: r.t, kind: 'exit', code: r.status };
}
