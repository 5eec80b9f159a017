import { describe, expect, it } from 'vitest';
import { behaviourOf, fileAt, type ContainerInput } from './behaviour';
import { piDigits } from './pi';
import { runArgv, type RunEvent } from './shellRun';

const T0 = Date.UTC(2025, 0, 1);

/** The first `n` events of a container's process. */
function events(c: ContainerInput, n = 20): RunEvent[] {
  const b = behaviourOf(c);
  const out: RunEvent[] = [];
  let seen = 0;
  for (const e of runArgv(b.argv, { env: b.env, hostname: 'web-0', startMs: T0, stdin: false, busybox: b.busybox })) {
    if (++seen > 100_000) break;
    if (e.kind === 'tick') continue;
    out.push(e);
    if (out.length >= n) break;
  }
  return out;
}
const lines = (c: ContainerInput, n = 20) => events(c, n).filter((e) => e.kind === 'out').map((e) => [e.at, (e as { text: string }).text]);

describe('servers run until stopped', () => {
  it.each([
    ['nginx:1.27', 'nginx', 80],
    ['httpd', 'httpd', 80],
    ['redis:7.4', 'redis', 6379],
    ['mongo', 'mongo', 27017],
    ['registry.k8s.io/hpa-example', 'php-apache', 80],
  ])('%s is a %s server on port %i', (image, kind, port) => {
    const b = behaviourOf({ image });
    expect(b.exit).toBeUndefined();
    expect(b.server?.kind).toBe(kind);
    expect(b.server?.ports.has(port)).toBe(true);
  });

  it('nginx answers / with 200 and an unknown path with 404', () => {
    const s = behaviourOf({ image: 'nginx' }).server!;
    expect(s.http(80, '/', 1000)).toBe(200);
    expect(s.http(80, '/healthz', 1000)).toBe(404);
  });

  it('postgres without POSTGRES_PASSWORD exits 1 right away', () => {
    expect(behaviourOf({ image: 'postgres:17' }).exit).toEqual({ afterMs: 80, code: 1 });
    expect(behaviourOf({ image: 'postgres:17', env: [{ name: 'POSTGRES_PASSWORD', value: 'x' }] }).exit).toBeUndefined();
  });

  it('mysql without a root password option exits 1', () => {
    expect(behaviourOf({ image: 'mysql:8.0' }).exit?.code).toBe(1);
  });

  it('the liveness server answers /healthz with 200 for 10 s, then 500', () => {
    const s = behaviourOf({ image: 'registry.k8s.io/liveness', args: ['/server'] }).server!;
    expect([s.http(8080, '/healthz', 9_999), s.http(8080, '/healthz', 10_000)]).toEqual([200, 500]);
  });

  it('polinux/stress holds the memory it was asked for', () => {
    const b = behaviourOf({ image: 'polinux/stress', command: ['stress'], args: ['--vm', '1', '--vm-bytes', '150M', '--vm-hang', '1'] });
    expect(b.memoryBytes).toBeGreaterThan(150 * 1024 * 1024);
  });
});

describe('shell commands', () => {
  it('sleep 5 runs five simulated seconds, then exits 0', () => {
    expect(behaviourOf({ image: 'busybox', command: ['sleep', '5'] }).exit).toEqual({ afterMs: 5000, code: 0 });
  });

  it('echo prints and completes', () => {
    const c = { image: 'busybox', command: ['echo', 'hello', 'world'] };
    expect(lines(c)).toEqual([[0, 'hello world']]);
    expect(behaviourOf(c).exit).toEqual({ afterMs: 0, code: 0 });
  });

  it.each([
    [['sh', '-c', 'exit 1'], 1],
    [['false'], 1],
    [['sh', '-c', 'exit 3'], 3],
    [['true'], 0],
  ])('%j exits %i', (command, code) => {
    expect(behaviourOf({ image: 'busybox', command }).exit?.code).toBe(code);
  });

  it('sequences `echo hi; sleep 3600`', () => {
    const c = { image: 'busybox', command: ['sh', '-c', 'echo hi; sleep 3600'] };
    expect(lines(c)).toEqual([[0, 'hi']]);
    expect(behaviourOf(c).exit).toEqual({ afterMs: 3_600_000, code: 0 });
  });

  it('loops `while true; do …; sleep 5; done` forever, printing every period', () => {
    const c = { image: 'busybox', command: ['sh', '-c', 'while true; do echo tick; sleep 5; done'] };
    expect(behaviourOf(c).exit).toBeUndefined();
    expect(lines(c, 3)).toEqual([[0, 'tick'], [5000, 'tick'], [10000, 'tick']]);
  });

  it('runs a silent loop `while true; do sleep 30; done` forever without stalling the caller', () => {
    const c = { image: 'busybox', command: ['sh', '-c', 'while true; do sleep 30; done'] };
    expect(behaviourOf(c).exit).toBeUndefined();
    const b = behaviourOf(c);
    const ticks: number[] = [];
    for (const e of runArgv(b.argv, { env: b.env, hostname: 'web-0', startMs: T0, stdin: false, busybox: b.busybox })) {
      ticks.push(e.at);
      if (ticks.length === 3) break;
    }
    expect(ticks).toEqual([30_000, 60_000, 90_000]);
  });

  it('runs the logging docs\' counter with variables and $(date)', () => {
    const c = { image: 'busybox:1.28', args: ['/bin/sh', '-c', 'i=0; while true; do echo "$i: $(date)"; i=$((i+1)); sleep 1; done'] };
    expect(lines(c, 2)).toEqual([
      [0, '0: Wed Jan  1 00:00:00 UTC 2025'],
      [1000, '1: Wed Jan  1 00:00:01 UTC 2025'],
    ]);
  });

  it('computes the docs\' Job: perl bpi(2000) prints 2000 digits after a few seconds', () => {
    const c = { image: 'perl:5.34.0', command: ['perl', '-Mbignum=bpi', '-wle', 'print bpi(2000)'] };
    const [[at, text]] = lines(c);
    expect(at).toBeGreaterThan(3000);
    expect(text).toBe(piDigits(2000));
    expect(String(text).startsWith('3.14159265358979323846')).toBe(true);
    expect(String(text)).toHaveLength(2001);
    expect(behaviourOf(c).exit?.code).toBe(0);
  });

  it('an unknown command on a shell image runs forever', () => {
    const c = { image: 'busybox', command: ['sh', '-c', 'my-app --serve; echo never'] };
    expect(behaviourOf(c).exit).toBeUndefined();
    expect(lines(c)).toEqual([]);
  });

  it('a shell image without a command exits at once (no stdin): the classic Completed crash loop', () => {
    expect(behaviourOf({ image: 'busybox' }).exit).toEqual({ afterMs: 0, code: 0 });
    expect(behaviourOf({ image: 'ubuntu' }).exit).toEqual({ afterMs: 0, code: 0 });
    expect(behaviourOf({ image: 'busybox', stdin: true }).exit).toBeUndefined();
  });

  it('bash is not in busybox-based images', () => {
    expect(behaviourOf({ image: 'alpine', command: ['bash', '-c', 'echo hi'] }).startError).toBe(
      'failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: exec: "bash": executable file not found in $PATH: unknown',
    );
  });

  it('tracks files for exec probes: the docs\' liveness example', () => {
    const b = behaviourOf({ image: 'registry.k8s.io/busybox', args: ['/bin/sh', '-c', 'touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600'] });
    expect([fileAt(b, '/tmp/healthy', 29_999), fileAt(b, '/tmp/healthy', 30_000)]).toEqual([true, false]);
    expect(b.exit).toEqual({ afterMs: 630_000, code: 0 });
  });

  it('handles &&, || and if', () => {
    const c = { image: 'busybox', command: ['sh', '-c', 'false && echo no || echo yes; if [ -f /tmp/x ]; then echo a; else echo b; fi'] };
    expect(lines(c).map(([, t]) => t)).toEqual(['yes', 'b']);
  });

  it('`exec nginx` turns the script into the nginx server', () => {
    const b = behaviourOf({ image: 'nginx', command: ['sh', '-c', 'echo starting; exec nginx -g "daemon off;"'] });
    expect(b.server?.kind).toBe('nginx');
  });

  it('a shell as PID 1 ignores SIGTERM unless it traps it', () => {
    expect(behaviourOf({ image: 'busybox', command: ['sleep', '3600'] }).term).toBeUndefined();
    expect(behaviourOf({ image: 'busybox', command: ['sh', '-c', 'trap "exit 0" TERM; sleep 3600'] }).term).toEqual({ afterMs: 10, code: 0 });
  });
});
