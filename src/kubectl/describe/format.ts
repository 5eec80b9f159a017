/** Formatting helpers describe.go shares: times, labels, annotations, taints, tolerations, selectors, quantities. */
import { formatQuantity, parseQuantity } from '../../cluster/api/quantity';
import { humanDuration } from '../../cluster/api/duration';
import type { PrefixWriter } from './writer';
import { L0 } from './writer';

export type J = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export interface Ctx {
  now: number;
  tzOffset: (ms: number) => number;
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const p2 = (n: number) => String(n).padStart(2, '0');

/** time.RFC1123Z (`Mon, 02 Jan 2006 15:04:05 -0700`) in the viewer's zone; Go's zero time for missing values. */
export function rfc1123z(ts: string | undefined | null, ctx: Ctx): string {
  if (!ts) return 'Mon, 01 Jan 0001 00:00:00 +0000';
  const ms = Date.parse(ts);
  const off = ctx.tzOffset(ms);
  const d = new Date(ms + off * 60_000);
  const sign = off < 0 ? '-' : '+';
  const a = Math.abs(off);
  return `${DAYS[d.getUTCDay()]}, ${p2(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())} ${sign}${p2(Math.floor(a / 60))}${p2(a % 60)}`;
}

/** translateTimestampSince: HumanDuration(now − ts), `<unknown>` for a zero time. */
export function since(ts: string | undefined | null, ctx: Ctx): string {
  if (!ts) return '<unknown>';
  return humanDuration(ctx.now - Date.parse(ts));
}

/** Quantity.String(): the canonical form. */
export function qty(v: unknown): string {
  if (v === undefined || v === null || v === '') return '0';
  try {
    return formatQuantity(parseQuantity(String(v)));
  } catch {
    return String(v);
  }
}

export function printLabelsMultiline(w: PrefixWriter, title: string, labels: Record<string, string> | undefined, initialIndent = '', innerIndent = '\t', skip: Set<string> = new Set()): void {
  w.write(L0, `${initialIndent}${title}:${innerIndent}`);
  const keys = Object.keys(labels ?? {})
    .filter((k) => !skip.has(k))
    .sort();
  if (!keys.length) {
    w.line('<none>');
    return;
  }
  keys.forEach((k, i) => {
    if (i) {
      w.write(L0, initialIndent);
      w.write(L0, innerIndent);
    }
    w.write(L0, `${k}=${labels![k]}\n`);
  });
}

const MAX_ANNOTATION_LEN = 140;
const shorten = (s: string, max: number) => {
  const b = new TextEncoder().encode(s);
  return b.length > max ? `${new TextDecoder().decode(b.slice(0, max))}...` : s;
};
const byteLen = (s: string) => new TextEncoder().encode(s).length;

export function printAnnotationsMultiline(w: PrefixWriter, title: string, annotations: Record<string, string> | undefined): void {
  w.write(L0, `${title}:\t`);
  const keys = Object.keys(annotations ?? {})
    .filter((k) => k !== 'kubectl.kubernetes.io/last-applied-configuration')
    .sort();
  if (!keys.length) {
    w.line('<none>');
    return;
  }
  const indent = '\t';
  keys.forEach((k, i) => {
    if (i) w.write(L0, indent);
    const value = annotations![k].replace(/\n$/, '');
    if (byteLen(value) + byteLen(k) + 2 > MAX_ANNOTATION_LEN || value.includes('\n')) {
      w.write(L0, `${k}:\n`);
      for (const s of value.split('\n')) w.write(L0, `${indent}  ${shorten(s, MAX_ANNOTATION_LEN - 2)}\n`);
    } else w.write(L0, `${k}: ${value}\n`);
  });
}

/** Taint.ToString: `key=value:Effect`, `key:Effect`, `key=value:`, `key`. */
export function taintString(t: J): string {
  if (!t.effect) return t.value ? `${t.key}=${t.value}:` : String(t.key);
  if (!t.value) return `${t.key}:${t.effect}`;
  return `${t.key}=${t.value}:${t.effect}`;
}

export function printTaintsMultiline(w: PrefixWriter, title: string, taints: J[] | undefined, initialIndent = '', innerIndent = '\t'): void {
  w.write(L0, `${initialIndent}${title}:${innerIndent}`);
  if (!taints?.length) {
    w.line('<none>');
    return;
  }
  const sorted = [...taints].sort((a, b) => (`${a.effect},${a.key}` < `${b.effect},${b.key}` ? -1 : `${a.effect},${a.key}` > `${b.effect},${b.key}` ? 1 : 0));
  sorted.forEach((t, i) => {
    if (i) {
      w.write(L0, initialIndent);
      w.write(L0, innerIndent);
    }
    w.write(L0, `${taintString(t)}\n`);
  });
}

export function printTolerationsMultiline(w: PrefixWriter, title: string, tolerations: J[] | undefined, initialIndent = '', innerIndent = '\t'): void {
  w.write(L0, `${initialIndent}${title}:${innerIndent}`);
  if (!tolerations?.length) {
    w.line('<none>');
    return;
  }
  // sort.Slice by key (not stable: the default pair share no key, so order is well defined)
  const sorted = [...tolerations].sort((a, b) => ((a.key ?? '') < (b.key ?? '') ? -1 : (a.key ?? '') > (b.key ?? '') ? 1 : 0));
  sorted.forEach((t, i) => {
    if (i) {
      w.write(L0, initialIndent);
      w.write(L0, innerIndent);
    }
    let s = t.key ?? '';
    if (t.value) s += `=${t.value}`;
    if (t.effect) s += `:${t.effect}`;
    if (t.operator === 'Exists' && !t.value) s += t.key || t.effect ? ' op=Exists' : 'op=Exists';
    if (t.tolerationSeconds !== undefined && t.tolerationSeconds !== null) s += ` for ${t.tolerationSeconds}s`;
    w.write(L0, `${s}\n`);
  });
}

/** labels.Selector.String() of a LabelSelector: requirements sorted by key. */
export function selectorString(sel: J | undefined | null): string {
  if (!sel) return '';
  const reqs: { key: string; text: string }[] = [];
  for (const [k, v] of Object.entries((sel.matchLabels as Record<string, string>) ?? {})) reqs.push({ key: k, text: `${k}=${v}` });
  for (const e of (sel.matchExpressions as J[]) ?? []) {
    const vals = [...(e.values ?? [])].sort();
    switch (e.operator) {
      case 'In':
        reqs.push({ key: e.key, text: `${e.key} in (${vals.join(',')})` });
        break;
      case 'NotIn':
        reqs.push({ key: e.key, text: `${e.key} notin (${vals.join(',')})` });
        break;
      case 'Exists':
        reqs.push({ key: e.key, text: e.key });
        break;
      case 'DoesNotExist':
        reqs.push({ key: e.key, text: `!${e.key}` });
        break;
    }
  }
  return reqs
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map((r) => r.text)
    .join(',');
}

/** metav1.FormatLabelSelector: the selector's string, or `<none>`. */
export function formatLabelSelector(sel: J | undefined | null): string {
  return selectorString(sel) || '<none>';
}

export function stringOrNone(s: string | undefined): string {
  return s ? s : '<none>';
}

export function printBool(b: boolean | undefined): string {
  return b ? 'True' : 'False';
}

/** intstr.String(). */
export function intOrString(v: unknown): string {
  return v === undefined || v === null ? '0' : String(v);
}

/** metav1.GetControllerOf → `Kind/name`. */
export function controllerOf(o: J): string {
  const ref = ((o.metadata?.ownerReferences as J[]) ?? []).find((r) => r.controller);
  return ref ? `${ref.kind}/${ref.name}` : '';
}

export function goBool(b: unknown): string {
  return b ? 'true' : 'false';
}
