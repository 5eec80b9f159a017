/** `kubectl version`, `api-resources`, `api-versions` and `cluster-info`. */
import type { Command, Cmd } from '../cli/command';
import { newTableWriter } from '../printers/tabwriter';
import { toYaml } from '../printers/yaml/emitter';
import { UsageError } from '../errors';
import { fetchDiscovery } from '../discovery/discovery';

export const CLIENT_VERSION = {
  major: '1',
  minor: '32',
  gitVersion: 'v1.32.4',
  gitCommit: '59526cd4867447956156ae3a602fcbac10a2c335',
  gitTreeState: 'clean',
  buildDate: '2025-04-22T16:03:18Z',
  goVersion: 'go1.23.6',
  compiler: 'gc',
  platform: 'linux/amd64',
};

async function runVersion(cmd: Cmd): Promise<void> {
  const output = cmd.str('output');
  if (output && output !== 'json' && output !== 'yaml') throw new Error(`--output must be 'yaml' or 'json'`);
  const client = cmd.bool('client');
  let server: Record<string, string> | undefined;
  let serverErr: Error | undefined;
  if (!client) {
    try {
      const raw = await cmd.client.call<Record<string, string>>({ path: '/version', query: { timeout: '32s' } });
      const order = ['major', 'minor', 'emulationMajor', 'emulationMinor', 'minCompatibilityMajor', 'minCompatibilityMinor', 'gitVersion', 'gitCommit', 'gitTreeState', 'buildDate', 'goVersion', 'compiler', 'platform'];
      server = Object.fromEntries(order.filter((k) => raw[k] !== undefined).map((k) => [k, raw[k]]));
    } catch (e) {
      serverErr = e as Error;
    }
  }
  if (output) {
    const v: Record<string, unknown> = { clientVersion: CLIENT_VERSION, kustomizeVersion: 'v5.5.0' };
    if (server) v.serverVersion = server;
    // version.Info marshals in struct order, not sorted.
    cmd.out(output === 'json' ? `${JSON.stringify(v, null, 2)}\n` : toYaml(v));
  } else {
    cmd.out(`Client Version: ${CLIENT_VERSION.gitVersion}\nKustomize Version: v5.5.0\n`);
    if (server) {
      cmd.out(`Server Version: ${server.gitVersion}\n`);
      const minor = Number(String(server.minor).replace(/\D/g, ''));
      if (Math.abs(minor - 32) > 1) cmd.err(`WARNING: version difference between client (1.32) and server (${server.major}.${minor}) exceeds the supported minor version skew of +/-1\n`);
    }
  }
  if (serverErr) throw serverErr;
}

export const versionCommand: Command = {
  name: 'version',
  short: 'Print the client and server version information',
  use: 'version',
  flags: [
    { name: 'client', type: 'bool', usage: 'If true, shows client version only (no server required).' },
    { name: 'output', short: 'o', type: 'string', usage: "One of 'yaml' or 'json'." },
  ],
  async run(cmd) {
    if (cmd.args.length) throw new UsageError(`unknown command "${cmd.args[0]}" for "kubectl version"`, cmd.path);
    await runVersion(cmd);
  },
};

async function runApiResources(cmd: Cmd): Promise<void> {
  const output = cmd.str('output');
  if (output && output !== 'wide' && output !== 'name') throw new Error(`--output ${output} is not available`);
  const sortBy = cmd.str('sort-by');
  if (sortBy && sortBy !== 'name' && sortBy !== 'kind') throw new Error(`--sort-by accepts only name or kind`);
  // `api-resources` always reads discovery afresh (unless --cached).
  const all = cmd.bool('cached') ? (await cmd.mapper()).resources : await fetchDiscovery(cmd.client);
  const verbs = cmd.list('verbs');
  const cats = cmd.list('categories');
  const rows = all.filter((r) => {
    if (!r.preferred || r.verbs.length === 0) return false;
    if (cmd.has('api-group') && cmd.str('api-group') !== r.group) return false;
    if (cmd.has('namespaced') && cmd.bool('namespaced') !== r.namespaced) return false;
    if (verbs.length && !verbs.every((v) => r.verbs.includes(v))) return false;
    if (cats.length && !cats.every((c) => r.categories.includes(c))) return false;
    return true;
  });
  const key = (r: (typeof rows)[number]) => (sortBy === 'name' ? r.resource : sortBy === 'kind' ? r.kind : r.group);
  const sorted = rows
    .map((r, i) => ({ r, i }))
    .sort((a, b) => {
      const ka = key(a.r);
      const kb = key(b.r);
      if (ka !== kb) return ka < kb ? -1 : 1;
      if (a.r.resource !== b.r.resource) return a.r.resource < b.r.resource ? -1 : 1;
      return a.i - b.i;
    })
    .map((x) => x.r);
  const w = newTableWriter((s) => cmd.out(s));
  if (!cmd.bool('no-headers') && output !== 'name') w.write(`${['NAME', 'SHORTNAMES', 'APIVERSION', 'NAMESPACED', 'KIND', ...(output === 'wide' ? ['VERBS', 'CATEGORIES'] : [])].join('\t')}\n`);
  for (const r of sorted) {
    const gv = r.group ? `${r.group}/${r.version}` : r.version;
    if (output === 'name') w.write(`${r.resource}${r.group ? `.${r.group}` : ''}\n`);
    else if (output === 'wide') w.write(`${r.resource}\t${r.shortNames.join(',')}\t${gv}\t${r.namespaced}\t${r.kind}\t${r.verbs.join(',')}\t${r.categories.join(',')}\n`);
    else w.write(`${r.resource}\t${r.shortNames.join(',')}\t${gv}\t${r.namespaced}\t${r.kind}\n`);
  }
  w.flush();
}

export const apiResourcesCommand: Command = {
  name: 'api-resources',
  short: 'Print the supported API resources on the server',
  use: 'api-resources',
  flags: [
    { name: 'no-headers', type: 'bool', usage: "When using the default or custom-column output format, don't print headers (default print headers)." },
    { name: 'output', short: 'o', type: 'string', usage: 'Output format. One of: (wide, name).' },
    { name: 'api-group', type: 'string', usage: 'Limit to resources in the specified API group.' },
    { name: 'namespaced', type: 'bool', default: true, usage: 'If false, non-namespaced resources will be returned, otherwise returning namespaced resources by default.' },
    { name: 'verbs', type: 'stringSlice', usage: 'Limit to resources that support the specified verbs.' },
    { name: 'sort-by', type: 'string', usage: "If non-empty, sort list of resources using specified field. The field can be either 'name' or 'kind'." },
    { name: 'cached', type: 'bool', usage: 'Use the cached list of resources if available.' },
    { name: 'categories', type: 'stringSlice', usage: 'Limit to resources that belong to the specified categories.' },
  ],
  run: runApiResources,
};

export const apiVersionsCommand: Command = {
  name: 'api-versions',
  short: 'Print the supported API versions on the server, in the form of "group/version"',
  use: 'api-versions',
  async run(cmd) {
    const all = await fetchDiscovery(cmd.client);
    const gvs = [...new Set(all.map((r) => (r.group ? `${r.group}/${r.version}` : r.version)))].sort();
    cmd.out(gvs.map((g) => `${g}\n`).join(''));
  },
};

/** go-colortext colors only when stdout is a terminal. */
const green = (cmd: Cmd, s: string) => (cmd.tty ? `\x1b[0;32m${s}\x1b[0m` : s);
const yellow = (cmd: Cmd, s: string) => (cmd.tty ? `\x1b[0;33m${s}\x1b[0m` : s);

export const clusterInfoCommand: Command = {
  name: 'cluster-info',
  short: 'Display cluster information',
  use: 'cluster-info',
  async run(cmd) {
    const ctx = cmd.config.contexts.find((c) => c.name === (cmd.str('context') || cmd.config.currentContext));
    const server = cmd.config.clusters.find((c) => c.name === ctx?.cluster)?.server ?? '';
    const list = await cmd.client.call<{ items?: { metadata?: { name?: string; labels?: Record<string, string> } }[] }>({
      path: '/api/v1/namespaces/kube-system/services',
      query: { labelSelector: 'kubernetes.io/cluster-service=true' },
    });
    cmd.out(`${green(cmd, 'Kubernetes control plane')} is running at ${yellow(cmd, server)}\n`);
    for (const s of list.items ?? []) {
      const name = s.metadata?.labels?.['kubernetes.io/name'] ?? s.metadata?.name ?? '';
      cmd.out(`${green(cmd, name)} is running at ${yellow(cmd, `${server}/api/v1/namespaces/kube-system/services/${s.metadata?.name}:dns/proxy`)}\n`);
    }
    cmd.out(`\nTo further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.\n`);
  },
};
