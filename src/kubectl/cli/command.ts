/**
 * A kubectl command: its name, flags and `run`. `Cmd` is what a command sees while it runs —
 * parsed flags, the resolved namespace, the API client, discovery, output and the clock.
 */
import type { RestClient } from '../client/rest';
import type { Kubeconfig } from '../config/kubeconfig';
import type { DiscoveryCache } from '../discovery/discovery';
import { RestMapper } from '../discovery/mapper';
import { InterruptedError } from '../errors';
import type { EditHook, FileSource, Output } from '../types';
import type { FlagDef, FlagValues } from './flags';

export interface Command {
  name: string;
  aliases?: string[];
  short: string;
  /** Usage line after `kubectl ` (for help). */
  use?: string;
  flags?: FlagDef[];
  /** Flags cobra marks required (`cmd.MarkFlagRequired`). */
  required?: string[];
  subcommands?: Command[];
  /** Cobra's arg validation message when positional args are not allowed (`cobra.NoArgs`). */
  noArgs?: boolean;
  hidden?: boolean;
  run?: (cmd: Cmd) => Promise<void>;
}

export interface CmdInit {
  path: string;
  flags: FlagValues;
  changed: Set<string>;
  args: string[];
  argsLenAtDash: number;
  io: Output;
  client: RestClient;
  discovery: DiscoveryCache;
  config: Kubeconfig;
  now: () => number;
  files?: FileSource;
  /** The session's scratch files (see saveTemp). */
  scratch?: Map<string, string>;
  stdin?: string;
  edit?: EditHook;
  signal?: AbortSignal;
  tzOffset: (ms: number) => number;
  /** Waits `ms` (polling, retries, --timeout); a real timer unless the caller supplies one. */
  timer?: (ms: number) => Promise<void>;
  tty?: boolean;
}

export class Cmd {
  readonly path: string;
  readonly flags: FlagValues;
  readonly changed: Set<string>;
  readonly args: string[];
  readonly argsLenAtDash: number;
  readonly io: Output;
  readonly client: RestClient;
  readonly config: Kubeconfig;
  readonly now: () => number;
  readonly files?: FileSource;
  readonly stdin?: string;
  readonly edit?: EditHook;
  readonly signal?: AbortSignal;
  readonly tzOffset: (ms: number) => number;
  /** Stdout is a terminal. */
  readonly tty: boolean;
  private readonly timer: (ms: number) => Promise<void>;
  private readonly scratch: Map<string, string>;
  private readonly discovery: DiscoveryCache;
  private mapperCache: RestMapper | undefined;

  constructor(init: CmdInit) {
    this.path = init.path;
    this.flags = init.flags;
    this.changed = init.changed;
    this.args = init.args;
    this.argsLenAtDash = init.argsLenAtDash;
    this.io = init.io;
    this.client = init.client;
    this.discovery = init.discovery;
    this.config = init.config;
    this.now = init.now;
    this.files = init.files;
    this.stdin = init.stdin;
    this.edit = init.edit;
    this.signal = init.signal;
    this.tzOffset = init.tzOffset;
    this.timer = init.timer ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
    this.scratch = init.scratch ?? new Map();
    this.tty = !!init.tty;
  }

  /** os.CreateTemp in /tmp, in memory: later commands in the session can `-f` the path. */
  saveTemp(prefix: string, ext: string, text: string): string {
    // Ten digits like Go's temp names, from the clock (no randomness in kubectl code).
    let n = Math.floor(this.now()) % 4_294_967_296;
    let path: string;
    do path = `/tmp/${prefix}${n++}${ext}`;
    while (this.scratch.has(path));
    this.scratch.set(path, text);
    return path;
  }

  /** Sleeps `ms`; rejects with InterruptedError on Ctrl+C. */
  sleep(ms: number): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      if (this.signal?.aborted) return reject(new InterruptedError());
      const onAbort = () => reject(new InterruptedError());
      this.signal?.addEventListener('abort', onAbort, { once: true });
      void this.timer(ms).then(() => {
        this.signal?.removeEventListener('abort', onAbort);
        resolve();
      });
    });
  }

  str(name: string): string {
    return String(this.flags[name] ?? '');
  }
  bool(name: string): boolean {
    return this.flags[name] === true;
  }
  int(name: string): number {
    return Number(this.flags[name] ?? 0);
  }
  list(name: string): string[] {
    return (this.flags[name] as string[] | undefined) ?? [];
  }
  /** A mapStringString flag's pairs. */
  map(name: string): Record<string, string> {
    return (this.flags[name] as Record<string, string> | undefined) ?? {};
  }
  has(name: string): boolean {
    return this.changed.has(name);
  }

  out(s: string): void {
    this.io.out(s);
  }
  err(s: string): void {
    this.io.err(s);
  }

  /** The context's namespace, or `-n`; `explicit` when `-n` was given (ToRawKubeConfigLoader().Namespace()). */
  get namespace(): string {
    if (this.str('namespace')) return this.str('namespace');
    const ctx = this.config.contexts.find((c) => c.name === (this.str('context') || this.config.currentContext));
    return ctx?.namespace || 'default';
  }
  get explicitNamespace(): boolean {
    return !!this.str('namespace');
  }

  async mapper(): Promise<RestMapper> {
    if (!this.mapperCache) this.mapperCache = new RestMapper(await this.discovery.get(this.client));
    return this.mapperCache;
  }

  /** Re-reads discovery (once per command) when a type is unknown; true if something changed. */
  async refreshMapper(): Promise<boolean> {
    const did = await this.discovery.refresh(this.client);
    if (did) this.mapperCache = new RestMapper(await this.discovery.get(this.client));
    return did;
  }
}
