/**
 * describe's PrefixWriter over Go's text/tabwriter (minwidth 0, tabwidth 8, padding 2, spaces):
 * `write(level, text)` indents by two spaces per level; everything is terminal-escaped; the
 * result of `tabbedString` is the aligned text.
 */
import { escapeTerminal } from '../printers/table';
import { newDescribeWriter, type TabWriter } from '../printers/tabwriter';

export const L0 = 0;
export const L1 = 1;
export const L2 = 2;
export const L3 = 3;
export const L4 = 4;

/** Where a PrefixWriter writes: a tabwriter, or (rollout history's printTemplate) a plain buffer. */
export interface Sink {
  write(text: string): void;
  flush(): void;
}

export class PrefixWriter {
  constructor(
    private readonly tw: Sink | TabWriter,
    private readonly indent = 0,
  ) {}

  write(level: number, text: string): void {
    this.tw.write(escapeTerminal('  '.repeat(level + this.indent) + text));
  }

  /** fmt.Sprintln of one value: the text and a newline. */
  line(text: string): void {
    if (this.indent) this.write(0, `${text}\n`);
    else this.tw.write(escapeTerminal(`${text}\n`));
  }

  flush(): void {
    this.tw.flush();
  }

  nested(indent: number): PrefixWriter {
    return new PrefixWriter(this.tw, this.indent + indent);
  }
}

/** tabbedString: runs `f` against a fresh writer and returns the formatted text. */
export function tabbedString(f: (w: PrefixWriter) => void): string {
  let out = '';
  const tw = newDescribeWriter((s) => (out += s));
  f(new PrefixWriter(tw));
  tw.flush();
  return out;
}

/** The text written straight to a buffer, tabs and all (polymorphichelpers printTemplate). */
export function rawString(f: (w: PrefixWriter) => void): string {
  let out = '';
  f(new PrefixWriter({ write: (s) => (out += s), flush: () => {} }));
  return out;
}
