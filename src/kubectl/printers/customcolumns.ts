/** kubectl's custom-columns printer (`-o custom-columns=NAME:.metadata.name,...`). */
import { goSprint } from '../util/gofmt';
import type { Obj } from '../util/manifest';
import { JsonPath } from './jsonpath/jsonpath';
import type { ObjectPrinter } from './output';
import { escapeTerminal } from './table';
import { newTableWriter } from './tabwriter';

export interface Column {
  header: string;
  spec: string;
}

/** RelaxedJSONPathExpression: `a.b`, `.a.b`, `{a.b}` and `{.a.b}` all become `{.a.b}`. */
export function relaxedJsonPath(expr: string): string {
  if (expr === '') return expr;
  const m = /^\{\.?([^{}]+)\}$|^\.?([^{}]+)$/.exec(expr);
  if (!m) throw new Error("unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'");
  return `{.${m[1] || m[2]}}`;
}

export function parseCustomColumns(spec: string, fromFile: boolean): Column[] {
  if (fromFile) {
    const lines = spec.split('\n');
    if (lines.length < 1 || lines[0] === undefined) throw new Error('invalid template, missing header line. Expected format is one line of space separated headers, one line of space separated column specs.');
    if (lines.length < 2) throw new Error('invalid template, missing spec line. Expected format is one line of space separated headers, one line of space separated column specs.');
    const headers = lines[0].split(/\s+/).filter(Boolean);
    const specs = lines[1].split(/\s+/).filter(Boolean);
    if (headers.length !== specs.length) throw new Error(`number of headers (${headers.length}) and field specifications (${specs.length}) don't match`);
    return headers.map((h, i) => ({ header: h, spec: relaxedJsonPath(specs[i]) }));
  }
  return spec.split(',').map((part) => {
    const i = part.indexOf(':');
    if (i < 0) throw new Error(`unexpected custom-columns spec: ${part}, expected <header>:<json-path-expr>`);
    return { header: part.slice(0, i), spec: relaxedJsonPath(part.slice(i + 1)) };
  });
}

export class CustomColumnsPrinter implements ObjectPrinter {
  private printedHeader = false;
  constructor(
    private readonly columns: Column[],
    private readonly noHeaders: boolean,
  ) {}

  print(obj: Obj): string {
    let out = '';
    const w = newTableWriter((s) => (out += s));
    if (!this.noHeaders && !this.printedHeader) {
      w.write(`${this.columns.map((c) => c.header).join('\t')}\n`);
      this.printedHeader = true;
    }
    const parsers = this.columns.map((c) => {
      const jp = new JsonPath(c.spec);
      jp.allowMissingKeys = true;
      return jp;
    });
    const objs = Array.isArray(obj.items) && String(obj.kind ?? '').endsWith('List') ? (obj.items as Obj[]) : [obj];
    for (const o of objs) {
      const cells = parsers.map((p) => {
        const values = p.findResults(o);
        const strs: string[] = [];
        if (values.length === 0 || values[0].length === 0) strs.push('<none>');
        for (const group of values) for (const v of group) strs.push(escapeTerminal(goSprint(v)));
        return strs.join(',');
      });
      w.write(`${cells.join('\t')}\n`);
    }
    w.flush();
    return out;
  }
}
