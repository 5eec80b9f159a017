/** The generic describer (describe.go genericDescriber): metadata, then every field with "smart" labels. */
import { formatGoFloat } from '../util/gofloat';
import { describeEvents } from './events';
import { printAnnotationsMultiline, printLabelsMultiline, type Ctx, type J } from './format';
import { L0, type PrefixWriter, tabbedString } from './writer';

/** fatih/camelcase.Split. */
export function camelSplit(src: string): string[] {
  const runes: string[][] = [];
  let last = 0;
  for (const r of src) {
    const cls = /\p{Ll}/u.test(r) ? 1 : /\p{Lu}/u.test(r) ? 2 : /\p{Nd}/u.test(r) ? 3 : 4;
    if (cls === last) runes[runes.length - 1].push(r);
    else runes.push([r]);
    last = cls;
  }
  for (let i = 0; i < runes.length - 1; i++) {
    if (/\p{Lu}/u.test(runes[i][0]) && /\p{Ll}/u.test(runes[i + 1][0])) {
      runes[i + 1] = [runes[i][runes[i].length - 1], ...runes[i + 1]];
      runes[i] = runes[i].slice(0, -1);
    }
  }
  return runes.filter((r) => r.length).map((r) => r.join(''));
}

export function smartLabelFor(field: string): string {
  if ([...field].some((r) => !/\p{L}/u.test(r) && r !== '-')) return field;
  const acronyms = ['API', 'URL', 'UID', 'OSB', 'GUID'];
  return camelSplit(field)
    .filter((p) => p !== '_')
    .map((p) => (acronyms.includes(p.toUpperCase()) ? p.toUpperCase() : p.charAt(0).toUpperCase() + p.slice(1)))
    .join(' ');
}

const isMap = (v: unknown): v is J => v !== null && typeof v === 'object' && !Array.isArray(v);

function scalar(v: unknown): string {
  if (v === null || v === undefined) return '<nil>';
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : formatGoFloat(v, 'g');
  return String(v);
}

export function printUnstructuredContent(w: PrefixWriter, level: number, content: J, skipPrefix: string, skip: string[]): void {
  for (const field of Object.keys(content).sort()) {
    const value = content[field];
    const skipExpr = `${skipPrefix}.${field}`;
    if (skip.includes(skipExpr)) continue;
    if (isMap(value)) {
      w.write(level, `${smartLabelFor(field)}:\n`);
      printUnstructuredContent(w, level + 1, value, skipExpr, skip);
    } else if (Array.isArray(value)) {
      w.write(level, `${smartLabelFor(field)}:\n`);
      for (const child of value) {
        if (isMap(child)) printUnstructuredContent(w, level + 1, child, skipExpr, skip);
        else w.write(level + 1, `${scalar(child)}\n`);
      }
    } else w.write(level, `${smartLabelFor(field)}:\t${scalar(value)}\n`);
  }
}

export function describeGeneric(obj: J, events: J[] | undefined, ctx: Ctx): string {
  return tabbedString((w) => {
    w.write(L0, `Name:\t${obj.metadata?.name ?? ''}\n`);
    w.write(L0, `Namespace:\t${obj.metadata?.namespace ?? ''}\n`);
    printLabelsMultiline(w, 'Labels', obj.metadata?.labels);
    printAnnotationsMultiline(w, 'Annotations', obj.metadata?.annotations);
    printUnstructuredContent(w, L0, obj, '', ['.metadata.managedFields', '.metadata.name', '.metadata.namespace', '.metadata.labels', '.metadata.annotations']);
    if (events) describeEvents(events, w, ctx);
  });
}
