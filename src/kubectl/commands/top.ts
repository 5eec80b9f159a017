/**
 * `kubectl top node|pod` (pkg/cmd/top + metricsutil): needs metrics.k8s.io/v1beta1 in discovery —
 * the playground's cluster serves no metrics API, so this answers `error: Metrics API not
 * available` exactly as kubectl does against a cluster without metrics-server. When a metrics API
 * is present the usage table is printed as TopCmdPrinter does.
 */
import type { Command, Cmd } from '../cli/command';
import { selectorFlag } from '../cli/common';
import { resourcePath } from '../client/paths';
import type { J } from '../describe/format';
import { UsageError } from '../errors';
import { newTableWriter, type TabWriter } from '../printers/tabwriter';
import { goSort } from '../util/gosort';
import { goDuration } from '../../cluster/api/duration';
import { parseQuantity, toMilli, toValue } from '../../cluster/api/quantity';

const METRICS = (resource: string, namespaced: boolean) => ({ group: 'metrics.k8s.io', version: 'v1beta1', resource, namespaced });
const NODES = { group: '', version: 'v1', resource: 'nodes', namespaced: false };
const PODS = { group: '', version: 'v1', resource: 'pods', namespaced: true };

type Usage = Record<string, string>;
const milli = (u: Usage | undefined, r: string) => (u?.[r] ? toMilli(parseQuantity(u[r])) : 0);
const value = (u: Usage | undefined, r: string) => (u?.[r] ? toValue(parseQuantity(u[r])) : 0);

async function requireMetricsApi(cmd: Cmd): Promise<void> {
  const mapper = await cmd.mapper();
  if (!mapper.resources.some((r) => r.group === 'metrics.k8s.io' && r.version === 'v1beta1')) throw new Error('Metrics API not available');
}

/** printAllResourceUsages: `250m\t`, optional `12%\t`, `64Mi\t`, optional `3%\t`. */
function usageCells(usage: Usage, available?: Usage): string {
  let s = '';
  for (const r of ['cpu', 'memory']) {
    s += r === 'cpu' ? `${milli(usage, r)}m\t` : `${Math.trunc(value(usage, r) / (1024 * 1024))}Mi\t`;
    if (available && available[r] !== undefined) s += `${Math.trunc((milli(usage, r) / milli(available, r)) * 100)}%\t`;
  }
  return s;
}

function sortLess(sortBy: string, usage: (x: J) => Usage, name: (x: J) => string): (a: J, b: J) => boolean {
  if (sortBy === 'cpu') return (a, b) => milli(usage(a), 'cpu') > milli(usage(b), 'cpu');
  if (sortBy === 'memory') return (a, b) => value(usage(a), 'memory') > value(usage(b), 'memory');
  return (a, b) => name(a) < name(b);
}

function validateSort(cmd: Cmd): void {
  const s = cmd.str('sort-by');
  if (s && s !== 'cpu' && s !== 'memory') throw new Error('--sort-by accepts only cpu or memory');
}

async function runNode(cmd: Cmd): Promise<void> {
  if (cmd.args.length > 1) throw new UsageError('node [NAME | -l label]', cmd.path);
  validateSort(cmd);
  const name = cmd.args[0] ?? '';
  if (name && cmd.str('selector')) throw new Error('only one of NAME or --selector can be provided');
  await requireMetricsApi(cmd);
  const sel: Record<string, string> = cmd.str('selector') ? { labelSelector: cmd.str('selector') } : {};
  const items: J[] = name ? [await cmd.client.call<J>({ path: resourcePath(METRICS('nodes', false), '', name) })] : ((await cmd.client.call<J>({ path: resourcePath(METRICS('nodes', false), ''), query: sel })).items ?? []);
  if (!items.length) throw new Error('metrics not available yet');
  const nodes: J[] = name ? [await cmd.client.call<J>({ path: resourcePath(NODES, '', name) })] : ((await cmd.client.call<J>({ path: resourcePath(NODES, ''), query: sel })).items ?? []);
  const available = new Map<string, Usage>(nodes.map((n) => [n.metadata?.name, cmd.bool('show-capacity') ? n.status?.capacity : n.status?.allocatable]));
  const w = newTableWriter((s) => cmd.out(s));
  const sorted = goSort(items, sortLess(cmd.str('sort-by'), (m) => m.usage, (m) => m.metadata?.name));
  if (!cmd.bool('no-headers')) w.write('NAME\tCPU(cores)\tCPU(%)\tMEMORY(bytes)\tMEMORY(%)\t\n');
  for (const m of sorted) {
    w.write(`${m.metadata?.name}\t${usageCells(m.usage ?? {}, available.get(m.metadata?.name) ?? {})}\n`);
    available.delete(m.metadata?.name);
  }
  for (const n of available.keys()) w.write(`${n}\t<unknown>\t<unknown>\t<unknown>\t<unknown>\t\n`);
  w.flush();
}

const podUsage = (m: J): Usage => {
  let cpu = 0;
  let mem = 0;
  for (const c of (m.containers as J[]) ?? []) {
    cpu += milli(c.usage, 'cpu');
    mem += value(c.usage, 'memory');
  }
  return { cpu: `${cpu}m`, memory: String(mem) };
};

function printPods(cmd: Cmd, w: TabWriter, metrics: J[], all: boolean): void {
  const containers = cmd.bool('containers');
  let width = 3;
  if (!cmd.bool('no-headers')) {
    if (all) (w.write('NAMESPACE\t'), width++);
    if (containers) (w.write('POD\t'), width++);
    w.write('NAME\tCPU(cores)\tMEMORY(bytes)\t\n');
  }
  const sortBy = cmd.str('sort-by');
  const byName = (a: J, b: J) => (all && a.metadata?.namespace !== b.metadata?.namespace ? a.metadata?.namespace < b.metadata?.namespace : a.metadata?.name < b.metadata?.name);
  const sorted = goSort(metrics, sortBy ? sortLess(sortBy, podUsage, (m) => m.metadata?.name) : byName);
  const ns = (m: J) => (all ? `${m.metadata?.namespace}\t` : '');
  for (const m of sorted) {
    if (containers) {
      for (const c of goSort([...((m.containers as J[]) ?? [])], sortLess(sortBy, (x) => x.usage, (x) => x.name))) w.write(`${ns(m)}${m.metadata?.name}\t${c.name}\t${usageCells(c.usage ?? {})}\n`);
    } else w.write(`${ns(m)}${m.metadata?.name}\t${usageCells(podUsage(m))}\n`);
  }
  if (cmd.bool('sum')) {
    let cpu = 0;
    let mem = 0;
    for (const m of metrics) (cpu += milli(podUsage(m), 'cpu'), (mem += value(podUsage(m), 'memory')));
    w.write(`${'\t'.repeat(width - 2)}________\t________\t\n${'\t'.repeat(width - 3)}\t${usageCells({ cpu: `${cpu}m`, memory: String(mem) })}\n`);
  }
}

async function runPod(cmd: Cmd): Promise<void> {
  if (cmd.args.length > 1) throw new UsageError('pod [NAME | -l label]', cmd.path);
  validateSort(cmd);
  const name = cmd.args[0] ?? '';
  if (name && (cmd.str('selector') || cmd.str('field-selector'))) throw new Error('only one of NAME or selector can be provided');
  await requireMetricsApi(cmd);
  const all = cmd.bool('all-namespaces');
  const ns = all ? '' : cmd.namespace;
  const query: Record<string, string> = {};
  if (cmd.str('selector')) query.labelSelector = cmd.str('selector');
  if (cmd.str('field-selector')) query.fieldSelector = cmd.str('field-selector');
  const metrics: J[] = name ? [await cmd.client.call<J>({ path: resourcePath(METRICS('pods', true), ns, name) })] : ((await cmd.client.call<J>({ path: resourcePath(METRICS('pods', true), ns), query })).items ?? []);
  if (!metrics.length) {
    const pods: J[] = name ? [await cmd.client.call<J>({ path: resourcePath(PODS, cmd.namespace, name) })] : ((await cmd.client.call<J>({ path: resourcePath(PODS, cmd.namespace), query })).items ?? []);
    if (pods.length) {
      for (const p of pods) {
        const age = cmd.now() - Date.parse(p.metadata?.creationTimestamp ?? '');
        if (age > 5 * 60_000) throw new Error(`Metrics not available for pod ${p.metadata?.namespace}/${p.metadata?.name}, age: ${goDuration(age)}`);
      }
      throw new Error('metrics not available yet');
    }
    cmd.err(all ? 'No resources found\n' : `No resources found in ${cmd.namespace} namespace.\n`);
    return;
  }
  const w = newTableWriter((s) => cmd.out(s));
  printPods(cmd, w, metrics, all);
  w.flush();
}

const common = [
  { name: 'sort-by', type: 'string' as const, usage: "If non-empty, sort list using specified field. The field can be either 'cpu' or 'memory'." },
  { name: 'no-headers', type: 'bool' as const, usage: 'If present, print output without headers' },
  { name: 'use-protocol-buffers', type: 'bool' as const, default: true, usage: 'Enables using protocol-buffers to access Metrics API.' },
];

export const topCommand: Command = {
  name: 'top',
  short: 'Display resource (CPU/memory) usage',
  use: 'top',
  subcommands: [
    {
      name: 'node',
      aliases: ['nodes', 'no'],
      short: 'Display resource (CPU/memory) usage of nodes',
      use: 'top node [NAME | -l label]',
      flags: [selectorFlag, ...common, { name: 'show-capacity', type: 'bool', usage: 'Print node resources based on Capacity instead of Allocatable(default) of the nodes.' }],
      run: runNode,
    },
    {
      name: 'pod',
      aliases: ['pods', 'po'],
      short: 'Display resource (CPU/memory) usage of pods',
      use: 'top pod [NAME | -l label]',
      flags: [
        selectorFlag,
        { name: 'field-selector', type: 'string', usage: "Selector (field query) to filter on, supports '=', '==', and '!='.(e.g. --field-selector key1=value1,key2=value2). The server only supports a limited number of field queries per type." },
        ...common,
        { name: 'containers', type: 'bool', usage: 'If present, print usage of containers within a pod.' },
        { name: 'all-namespaces', short: 'A', type: 'bool', usage: 'If present, list the requested object(s) across all namespaces. Namespace in current context is ignored even if specified with --namespace.' },
        { name: 'sum', type: 'bool', usage: 'Print the sum of the resource usage' },
      ],
      run: runPod,
    },
  ],
};
