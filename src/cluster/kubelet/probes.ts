/**
 * Probe outcomes against the simulated process, with the prober's 1.32 messages: HTTP status and
 * dial errors, TCP connects, exec commands (`cat /tmp/healthy`, `redis-cli ping`, `pg_isready`…),
 * gRPC; plus when the next run happens on the worker's ticker.
 */
import { fileAt } from './behaviour';
import type { ContainerSim, PodSim, ProbeSim } from './model';

export interface ProbeOutcome {
  ok: boolean;
  message: string;
  /** The outcome holds at least until then (Infinity: until something else changes). */
  stableUntil: number;
}

const num = (v: unknown, d: number) => (typeof v === 'number' ? v : d);

/** A probe port: a number, or a container port name. */
function portOf(c: ContainerSim, port: unknown): number {
  if (typeof port === 'number') return port;
  const named = (c.spec?.ports ?? []).find((p: { name?: string }) => p.name === port);
  return named?.containerPort ?? (Number(port) || 0);
}

function listening(c: ContainerSim, port: number, t: number): { up: boolean; until: number } {
  const s = c.behaviour.server;
  const listenAt = c.plan?.listenAt ?? Infinity;
  if (!s || !s.ports.has(port)) return { up: false, until: Infinity };
  return t >= listenAt ? { up: true, until: Infinity } : { up: false, until: listenAt };
}

const hung = (c: ContainerSim, t: number) => c.plan?.hangAt !== undefined && t >= c.plan.hangAt;

function http(p: PodSim, c: ContainerSim, pr: ProbeSim, spec: Record<string, unknown>, ip: string, t: number): ProbeOutcome {
  const port = portOf(c, spec.port);
  const path = typeof spec.path === 'string' && spec.path ? spec.path : '/';
  const scheme = String(spec.scheme ?? 'HTTP').toLowerCase();
  const url = `${scheme}://${(spec.host as string) || ip}:${port}${path.startsWith('/') ? path : `/${path}`}`;
  if (hung(c, t)) return { ok: false, message: `Get "${url}": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`, stableUntil: Infinity };
  const l = listening(c, port, t);
  if (!l.up) return { ok: false, message: `Get "${url}": dial tcp ${ip}:${port}: connect: connection refused`, stableUntil: l.until };
  const server = c.behaviour.server!;
  if (server.ports.get(port) !== 'http') return { ok: false, message: `Get "${url}": EOF`, stableUntil: Infinity };
  if (pr.type === 'readiness' && p.faults.has('not-ready')) return { ok: false, message: 'HTTP probe failed with statuscode: 503', stableUntil: Infinity };
  const since = t - (c.startedAt ?? t);
  const code = server.http(port, path, since);
  // Time-dependent servers (agnhost liveness: 200 for 10 s, then 500) may change their answer once.
  const until = since < 10_000 && server.kind.includes('liveness') ? (c.startedAt ?? t) + 10_000 : Infinity;
  if (code >= 200 && code < 400) return { ok: true, message: '', stableUntil: until };
  return { ok: false, message: `HTTP probe failed with statuscode: ${code}`, stableUntil: until };
}

function exec(p: PodSim, c: ContainerSim, pr: ProbeSim, argv: string[], ip: string, t: number): ProbeOutcome {
  const cmd = argv.join(' ');
  if (hung(c, t)) return { ok: false, message: `command "${cmd}" timed out`, stableUntil: Infinity };
  if (pr.type === 'readiness' && p.faults.has('not-ready')) return { ok: false, message: '', stableUntil: Infinity };
  // `sh -c "…"`: look at the script's first command.
  const words = argv[0] && /(^|\/)(ba|a)?sh$/.test(argv[0]) && argv[1] === '-c' ? (argv[2] ?? '').split(/\s*(?:&&|;|\|\|)\s*/)[0].split(/\s+/) : argv;
  const [bin, ...args] = words;
  const name = (bin ?? '').slice((bin ?? '').lastIndexOf('/') + 1);
  const since = t - (c.startedAt ?? t);
  const b = c.behaviour;
  const fileCmd = ['cat', 'ls', 'test', '[', 'stat'].includes(name);
  if (fileCmd) {
    const file = args.filter((a) => !a.startsWith('-') && a !== ']').pop() ?? '';
    const exists = fileAt(b, file, since);
    const later = b.files.find((f) => f.path === file && f.atMs > since);
    const until = later ? (c.startedAt ?? t) + later.atMs : Infinity;
    if (exists) return { ok: true, message: '', stableUntil: until };
    const msg = name === 'cat' ? (b.busybox ? `cat: can't open '${file}': No such file or directory` : `cat: ${file}: No such file or directory`) : name === 'ls' ? `ls: ${file}: No such file or directory` : '';
    return { ok: false, message: msg, stableUntil: until };
  }
  const server = (port: number, okMsg: string, failMsg: string): ProbeOutcome => {
    const l = listening(c, port, t);
    return l.up ? { ok: true, message: okMsg, stableUntil: Infinity } : { ok: false, message: failMsg, stableUntil: l.until };
  };
  if (name === 'redis-cli') return server(6379, 'PONG', 'Could not connect to Redis at 127.0.0.1:6379: Connection refused');
  if (name === 'pg_isready') return server(5432, '/var/run/postgresql:5432 - accepting connections', '/var/run/postgresql:5432 - no response');
  if (name === 'mysqladmin' || name === 'mariadb-admin')
    return server(3306, 'mysqld is alive', "mysqladmin: connect to server at 'localhost' failed\nerror: 'Can't connect to local server through socket '/var/run/mysqld/mysqld.sock' (2)'");
  if (name === 'false') return { ok: false, message: '', stableUntil: Infinity };
  if (name === 'curl' || name === 'wget') {
    const url = args.find((a) => /^(https?:\/\/|localhost|127\.0\.0\.1)/.test(a)) ?? '';
    const m = /^(?:https?:\/\/)?(?:localhost|127\.0\.0\.1)(?::(\d+))?(\/.*)?$/.exec(url);
    if (m) {
      const r = http(p, c, pr, { port: Number(m[1] ?? 80), path: m[2] ?? '/' }, ip, t);
      return { ...r, message: r.ok ? '' : name === 'curl' ? `curl: (7) Failed to connect to localhost port ${m[1] ?? 80}` : `wget: can't connect to remote host (127.0.0.1): Connection refused` };
    }
  }
  return { ok: true, message: '', stableUntil: Infinity };
}

/** Runs probe `pr` of container `c` at `t`. */
export function runProbe(p: PodSim, c: ContainerSim, pr: ProbeSim, t: number): ProbeOutcome {
  const r = outcome(p, c, pr, t);
  // A process that will hang later answers differently from then on (TCP connects still succeed).
  const hangAt = c.plan?.hangAt;
  if (hangAt !== undefined && hangAt > t && !pr.spec?.tcpSocket) r.stableUntil = Math.min(r.stableUntil, hangAt);
  return r;
}

function outcome(p: PodSim, c: ContainerSim, pr: ProbeSim, t: number): ProbeOutcome {
  const spec = pr.spec ?? {};
  const ip = (p.pod.spec?.hostNetwork ? p.hostIP : p.podIP) ?? '';
  if (spec.httpGet) return http(p, c, pr, spec.httpGet, ip, t);
  if (spec.exec) return exec(p, c, pr, spec.exec.command ?? [], ip, t);
  if (spec.tcpSocket) {
    const port = portOf(c, spec.tcpSocket.port);
    if (pr.type === 'readiness' && p.faults.has('not-ready')) return { ok: false, message: `dial tcp ${ip}:${port}: i/o timeout`, stableUntil: Infinity };
    const l = listening(c, port, t);
    return l.up ? { ok: true, message: '', stableUntil: Infinity } : { ok: false, message: `dial tcp ${ip}:${port}: connect: connection refused`, stableUntil: l.until };
  }
  if (spec.grpc) {
    const port = num(spec.grpc.port, 0);
    const l = listening(c, port, t);
    const up = l.up && !hung(c, t) && c.behaviour.server?.ports.get(port) === 'grpc';
    return up ? { ok: true, message: '', stableUntil: Infinity } : { ok: false, message: `timeout: failed to connect service "${ip}:${port}" within 1s`, stableUntil: l.until };
  }
  return { ok: true, message: '', stableUntil: Infinity };
}

/**
 * The next run after `after`: on the worker's ticker (origin = when the kubelet took the pod, every
 * periodSeconds) once initialDelaySeconds have passed since the container started. A readiness
 * probe also runs right after the container starts (the status manager triggers it).
 */
export function nextProbeRun(p: PodSim, c: ContainerSim, pr: ProbeSim, after: number, triggerAt?: number): number {
  const period = num(pr.spec?.periodSeconds, 10) * 1000;
  const earliest = (c.startedAt ?? after) + num(pr.spec?.initialDelaySeconds, 0) * 1000;
  const origin = p.startTime ?? 0;
  const from = Math.max(after + 1, earliest);
  const tick = origin + Math.ceil((from - origin) / period) * period;
  return triggerAt !== undefined && triggerAt >= earliest && triggerAt < tick ? triggerAt : tick;
}
