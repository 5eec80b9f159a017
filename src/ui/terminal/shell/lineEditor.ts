/**
 * The prompt line as readline edits it: cursor moves, deletions, history (arrows) and reverse
 * search (Ctrl+R). Pure: it receives the key sequences xterm.js reports and writes the escape
 * sequences that redraw the line, so it is tested without a terminal. Lines wider than the
 * terminal wrap; the redraw moves up to the line's first row before clearing.
 */

export type Key =
  | { type: 'submit'; line: string }
  | { type: 'interrupt' }
  | { type: 'complete'; line: string; cursor: number }
  | { type: 'clear' }
  | { type: 'eof' };

interface Search {
  query: string;
  /** Index in history of the shown match, or -1. */
  at: number;
  failed: boolean;
}

const ESC = '\x1b';

export class LineEditor {
  private buf = '';
  private cur = 0;
  private prompt = '$ ';
  private promptWidth = 2;
  /** Rows between the line's first row and the cursor (for the next redraw). */
  private rowsAbove = 0;
  private readonly history: string[] = [];
  /** Position while browsing history (history.length = the line being typed). */
  private hpos = 0;
  private draft = '';
  private search: Search | undefined;

  constructor(
    private readonly write: (s: string) => void,
    private readonly cols: () => number,
  ) {}

  get line(): string {
    return this.buf;
  }
  get cursor(): number {
    return this.cur;
  }
  get entries(): readonly string[] {
    return this.history;
  }

  /** Starts a new line after `prompt` (`styled` may carry colours; `width` is its visible length). */
  start(prompt: string, width = prompt.length, styled = prompt): void {
    this.prompt = styled;
    this.promptWidth = width;
    this.buf = '';
    this.cur = 0;
    this.rowsAbove = 0;
    this.hpos = this.history.length;
    this.search = undefined;
    this.write(styled);
  }

  addHistory(line: string): void {
    const t = line.trim();
    if (t && this.history[this.history.length - 1] !== line) this.history.push(line);
    this.hpos = this.history.length;
  }

  /** Replaces the text (completion) and puts the cursor at `cursor`. */
  set(text: string, cursor = text.length): void {
    this.buf = text;
    this.cur = Math.max(0, Math.min(cursor, text.length));
    this.render();
  }

  /** Handles input from the terminal; returns what the shell must act on, if anything. */
  feed(data: string): Key | undefined {
    if (this.search) return this.feedSearch(data);
    switch (data) {
      case '\r':
      case '\n':
        return this.submit();
      case '\x7f':
      case '\b':
        if (this.cur > 0) this.edit(this.buf.slice(0, this.cur - 1) + this.buf.slice(this.cur), this.cur - 1);
        return;
      case `${ESC}[3~`:
        if (this.cur < this.buf.length) this.edit(this.buf.slice(0, this.cur) + this.buf.slice(this.cur + 1), this.cur);
        return;
      case '\x04':
        if (!this.buf) return { type: 'eof' };
        if (this.cur < this.buf.length) this.edit(this.buf.slice(0, this.cur) + this.buf.slice(this.cur + 1), this.cur);
        return;
      case `${ESC}[D`:
      case '\x02':
        return this.move(this.cur - 1);
      case `${ESC}[C`:
      case '\x06':
        return this.move(this.cur + 1);
      case `${ESC}[H`:
      case `${ESC}OH`:
      case '\x01':
        return this.move(0);
      case `${ESC}[F`:
      case `${ESC}OF`:
      case '\x05':
        return this.move(this.buf.length);
      case `${ESC}[1;5D`:
      case `${ESC}b`:
        return this.move(wordStart(this.buf, this.cur));
      case `${ESC}[1;5C`:
      case `${ESC}f`:
        return this.move(wordEnd(this.buf, this.cur));
      case `${ESC}[A`:
      case '\x10':
        return this.browse(-1);
      case `${ESC}[B`:
      case '\x0e':
        return this.browse(1);
      case '\x15':
        return this.edit(this.buf.slice(this.cur), 0);
      case '\x0b':
        return this.edit(this.buf.slice(0, this.cur), this.cur);
      case '\x17': {
        const s = wordStart(this.buf, this.cur);
        return this.edit(this.buf.slice(0, s) + this.buf.slice(this.cur), s);
      }
      case '\x03':
        this.move(this.buf.length);
        this.write('^C\r\n');
        return { type: 'interrupt' };
      case '\x0c':
        return { type: 'clear' };
      case '\x12':
        this.search = { query: '', at: -1, failed: false };
        this.renderSearch();
        return;
      case '\t':
        return { type: 'complete', line: this.buf, cursor: this.cur };
    }
    if (data.startsWith(ESC)) return; // other keys (F1, PgUp…) do nothing at a prompt
    // Typed or pasted text; a paste with newlines is split by the shell before it gets here.
    const text = data.replace(/[\x00-\x08\x0e-\x1f]/g, '').replace(/\t/g, ' ');
    if (text) this.edit(this.buf.slice(0, this.cur) + text + this.buf.slice(this.cur), this.cur + text.length);
    return;
  }

  private submit(): Key {
    const line = this.buf;
    this.move(this.buf.length);
    this.write('\r\n');
    this.rowsAbove = 0;
    return { type: 'submit', line };
  }

  private edit(text: string, cursor: number): undefined {
    this.buf = text;
    this.cur = cursor;
    this.render();
    return undefined;
  }

  private move(to: number): undefined {
    const c = Math.max(0, Math.min(to, this.buf.length));
    if (c === this.cur) return undefined;
    this.cur = c;
    this.render();
    return undefined;
  }

  private browse(step: number): undefined {
    const next = this.hpos + step;
    if (next < 0 || next > this.history.length) return undefined;
    if (this.hpos === this.history.length) this.draft = this.buf;
    this.hpos = next;
    const text = next === this.history.length ? this.draft : this.history[next];
    return this.edit(text, text.length);
  }

  /** Redraws prompt and line, leaving the cursor where it belongs (also across wrapped rows). */
  private render(prompt = this.prompt, width = this.promptWidth, text = this.buf, cursor = this.cur): void {
    const cols = Math.max(1, this.cols());
    let s = this.rowsAbove > 0 ? `${ESC}[${this.rowsAbove}A` : '';
    s += `\r${ESC}[J${prompt}${text}`;
    const end = width + text.length;
    // At the very end of a row the cursor waits to wrap; a space and CR make it wrap now.
    if (end > 0 && end % cols === 0) s += ' \r';
    const endRow = Math.floor(end / cols);
    const target = width + cursor;
    const row = Math.floor(target / cols);
    const col = target % cols;
    if (endRow > row) s += `${ESC}[${endRow - row}A`;
    s += '\r';
    if (col > 0) s += `${ESC}[${col}C`;
    this.rowsAbove = row;
    this.write(s);
  }

  // ---- reverse search (Ctrl+R) ----

  private feedSearch(data: string): Key | undefined {
    const s = this.search!;
    switch (data) {
      case '\x12': // older match
        this.find(s, s.at < 0 ? this.history.length - 1 : s.at - 1);
        return this.renderSearch();
      case '\x7f':
      case '\b':
        s.query = s.query.slice(0, -1);
        this.find(s, this.history.length - 1);
        return this.renderSearch();
      case '\x03':
      case '\x07': // Ctrl+C / Ctrl+G: give up, keep the line as it was
        this.search = undefined;
        this.render();
        return data === '\x03' ? this.feed('\x03') : undefined;
      case '\r':
      case '\n':
        this.accept();
        return this.submit();
    }
    if (data.startsWith(ESC) || data.length === 1 && data < ' ') {
      // Any other key leaves search with the match on the line; arrows then act on it.
      this.accept();
      return data === ESC ? undefined : this.feed(data);
    }
    s.query += data;
    this.find(s, s.at < 0 ? this.history.length - 1 : s.at);
    return this.renderSearch();
  }

  /** The newest entry at or before `from` that contains the query. */
  private find(s: Search, from: number): void {
    for (let i = Math.min(from, this.history.length - 1); i >= 0; i--) {
      if (this.history[i].includes(s.query)) {
        s.at = i;
        s.failed = false;
        return;
      }
    }
    s.failed = s.query !== '';
  }

  private accept(): void {
    const s = this.search!;
    this.search = undefined;
    if (s.at >= 0) {
      this.buf = this.history[s.at];
      this.cur = this.buf.length;
      this.hpos = s.at;
    }
    this.render();
  }

  private renderSearch(): undefined {
    const s = this.search!;
    const match = s.at >= 0 ? this.history[s.at] : '';
    const label = `(${s.failed ? 'failed ' : ''}reverse-i-search)\`${s.query}': `;
    const pos = s.at >= 0 ? Math.max(0, match.indexOf(s.query)) : 0;
    this.render(label, label.length, match, pos);
    return undefined;
  }
}

function wordStart(text: string, from: number): number {
  let i = from;
  while (i > 0 && text[i - 1] === ' ') i--;
  while (i > 0 && text[i - 1] !== ' ') i--;
  return i;
}

function wordEnd(text: string, from: number): number {
  let i = from;
  while (i < text.length && text[i] === ' ') i++;
  while (i < text.length && text[i] !== ' ') i++;
  return i;
}
