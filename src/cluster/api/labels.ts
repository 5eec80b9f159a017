/**
 * Label selectors as k8s.io/apimachinery/pkg/labels (v1.32): selectors, matching, the
 * metav1.LabelSelector conversion and the strings kubectl prints. Requirements live in
 * requirement.ts and the string parser in label-parser.ts; errors are plain Errors carrying the
 * upstream message.
 */
import { byKey, formatRequirement, matchesRequirement, newRequirement, sortedCopy } from './requirement';
import type { Requirement } from './requirement';
import type { LabelSelectorLike } from './validation';

export { parseSelector } from './label-parser';
export { formatRequirement, matchesRequirement, newRequirement } from './requirement';
export type { Operator, Requirement } from './requirement';
export type { LabelSelectorLike } from './validation';

/** AND of requirements, sorted by key; `[]` selects everything. `null` (a nil LabelSelector) selects nothing. */
export type Selector = Requirement[];

/** True when every requirement matches; a null selector matches nothing, an empty one everything. */
export function matches(sel: Selector | null, labels: Readonly<Record<string, string>> | undefined | null): boolean {
  if (sel === null) return false;
  const ls = labels ?? {};
  return sel.every((r) => matchesRequirement(r, ls));
}

/** Selector.String(): requirements joined by ","; "" for everything and for nothing (null). */
export function formatSelector(sel: Selector | null): string {
  return sel ? sel.map(formatRequirement).join(',') : '';
}

/**
 * metav1.LabelSelectorAsSelector: null/undefined → null (matches nothing); `{}` → `[]` (everything);
 * otherwise matchLabels as Equals plus matchExpressions, validated, sorted by key. Throws on bad input
 * (`"Foo" is not a valid label selector operator`, or NewRequirement's field errors).
 */
export function selectorFromLabelSelector(ls: LabelSelectorLike | undefined | null): Selector | null {
  if (ls === undefined || ls === null) return null;
  const labels = Object.keys(ls.matchLabels ?? {}).sort();
  const exprs = ls.matchExpressions ?? [];
  if (labels.length + exprs.length === 0) return [];
  const reqs: Requirement[] = labels.map((k) => newRequirement(k, 'Equals', [ls.matchLabels![k]!]));
  for (const e of exprs) {
    const op = e.operator;
    if (op !== 'In' && op !== 'NotIn' && op !== 'Exists' && op !== 'DoesNotExist')
      throw new Error(`${JSON.stringify(op)} is not a valid label selector operator`);
    reqs.push(newRequirement(e.key, op, [...(e.values ?? [])], !e.values || e.values.length === 0));
  }
  return reqs.sort(byKey); // Array.prototype.sort is stable, like Go's insertion sort for small inputs
}

/** metav1.FormatLabelSelector: the selector string, `<none>` when empty or nil, `<error>` when invalid. */
export function formatLabelSelector(ls: LabelSelectorLike | undefined | null): string {
  let s: string;
  try {
    s = formatSelector(selectorFromLabelSelector(ls));
  } catch {
    return '<error>';
  }
  return s || '<none>';
}

/** labels.SelectorFromSet: one unvalidated Equals requirement per label, sorted; `{}`/undefined → everything. */
export function selectorFromSet(set: Readonly<Record<string, string>> | undefined | null): Selector {
  return Object.keys(set ?? {})
    .sort()
    .map((k) => ({ key: k, op: 'Equals' as const, values: [set![k]!] }));
}

/** labels.FormatLabels: sorted `k=v` pairs joined by ",", or `<none>`. */
export function formatLabels(labels: Readonly<Record<string, string>> | undefined | null): string {
  const pairs = sortedCopy(Object.entries(labels ?? {}).map(([k, v]) => `${k}=${v}`));
  return pairs.length ? pairs.join(',') : '<none>';
}

/** The requirements that pin a key to one value (Equals, or In with one value), as [key, value]. */
export function equalityTerms(sel: Selector | null): [string, string][] {
  if (!sel) return [];
  return sel.filter((r) => (r.op === 'Equals' || r.op === 'In') && r.values.length === 1).map((r) => [r.key, r.values[0]!]);
}
