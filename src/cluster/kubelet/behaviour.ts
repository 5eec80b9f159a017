/**
 * What a container's process does, from its image and command: a server that runs until stopped
 * (nginx, redis, postgres…), or a script interpreted in simulated time (`sleep 5`, `echo hi`,
 * `while true; do …; done`, the docs' `perl … bpi(2000)` Job). Behaviours are cached per
 * (image, command, env) since every replica of a template behaves the same.
 */
import type { KObject } from '../api/types';
import type { Family } from './imageCatalog';
import { lookupImage } from './images';
import { serverFor, type ServerModel } from './servers';
import { runArgv, SERVER_PROGRAMS, type RunOptions } from './shellRun';

export interface Behaviour {
  /** The argv the runtime executes (ENTRYPOINT/CMD merged with command/args). */
  argv: string[];
  family?: Family;
  /** busybox userland (alpine, busybox) rather than GNU. */
  busybox: boolean;
  /** The server the process is or becomes (after `serverAtMs` of script). */
  server?: ServerModel;
  serverAtMs: number;
  /** Natural end: ms after start and exit code (undefined: runs until stopped). */
  exit?: { afterMs: number; code: number };
  /** containerd's error when the executable does not exist in the image. */
  startError?: string;
  /** Files the script creates/removes over time (for `cat /tmp/healthy` exec probes). */
  files: { path: string; atMs: number; exists: boolean }[];
  /** SIGTERM: exits after ms with code; undefined → ignored until SIGKILL at the grace period's end. */
  term?: { afterMs: number; code: number };
  memoryBytes: number;
  /** The environment the process sees (for `env`, `$VAR`). */
  env: Record<string, string>;
  stdin: boolean;
}

const Mi = 1024 * 1024;
const WRAPPERS = new Set(['docker-entrypoint.sh', '/docker-entrypoint.sh', '/usr/local/bin/docker-entrypoint.sh', 'docker-php-entrypoint']);
const SHELLS = new Set(['sh', 'ash', 'bash', 'zsh', 'dash']);
/** Families whose image is a server whatever its binary is called. */
const FAMILY_SERVERS = new Set<Family>(['echo', 'kube-proxy', 'etcd', 'control-plane']);
/** Executables an image does NOT ship (the classic `bash` on busybox). */
const MISSING: Record<'busybox' | 'debian', Set<string>> = {
  busybox: new Set(['bash', 'curl', 'python', 'python3', 'perl', 'node', 'java', 'ruby', 'git', 'dig', 'zsh']),
  debian: new Set(['curl', 'wget', 'ping', 'nslookup', 'dig', 'nc', 'python', 'python3', 'node', 'java', 'ruby', 'vim', 'ip', 'ps']),
};
const base = (s: string) => s.slice(s.lastIndexOf('/') + 1);

/** Kubernetes' default env in every container (the `kubernetes` Service's variables, PATH, HOME). */
export function defaultEnv(hostname = ''): Record<string, string> {
  return {
    PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
    HOSTNAME: hostname,
    KUBERNETES_SERVICE_HOST: '10.96.0.1',
    KUBERNETES_SERVICE_PORT: '443',
    KUBERNETES_SERVICE_PORT_HTTPS: '443',
    KUBERNETES_PORT: 'tcp://10.96.0.1:443',
    KUBERNETES_PORT_443_TCP: 'tcp://10.96.0.1:443',
    KUBERNETES_PORT_443_TCP_PROTO: 'tcp',
    KUBERNETES_PORT_443_TCP_PORT: '443',
    KUBERNETES_PORT_443_TCP_ADDR: '10.96.0.1',
    HOME: '/root',
  };
}

/** The container spec fields a behaviour depends on. */
export interface ContainerInput {
  image: string;
  command?: string[];
  args?: string[];
  env?: { name: string; value?: string }[];
  stdin?: boolean;
}

function envOf(c: ContainerInput): Record<string, string> {
  const env: Record<string, string> = {};
  for (const e of c.env ?? []) env[e.name] = e.value ?? '';
  return env;
}

function isBusybox(repo: string, tag: string): boolean {
  return /\/(busybox|alpine|curl)$/.test(repo) || tag.includes('alpine') || repo.endsWith('/busybox');
}

function missingBinary(argv0: string, family: Family | undefined, busybox: boolean, repo: string): boolean {
  const name = base(argv0);
  if (family !== 'shell' && family !== 'runtime' && family !== 'nginx' && family !== 'redis') return false;
  if (family === 'runtime') return false;
  if (busybox) return MISSING.busybox.has(name) && !(name === 'curl' && repo.endsWith('/curl'));
  return family === 'shell' && MISSING.debian.has(name);
}

const cache = new Map<string, Behaviour>();

/** The behaviour of a container (cached; treat the result as read-only). */
export function behaviourOf(c: ContainerInput): Behaviour {
  const key = JSON.stringify([c.image, c.command, c.args, c.env, !!c.stdin]);
  const hit = cache.get(key);
  if (hit) return hit;
  const b = compute(c);
  if (cache.size > 5000) cache.clear();
  cache.set(key, b);
  return b;
}

function compute(c: ContainerInput): Behaviour {
  const img = lookupImage(c.image);
  const entry = img?.entry;
  const family = img?.family;
  const busybox = img ? isBusybox(img.ref.repo, img.canonicalTag) : false;
  let argv = c.command?.length ? [...c.command, ...(c.args ?? [])] : [...(entry?.entrypoint ?? []), ...(c.args ?? entry?.cmd ?? [])];
  // Entrypoint scripts that end in `exec "$@"` (curl's also prefixes `curl` to bare options).
  if (argv.length && (WRAPPERS.has(argv[0]) || (argv[0] === '/entrypoint.sh' && family === 'shell'))) argv = argv.slice(1);
  if (argv[0]?.startsWith('-') && img?.ref.repo.endsWith('/curl')) argv = ['curl', ...argv];
  const env = { ...defaultEnv(), ...envOf(c) };
  const b: Behaviour = { argv, family, busybox, serverAtMs: 0, files: [], memoryBytes: (family === 'runtime' ? 12 : 1) * Mi, env, stdin: !!c.stdin };
  if (!argv.length) {
    b.exit = { afterMs: 0, code: 0 };
    return b;
  }
  if (missingBinary(argv[0], family, busybox, img?.ref.repo ?? '')) {
    b.startError = `failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: exec: "${argv[0]}": executable file not found in $PATH: unknown`;
    return b;
  }
  const program = base(argv[0]);
  if (!SHELLS.has(program) && family && (SERVER_PROGRAMS.has(program) || FAMILY_SERVERS.has(family))) {
    const server = serverFor(program, argv, family, env);
    if (server) return withServer(b, server, 0);
  }
  if (program === 'curl' && argv.length === 1) {
    b.exit = { afterMs: 30, code: 2 };
    return b;
  }
  staticRun(b);
  // Sample apps started through a shell (`sh -c 'node server.js'`) are still their image's server.
  if (!b.exit && !b.server && family === 'echo') {
    const s = serverFor('', argv, family, env);
    if (s) withServer(b, s, 0);
  }
  return b;
}

function withServer(b: Behaviour, s: ServerModel, atMs: number): Behaviour {
  b.server = s;
  b.serverAtMs = atMs;
  b.memoryBytes = s.memoryBytes;
  b.term = s.term;
  if (s.fails) b.exit = { afterMs: atMs + s.fails.afterMs, code: s.fails.code };
  return b;
}

/** Walks the script once (bounded) to learn its exit, file changes and SIGTERM handling. */
function staticRun(b: Behaviour): void {
  const opts: RunOptions = { env: b.env, hostname: 'x', startMs: 0, stdin: b.stdin, busybox: b.busybox };
  let n = 0;
  for (const e of runArgv(b.argv, opts)) {
    if (++n > 20_000 || e.at > 400 * 86_400_000) return;
    if (e.kind === 'file') b.files.push({ path: e.path, atMs: e.at, exists: e.exists });
    else if (e.kind === 'term') b.term = { afterMs: 10, code: 0 };
    else if (e.kind === 'exit') return void (b.exit = { afterMs: e.at, code: e.code });
    else if (e.kind === 'block') return;
    else if (e.kind === 'server') {
      const s = serverFor(base(e.argv[0]), e.argv, b.family ?? 'shell', b.env);
      if (s) withServer(b, s, e.at);
      return;
    }
  }
}

/** Is `path` present at `sinceStartMs` (files the image ships are not modelled, only script-made ones)? */
export function fileAt(b: Behaviour, path: string, sinceStartMs: number): boolean {
  let exists = false;
  for (const f of b.files) if (f.path === path && f.atMs <= sinceStartMs) exists = f.exists;
  return exists;
}

/** Container spec → behaviour input (env values only; valueFrom is not resolved). */
export function containerInput(c: KObject['spec']): ContainerInput {
  return {
    image: c?.image ?? '',
    command: c?.command,
    args: c?.args,
    env: (c?.env ?? []).map((e: { name: string; value?: string }) => ({ name: e.name, value: e.value })),
    stdin: !!c?.stdin,
  };
}
