/**
 * A live object as an editor shows it, the way `kubectl edit` does but cleaner: no managedFields,
 * no status (shown apart, read-only) and no last-applied annotation (apply rewrites it anyway).
 * The same cleaning, applied to both sides, is what an edit is compared on.
 */
import { LAST_APPLIED } from './lastApplied';
import { isMap } from './smpDiff';
import type { JsonMap } from './types';

/** Written by the server, never by the person editing: dropped before diffs and applies. */
const SERVER_META = ['uid', 'creationTimestamp', 'generation', 'resourceVersion', 'managedFields', 'selfLink', 'deletionTimestamp', 'deletionGracePeriodSeconds'];

export interface EditView {
  /** What goes in the buffer (resourceVersion kept: it is how a conflict is noticed). */
  editable: JsonMap;
  /** `status`, read-only. */
  status?: unknown;
  /** The last-applied annotation, read-only. */
  lastApplied?: string;
}

function withoutLastApplied(meta: JsonMap): JsonMap {
  const m = { ...meta };
  if (isMap(m.annotations) && LAST_APPLIED in m.annotations) {
    const a = { ...m.annotations };
    delete a[LAST_APPLIED];
    if (Object.keys(a).length) m.annotations = a;
    else delete m.annotations;
  }
  return m;
}

export function editView(obj: JsonMap): EditView {
  const { status, ...rest } = obj;
  const meta = isMap(rest.metadata) ? rest.metadata : {};
  const annotations = isMap(meta.annotations) ? meta.annotations : {};
  const m = withoutLastApplied(meta);
  delete m.managedFields;
  const lastApplied = typeof annotations[LAST_APPLIED] === 'string' ? (annotations[LAST_APPLIED] as string) : undefined;
  return { editable: { ...rest, metadata: m }, ...(status !== undefined ? { status } : {}), ...(lastApplied ? { lastApplied } : {}) };
}

/** The part of an object a person edits: no status, no server bookkeeping, no last-applied annotation. */
export function userFields(obj: JsonMap): JsonMap {
  const rest = { ...obj };
  delete rest.status;
  const m = withoutLastApplied(isMap(rest.metadata) ? rest.metadata : {});
  for (const k of SERVER_META) delete m[k];
  if (isMap(m.annotations) && Object.keys(m.annotations).length === 0) delete m.annotations;
  return { ...rest, metadata: m };
}
