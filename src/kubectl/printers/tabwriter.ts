/**
 * Go's text/tabwriter (liggitt/tabwriter fork, which kubectl uses for tables) ported line for
 * line: elastic tabstops over tab-terminated cells, a column block ending at the first line without
 * that column, and RememberWidths so watch output keeps its columns. Widths count code points.
 */

interface Cell {
  size: number;
  width: number;
  htab: boolean;
}

export const FLAG_REMEMBER_WIDTHS = 1 << 6;
export const FLAG_ALIGN_RIGHT = 1 << 2;
export const FLAG_DISCARD_EMPTY = 1 << 3;

const runeCount = (s: string) => {
  let n = 0;
  for (const _ of s) n++;
  return n;
};

export class TabWriter {
  private buf = '';
  private pos = 0;
  private cell: Cell = { size: 0, width: 0, htab: false };
  private lines: Cell[][] = [[]];
  private widths: number[] = [];
  private maxwidths: number[] = [];

  constructor(
    private readonly output: (s: string) => void,
    private readonly minwidth: number,
    private readonly tabwidth: number,
    private readonly padding: number,
    private readonly padchar: string,
    private readonly flags: number,
  ) {}

  private reset(): void {
    this.buf = '';
    this.pos = 0;
    this.cell = { size: 0, width: 0, htab: false };
    this.lines = [[]];
    this.widths = [];
  }

  private writePadding(textw: number, cellw: number): void {
    if (this.padchar === '\t') {
      if (this.tabwidth === 0) return;
      cellw = Math.ceil(cellw / this.tabwidth) * this.tabwidth;
      const n = cellw - textw;
      this.output('\t'.repeat(Math.ceil(n / this.tabwidth)));
      return;
    }
    if (cellw - textw > 0) this.output(this.padchar.repeat(cellw - textw));
  }

  private writeLines(pos0: number, line0: number, line1: number): number {
    let pos = pos0;
    for (let i = line0; i < line1; i++) {
      const line = this.lines[i];
      line.forEach((c, j) => {
        if (c.size === 0) {
          if (j < this.widths.length) this.writePadding(c.width, this.widths[j]);
        } else if ((this.flags & FLAG_ALIGN_RIGHT) === 0) {
          this.output(this.buf.slice(pos, pos + c.size));
          pos += c.size;
          if (j < this.widths.length) this.writePadding(c.width, this.widths[j]);
        } else {
          if (j < this.widths.length) this.writePadding(c.width, this.widths[j]);
          this.output(this.buf.slice(pos, pos + c.size));
          pos += c.size;
        }
      });
      if (i + 1 === this.lines.length) {
        this.output(this.buf.slice(pos, pos + this.cell.size));
        pos += this.cell.size;
      } else {
        this.output('\n');
      }
    }
    return pos;
  }

  private format(pos0: number, line0: number, line1: number): number {
    let pos = pos0;
    const column = this.widths.length;
    for (let t = line0; t < line1; t++) {
      let line = this.lines[t];
      if (column >= line.length - 1) continue;
      pos = this.writeLines(pos, line0, t);
      line0 = t;
      let width = this.minwidth;
      let discardable = true;
      for (; t < line1; t++) {
        line = this.lines[t];
        if (column >= line.length - 1) break;
        const c = line[column];
        const w = c.width + this.padding;
        if (w > width) width = w;
        if (c.width > 0 || c.htab) discardable = false;
      }
      if (discardable && this.flags & FLAG_DISCARD_EMPTY) width = 0;
      if (this.flags & FLAG_REMEMBER_WIDTHS) {
        if (this.maxwidths.length < this.widths.length) this.maxwidths.push(...this.widths.slice(this.maxwidths.length));
        const k = this.widths.length;
        if (this.maxwidths.length === k) this.maxwidths.push(width);
        else if (this.maxwidths[k] > width) width = this.maxwidths[k];
        else if (this.maxwidths[k] < width) this.maxwidths[k] = width;
      }
      this.widths.push(width);
      pos = this.format(pos, line0, t);
      this.widths.pop();
      line0 = t;
    }
    return this.writeLines(pos, line0, line1);
  }

  private append(text: string): void {
    this.buf += text;
    this.cell.size += text.length;
  }

  private updateWidth(): void {
    this.cell.width += runeCount(this.buf.slice(this.pos));
    this.pos = this.buf.length;
  }

  private terminateCell(htab: boolean): number {
    this.cell.htab = htab;
    const line = this.lines[this.lines.length - 1];
    line.push(this.cell);
    this.cell = { size: 0, width: 0, htab: false };
    return line.length;
  }

  write(text: string): void {
    let n = 0;
    for (let i = 0; i < text.length; i++) {
      const ch = text[i];
      if (ch === '\t' || ch === '\v' || ch === '\n' || ch === '\f') {
        this.append(text.slice(n, i));
        this.updateWidth();
        n = i + 1;
        const ncells = this.terminateCell(ch === '\t');
        if (ch === '\n' || ch === '\f') {
          this.lines.push([]);
          if (ch === '\f' || ncells === 1) this.flush();
        }
      }
    }
    this.append(text.slice(n));
  }

  flush(): void {
    if (this.cell.size > 0) this.terminateCell(false);
    this.format(0, 0, this.lines.length);
    this.reset();
  }

  rememberedWidths(): number[] {
    return [...this.maxwidths];
  }

  setRememberedWidths(w: number[] | null): void {
    this.maxwidths = w ? [...w] : [];
  }
}

/** kubectl's table writer (printers.GetNewTabWriter): minwidth 6, tabwidth 4, padding 3, spaces, RememberWidths. */
export function newTableWriter(output: (s: string) => void): TabWriter {
  return new TabWriter(output, 6, 4, 3, ' ', FLAG_REMEMBER_WIDTHS);
}

/** The writer describe uses (tabwriter.NewWriter(out, 0, 8, 2, ' ', 0)). */
export function newDescribeWriter(output: (s: string) => void): TabWriter {
  return new TabWriter(output, 0, 8, 2, ' ', 0);
}

/** Formats a whole text at once through a writer built by `make`. */
export function tabulate(text: string, make: (o: (s: string) => void) => TabWriter = newTableWriter): string {
  let out = '';
  const w = make((s) => (out += s));
  w.write(text);
  w.flush();
  return out;
}
