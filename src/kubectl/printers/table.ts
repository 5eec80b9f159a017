/**
 * cli-runtime's HumanReadablePrinter for server-side Tables: uppercase headers, priority-1
 * columns only with `-o wide`, the NAMESPACE column (`-A`), label columns (`-L`, `--show-labels`),
 * `kind/` name prefixes when several types print together, and watch tables that reuse the
 * first event's columns.
 */
import { goSprint } from '../util/gofmt';
import { formatGoFloat } from '../util/gofloat';
import type { TabWriter } from './tabwriter';

export interface ColumnDef {
  name: string;
  type?: string;
  format?: string;
  priority?: number;
}

export interface TableRow {
  cells: unknown[];
  object?: { metadata?: { namespace?: string; labels?: Record<string, string> } } & Record<string, unknown>;
  conditions?: unknown[];
}

export interface TableObj {
  kind?: string;
  columnDefinitions?: ColumnDef[];
  rows?: TableRow[];
  metadata?: Record<string, unknown>;
}

export interface PrintOptions {
  noHeaders?: boolean;
  wide?: boolean;
  withNamespace?: boolean;
  showLabels?: boolean;
  columnLabels?: string[];
  withKind?: boolean;
  /** GroupKind as `Deployment.apps` / `Pod`. */
  kind?: string;
}

/** labels.FormatLabels: sorted `k=v` joined by commas, or `<none>`. */
export function formatLabels(labels: Record<string, string> | undefined): string {
  const keys = Object.keys(labels ?? {}).sort();
  if (!keys.length) return '<none>';
  return keys.map((k) => `${k}=${labels![k]}`).join(',');
}

/** printers.EscapeTerminal. */
export function escapeTerminal(s: string): string {
  return s.replace(/\x1b/g, '^[').replace(/\r/g, '\\r');
}

function cellText(cell: unknown): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'string') {
    const i = cell.search(/[\f\n\r]/);
    return i >= 0 ? `${escapeTerminal(cell.slice(0, i))}...` : escapeTerminal(cell);
  }
  if (typeof cell === 'number') return Number.isInteger(cell) ? String(cell) : formatGoFloat(cell, 'g');
  return escapeTerminal(goSprint(cell));
}

const sameColumns = (a: ColumnDef[] | undefined, b: ColumnDef[] | undefined) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

function formatLabelHeaders(labels: string[]): string[] {
  return labels.map((l) => l.split('/').pop()!.toUpperCase());
}

export class HumanReadablePrinter {
  private lastColumns: ColumnDef[] | undefined;
  private printedHeaders = false;

  constructor(private readonly options: PrintOptions) {}

  /** Prints one Table (a list's rows, or one watch event's row) into the writer. */
  printTable(table: TableObj, w: TabWriter, eventType?: string): void {
    const opts = { ...this.options };
    let columns = table.columnDefinitions ?? [];
    if (this.printedHeaders && (columns.length === 0 || sameColumns(columns, this.lastColumns))) opts.noHeaders = true;
    if (columns.length === 0) columns = this.lastColumns ?? [];
    else if (!sameColumns(columns, this.lastColumns)) {
      this.lastColumns = columns;
      this.printedHeaders = false;
    }
    let rows = (table.rows ?? []).map((r) => ({ ...r, cells: [...r.cells] }));
    if (rows.length > 0) this.printedHeaders = true;
    ({ columns, rows } = decorate(columns, rows, opts));
    if (eventType) {
      columns = [{ name: 'Event', type: 'string' }, ...columns];
      rows = rows.map((r) => ({ ...r, cells: [formatEventType(eventType), ...r.cells] }));
    }
    printRows(columns, rows, w, opts);
  }
}

function formatEventType(t: string): string {
  return ({ ADDED: 'ADDED   ', MODIFIED: 'MODIFIED', DELETED: 'DELETED ', ERROR: 'ERROR   ' } as Record<string, string>)[t] ?? t;
}

/** decorateTable: namespace and label columns, kind-prefixed names. */
function decorate(columns: ColumnDef[], rows: TableRow[], o: PrintOptions): { columns: ColumnDef[]; rows: TableRow[] } {
  const labels = o.columnLabels ?? [];
  let width = columns.length + labels.length;
  if (o.withNamespace) width++;
  if (o.showLabels) width++;
  let nameColumn = -1;
  if (o.withKind && o.kind) nameColumn = columns.findIndex((c) => c.format === 'name' && c.type === 'string');
  let cols = columns;
  if (width !== columns.length) {
    cols = [];
    if (o.withNamespace) cols.push({ name: 'Namespace', type: 'string' });
    cols.push(...columns);
    for (const l of formatLabelHeaders(labels)) cols.push({ name: l, type: 'string' });
    if (o.showLabels) cols.push({ name: 'Labels', type: 'string' });
  }
  const includeLabels = labels.length > 0 || !!o.showLabels;
  if (includeLabels || o.withNamespace || nameColumn !== -1) {
    for (const row of rows) {
      if (nameColumn !== -1) row.cells[nameColumn] = `${o.kind!.toLowerCase()}/${cellText(row.cells[nameColumn])}`;
      const m = row.object?.metadata;
      if (!m) {
        if (o.withNamespace) row.cells.unshift(null);
        while (row.cells.length < width) row.cells.push(null);
        continue;
      }
      if (o.withNamespace) row.cells.unshift(m.namespace ?? '');
      if (includeLabels) {
        for (const k of labels) row.cells.push(m.labels?.[k] ?? '');
        if (o.showLabels) row.cells.push(formatLabels(m.labels));
      }
    }
  }
  return { columns: cols, rows };
}

/** printTable: headers unless there are no rows, then each row's visible cells. */
function printRows(columns: ColumnDef[], rows: TableRow[], w: TabWriter, o: PrintOptions): void {
  if (!o.noHeaders) {
    if (rows.length === 0) return;
    w.write(`${columns.filter((c) => o.wide || !c.priority).map((c) => c.name.toUpperCase()).join('\t')}\n`);
  }
  for (const row of rows) {
    const cells: string[] = [];
    row.cells.forEach((cell, i) => {
      if (i >= columns.length) return;
      if (!o.wide && columns[i].priority) return;
      cells.push(cellText(cell));
    });
    w.write(`${cells.join('\t')}\n`);
  }
}
