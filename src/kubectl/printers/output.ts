/**
 * `-o` for objects (not server tables): yaml, json, name, jsonpath, jsonpath-as-json,
 * custom-columns — resolved from the flag as genericclioptions/get PrintFlags do, with their
 * error texts — plus the default "resource/name verb" success line.
 */
import { goSharpV } from '../util/gofmt';
import type { Obj } from '../util/manifest';
import { CustomColumnsPrinter, parseCustomColumns } from './customcolumns';
import { STRUCTS, structTypeOf } from './gotypes/index';
import { goJsonIndent, printJson, printTypedJson } from './json';
import { JsonPath } from './jsonpath/jsonpath';
import { newTableWriter } from './tabwriter';
import { toYaml } from './yaml/emitter';

export interface ObjectPrinter {
  print(obj: Obj): string;
}

/** kubectl hides managedFields unless --show-managed-fields. */
export function stripManagedFields(obj: Obj): Obj {
  const strip = (o: Obj): Obj => {
    if (!o?.metadata || !('managedFields' in o.metadata)) return o;
    const md = { ...o.metadata };
    delete md.managedFields;
    return { ...o, metadata: md };
  };
  if (Array.isArray(obj.items)) return { ...strip(obj), items: (obj.items as Obj[]).map(strip) };
  return strip(obj);
}

/** `deployment.apps/web`, from the object's own apiVersion and kind. */
export function nameOf(obj: Obj): string {
  const av = String(obj.apiVersion ?? '');
  const group = av.includes('/') ? av.split('/')[0] : '';
  const kind = String(obj.kind ?? '').toLowerCase();
  return `${kind}${group ? `.${group}` : ''}/${obj.metadata?.name ?? ''}`;
}

export class NoCompatiblePrinterError extends Error {
  constructor(format: string, allowed: string[]) {
    super(`unable to match a printer suitable for the output format "${format}", allowed formats are: ${[...allowed].sort().join(',')}`);
  }
}

export const GENERIC_FORMATS = ['json', 'yaml', 'name', 'go-template', 'go-template-file', 'template', 'templatefile', 'jsonpath', 'jsonpath-as-json', 'jsonpath-file'];
export const GET_FORMATS = [...GENERIC_FORMATS.slice(0, 2), ...GENERIC_FORMATS.slice(2), 'custom-columns', 'custom-columns-file', 'wide'];

class YamlPrinter implements ObjectPrinter {
  private count = 0;
  constructor(private readonly managed: boolean) {}
  print(obj: Obj): string {
    const sep = this.count++ > 0 ? '---\n' : '';
    return sep + toYaml(this.managed ? obj : stripManagedFields(obj));
  }
}

class JsonPrinter implements ObjectPrinter {
  constructor(
    private readonly managed: boolean,
    private readonly typed: boolean,
  ) {}
  print(obj: Obj): string {
    const o = this.managed ? obj : stripManagedFields(obj);
    const type = this.typed ? structTypeOf(String(obj.apiVersion ?? ''), String(obj.kind ?? '')) : undefined;
    return type ? printTypedJson(o, STRUCTS, type) : printJson(o);
  }
}

class NamePrinter implements ObjectPrinter {
  constructor(private readonly operation = '') {}
  print(obj: Obj): string {
    if (Array.isArray(obj.items) && String(obj.kind).endsWith('List')) return (obj.items as Obj[]).map((o) => this.print(o)).join('');
    return `${nameOf(obj)}${this.operation ? ` ${this.operation}` : ''}\n`;
  }
}

class JsonPathPrinter implements ObjectPrinter {
  private readonly jp: JsonPath;
  constructor(
    private readonly template: string,
    allowMissing: boolean,
    asJson: boolean,
  ) {
    this.jp = new JsonPath(template);
    this.jp.allowMissingKeys = allowMissing;
    this.jp.outputJson = asJson;
  }
  print(obj: Obj): string {
    try {
      return this.jp.execute(obj);
    } catch (e) {
      const dbg = `Error executing template: ${(e as Error).message}. Printing more information for debugging the template:\n\ttemplate was:\n\t\t${this.template}\n\tobject given to jsonpath engine was:\n\t\t${goSharpV(obj)}\n\n`;
      throw new Error(`error executing jsonpath ${JSON.stringify(this.template)}: ${dbg}\n`);
    }
  }
}

export interface OutputSpec {
  format: string;
  template?: string;
  allowMissingTemplateKeys?: boolean;
  showManagedFields?: boolean;
  noHeaders?: boolean;
  /** The verb for the default printer (`created`), when there is no -o. */
  operation?: string;
  /** The object is a typed Go struct in kubectl (generators, events): JSON keeps field order. */
  typed?: boolean;
  /** Reads a file for the -file formats. */
  readFile?: (p: string) => string | undefined;
}

/** Builds the printer for an -o value; throws NoCompatiblePrinterError or a template error. */
export function objectPrinter(spec: OutputSpec, allowed: string[]): ObjectPrinter | undefined {
  let format = spec.format;
  let template = spec.template ?? '';
  for (const f of ['jsonpath', 'jsonpath-as-json', 'jsonpath-file', 'custom-columns', 'custom-columns-file', 'go-template', 'go-template-file', 'template', 'templatefile']) {
    if (format.startsWith(`${f}=`)) {
      template = format.slice(f.length + 1);
      format = f;
      break;
    }
  }
  if (!template && !format) return undefined;
  if (template && !format) format = 'go-template';
  if (!allowed.includes(format)) throw new NoCompatiblePrinterError(spec.format, allowed);
  const managed = !!spec.showManagedFields;
  switch (format) {
    case 'yaml':
      return new YamlPrinter(managed);
    case 'json':
      return new JsonPrinter(managed, !!spec.typed);
    case 'name':
      return new NamePrinter(spec.operation && spec.format !== 'name' ? spec.operation : '');
    case 'jsonpath':
    case 'jsonpath-as-json':
    case 'jsonpath-file': {
      if (!template) throw new Error('template format specified but no template given');
      if (format === 'jsonpath-file') {
        const t = spec.readFile?.(template);
        if (t === undefined) throw new Error(`error reading --template ${template}, open ${template}: no such file or directory`);
        template = t;
      }
      try {
        return new JsonPathPrinter(template, spec.allowMissingTemplateKeys !== false, format === 'jsonpath-as-json');
      } catch (e) {
        throw new Error(`error parsing jsonpath ${template}, ${(e as Error).message}`);
      }
    }
    case 'custom-columns':
    case 'custom-columns-file': {
      if (format === 'custom-columns-file') {
        const t = spec.readFile?.(template);
        if (t === undefined) throw new Error(`error reading template ${template}, open ${template}: no such file or directory`);
        return new CustomColumnsPrinter(parseCustomColumns(t, true), false);
      }
      if (!template) throw new Error('custom-columns format specified but no custom columns given');
      return new CustomColumnsPrinter(parseCustomColumns(template, false), !!spec.noHeaders);
    }
    default:
      throw new Error(`${format} output is not supported by kubeplay's kubectl (use -o jsonpath or -o custom-columns)`);
  }
}

/** The default printer of mutating commands: `deployment.apps/web created`. */
export function successLine(obj: Obj, operation: string): string {
  return `${nameOf(obj)} ${operation}\n`;
}

/** PrintFlags.Complete("%s (dry run)"): the verb as printed under --dry-run. */
export function withDryRun(operation: string, dry: 'none' | 'client' | 'server'): string {
  if (dry === 'client') return `${operation} (dry run)`;
  if (dry === 'server') return `${operation} (server dry run)`;
  return operation;
}

export { goJsonIndent, newTableWriter };
