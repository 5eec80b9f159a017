/**
 * Long-running programs the simulation knows: which ports they listen on and when, what HTTP
 * answers they give, how much memory they hold, how they react to SIGTERM and whether their
 * entrypoint refuses to start (postgres/mysql without a password). Times are simulated ms.
 */
import type { Family } from './imageCatalog';

export interface ServerModel {
  /** Program name used for log banners (`nginx`, `redis`, `agnhost-netexec`…). */
  kind: string;
  /** Listening ports and protocol. */
  ports: Map<number, 'http' | 'tcp' | 'grpc'>;
  /** ms after start until the ports accept connections. */
  listenAfterMs: number;
  /** HTTP status of GET path at ms since start (only for 'http' ports). */
  http(port: number, path: string, sinceStartMs: number): number;
  memoryBytes: number;
  /** SIGTERM: exits after ms with code, or undefined when the process ignores it (PID 1, no handler). */
  term?: { afterMs: number; code: number };
  /** Exits on its own at startup (e.g. missing configuration), with the lines it printed. */
  fails?: { afterMs: number; code: number; lines: string[] };
  /** For http-echo style servers: the text they answer. */
  text?: string;
}

const Mi = 1024 * 1024;
type Http = ServerModel['http'];
const staticSite: Http = (_port, path) => (['/', '/index.html', '/50x.html'].includes(path) ? 200 : 404);
const any200: Http = () => 200;
const GO_TERM = { afterMs: 5, code: 2 }; // Go binaries as PID 1 without a handler: runtime exits with 2

function flag(argv: string[], names: string[], dflt: string): string {
  for (let i = 0; i < argv.length; i++) {
    for (const n of names) {
      if (argv[i] === n) return argv[i + 1] ?? dflt;
      if (argv[i].startsWith(`${n}=`)) return argv[i].slice(n.length + 1);
    }
  }
  return dflt;
}

function bytes(q: string): number {
  const m = /^(\d+(?:\.\d+)?)([kKmMgG]i?)?[bB]?$/.exec(q);
  if (!m) return 0;
  const unit = (m[2] ?? '').toLowerCase();
  const mult = unit.startsWith('k') ? 1024 : unit.startsWith('m') ? Mi : unit.startsWith('g') ? 1024 * Mi : 1;
  return Math.round(Number(m[1]) * mult);
}

// `term: null` models a PID 1 without a SIGTERM handler (the kernel drops the signal).
const model = (kind: string, ports: [number, 'http' | 'tcp' | 'grpc'][], listenAfterMs: number, memoryBytes: number, http: Http = staticSite, term: ServerModel['term'] | null = { afterMs: 100, code: 0 }): ServerModel => ({
  kind, ports: new Map(ports), listenAfterMs, http, memoryBytes, term: term ?? undefined,
});

/** The server behind a program name (argv[0] basename) or image family; undefined if unknown. */
export function serverFor(program: string, argv: string[], family: Family, env: Record<string, string>): ServerModel | undefined {
  switch (program) {
    case 'nginx': return model('nginx', [[80, 'http']], 40, 8 * Mi);
    case 'httpd-foreground': case 'httpd': return model('httpd', [[80, 'http']], 60, 10 * Mi, staticSite, { afterMs: 150, code: 0 });
    case 'apache2-foreground':
      if (family === 'php-apache') return model('php-apache', [[80, 'http']], 500, 12 * Mi, (_p, path) => (path === '/' || path === '/index.php' ? 200 : 404));
      return model('wordpress', [[80, 'http']], 900, 40 * Mi, (_p, path) => (path === '/wp-admin/install.php' || path === '/wp-login.php' ? 200 : 302));
    case 'redis-server': return model('redis', [[6379, 'tcp']], 15, 4 * Mi, staticSite, { afterMs: 60, code: 0 });
    case 'memcached': return model('memcached', [[11211, 'tcp']], 10, 2 * Mi, staticSite, { afterMs: 20, code: 0 });
    case 'postgres': {
      const m = model('postgres', [[5432, 'tcp']], 2800, 40 * Mi, staticSite, { afterMs: 250, code: 0 });
      if (!env.POSTGRES_PASSWORD && env.POSTGRES_HOST_AUTH_METHOD !== 'trust') m.fails = { afterMs: 80, code: 1, lines: POSTGRES_NO_PASSWORD };
      return m;
    }
    case 'mysqld': case 'mariadbd': {
      const maria = program === 'mariadbd';
      const m = model(maria ? 'mariadb' : 'mysql', [[3306, 'tcp'], [33060, 'tcp']], maria ? 6000 : 18_000, (maria ? 100 : 380) * Mi, staticSite, { afterMs: 1800, code: 0 });
      const keys = ['MYSQL_ROOT_PASSWORD', 'MYSQL_ALLOW_EMPTY_PASSWORD', 'MYSQL_RANDOM_ROOT_PASSWORD', 'MARIADB_ROOT_PASSWORD', 'MARIADB_ALLOW_EMPTY_ROOT_PASSWORD', 'MARIADB_RANDOM_ROOT_PASSWORD'];
      if (!keys.some((k) => env[k] !== undefined)) m.fails = { afterMs: 200, code: 1, lines: maria ? MARIADB_NO_PASSWORD : MYSQL_NO_PASSWORD };
      return m;
    }
    case 'mongod': return model('mongo', [[27017, 'tcp']], 1800, 160 * Mi, staticSite, { afterMs: 600, code: 0 });
    case 'rabbitmq-server': return model('rabbitmq', [[5672, 'tcp'], [15672, 'http'], [4369, 'tcp'], [25672, 'tcp']], 9000, 130 * Mi, any200, { afterMs: 2500, code: 0 });
    case 'stress': {
      const mem = bytes(flag(argv, ['--vm-bytes', '-mem-total'], '0'));
      return { kind: argv.includes('--vm') || argv.includes('--cpu') ? 'stress' : 'vish-stress', ports: new Map(), listenAfterMs: 0, http: staticSite, memoryBytes: mem + Mi, term: family === 'stress' && argv[0].includes('/stress') ? GO_TERM : undefined };
    }
    case 'pause': return { kind: 'pause', ports: new Map(), listenAfterMs: 0, http: staticSite, memoryBytes: 314_368, term: { afterMs: 1, code: 0 } };
    case 'agnhost': return agnhost(argv.slice(1));
    case 'server': return model('liveness', [[8080, 'http']], 20, 3 * Mi, (_p, path, t) => (path === '/healthz' ? (t < 10_000 ? 200 : 500) : 404), GO_TERM);
    case 'coredns': return model('coredns', [[53, 'tcp'], [8080, 'http'], [8181, 'http'], [9153, 'http']], 300, 15 * Mi, (port, path) => (port === 8080 && path === '/health') || (port === 8181 && path === '/ready') || port === 9153 ? 200 : 404, { afterMs: 5000, code: 0 });
    case 'python-http': return model('python-http', [[Number(argv[1]) || 8000, 'http']], 120, 12 * Mi, (_p, path) => (path === '/' || path.endsWith('/') ? 200 : 404), null);
  }
  return byFamily(family, argv, env);
}

function byFamily(family: Family, argv: string[], env: Record<string, string>): ServerModel | undefined {
  const bin = argv[0] ?? '';
  switch (family) {
    case 'echo': {
      if (bin.includes('http-echo')) {
        const m = model('http-echo', [[Number(flag(argv, ['-listen'], ':5678').split(':').pop()) || 5678, 'http']], 20, 4 * Mi, any200, GO_TERM);
        m.text = flag(argv, ['-text'], 'hello-world');
        return m;
      }
      if (bin.includes('whoami')) return model('whoami', [[Number(flag(argv, ['--port', '-port'], '80')), 'http']], 20, 4 * Mi, any200, GO_TERM);
      if (bin.includes('hello-app')) return model('hello-app', [[Number(env.PORT) || 8080, 'http']], 20, 5 * Mi, any200, GO_TERM);
      if (bin.includes('echo-server')) return model('echo-server', [[8080, 'http']], 20, 4 * Mi, any200, GO_TERM);
      if (bin.includes('prometheus')) return model('prometheus', [[9090, 'http']], 1500, 60 * Mi, any200, { afterMs: 300, code: 0 });
      if (bin.includes('node_exporter')) return model('node-exporter', [[9100, 'http']], 50, 10 * Mi, any200, GO_TERM);
      if (bin.includes('registry')) return model('registry', [[5000, 'http']], 100, 10 * Mi, any200, { afterMs: 100, code: 0 });
      if (bin.includes('run.sh')) return model('echoserver', [[8080, 'http']], 300, 20 * Mi, any200, { afterMs: 100, code: 0 });
      // kubernetes-bootcamp: `node server.js` under `sh -c`, whose PID 1 shell ignores SIGTERM.
      return model('echo', [[8080, 'http']], 400, 20 * Mi, any200, null);
    }
    case 'kube-proxy': return model('kube-proxy', [[10256, 'http'], [10249, 'http']], 400, 20 * Mi, any200, { afterMs: 50, code: 0 });
    case 'etcd': return model('etcd', [[2379, 'tcp'], [2380, 'tcp'], [2381, 'http']], 500, 50 * Mi, any200, { afterMs: 100, code: 0 });
    case 'control-plane': return model('control-plane', [[10250, 'tcp']], 1500, 120 * Mi, any200, { afterMs: 200, code: 0 });
  }
  return undefined;
}

function agnhost(args: string[]): ServerModel | undefined {
  const sub = args[0];
  switch (sub) {
    case 'netexec': return model('agnhost-netexec', [[Number(flag(args, ['--http-port'], '8080')), 'http'], [Number(flag(args, ['--udp-port'], '8081')), 'tcp']], 30, 10 * Mi, any200, GO_TERM);
    case 'serve-hostname': return model('agnhost-serve-hostname', [[Number(flag(args, ['--port'], '9376')), 'http']], 20, 6 * Mi, any200, GO_TERM);
    case 'liveness': return model('agnhost-liveness', [[8080, 'http']], 20, 6 * Mi, (_p, path, t) => (path === '/healthz' ? (t < 10_000 ? 200 : 500) : 404), GO_TERM);
    case 'test-webserver': return model('agnhost-test-webserver', [[Number(flag(args, ['--port'], '80')), 'http']], 20, 6 * Mi, any200, GO_TERM);
    case 'grpc-health-checking': return model('agnhost-grpc', [[Number(flag(args, ['--port'], '5000')), 'grpc'], [Number(flag(args, ['--http-port'], '8080')), 'http']], 20, 6 * Mi, any200, GO_TERM);
    case 'pause': return { kind: 'agnhost-pause', ports: new Map(), listenAfterMs: 0, http: staticSite, memoryBytes: 5 * Mi, term: { afterMs: 1, code: 0 } };
  }
  return undefined;
}

const POSTGRES_NO_PASSWORD = [
  'Error: Database is uninitialized and superuser password is not specified.',
  '       You must specify POSTGRES_PASSWORD to a non-empty value for the',
  '       superuser. For example, "-e POSTGRES_PASSWORD=password" on "docker run".',
  '',
  '       You may also use "POSTGRES_HOST_AUTH_METHOD=trust" to allow all',
  '       connections without a password. This is *not* recommended.',
  '',
  '       See PostgreSQL documentation about "trust":',
  '       https://www.postgresql.org/docs/current/auth-trust.html',
];

const MYSQL_NO_PASSWORD = [
  '{ts} [Note] [Entrypoint]: Entrypoint script for MySQL Server 9.1.0-1.el9 started.',
  '{ts} [ERROR] [Entrypoint]: Database is uninitialized and password option is not specified',
  '    You need to specify one of the following as an environment variable:',
  '    - MYSQL_ROOT_PASSWORD',
  '    - MYSQL_ALLOW_EMPTY_PASSWORD',
  '    - MYSQL_RANDOM_ROOT_PASSWORD',
];

const MARIADB_NO_PASSWORD = [
  '{ts} [Note] [Entrypoint]: Entrypoint script for MariaDB Server 1:11.6.2+maria~ubu2404 started.',
  '{ts} [ERROR] [Entrypoint]: Database is uninitialized and password option is not specified',
  '\tYou need to specify one of MARIADB_ROOT_PASSWORD, MARIADB_ROOT_PASSWORD_HASH, MARIADB_ALLOW_EMPTY_ROOT_PASSWORD and MARIADB_RANDOM_ROOT_PASSWORD',
];
