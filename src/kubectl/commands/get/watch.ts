/**
 * `kubectl get -w` / `--watch-only`: print the current list (or object), then every change from
 * a watch started at the list's resourceVersion (or at "0" with a name field selector for a single
 * object, skipping its synthetic first ADDED), sharing one table writer so columns stay aligned.
 */
import type { Cmd } from '../../cli/command';
import { resourcePath, TABLE_ACCEPT } from '../../client/paths';
import { watch } from '../../client/watch';
import { goJson } from '../../printers/json';
import { HumanReadablePrinter, type TableObj } from '../../printers/table';
import { newTableWriter } from '../../printers/tabwriter';
import { build } from '../../resource/builder';
import type { Obj } from '../../util/manifest';
import { getPlan, makeObjectPrinter, type GetPlan } from '../get';

export async function runWatch(cmd: Cmd, plan: GetPlan): Promise<void> {
  const tables = plan.serverPrint && plan.human;
  const accept = tables ? TABLE_ACCEPT : undefined;
  const result = await build(cmd, {
    args: cmd.args,
    filenames: cmd.list('filename'),
    labelSelector: cmd.has('selector') ? cmd.str('selector') : undefined,
    fieldSelector: cmd.str('field-selector') || undefined,
    allNamespaces: cmd.bool('all-namespaces'),
    allowEmptySelector: true,
    latest: true,
    singleResourceType: true,
    accept,
    chunkSize: cmd.int('chunk-size'),
    stopOnError: true,
  });
  if (result.errors.length) throw result.errors[0];
  const gvks = new Set(result.infos.map((i) => `${i.mapping.group}/${i.mapping.kind}`));
  if (gvks.size > 1) throw new Error('watch is only supported on individual resources and resource collections - more than 1 resource was found');
  const info = result.infos[0];
  if (!info) return;
  const withEvents = cmd.bool('output-watch-events');
  const out = (s: string) => cmd.out(s);
  const w = newTableWriter(out);
  let print: (o: Obj, type?: string) => void;
  if (plan.human) {
    const printer = new HumanReadablePrinter({
      noHeaders: cmd.bool('no-headers'),
      wide: plan.output === 'wide',
      withNamespace: cmd.bool('all-namespaces'),
      showLabels: cmd.bool('show-labels'),
      columnLabels: cmd.list('label-columns'),
    });
    print = (o, type) => {
      printer.printTable(o.kind === 'Table' ? (o as TableObj) : { rows: [] }, w, type);
      w.flush();
    };
  } else {
    const printer = makeObjectPrinter(cmd);
    const json = plan.output === 'json';
    print = (o, type) => out(type && json ? `${goJson({ type, object: o })}\n` : printer.print(type && !json ? { type, object: o } : o));
  }
  let outputObjects = !cmd.bool('watch-only');
  const obj = info.object as Obj;
  const isList = !!info.isList;
  let rv = '0';
  if (isList) rv = String((obj.metadata as { resourceVersion?: string })?.resourceVersion ?? '0');
  if (outputObjects) {
    if (plan.human) print(obj, withEvents ? 'ADDED' : undefined);
    else {
      const items = isList ? ((obj.items as Obj[]) ?? []) : [obj];
      for (const it of items) print(it, withEvents ? 'ADDED' : undefined);
    }
  }
  // Lists' watches start after the list (no synthetic events); a single object's starts at "0"
  // and first replays it, which was just printed.
  outputObjects = isList;
  const query: Record<string, string> = { resourceVersion: rv, watch: 'true' };
  if (!isList) query.fieldSelector = `metadata.name=${info.name}`;
  else {
    if (cmd.has('selector') && cmd.str('selector')) query.labelSelector = cmd.str('selector');
    if (cmd.str('field-selector')) query.fieldSelector = cmd.str('field-selector');
  }
  await watch(cmd, { path: resourcePath(info.mapping, info.namespace), query, accept }, (e) => {
    if (e.type === 'BOOKMARK') return;
    if (e.type === 'ERROR') throw new Error(String((e.object as { message?: string }).message ?? 'watch error'));
    if (outputObjects) print(e.object, withEvents ? e.type : undefined);
    outputObjects = true;
  });
}

export { getPlan };
