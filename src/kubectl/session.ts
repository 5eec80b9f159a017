/**
 * The entry point: a kubectl session holds what persists between commands (the kubeconfig,
 * cached discovery) and runs one command line at a time — finding the command among the words,
 * parsing flags as cobra/pflag would, running it, and turning errors into kubectl's stderr text
 * and exit status.
 */
import { FlagSet } from './cli/flags';
import { GLOBAL_FLAGS, GLOBAL_VALUE_FLAGS } from './cli/global';
import { Cmd, type Command } from './cli/command';
import { checkRequired } from './cli/klog';
import { RestClient } from './client/rest';
import { defaultKubeconfig, type Kubeconfig } from './config/kubeconfig';
import { DiscoveryCache } from './discovery/discovery';
import { FlagError, renderError } from './errors';
import { rootCommands } from './commands/index';
import { commandHelp, rootHelp, suggestions } from './commands/help';
import type { EditHook, FileSource, Output, Transport } from './types';

export interface SessionOptions {
  transport: Transport;
  /** Epoch milliseconds "now" (the simulated clock in the browser; the wall clock for parity). */
  now: () => number;
  kubeconfig?: Kubeconfig;
  files?: FileSource;
  edit?: EditHook;
  /** Minutes east of UTC for printed local times (describe); default UTC. */
  tzOffset?: (ms: number) => number;
  /** Output goes to a terminal (colors in cluster-info, as go-colortext does on a TTY). */
  tty?: boolean;
  /** A timer for waits and polls (default setTimeout); the terminal may pace it by the simulated clock. */
  timer?: (ms: number) => Promise<void>;
}

export interface RunOptions {
  stdin?: string;
  signal?: AbortSignal;
}

/** Splits `[flags…] cmd [sub] rest…` into the command chain and the words left for flag parsing. */
function findCommand(argv: string[], commands: Command[]): { chain: Command[]; rest: string[] } {
  const chain: Command[] = [];
  const rest: string[] = [];
  let list = commands;
  let i = 0;
  for (; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') break;
    if (a.startsWith('-')) {
      rest.push(a);
      if (!a.includes('=') && GLOBAL_VALUE_FLAGS.has(a) && i + 1 < argv.length) rest.push(argv[++i]);
      continue;
    }
    const c = list.find((x) => x.name === a || x.aliases?.includes(a));
    if (!c) break;
    chain.push(c);
    list = c.subcommands ?? [];
    if (!list.length) {
      i++;
      break;
    }
  }
  rest.push(...argv.slice(i));
  return { chain, rest };
}

export class KubectlSession {
  readonly config: Kubeconfig;
  private readonly discovery = new DiscoveryCache();
  /** Files kubectl itself wrote (edit's preserved copies under /tmp), readable by later `-f`. */
  private readonly scratch = new Map<string, string>();
  private readonly files: FileSource;

  constructor(private readonly opts: SessionOptions) {
    this.config = opts.kubeconfig ?? defaultKubeconfig();
    const base = opts.files;
    this.files = {
      read: (p) => (this.scratch.has(p) ? this.scratch.get(p) : base?.read(p)),
      list: base?.list ? (d) => base.list!(d) : undefined,
    };
  }

  /** Runs one command line (argv without the leading `kubectl`); resolves with the exit status. */
  async run(argv: string[], io: Output, run: RunOptions = {}): Promise<number> {
    this.discovery.age();
    try {
      const { chain, rest } = findCommand(argv, rootCommands);
      if (chain.length === 0) {
        const word = rest.find((a) => !a.startsWith('-'));
        if (word === undefined) {
          const fs = new FlagSet('kubectl', GLOBAL_FLAGS);
          const p = fs.parse(rest);
          void p;
          io.out(rootHelp());
          return 0;
        }
        const sugg = suggestions(word);
        throw new FlagError(`unknown command "${word}" for "kubectl"${sugg}`, 'kubectl');
      }
      const command = chain[chain.length - 1];
      const path = `kubectl ${chain.map((c) => c.name).join(' ')}`;
      const fs = new FlagSet(path, [...(command.flags ?? []), ...GLOBAL_FLAGS]);
      const parsed = fs.parse(rest);
      if (parsed.help || !command.run) {
        if (!command.run && parsed.args.length && command.subcommands?.length) {
          io.err(`error: unknown command "${parsed.args[0]}"\nSee '${path} -h' for help and examples\n`);
          return 1;
        }
        // A command group run without a subcommand prints its help to stderr (cobra DefaultSubCommandRun).
        if (!command.run && !parsed.help) {
          io.err(commandHelp(command, path));
          return 1;
        }
        io.out(commandHelp(command, path));
        return 0;
      }
      const client = new RestClient(this.opts.transport, (t) => io.err(`Warning: ${t}\n`), run.signal);
      const cmd = new Cmd({
        path,
        flags: parsed.flags,
        changed: parsed.changed,
        args: parsed.args,
        argsLenAtDash: parsed.argsLenAtDash,
        io,
        client,
        discovery: this.discovery,
        config: this.config,
        now: this.opts.now,
        files: this.files,
        scratch: this.scratch,
        stdin: run.stdin,
        edit: this.opts.edit,
        signal: run.signal,
        tzOffset: this.opts.tzOffset ?? (() => 0),
        timer: this.opts.timer,
        tty: this.opts.tty,
      });
      checkRequired(this.opts.now(), command.required, parsed.changed);
      if (command.noArgs && parsed.args.length) throw new FlagError(`unknown command "${parsed.args[0]}" for "${path}"`, path);
      await command.run(cmd);
      return 0;
    } catch (e) {
      const err = e instanceof Error ? e : new Error(String(e));
      if (err instanceof FlagError && err.command === 'kubectl' && err.message.startsWith('unknown command')) {
        io.err(`Error: ${err.message}\n`);
        return 1;
      }
      const { text, code } = renderError(err);
      if (text) io.err(text);
      return code;
    }
  }
}
