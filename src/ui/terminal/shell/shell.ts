/**
 * The terminal's little shell: reads lines through the LineEditor, joins continuation lines
 * (open quotes, trailing backslash, `<<EOF` heredocs), and runs `kubectl …` (or `k …`) in one
 * KubectlSession, plus `clear`, `help` and `history`. Ctrl+C cancels what runs (`-w`, `logs -f`,
 * waits). No DOM: it talks to the terminal through `write`, so it is tested in Node.
 */
import { tokenize, type Tokenized } from '../../../kubectl/cli/tokenize';
import { RestClient } from '../../../kubectl/client/rest';
import { resourcePath } from '../../../kubectl/client/paths';
import { currentContext } from '../../../kubectl/config/kubeconfig';
import { fetchDiscovery } from '../../../kubectl/discovery/discovery';
import type { ApiResource } from '../../../kubectl/discovery/types';
import { KubectlSession, type SessionOptions } from '../../../kubectl/session';
import { complete, type CompletionSource } from './complete';
import { LineEditor } from './lineEditor';

export interface ShellOptions extends SessionOptions {
  /** Raw terminal output (escape sequences allowed; lines end with CRLF). */
  write(text: string): void;
  cols(): number;
  /** Clears the screen and scrollback. */
  clearScreen(): void;
  /** Paths `-f` completes (editor buffers, examples). */
  fileNames?(): string[];
}

const GREEN = '\x1b[32m';
const RED = '\x1b[31m';
const DIM = '\x1b[2m';
const BOLD = '\x1b[1m';
const RESET = '\x1b[0m';

export const HELP = `kubeplay terminal — a kubectl 1.32 talking to the cluster in this page.

  kubectl <command> …   run kubectl (also: k <command> …); try  kubectl get pods
  kubectl help          kubectl's own command list
  clear                 clear the screen (also Ctrl+L)
  history               commands typed so far
  help                  this text

Keys: ↑/↓ history · Ctrl+R search history · Tab complete commands, flags, types and names
      Ctrl+C cancel (a watch, logs -f, a wait) · Ctrl+A/E start/end · Ctrl+U/K/W delete

Files for -f: the YAML editor's tabs by their title (kubectl apply -f deployment.yaml),
the editor's examples as examples/<file>, or stdin: kubectl apply -f - <<EOF … EOF
Pipes and redirections are not available.
`;

type Pending = { kind: 'continue'; text: string } | { kind: 'heredoc'; line: string; tok: Tokenized; body: string[] };

export class Shell {
  readonly session: KubectlSession;
  private readonly editor: LineEditor;
  private running: AbortController | undefined;
  private pending: Pending | undefined;
  /** Input that arrived while a command ran (a multi-line paste): read when the prompt returns. */
  private queue: string[] = [];
  private status = 0;
  private completing = false;
  private readonly client: RestClient;
  private resources: ApiResource[] | undefined;

  constructor(private readonly opts: ShellOptions) {
    this.session = new KubectlSession(opts);
    this.editor = new LineEditor((s) => opts.write(s), () => opts.cols());
    this.client = new RestClient(opts.transport, () => {});
  }

  /** Prints a greeting and the first prompt. */
  start(greeting?: string): void {
    if (greeting) this.print(greeting);
    this.prompt();
  }

  get busy(): boolean {
    return this.running !== undefined;
  }

  get history(): readonly string[] {
    return this.editor.entries;
  }

  /** Everything the terminal reports (keys, pastes). */
  input(data: string): void {
    if (this.running || this.completing) {
      if (data.includes('\x03')) {
        this.queue = [];
        this.running?.abort();
        if (this.running) this.opts.write('^C\r\n');
        return;
      }
      this.queue.push(...pieces(data));
      return;
    }
    this.queue.push(...pieces(data));
    this.drain();
  }

  private drain(): void {
    while (this.queue.length && !this.running && !this.completing) this.key(this.queue.shift()!);
  }

  private key(data: string): void {
    const k = this.editor.feed(data);
    if (!k) return;
    switch (k.type) {
      case 'submit':
        return this.line(k.line);
      case 'interrupt':
        this.pending = undefined;
        this.status = 130;
        return this.prompt();
      case 'clear':
        this.opts.clearScreen();
        this.editor.start(...this.promptParts());
        this.editor.set(this.editor.line, this.editor.cursor);
        return;
      case 'eof':
        return;
      case 'complete':
        return void this.complete(k.line, k.cursor);
    }
  }

  private promptParts(): [string, number, string] {
    if (this.pending) return ['> ', 2, `${DIM}>${RESET} `];
    return ['$ ', 2, `${this.status === 0 ? GREEN : RED}${BOLD}$${RESET} `];
  }

  private prompt(): void {
    this.editor.start(...this.promptParts());
    this.drain();
  }

  private print(text: string): void {
    this.opts.write(text.replace(/\r?\n/g, '\r\n'));
  }

  /** A finished line: continue a multi-line command, or run it. */
  private line(line: string): void {
    const p = this.pending;
    if (p?.kind === 'heredoc') {
      const delim = p.tok.heredoc!;
      const l = delim.stripTabs ? line.replace(/^\t+/, '') : line;
      if (l === delim.delimiter) {
        this.pending = undefined;
        return void this.run(p.tok, p.body.length ? `${p.body.join('\n')}\n` : '');
      }
      p.body.push(l);
      return this.prompt();
    }
    const text = p?.kind === 'continue' ? `${p.text}\n${line}` : line;
    const tok = tokenize(text);
    if (tok.incomplete) {
      this.pending = { kind: 'continue', text };
      return this.prompt();
    }
    this.pending = undefined;
    this.editor.addHistory(text.replace(/\\\n/g, '').replace(/\n/g, ' '));
    if (tok.heredoc) {
      this.pending = { kind: 'heredoc', line: text, tok, body: [] };
      return this.prompt();
    }
    void this.run(tok);
  }

  private async run(tok: Tokenized, stdin?: string): Promise<void> {
    const [first, ...rest] = tok.words;
    if (first === undefined) return this.prompt();
    if (tok.unsupported) {
      this.print(`kubeplay: '${tok.unsupported}' is not available in this terminal (no pipes, redirections or command lists)\n`);
      this.status = 1;
      return this.prompt();
    }
    switch (first) {
      case 'clear':
        this.opts.clearScreen();
        this.status = 0;
        return this.prompt();
      case 'help':
        this.print(HELP);
        this.status = 0;
        return this.prompt();
      case 'history':
        this.print(this.editor.entries.map((h, i) => `${String(i + 1).padStart(5)}  ${h}\n`).join(''));
        this.status = 0;
        return this.prompt();
      case 'kubectl':
      case 'k':
        break;
      default:
        this.print(`${first}: command not found (this terminal runs kubectl; type help)\n`);
        this.status = 127;
        return this.prompt();
    }
    const abort = new AbortController();
    this.running = abort;
    try {
      this.status = await this.session.run(rest, { out: (t) => this.print(t), err: (t) => this.print(t) }, { stdin, signal: abort.signal });
    } catch (e) {
      this.print(`error: ${e instanceof Error ? e.message : String(e)}\n`);
      this.status = 1;
    } finally {
      this.running = undefined;
    }
    // Discovery may have changed (a CRD, a namespace): completion asks again next time.
    this.resources = undefined;
    this.prompt();
  }

  private async complete(line: string, cursor: number): Promise<void> {
    this.completing = true;
    try {
      const c = await complete(line, cursor, this.completionSource());
      if (c.candidates.length) {
        this.print(`\n${columns(c.candidates, this.opts.cols())}`);
        this.editor.start(...this.promptParts());
      }
      this.editor.set(c.line, c.cursor);
    } finally {
      this.completing = false;
    }
    this.drain();
  }

  private completionSource(): CompletionSource {
    return {
      resources: async () => (this.resources ??= await fetchDiscovery(this.client)),
      names: async (r, namespace) => {
        const list = await this.client.call<{ items?: { metadata?: { name?: string } }[] }>({ path: resourcePath(r, namespace), query: { limit: '500' } });
        return (list.items ?? []).map((o) => o.metadata?.name ?? '').filter(Boolean);
      },
      namespace: () => currentContext(this.session.config)?.namespace || 'default',
      files: () => this.opts.fileNames?.() ?? [],
    };
  }
}

/** A paste with line breaks becomes its lines, each followed by Enter, as a shell reads them. */
function pieces(data: string): string[] {
  if (data.length < 2 || !/[\r\n]/.test(data) || data.startsWith('\x1b')) return [data];
  const parts = data.replace(/\r\n/g, '\n').split(/[\r\n]/);
  const out: string[] = [];
  parts.forEach((p, i) => {
    if (p) out.push(p);
    if (i < parts.length - 1) out.push('\r');
  });
  return out;
}

/** Candidates in columns, as bash lists them. */
function columns(items: string[], cols: number): string {
  const width = Math.max(...items.map((s) => s.length)) + 2;
  const per = Math.max(1, Math.floor(cols / width));
  const rows = Math.ceil(items.length / per);
  const out: string[] = [];
  for (let r = 0; r < rows; r++) {
    let line = '';
    for (let c = 0; c < per; c++) {
      const it = items[c * rows + r];
      if (it !== undefined) line += it.padEnd(width);
    }
    out.push(line.trimEnd());
  }
  return `${out.join('\n')}\n`;
}
