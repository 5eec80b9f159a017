/**
 * What well-known servers print: startup banners, shutdown lines and access-log lines (kubelet
 * probes show up as `kube-probe/1.32`). Offsets are ms after the process start.
 */

export interface Line {
  at: number;
  text: string;
}

export interface BannerCtx {
  /** Process start, epoch ms. */
  start: number;
  podIP: string;
  hostname: string;
  cpus: number;
  /** Image tag (for version strings). */
  tag: string;
}

const p2 = (n: number) => String(n).padStart(2, '0');
const p3 = (n: number) => String(n).padStart(3, '0');
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const d = (ms: number) => new Date(ms);

/** nginx error-log time: 2025/01/01 00:00:05 */
const nginxTs = (ms: number) => {
  const x = d(ms);
  return `${x.getUTCFullYear()}/${p2(x.getUTCMonth() + 1)}/${p2(x.getUTCDate())} ${p2(x.getUTCHours())}:${p2(x.getUTCMinutes())}:${p2(x.getUTCSeconds())}`;
};
/** Common log format time: 01/Jan/2025:00:00:05 +0000 */
const clfTs = (ms: number) => {
  const x = d(ms);
  return `${p2(x.getUTCDate())}/${MONTHS[x.getUTCMonth()]}/${x.getUTCFullYear()}:${p2(x.getUTCHours())}:${p2(x.getUTCMinutes())}:${p2(x.getUTCSeconds())} +0000`;
};
/** redis: 01 Jan 2025 00:00:05.123 */
const redisTs = (ms: number) => {
  const x = d(ms);
  return `${p2(x.getUTCDate())} ${MONTHS[x.getUTCMonth()]} ${x.getUTCFullYear()} ${p2(x.getUTCHours())}:${p2(x.getUTCMinutes())}:${p2(x.getUTCSeconds())}.${p3(x.getUTCMilliseconds())}`;
};
/** postgres/mysql: 2025-01-01 00:00:05.123 */
const isoTs = (ms: number) => d(ms).toISOString().replace('T', ' ').replace('Z', '');
const httpdTs = (ms: number) => {
  const x = d(ms);
  return `${DAYS[x.getUTCDay()]} ${MONTHS[x.getUTCMonth()]} ${p2(x.getUTCDate())} ${p2(x.getUTCHours())}:${p2(x.getUTCMinutes())}:${p2(x.getUTCSeconds())}.${p3(x.getUTCMilliseconds())}000 ${x.getUTCFullYear()}`;
};

const NGINX_VERSIONS: Record<string, string> = { latest: '1.27.3', mainline: '1.27.3', '1': '1.27.3', '1.27': '1.27.3', stable: '1.26.3', '1.26': '1.26.3', alpine: '1.27.3' };

function nginx(c: BannerCtx): Line[] {
  const version = NGINX_VERSIONS[c.tag] ?? (/^\d+\.\d+\.\d+/.exec(c.tag)?.[0] ?? '1.27.3');
  const pre = [
    '/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration',
    '/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/',
    '/docker-entrypoint.sh: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh',
    '10-listen-on-ipv6-by-default.sh: info: Getting the checksum of /etc/nginx/conf.d/default.conf',
    '10-listen-on-ipv6-by-default.sh: info: Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf',
    '/docker-entrypoint.sh: Sourcing /docker-entrypoint.d/15-local-resolvers.envsh',
    '/docker-entrypoint.sh: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh',
    '/docker-entrypoint.sh: Launching /docker-entrypoint.d/30-tune-worker-processes.sh',
    '/docker-entrypoint.sh: Configuration complete; ready for start up',
  ].map((text, i) => ({ at: 5 + i * 3, text }));
  const t = c.start + 35;
  const n = (text: string) => ({ at: 35, text: `${nginxTs(t)} [notice] 1#1: ${text}` });
  const out = [...pre, n('using the "epoll" event method'), n(`nginx/${version}`), n('built by gcc 12.2.0 (Debian 12.2.0-14) '), n('OS: Linux 6.1.0-kubeplay'), n('getrlimit(RLIMIT_NOFILE): 1048576:1048576'), n('start worker processes')];
  for (let i = 0; i < c.cpus; i++) out.push(n(`start worker process ${29 + i}`));
  return out;
}

function redis(c: BannerCtx): Line[] {
  const version = /^\d+\.\d+\.\d+/.exec(c.tag)?.[0] ?? '7.4.1';
  const at = (ms: number, role: string, text: string) => ({ at: ms, text: `1:${role} ${redisTs(c.start + ms)} ${text}` });
  return [
    at(2, 'C', "# WARNING Memory overcommit must be enabled! Without it, a background save or replication may fail under low memory condition. Being disabled, it can also cause failures without low memory condition, see https://github.com/jemalloc/jemalloc/issues/1328. To fix this issue add 'vm.overcommit_memory = 1' to /etc/sysctl.conf and then reboot or run the command 'sysctl vm.overcommit_memory=1' for this to take effect."),
    at(2, 'C', '* oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo'),
    at(2, 'C', `* Redis version=${version}, bits=64, commit=00000000, modified=0, pid=1, just started`),
    at(2, 'C', '# Warning: no config file specified, using the default config. In order to specify a config file use redis-server /path/to/redis.conf'),
    at(3, 'M', '* monotonic clock: POSIX clock_gettime'),
    at(3, 'M', '* Running mode=standalone, port=6379.'),
    at(4, 'M', '* Server initialized'),
    at(5, 'M', '* Ready to accept connections tcp'),
  ];
}

function postgres(c: BannerCtx): Line[] {
  const init = [
    'The files belonging to this database system will be owned by user "postgres".',
    'This user must also own the server process.',
    '',
    'The database cluster will be initialized with locale "en_US.utf8".',
    'The default database encoding has accordingly been set to "UTF8".',
    'The default text search configuration will be set to "english".',
    '',
    'Data page checksums are disabled.',
    '',
    'fixing permissions on existing directory /var/lib/postgresql/data ... ok',
    'creating subdirectories ... ok',
    'selecting dynamic shared memory implementation ... posix',
    'selecting default "max_connections" ... 100',
    'selecting default "shared_buffers" ... 128MB',
    'selecting default time zone ... Etc/UTC',
    'creating configuration files ... ok',
    'running bootstrap script ... ok',
    'performing post-bootstrap initialization ... ok',
    'syncing data to disk ... ok',
    '',
    'PostgreSQL init process complete; ready for start up.',
    '',
  ].map((text, i) => ({ at: 50 + i * 100, text }));
  const log = (ms: number, text: string) => ({ at: ms, text: `${isoTs(c.start + ms)} UTC [1] LOG:  ${text}` });
  const v = /^\d+(\.\d+)?/.exec(c.tag)?.[0] ?? '17.2';
  return [
    ...init,
    log(2700, `starting PostgreSQL ${v.includes('.') ? v : `${v}.2`} (Debian ${v}-1.pgdg120+1) on x86_64-pc-linux-gnu, compiled by gcc (Debian 12.2.0-14) 12.2.0, 64-bit`),
    log(2701, 'listening on IPv4 address "0.0.0.0", port 5432'),
    log(2701, 'listening on IPv6 address "::", port 5432'),
    log(2703, 'listening on Unix socket "/var/run/postgresql/.s.PGSQL.5432"'),
    log(2800, 'database system is ready to accept connections'),
  ];
}

function simple(lines: [number, string][]): Line[] {
  return lines.map(([at, text]) => ({ at, text }));
}

/** Startup lines of a server kind (see servers.ts), or [] for quiet ones. */
export function banner(kind: string, c: BannerCtx): Line[] {
  switch (kind) {
    case 'nginx': return nginx(c);
    case 'redis': return redis(c);
    case 'postgres': return postgres(c);
    case 'httpd': case 'php-apache': case 'wordpress':
      return simple([
        [20, `AH00558: ${kind === 'httpd' ? 'httpd' : 'apache2'}: Could not reliably determine the server's fully qualified domain name, using ${c.podIP}. Set the 'ServerName' directive globally to suppress this message`],
        [21, `AH00558: ${kind === 'httpd' ? 'httpd' : 'apache2'}: Could not reliably determine the server's fully qualified domain name, using ${c.podIP}. Set the 'ServerName' directive globally to suppress this message`],
        [40, `[${httpdTs(c.start + 40)}] [mpm_${kind === 'httpd' ? 'event' : 'prefork'}:notice] [pid 1:tid 1] AH00489: Apache/2.4.62 (${kind === 'httpd' ? 'Unix' : 'Debian'}) configured -- resuming normal operations`],
        [41, `[${httpdTs(c.start + 41)}] [core:notice] [pid 1:tid 1] AH00094: Command line: '${kind === 'httpd' ? 'httpd -D FOREGROUND' : 'apache2 -D FOREGROUND'}'`],
      ]);
    case 'mongo': return simple([[1800, `{"t":{"$date":"${d(c.start + 1800).toISOString().replace('Z', '+00:00')}"},"s":"I",  "c":"NETWORK",  "id":23016,   "ctx":"listener","msg":"Waiting for connections","attr":{"port":27017,"ssl":"off"}}`]]);
    case 'mysql': case 'mariadb': return simple([[18_000, `${d(c.start + 18_000).toISOString()} 0 [System] [MY-010931] [Server] /usr/sbin/mysqld: ready for connections. Version: '9.1.0'  socket: '/var/run/mysqld/mysqld.sock'  port: 3306  MySQL Community Server - GPL.`]]);
    case 'agnhost-netexec': return simple([[10, 'I0101 00:00:00.000000       1 log.go:245] Started HTTP server on port 8080'], [11, 'I0101 00:00:00.000000       1 log.go:245] Started UDP server on port  8081']]);
    case 'hello-app': return simple([[10, '2025/01/01 00:00:00 Server listening on port 8080']]);
    case 'stress': return simple([[1, 'stress: info: [1] dispatching hogs: 0 cpu, 0 io, 1 vm, 0 hdd']]);
    case 'coredns': return simple([[100, '.:53'], [101, '[INFO] plugin/reload: Running configuration SHA512 = 591cf328cccc12bc490481273e738df59329c62c0b729d94e8b61db9961c2fa5f046dd37f1cf888b953814040d180f52594972691cd6ff41be96639138a43908'], [102, 'CoreDNS-1.11.3'], [103, 'linux/amd64, go1.21.11, a6338e9']]);
  }
  return [];
}

/** What a server prints when it shuts down on SIGTERM/SIGQUIT at `at` (epoch ms). */
export function shutdown(kind: string, at: number, cpus: number): string[] {
  if (kind === 'nginx') {
    const n = (pid: number, text: string) => `${nginxTs(at)} [notice] ${pid}#${pid}: ${text}`;
    const out = [n(1, 'signal 3 (SIGQUIT) received, shutting down')];
    for (let i = 0; i < cpus; i++) out.push(n(29 + i, 'gracefully shutting down'), n(29 + i, 'exiting'), n(29 + i, 'exit'));
    for (let i = 0; i < cpus; i++) out.push(n(1, `signal 17 (SIGCHLD) received from ${29 + i}`), n(1, `worker process ${29 + i} exited with code 0`));
    out.push(n(1, 'exit'));
    return out;
  }
  if (kind === 'redis')
    return [
      `1:signal-handler (${Math.floor(at / 1000)}) Received SIGTERM scheduling shutdown...`,
      `1:M ${redisTs(at + 60)} * User requested shutdown...`,
      `1:M ${redisTs(at + 60)} * Saving the final RDB snapshot before exiting.`,
      `1:M ${redisTs(at + 61)} * DB saved on disk`,
      `1:M ${redisTs(at + 61)} # Redis is now ready to exit, bye bye...`,
    ];
  if (kind === 'postgres')
    return ['received fast shutdown request', 'aborting any active transactions', 'background worker "logical replication launcher" (PID 62) exited with exit code 1', 'shutting down', 'database system is shut down'].map(
      (t) => `${isoTs(at)} UTC [1] LOG:  ${t}`,
    );
  return [];
}

/** One access-log line for a GET from `src` (nginx combined format / httpd common format). */
export function accessLine(kind: string, at: number, src: string, path: string, code: number, agent: string): string | undefined {
  if (kind === 'nginx') return `${src} - - [${clfTs(at)}] "GET ${path} HTTP/1.1" ${code} ${code === 200 ? 615 : 153} "-" "${agent}" "-"`;
  if (kind === 'httpd') return `${src} - - [${clfTs(at)}] "GET ${path} HTTP/1.1" ${code} ${code === 200 ? 45 : 196}`;
  if (kind === 'php-apache' || kind === 'wordpress') return `${src} - - [${clfTs(at)}] "GET ${path} HTTP/1.1" ${code} ${code === 200 ? 3 : 0} "-" "${agent}"`;
  return undefined;
}

export const MYSQL_TS = (ms: number) => `${d(ms).toISOString().slice(0, 19)}+00:00`;
