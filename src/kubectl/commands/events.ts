/**
 * `kubectl events` (pkg/cmd/events): a client-side table of core/v1 events (LAST SEEN, TYPE,
 * REASON, OBJECT, MESSAGE), optionally only those about one object (`--for kind/name`, as a field
 * selector) or of some types, sorted by time; `-w` prints events as they arrive instead.
 */
import type { Command, Cmd } from '../cli/command';
import { allNamespacesFlag, printFlags } from '../cli/common';
import { watch } from '../client/watch';
import type { J } from '../describe/format';
import { NoResourceMatchError } from '../errors';
import { GENERIC_FORMATS, objectPrinter, type ObjectPrinter } from '../printers/output';
import { escapeTerminal } from '../printers/table';
import { newTableWriter, type TabWriter } from '../printers/tabwriter';
import { listObjects } from '../resource/builder';
import { goSort } from '../util/gosort';
import { humanDuration } from '../../cluster/api/duration';
import { resourcePath } from '../client/paths';
import type { Obj } from '../util/manifest';

const EVENTS = { group: '', version: 'v1', resource: 'events', kind: 'Event', singular: 'event', namespaced: true, verbs: [], shortNames: [], categories: [], subresources: [], preferred: true };

/** fields.EscapeValue: `\`, `,` and `=` are escaped in field selector values. */
const escapeField = (v: string) => v.replace(/\\/g, '\\\\').replace(/,/g, '\\,').replace(/=/g, '\\=');

const ZERO = -62135596800000;
const ms = (t: string | undefined | null) => (t ? Date.parse(t) : ZERO);

/** eventTime(): the series' last observation, else lastTimestamp, else eventTime. */
function eventTime(e: J): number {
  if (e.series) return ms(e.series.lastObservedTime);
  if (e.lastTimestamp) return ms(e.lastTimestamp);
  return ms(e.eventTime);
}

/** EventPrinter: headers once, then one line per event, through a width-remembering tabwriter. */
class EventPrinter {
  private headersPrinted = false;
  constructor(
    private readonly noHeaders: boolean,
    private readonly allNamespaces: boolean,
    private readonly now: () => number,
  ) {}

  private since(t: string | undefined | null): string {
    return t ? humanDuration(this.now() - Date.parse(t)) : '<unknown>';
  }

  private interval(e: J): string {
    const first = e.eventTime ? this.since(e.eventTime) : this.since(e.firstTimestamp);
    if (e.series) return `${this.since(e.series.lastObservedTime)} (x${e.series.count ?? 0} over ${first})`;
    if ((e.count ?? 0) > 1) return `${this.since(e.lastTimestamp)} (x${e.count} over ${first})`;
    return first;
  }

  print(events: J[], w: TabWriter): void {
    if (!this.noHeaders && !this.headersPrinted) {
      w.write(`${this.allNamespaces ? 'NAMESPACE\t' : ''}LAST SEEN\tTYPE\tREASON\tOBJECT\tMESSAGE\n`);
      this.headersPrinted = true;
    }
    for (const e of events) {
      const ns = this.allNamespaces ? `${e.metadata?.namespace ?? ''}\t` : '';
      const obj = `${escapeTerminal(e.involvedObject?.kind ?? '')}/${escapeTerminal(e.involvedObject?.name ?? '')}`;
      w.write(`${ns}${this.interval(e)}\t${escapeTerminal(e.type ?? '')}\t${escapeTerminal(e.reason ?? '')}\t${obj}\t${escapeTerminal(String(e.message ?? '').trim())}\n`);
    }
  }
}

/** decodeResourceTypeName: `pod/web` → the involvedObject field selector terms. */
async function forSelector(cmd: Cmd, s: string): Promise<string> {
  if (!s.includes('/')) throw new Error('--for must be in resource/name form');
  const seg = s.split('/');
  if (seg.length !== 2) throw new Error('arguments in resource/name form may not have more than one slash');
  const [resource, name] = seg;
  const mapper = await cmd.mapper();
  const arg = resource.toLowerCase();
  const dots = arg.split('.');
  let m = dots.length >= 3 ? mapper.resourceFor(dots[0], dots.slice(2).join('.'), dots[1]) : undefined;
  if (!m) {
    const i = arg.indexOf('.');
    m = i >= 0 ? mapper.resourceFor(arg.slice(0, i), arg.slice(i + 1), '') : mapper.resourceFor(arg, '', '');
  }
  if (!m) {
    const i = arg.indexOf('.');
    throw i >= 0 ? new NoResourceMatchError(arg.slice(0, i), arg.slice(i + 1)) : new NoResourceMatchError(arg);
  }
  const gv = m.group ? `${m.group}/${m.version}` : m.version;
  return [`involvedObject.kind=${escapeField(m.kind)}`, `involvedObject.apiVersion=${escapeField(gv)}`, `involvedObject.name=${escapeField(name)}`].join(',');
}

async function run(cmd: Cmd): Promise<void> {
  const all = cmd.bool('all-namespaces');
  const fieldSelector = cmd.str('for') ? await forSelector(cmd, cmd.str('for')) : undefined;
  // sets.NewString(...).List(): deduplicated and sorted.
  const types = [...new Set(cmd.list('types'))].sort();
  for (const t of types) if (t.toLowerCase() !== 'normal' && t.toLowerCase() !== 'warning') throw new Error('valid --types are Normal or Warning');
  const wanted = (t: string | undefined) => !types.length || types.some((x) => x.toLowerCase() === String(t ?? '').toLowerCase());
  let printer: ObjectPrinter | undefined;
  if (cmd.str('output')) printer = objectPrinter({ format: cmd.str('output'), template: cmd.str('template'), allowMissingTemplateKeys: cmd.bool('allow-missing-template-keys'), showManagedFields: cmd.bool('show-managed-fields'), typed: true }, GENERIC_FORMATS);
  const table = new EventPrinter(cmd.bool('no-headers'), all, cmd.now);
  const w = newTableWriter((s) => cmd.out(s));
  const ns = all ? '' : cmd.namespace;
  const typed = (e: J): J => (e.kind ? e : { ...e, kind: 'Event', apiVersion: 'v1' });

  if (cmd.bool('watch')) {
    const query: Record<string, string> = { watch: 'true' };
    if (fieldSelector) query.fieldSelector = fieldSelector;
    await watch(cmd, { path: resourcePath(EVENTS, ns), query }, (ev) => {
      if (ev.type === 'DELETED' || ev.type === 'BOOKMARK' || ev.type === 'ERROR') return;
      const e = ev.object as J;
      if (!wanted(e.type)) return;
      if (printer) cmd.out(printer.print(typed(e) as Obj));
      else table.print([e], w);
      w.flush();
    });
    return;
  }

  const list = await listObjects(cmd, EVENTS, ns, { fieldSelector, chunkSize: cmd.int('chunk-size') });
  const items = ((list.items as J[]) ?? []).filter((e) => wanted(e.type)).map(typed);
  if (!items.length) {
    cmd.err(all ? 'No events found.\n' : `No events found in ${cmd.namespace} namespace.\n`);
    return;
  }
  const sorted = goSort(items, (a, b) => eventTime(a) < eventTime(b));
  // The name printer refuses typed lists (an error kubectl ignores): `-o name` prints nothing.
  const nameFormat = cmd.str('output') === 'name';
  if (printer && !nameFormat) cmd.out(printer.print({ kind: 'EventList', apiVersion: 'v1', metadata: {}, items: sorted } as Obj));
  else if (!printer) table.print(sorted, w);
  w.flush();
}

export const eventsCommand: Command = {
  name: 'events',
  short: 'List events',
  use: 'events [(-o|--output=)json|yaml|name|go-template|go-template-file|template|templatefile|jsonpath|jsonpath-as-json|jsonpath-file] [--for TYPE/NAME] [--watch] [--types=Normal,Warning]',
  noArgs: false,
  flags: [
    { name: 'watch', short: 'w', type: 'bool', usage: 'After listing the requested events, watch for more events.' },
    { ...allNamespacesFlag, usage: 'If present, list the requested object(s) across all namespaces. Namespace in current context is ignored even if specified with --namespace.' },
    { name: 'for', type: 'string', usage: 'Filter events to only those pertaining to the specified resource.' },
    { name: 'types', type: 'stringSlice', usage: 'Output only events of given types.' },
    { name: 'no-headers', type: 'bool', usage: "When using the default output format, don't print headers." },
    { name: 'chunk-size', type: 'int', default: 500, usage: 'Return large lists in chunks rather than all at once. Pass 0 to disable. This flag is beta and may change in the future.' },
    ...printFlags,
  ],
  run,
};
