/** `kubectl config`: the in-memory kubeconfig (contexts, namespaces, clusters, users). */
import type { Command, Cmd } from '../cli/command';
import { currentContext, type Kubeconfig } from '../config/kubeconfig';
import { UsageError } from '../errors';
import { JsonPath } from '../printers/jsonpath/jsonpath';
import { printJson } from '../printers/json';
import { newTableWriter } from '../printers/tabwriter';
import { toYaml } from '../printers/yaml/emitter';

/** The kubeconfig as clientcmd's v1 Config serialises it (field order irrelevant: YAML sorts). */
function asObject(cfg: Kubeconfig, minify: boolean, override?: string): Record<string, unknown> {
  let contexts = cfg.contexts;
  let clusters = cfg.clusters;
  let users = cfg.users;
  if (minify) {
    const ctx = currentContext(cfg, override);
    contexts = ctx ? [ctx] : [];
    clusters = clusters.filter((c) => c.name === ctx?.cluster);
    users = users.filter((u) => u.name === ctx?.user);
  }
  return {
    apiVersion: 'v1',
    clusters: clusters.map((c) => ({ cluster: { server: c.server }, name: c.name })),
    contexts: contexts.map((c) => ({ context: { cluster: c.cluster, ...(c.namespace ? { namespace: c.namespace } : {}), user: c.user }, name: c.name })),
    'current-context': cfg.currentContext,
    kind: 'Config',
    preferences: {},
    users: users.map((u) => ({ name: u.name, user: {} })),
  };
}

function needName(cmd: Cmd, what: string): string {
  if (cmd.args.length !== 1) throw new UsageError(`Unexpected args: [${cmd.args.join(' ')}]`.replace('[]', `[]`).replace(/^Unexpected args: \[\]$/, `you must specify the name of the ${what}`), cmd.path);
  return cmd.args[0];
}

const sub = (c: Command): Command => c;

export const configCommand: Command = {
  name: 'config',
  short: 'Modify kubeconfig files',
  subcommands: [
    sub({
      name: 'current-context',
      short: 'Display the current-context',
      async run(cmd) {
        if (!cmd.config.currentContext) throw new Error('current-context is not set');
        cmd.out(`${cmd.config.currentContext}\n`);
      },
    }),
    sub({
      name: 'get-contexts',
      short: 'Describe one or many contexts',
      flags: [
        { name: 'output', short: 'o', type: 'string', usage: 'Output format. One of: (name).' },
        { name: 'no-headers', type: 'bool', usage: "When using the default or custom-column output format, don't print headers (default print headers)." },
      ],
      async run(cmd) {
        const out = cmd.str('output');
        if (out && out !== 'name') throw new Error(`output must be one of '' or 'name': ${out}`);
        let ctxs = [...cmd.config.contexts].sort((a, b) => (a.name < b.name ? -1 : 1));
        const missing = cmd.args.filter((n) => !ctxs.some((c) => c.name === n));
        if (cmd.args.length) ctxs = ctxs.filter((c) => cmd.args.includes(c.name));
        if (out === 'name') {
          for (const c of ctxs) cmd.out(`${c.name}\n`);
        } else {
          const w = newTableWriter((s) => cmd.out(s));
          if (!cmd.bool('no-headers')) w.write('CURRENT\tNAME\tCLUSTER\tAUTHINFO\tNAMESPACE\n');
          for (const c of ctxs) w.write(`${c.name === cmd.config.currentContext ? '*' : ''}\t${c.name}\t${c.cluster}\t${c.user}\t${c.namespace ?? ''}\n`);
          w.flush();
        }
        if (missing.length) throw new Error(`context ${missing[0]} not found`);
      },
    }),
    sub({
      name: 'get-clusters',
      short: 'Display clusters defined in the kubeconfig',
      async run(cmd) {
        cmd.out(`NAME\n${cmd.config.clusters.map((c) => `${c.name}\n`).join('')}`);
      },
    }),
    sub({
      name: 'get-users',
      short: 'Display users defined in the kubeconfig',
      async run(cmd) {
        cmd.out(`NAME\n${cmd.config.users.map((u) => `${u.name}\n`).join('')}`);
      },
    }),
    sub({
      name: 'use-context',
      aliases: ['use'],
      short: 'Set the current-context in a kubeconfig file',
      async run(cmd) {
        const name = needName(cmd, 'context');
        if (!cmd.config.contexts.some((c) => c.name === name)) throw new Error(`no context exists with the name: "${name}"`);
        cmd.config.currentContext = name;
        cmd.out(`Switched to context "${name}".\n`);
      },
    }),
    sub({
      name: 'set-context',
      short: 'Set a context entry in kubeconfig',
      flags: [
        { name: 'current', type: 'bool', usage: 'Modify the current context' },
        { name: 'cluster', type: 'string', usage: 'cluster for the context entry in kubeconfig' },
        { name: 'user', type: 'string', usage: 'user for the context entry in kubeconfig' },
      ],
      async run(cmd) {
        let name = cmd.args[0];
        if (cmd.bool('current')) {
          if (cmd.args.length) throw new Error('you cannot specify both a context name and --current');
          name = cmd.config.currentContext;
          if (!name) throw new Error('no current context is set');
        }
        if (!name) throw new UsageError('you must specify a non-empty context name or --current', cmd.path);
        let ctx = cmd.config.contexts.find((c) => c.name === name);
        const existed = !!ctx;
        if (!ctx) {
          ctx = { name, cluster: '', user: '' };
          cmd.config.contexts.push(ctx);
        }
        if (cmd.has('cluster')) ctx.cluster = cmd.str('cluster');
        if (cmd.has('user')) ctx.user = cmd.str('user');
        if (cmd.has('namespace')) ctx.namespace = cmd.str('namespace') || undefined;
        cmd.out(`Context "${name}" ${existed ? 'modified' : 'created'}.\n`);
      },
    }),
    sub({
      name: 'delete-context',
      short: 'Delete the specified context from the kubeconfig',
      async run(cmd) {
        const name = needName(cmd, 'context');
        const i = cmd.config.contexts.findIndex((c) => c.name === name);
        if (i < 0) throw new Error(`cannot delete context ${name}, not in kubeconfig`);
        if (cmd.config.currentContext === name) cmd.err(`warning: this removed your active context, use "kubectl config use-context" to select a different one\n`);
        cmd.config.contexts.splice(i, 1);
        cmd.out(`deleted context ${name} from kubeconfig\n`);
      },
    }),
    sub({
      name: 'rename-context',
      short: 'Rename a context from the kubeconfig file',
      async run(cmd) {
        if (cmd.args.length !== 2) throw new UsageError('Unexpected args', cmd.path);
        const [from, to] = cmd.args;
        const ctx = cmd.config.contexts.find((c) => c.name === from);
        if (!ctx) throw new Error(`cannot rename the context "${from}", it's not in kubeconfig`);
        if (cmd.config.contexts.some((c) => c.name === to)) throw new Error(`cannot rename the context "${from}", the context "${to}" already exists in kubeconfig`);
        ctx.name = to;
        if (cmd.config.currentContext === from) cmd.config.currentContext = to;
        cmd.out(`Context "${from}" renamed to "${to}".\n`);
      },
    }),
    sub({
      name: 'view',
      short: 'Display merged kubeconfig settings or a specified kubeconfig file',
      flags: [
        { name: 'output', short: 'o', type: 'string', default: 'yaml', usage: 'Output format.' },
        { name: 'minify', type: 'bool', usage: 'Remove all information not used by current-context from the output' },
        { name: 'raw', type: 'bool', usage: 'Display raw byte data and sensitive data' },
        { name: 'flatten', type: 'bool', usage: 'Flatten the resulting kubeconfig file into self-contained output' },
        { name: 'merge', type: 'bool', default: true, usage: 'Merge the full hierarchy of kubeconfig files' },
        { name: 'template', type: 'string', usage: 'Template string or path to template file.' },
        { name: 'allow-missing-template-keys', type: 'bool', default: true, usage: 'If true, ignore any errors in templates when a field or map key is missing in the template.' },
        { name: 'show-managed-fields', type: 'bool', usage: 'If true, keep the managedFields when printing objects in JSON or YAML format.' },
      ],
      async run(cmd) {
        const o = asObject(cmd.config, cmd.bool('minify'), cmd.str('context'));
        const out = cmd.str('output');
        if (out === 'yaml') cmd.out(toYaml(o));
        else if (out === 'json') cmd.out(printJson(o));
        else if (out.startsWith('jsonpath=')) {
          const jp = new JsonPath(out.slice('jsonpath='.length));
          jp.allowMissingKeys = cmd.bool('allow-missing-template-keys');
          cmd.out(jp.execute(o));
        } else throw new Error(`unable to match a printer suitable for the output format "${out}"`);
      },
    }),
  ],
};
