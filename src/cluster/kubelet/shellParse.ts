/**
 * A small POSIX-sh parser for the scripts people put in `command:`/`args:` (`sh -c "…"`): simple
 * commands, `;` `&&` `||` `&` `|`, redirections, `while`/`until`/`for`/`if`. Quoting is kept in the
 * words so the runner expands `$i`, `$(date)` and `$((i+1))` at simulated run time.
 */

export type Tok = { t: 'word'; v: string } | { t: 'op'; v: string };

/** A parsed statement; `when` says which previous exit status lets it run (`&&`: 0, `||`: non-zero). */
export type Node =
  | { k: 'cmd'; words: string[]; redirect?: { op: string; target: string }; bg?: boolean; pipe?: string[][]; when?: '&&' | '||' }
  | { k: 'while'; cond: Node[]; body: Node[]; until: boolean; when?: '&&' | '||' }
  | { k: 'for'; name: string; items: string[]; body: Node[]; when?: '&&' | '||' }
  | { k: 'if'; cond: Node[]; then: Node[]; else: Node[]; when?: '&&' | '||' };

/** Finds the end of a balanced `$( … )` starting at `i` (pointing at `$`). */
function balanced(src: string, i: number): number {
  let j = i + 2;
  let depth = 1;
  while (j < src.length && depth) {
    if (src[j] === '(') depth++;
    else if (src[j] === ')') depth--;
    j++;
  }
  return j;
}

export function tokenize(src: string): Tok[] {
  const out: Tok[] = [];
  let cur = '';
  let has = false;
  const push = () => {
    if (has) out.push({ t: 'word', v: cur });
    cur = '';
    has = false;
  };
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (c === "'") {
      const j = src.indexOf("'", i + 1);
      const end = j < 0 ? src.length : j + 1;
      cur += src.slice(i, end);
      has = true;
      i = end;
    } else if (c === '"') {
      let j = i + 1;
      while (j < src.length && src[j] !== '"') j = src[j] === '\\' ? j + 2 : src[j] === '$' && src[j + 1] === '(' ? balanced(src, j) : j + 1;
      cur += src.slice(i, j + 1);
      has = true;
      i = j + 1;
    } else if (c === '\\') {
      if (src[i + 1] !== '\n') cur += src.slice(i, i + 2);
      has ||= src[i + 1] !== '\n';
      i += 2;
    } else if (c === '$' && src[i + 1] === '(') {
      const j = balanced(src, i);
      cur += src.slice(i, j);
      has = true;
      i = j;
    } else if (c === '#' && !has) {
      while (i < src.length && src[i] !== '\n') i++;
    } else if (c === ' ' || c === '\t' || c === '\r') {
      push();
      i++;
    } else if (c === '\n' || c === ';') {
      push();
      out.push({ t: 'op', v: ';' });
      i++;
    } else if ((c === '&' || c === '|') && src[i + 1] === c) {
      push();
      out.push({ t: 'op', v: c + c });
      i += 2;
    } else if (c === '&' || c === '|') {
      push();
      out.push({ t: 'op', v: c });
      i++;
    } else if (c === '>' || c === '<') {
      if (has && /^\d$/.test(cur)) (cur = ''), (has = false);
      push();
      let j = i;
      while (src[j] === '>' || src[j] === '<') j++;
      if (src[j] === '&') for (j++; /[0-9-]/.test(src[j] ?? ''); ) j++;
      out.push({ t: 'op', v: src.slice(i, j) });
      i = j;
    } else {
      cur += c;
      has = true;
      i++;
    }
  }
  push();
  return out;
}

const STOP = new Set(['do', 'done', 'then', 'else', 'elif', 'fi']);

class Parser {
  private i = 0;
  constructor(private readonly toks: Tok[]) {}

  private peek(): Tok | undefined {
    return this.toks[this.i];
  }
  private isWord(v: string): boolean {
    const t = this.peek();
    return t?.t === 'word' && t.v === v;
  }
  private skipSeps(): void {
    while (this.peek()?.t === 'op' && this.peek()!.v === ';') this.i++;
  }
  private expect(v: string): void {
    this.skipSeps();
    if (this.isWord(v)) this.i++;
  }

  /** Statements until one of `stops` (a keyword) or the end. */
  list(stops: Set<string> = new Set()): Node[] {
    const out: Node[] = [];
    let when: '&&' | '||' | undefined;
    for (;;) {
      this.skipSeps();
      const t = this.peek();
      if (!t || (t.t === 'word' && stops.has(t.v))) return out;
      if (t.t === 'op' && (t.v === '&&' || t.v === '||')) {
        when = t.v;
        this.i++;
        continue;
      }
      const n = this.statement();
      if (!n) {
        this.i++;
        continue;
      }
      if (when) n.when = when;
      when = undefined;
      out.push(n);
    }
  }

  private statement(): Node | undefined {
    const t = this.peek()!;
    if (t.t === 'word' && (t.v === 'while' || t.v === 'until')) {
      this.i++;
      const cond = this.list(new Set(['do']));
      this.expect('do');
      const body = this.list(new Set(['done']));
      this.expect('done');
      return { k: 'while', cond, body, until: t.v === 'until' };
    }
    if (t.t === 'word' && t.v === 'for') {
      this.i++;
      const name = (this.peek() as Tok | undefined)?.v ?? 'i';
      this.i++;
      const items: string[] = [];
      if (this.isWord('in')) {
        this.i++;
        while (this.peek()?.t === 'word' && !STOP.has(this.peek()!.v)) items.push(this.toks[this.i++].v);
      }
      this.expect('do');
      const body = this.list(new Set(['done']));
      this.expect('done');
      return { k: 'for', name, items, body };
    }
    if (t.t === 'word' && t.v === 'if') {
      this.i++;
      const cond = this.list(new Set(['then']));
      this.expect('then');
      const then = this.list(new Set(['else', 'elif', 'fi']));
      let els: Node[] = [];
      if (this.isWord('elif')) {
        this.toks[this.i] = { t: 'word', v: 'if' };
        els = [this.statement()!];
        return { k: 'if', cond, then, else: els };
      }
      if (this.isWord('else')) {
        this.i++;
        els = this.list(new Set(['fi']));
      }
      this.expect('fi');
      return { k: 'if', cond, then, else: els };
    }
    return this.command();
  }

  private command(): Node | undefined {
    const words: string[] = [];
    let redirect: { op: string; target: string } | undefined;
    const pipe: string[][] = [];
    let seg = words;
    for (;;) {
      const t = this.peek();
      if (!t) break;
      if (t.t === 'word') {
        if (seg.length === 0 && words.length === 0 && STOP.has(t.v)) break;
        seg.push(t.v);
        this.i++;
        continue;
      }
      if (t.v === '|') {
        this.i++;
        seg = [];
        pipe.push(seg);
        continue;
      }
      if (t.v.startsWith('>') || t.v.startsWith('<')) {
        this.i++;
        if (!t.v.includes('&') && this.peek()?.t === 'word') {
          const target = this.toks[this.i++].v;
          if (t.v.startsWith('>') && !redirect) redirect = { op: t.v, target };
        }
        continue;
      }
      if (t.v === '&') {
        this.i++;
        return words.length ? { k: 'cmd', words, redirect, bg: true, pipe: pipe.length ? pipe : undefined } : undefined;
      }
      break;
    }
    return words.length ? { k: 'cmd', words, redirect, pipe: pipe.length ? pipe : undefined } : undefined;
  }
}

/** Parses a script into statements. Never throws: unknown syntax degrades to plain commands. */
export function parseScript(src: string): Node[] {
  return new Parser(tokenize(src)).list();
}
