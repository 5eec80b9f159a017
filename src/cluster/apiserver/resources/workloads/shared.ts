/**
 * Helpers every workload kind uses: non-negative checks, selector validation, Semantic.DeepEqual,
 * the owner index and the container/selector cells of the printers.
 */
import { fieldErr, type FieldError } from '../../../api/errors';
import { formatSelector, matches, selectorFromLabelSelector, type Selector } from '../../../api/labels';
import type { KObject } from '../../../api/types';
import { validateLabelSelector, type LabelSelectorLike } from '../../../api/validation';
import type { Column, ScaleSpec } from '../../types';
import { col } from '../common';
import { goLabelSelector, goStringMap, immutableRaw, rawErr } from './goValues';

/** ValidateNonnegativeField. */
export function nonNegative(v: number | undefined | null, path: string): FieldError[] {
  return typeof v === 'number' && v < 0 ? [fieldErr.invalid(path, v, 'must be greater than or equal to 0')] : [];
}

// Semantic.DeepEqual treats nil and empty slices/maps alike; JSON null and absent are both nil.
function normalize(v: unknown): unknown {
  if (Array.isArray(v)) return v.length ? v.map(normalize) : undefined;
  if (v !== null && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) {
      const n = normalize(x);
      if (n !== undefined) out[k] = n;
    }
    return Object.keys(out).length ? out : undefined;
  }
  return v === null ? undefined : v;
}

/** apiequality.Semantic.DeepEqual for JSON values. */
export function semanticEqual(a: unknown, b: unknown): boolean {
  return JSON.stringify(sortKeys(normalize(a))) === JSON.stringify(sortKeys(normalize(b)));
}

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v !== null && typeof v === 'object')
    return Object.fromEntries(
      Object.keys(v)
        .sort()
        .map((k) => [k, sortKeys((v as Record<string, unknown>)[k])]),
    );
  return v;
}

/** metav1.LabelSelectorAsSelector: the selector, or 'error' when it cannot be converted. */
/** Parsed selectors of stored (frozen, so immutable) label selectors: controllers ask on every sync. */
const parsed = new WeakMap<object, Selector | null | 'error'>();

export function asSelector(ls: LabelSelectorLike | undefined | null): Selector | null | 'error' {
  const frozen = !!ls && Object.isFrozen(ls);
  if (frozen) {
    const hit = parsed.get(ls);
    if (hit !== undefined) return hit;
  }
  let sel: Selector | null | 'error';
  try {
    sel = selectorFromLabelSelector(ls);
  } catch {
    sel = 'error';
  }
  if (frozen) parsed.set(ls, sel);
  return sel;
}

/** selector.String() after LabelSelectorAsSelector (nil → ""), as the scale subresource reports it. */
export function selectorString(ls: LabelSelectorLike | undefined | null): string {
  const sel = asSelector(ls);
  return sel === 'error' ? '' : formatSelector(sel);
}

/** The selector checks apps kinds share: required, well-formed, not empty (`empty selector is invalid for <kind>`). */
export function validateRequiredSelector(ls: LabelSelectorLike | undefined | null, path: string, kindWord: string): FieldError[] {
  if (ls === undefined || ls === null) return [fieldErr.required(path)];
  const errs = validateLabelSelector(ls, path);
  if (Object.keys(ls.matchLabels ?? {}).length + (ls.matchExpressions ?? []).length === 0)
    errs.push(rawErr(path, goLabelSelector(ls), `empty selector is invalid for ${kindWord}`));
  return errs;
}

/** `selector` does not match template `labels` — a non-empty selector (nil selects nothing) must match. */
export function templateLabelsMismatch(sel: Selector | null, labels: Record<string, string> | undefined | null, path: string): FieldError[] {
  if (sel !== null && sel.length === 0) return [];
  if (matches(sel, labels)) return [];
  return [rawErr(path, goStringMap(labels), '`selector` does not match template `labels`')];
}

/** The selector may not change (apps/v1 strategies and Job). */
export function selectorImmutable(next: KObject, old: KObject): FieldError[] {
  if (semanticEqual(next.spec?.selector, old.spec?.selector)) return [];
  return [immutableRaw('spec.selector', goLabelSelector(next.spec?.selector))];
}

/** Store index of controller UIDs from ownerReferences (controllers look up their children by it). */
export const ownerIndexer = { owner: (o: KObject) => (o.metadata.ownerReferences ?? []).map((r) => r.uid) };

/** The scale subresource of apps kinds: spec.replicas, status.replicas and the selector string. */
export const appsScale: ScaleSpec = {
  specReplicas: (o) => o.spec?.replicas ?? 1,
  statusReplicas: (o) => o.status?.replicas ?? 0,
  selector: (o) => selectorString(o.spec?.selector),
};

/** layoutContainerCells: container names and images, comma-joined. */
export function containerCells(containers: { name?: string; image?: string }[] | undefined): [string, string] {
  const cs = containers ?? [];
  return [cs.map((c) => c.name ?? '').join(','), cs.map((c) => c.image ?? '').join(',')];
}

/** printBoolPtr: True / False / <unset>. */
export const boolPtrText = (v: unknown): string => (v === true ? 'True' : v === false ? 'False' : '<unset>');

export const containersColumn: Column = col('Containers', 'string', 1, 'Names of each container in the template.');
export const imagesColumn: Column = col('Images', 'string', 1, 'Images referenced by each container in the template.');
