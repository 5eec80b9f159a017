/**
 * `kubectl get` (kubectl pkg/cmd/get/get.go): server-side tables for human output (with
 * NAMESPACE, label and kind decorations, `--sort-by`, blank lines between types), objects for
 * -o yaml|json|name|jsonpath|custom-columns (one object, or a `List`), `-w` watches, `--raw`.
 */
import type { Command, Cmd } from '../cli/command';
import { allNamespacesFlag, fieldSelectorFlag, filenameFlags, printFlags, selectorFlag } from '../cli/common';
import { TABLE_ACCEPT } from '../client/paths';
import { groupKindString } from '../discovery/types';
import { aggregate, StatusError, UsageError } from '../errors';
import { GET_FORMATS, objectPrinter, type ObjectPrinter } from '../printers/output';
import { HumanReadablePrinter, type TableObj } from '../printers/table';
import { newTableWriter } from '../printers/tabwriter';
import { build, type Info } from '../resource/builder';
import type { Obj } from '../util/manifest';
import { sortObjects, sortTableRows } from './get/sort';
import { runWatch } from './get/watch';

export const getFlags = [
  ...printFlags,
  { name: 'raw', type: 'string' as const, usage: 'Raw URI to request from the server.' },
  { name: 'watch', short: 'w', type: 'bool' as const, usage: 'After listing/getting the requested object, watch for changes.' },
  { name: 'watch-only', type: 'bool' as const, usage: 'Watch for changes to the requested object(s), without listing/getting first.' },
  { name: 'output-watch-events', type: 'bool' as const, usage: 'Output watch event objects when --watch or --watch-only is used.' },
  { name: 'ignore-not-found', type: 'bool' as const, usage: 'If the requested object does not exist the command will return exit code 0.' },
  fieldSelectorFlag,
  allNamespacesFlag,
  { name: 'server-print', type: 'bool' as const, default: true, usage: 'If true, have the server return the appropriate table output.' },
  ...filenameFlags('identifying the resource to get from a server.'),
  { name: 'chunk-size', type: 'int' as const, default: 500, usage: 'Return large lists in chunks rather than all at once.' },
  selectorFlag,
  { name: 'subresource', type: 'string' as const, usage: 'If specified, gets the subresource of the requested object.' },
  { name: 'show-kind', type: 'bool' as const, usage: 'If present, list the resource type for the requested object(s).' },
  { name: 'show-labels', type: 'bool' as const, usage: 'When printing, show all labels as the last column (default hide labels column)' },
  { name: 'sort-by', type: 'string' as const, usage: 'If non-empty, sort list types using this field specification.' },
  { name: 'label-columns', short: 'L', type: 'stringSlice' as const, usage: 'Accepts a comma separated list of labels that are going to be presented as columns.' },
  { name: 'no-headers', type: 'bool' as const, usage: "When using the default or custom-column output format, don't print headers (default print headers)." },
];

export interface GetPlan {
  output: string;
  human: boolean;
  serverPrint: boolean;
  sortBy: string;
}

export function getPlan(cmd: Cmd): GetPlan {
  const output = cmd.str('output');
  let serverPrint = cmd.bool('server-print');
  if (output.includes('custom-columns') || output === 'yaml' || output.includes('json')) serverPrint = false;
  const human = (output === '' && !cmd.str('template')) || output === 'wide';
  return { output, human, serverPrint, sortBy: cmd.str('sort-by') };
}

export function makeObjectPrinter(cmd: Cmd): ObjectPrinter {
  const p = objectPrinter(
    {
      format: cmd.str('output'),
      template: cmd.str('template'),
      allowMissingTemplateKeys: cmd.bool('allow-missing-template-keys'),
      showManagedFields: cmd.bool('show-managed-fields'),
      noHeaders: cmd.bool('no-headers'),
    },
    GET_FORMATS,
  );
  if (!p) throw new Error('unable to match a printer');
  return p;
}

async function run(cmd: Cmd): Promise<void> {
  const plan = getPlan(cmd);
  if (cmd.str('raw')) return raw(cmd);
  // Complete
  const watching = cmd.bool('watch') || cmd.bool('watch-only');
  if (watching && plan.sortBy) cmd.err(`warning: --${cmd.bool('watch') ? 'watch' : 'watch-only'} requested, --sort-by will be ignored${cmd.bool('watch') ? ' for watch events received' : ''}\n`);
  if (!watching && cmd.args.length === 0 && !cmd.list('filename').length) {
    cmd.err(`You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.\n\n`);
    throw new UsageError('Required resource not specified.\nUse "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).', 'kubectl get');
  }
  // Validate
  if (cmd.bool('show-labels') && plan.output !== '' && plan.output !== 'wide') throw new Error(`--show-labels option cannot be used with ${plan.output} printer`);
  if (cmd.bool('output-watch-events') && !watching) throw new Error('--output-watch-events option can only be used with --watch or --watch-only');
  if (watching) return runWatch(cmd, plan);

  const tables = plan.serverPrint && plan.human;
  const result = await build(cmd, {
    args: cmd.args,
    filenames: cmd.list('filename'),
    recursive: cmd.bool('recursive'),
    labelSelector: cmd.has('selector') ? cmd.str('selector') : undefined,
    fieldSelector: cmd.str('field-selector') || undefined,
    allNamespaces: cmd.bool('all-namespaces'),
    allowEmptySelector: true,
    latest: true,
    flatten: true,
    accept: tables ? TABLE_ACCEPT : undefined,
    extraQuery: tables && plan.sortBy ? { includeObject: 'Object' } : undefined,
    chunkSize: plan.sortBy ? 0 : cmd.int('chunk-size'),
  });
  let errors = result.errors;
  if (cmd.bool('ignore-not-found')) errors = errors.filter((e) => !(e instanceof StatusError && e.reason === 'NotFound'));
  if (!plan.human) return printGeneric(cmd, plan, result.infos, errors, result.singleItemImplied);
  printHuman(cmd, plan, result.infos, errors);
  const err = aggregate(errors);
  if (err) throw err;
}

function printHuman(cmd: Cmd, plan: GetPlan, infos: Info[], errors: Error[]): void {
  const gvks = new Set(infos.map((i) => `${i.mapping.group}/${i.mapping.version}/${i.mapping.kind}`));
  const withKind = (infos.length >= 2 && gvks.size > 1) || cmd.bool('show-kind');
  if (plan.sortBy) for (const info of infos) if (info.object?.kind === 'Table') sortTableRows(info.object as TableObj, plan.sortBy);
  let written = 0;
  let separator = false;
  const w = newTableWriter((s) => {
    if (s.length && separator) {
      cmd.out('\n');
      separator = false;
    }
    written += s.length;
    cmd.out(s);
  });
  let printer: HumanReadablePrinter | undefined;
  let last: Info['mapping'] | undefined;
  let allNamespaced = !cmd.bool('all-namespaces');
  for (const info of infos) {
    allNamespaced = allNamespaced && info.mapping.namespaced;
    if (!printer || !last || info.mapping.resource !== last.resource || info.mapping.group !== last.group) {
      w.flush();
      w.setRememberedWidths(null);
      if (last && !cmd.bool('no-headers') && written > 0) separator = true;
      printer = new HumanReadablePrinter({
        noHeaders: cmd.bool('no-headers'),
        wide: plan.output === 'wide',
        withNamespace: cmd.bool('all-namespaces') && info.mapping.namespaced,
        showLabels: cmd.bool('show-labels'),
        columnLabels: cmd.list('label-columns'),
        withKind,
        kind: withKind ? groupKindString(info.mapping) : undefined,
      });
      last = info.mapping;
    }
    printer.printTable(asTable(info), w);
  }
  w.flush();
  if (written === 0 && !cmd.bool('ignore-not-found') && errors.length === 0) {
    if (allNamespaced) cmd.err(`No resources found in ${cmd.namespace} namespace.\n`);
    else cmd.err('No resources found\n');
  }
}

/** An object that is not a Table (--server-print=false) prints as NAME / AGE rows. */
function asTable(info: Info): TableObj {
  const o = info.object as Obj;
  if (o?.kind === 'Table') return o as TableObj;
  const items = Array.isArray(o?.items) ? (o.items as Obj[]) : [o];
  return {
    columnDefinitions: [
      { name: 'Name', type: 'string', format: 'name' },
      { name: 'Age', type: 'string' },
    ],
    rows: items.map((it) => ({ cells: [it.metadata?.name ?? '', '<unknown>'], object: it as never })),
  };
}

function printGeneric(cmd: Cmd, plan: GetPlan, infos: Info[], errors: Error[], singleItemImplied: boolean): void {
  if (errors.length && singleItemImplied && infos.length === 0) throw aggregate(errors)!;
  if (infos.length === 0 && cmd.bool('ignore-not-found')) {
    const e = aggregate(errors);
    if (e) throw e;
    return;
  }
  const printer = makeObjectPrinter(cmd);
  let obj: Obj;
  if (!singleItemImplied || infos.length !== 1) {
    let items = infos.map((i) => i.object as Obj);
    if (plan.sortBy) items = sortObjects(items, plan.sortBy);
    obj = { apiVersion: 'v1', items, kind: 'List', metadata: { resourceVersion: '' } };
  } else obj = infos[0].object as Obj;
  cmd.out(printer.print(obj));
  const e = aggregate(errors);
  if (e) throw e;
}

async function raw(cmd: Cmd): Promise<void> {
  if (cmd.args.length) throw new Error('arguments may not be passed when --raw is specified');
  const url = new URL(cmd.str('raw'), 'http://localhost');
  const query: Record<string, string> = {};
  url.searchParams.forEach((v, k) => (query[k] = v));
  const body = await cmd.client.text({ path: url.pathname, query, accept: 'application/json, */*' });
  cmd.out(body);
}

export const getCommand: Command = {
  name: 'get',
  short: 'Display one or many resources',
  use: 'get [(-o|--output=)json|yaml|name|go-template|go-template-file|template|templatefile|jsonpath|jsonpath-as-json|jsonpath-file|custom-columns|custom-columns-file|wide] (TYPE[.VERSION][.GROUP] [NAME | -l label] | TYPE[.VERSION][.GROUP]/NAME ...) [flags]',
  flags: getFlags,
  run,
};
