/**
 * Tab completion for the terminal: shell words, kubectl commands and subcommands, flags, flag
 * values (namespaces, output formats, files), resource types and object names — the candidates
 * kubectl's own `__complete` offers, taken from this kubectl's command table and the cluster.
 */
import { GLOBAL_FLAGS } from '../../../kubectl/cli/global';
import type { Command } from '../../../kubectl/cli/command';
import type { FlagDef } from '../../../kubectl/cli/flags';
import { rootCommands } from '../../../kubectl/commands/index';
import type { ApiResource } from '../../../kubectl/discovery/types';

export const SHELL_WORDS = ['kubectl', 'k', 'clear', 'help', 'history'];

export interface CompletionSource {
  resources(): Promise<ApiResource[]>;
  /** Object names of a resource in a namespace (all namespaces for cluster-scoped ones). */
  names(r: ApiResource, namespace: string): Promise<string[]>;
  /** The current context's namespace. */
  namespace(): string;
  /** Paths `-f` can name (editor buffers, examples). */
  files(): string[];
}

export interface Completion {
  /** The line and cursor after completing. */
  line: string;
  cursor: number;
  /** Shown below the prompt when the word is ambiguous. */
  candidates: string[];
}

const OUTPUTS = ['json', 'yaml', 'wide', 'name', 'jsonpath=', 'custom-columns=', 'go-template=', 'jsonpath-as-json=', 'jsonpath-file=', 'custom-columns-file=', 'go-template-file=', 'template='];
/** Commands whose first argument is a node name. */
const NODE_COMMANDS = new Set(['cordon', 'uncordon', 'drain']);
/** Commands whose arguments are TYPE NAME or TYPE/NAME. */
const RESOURCE_COMMANDS = new Set(['get', 'describe', 'delete', 'edit', 'label', 'annotate', 'patch', 'scale', 'autoscale', 'expose', 'wait', 'explain', 'taint', 'status', 'history', 'undo', 'restart', 'pause', 'resume', 'image', 'resources', 'env']);

function flagsOf(c: Command | undefined): FlagDef[] {
  return [...(c?.flags ?? []), ...GLOBAL_FLAGS].filter((f) => !f.hidden);
}

function findFlag(c: Command | undefined, word: string): FlagDef | undefined {
  const name = word.startsWith('--') ? word.slice(2) : undefined;
  const short = !name && word.length === 2 ? word.slice(1) : undefined;
  return flagsOf(c).find((f) => (name ? f.name === name : f.short === short));
}

function typeNames(rs: ApiResource[]): string[] {
  const out = new Set<string>();
  for (const r of rs) {
    if (!r.preferred || r.resource.includes('/')) continue;
    out.add(r.resource);
    out.add(r.singular || r.kind.toLowerCase());
    for (const s of r.shortNames) out.add(s);
  }
  return [...out].sort();
}

function resolveType(rs: ApiResource[], word: string): ApiResource | undefined {
  const w = word.toLowerCase().split('.')[0];
  return rs.find((r) => r.preferred && (r.resource === w || r.singular === w || r.kind.toLowerCase() === w || r.shortNames.includes(w)));
}

/** The longest common prefix of the candidates. */
function common(list: string[]): string {
  if (!list.length) return '';
  let p = list[0];
  for (const s of list) while (!s.startsWith(p)) p = p.slice(0, -1);
  return p;
}

export async function complete(line: string, cursor: number, src: CompletionSource): Promise<Completion> {
  const before = line.slice(0, cursor);
  const words = before.split(/\s+/).filter((w, i, a) => w !== '' || i === a.length - 1);
  if (words.length === 0) words.push('');
  const word = words[words.length - 1];
  const prev = words.slice(0, -1);
  const candidates = await candidatesFor(prev, word, src).catch(() => []);
  const matching = [...new Set(candidates.filter((c) => c.startsWith(word)))].sort();
  const insert = (text: string, space: boolean) => {
    const head = before.slice(0, before.length - word.length) + text + (space ? ' ' : '');
    return { line: head + line.slice(cursor), cursor: head.length };
  };
  if (matching.length === 1) {
    const m = matching[0];
    // `jsonpath=` and `type/` expect more text right after them.
    return { ...insert(m, !m.endsWith('=') && !m.endsWith('/')), candidates: [] };
  }
  const prefix = common(matching);
  if (prefix.length > word.length) return { ...insert(prefix, false), candidates: [] };
  return { line, cursor, candidates: matching };
}

async function candidatesFor(prev: string[], word: string, src: CompletionSource): Promise<string[]> {
  if (prev.length === 0) return SHELL_WORDS;
  if (prev[0] !== 'kubectl' && prev[0] !== 'k') return [];
  // Walk the words: the command chain, flags (and their values), positional arguments.
  let list = rootCommands;
  let cmd: Command | undefined;
  const args: string[] = [];
  let namespace: string | undefined;
  let allNamespaces = false;
  let expectValue: FlagDef | undefined;
  for (const w of prev.slice(1)) {
    if (expectValue) {
      if (expectValue.name === 'namespace') namespace = w;
      expectValue = undefined;
      continue;
    }
    if (w.startsWith('-')) {
      const [name, value] = w.split('=', 2);
      const f = findFlag(cmd, name);
      if (f?.name === 'all-namespaces') allNamespaces = true;
      if (f && f.type !== 'bool' && value === undefined) expectValue = f;
      if (f?.name === 'namespace' && value !== undefined) namespace = value;
      continue;
    }
    const sub = args.length === 0 ? list.find((c) => !c.hidden && (c.name === w || c.aliases?.includes(w))) : undefined;
    if (sub) {
      cmd = sub;
      list = sub.subcommands ?? [];
      continue;
    }
    args.push(w);
  }
  const ns = namespace ?? src.namespace();
  if (expectValue) return valuesFor(expectValue, src);
  if (word.startsWith('-')) {
    const eq = word.indexOf('=');
    if (eq > 0) {
      const f = findFlag(cmd, word.slice(0, eq));
      return f ? (await valuesFor(f, src)).map((v) => `${word.slice(0, eq + 1)}${v}`) : [];
    }
    return flagsOf(cmd).flatMap((f) => [`--${f.name}`, ...(f.short && word.length <= 2 ? [`-${f.short}`] : [])]);
  }
  if (!cmd || list.length) return list.filter((c) => !c.hidden).map((c) => c.name);
  if (cmd.name === 'logs' || cmd.name === 'exec' || cmd.name === 'port-forward') {
    if (args.length > 0) return [];
    const pods = await src.resources().then((rs) => resolveType(rs, 'pods'));
    return pods ? src.names(pods, ns) : [];
  }
  const rs = await src.resources();
  if (NODE_COMMANDS.has(cmd.name)) {
    const nodes = resolveType(rs, 'nodes');
    return nodes && args.length === 0 ? src.names(nodes, ns) : [];
  }
  if (!RESOURCE_COMMANDS.has(cmd.name)) return [];
  const slash = word.indexOf('/');
  if (slash > 0) {
    const r = resolveType(rs, word.slice(0, slash));
    if (!r) return [];
    return (await src.names(r, allNamespaces ? '' : ns)).map((n) => `${word.slice(0, slash + 1)}${n}`);
  }
  if (args.length === 0 || (cmd.name !== 'explain' && args.every((a) => a.includes('/')))) return typeNames(rs);
  if (cmd.name === 'explain') return [];
  const r = resolveType(rs, args[0].split(',')[0]);
  return r ? src.names(r, allNamespaces ? '' : ns) : [];
}

const FILE_FLAGS = new Set(['cert', 'key', 'from-file', 'from-env-file']);

async function valuesFor(f: FlagDef, src: CompletionSource): Promise<string[]> {
  if (f.name === 'namespace') {
    const nsr = await src.resources().then((rs) => resolveType(rs, 'namespaces'));
    return nsr ? src.names(nsr, '') : [];
  }
  if (f.name === 'output') return OUTPUTS;
  if (f.name === 'filename') return ['-', ...src.files()];
  // Flags that read a file (create secret tls, configmap/secret --from-file…): editor tabs and examples.
  if (FILE_FLAGS.has(f.name)) return src.files();
  return [];
}
