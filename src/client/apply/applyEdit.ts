/**
 * Applying an edited live object (a buffer opened from the cluster). It is `kubectl apply`'s
 * three-way patch with one difference that makes editing intuitive: the "original" is the object
 * as it was opened, not the last-applied annotation, so whatever the person deletes is deleted
 * (as with `kubectl edit`). The annotation is refreshed only if the object already has one.
 *
 * Conflicts: the buffer keeps the resourceVersion it was opened at. If the object changed since
 * in what the person sees (spec, labels…), that version is sent as a precondition and the server
 * answers 409; changes only to status or server bookkeeping are not conflicts. `overwrite`
 * applies over whatever is there now.
 */
import { resourcePath, type Discovery } from './discovery';
import { resolveDocument, type ApplyOptions, type ApplyResult } from './apply';
import { userFields } from './editView';
import { goMarshal } from './goJson';
import { lastAppliedOf } from './lastApplied';
import { outcomeLine, patchingError, statusOf, warningText } from './messages';
import { deepEqual, isMap } from './smpDiff';
import { computeThreeWayPatch } from './threeWay';
import type { JsonMap, RestFn } from './types';

export interface EditInput {
  /** The buffer's document. */
  edited: unknown;
  /** The object the buffer was opened from (as the server returned it). */
  base: JsonMap;
  /** Apply even if the object changed since it was opened (the "re-apply" answer to a conflict). */
  overwrite?: boolean;
}

export interface EditResult extends ApplyResult {
  /** The server answered 409: the object changed since the buffer was opened. */
  conflict?: boolean;
}

const JSON_CT = 'application/json';

function rvOf(o: unknown): string | undefined {
  const m = isMap(o) && isMap(o.metadata) ? o.metadata : undefined;
  return typeof m?.resourceVersion === 'string' ? m.resourceVersion : undefined;
}

export async function applyEdit(rest: RestFn, discovery: Discovery, input: EditInput, opts: ApplyOptions = {}): Promise<EditResult> {
  const source = opts.source ?? 'STDIN';
  const dryRun = opts.dryRun ?? 'none';
  const resolved = await resolveDocument(discovery, input.edited, opts);
  if ('error' in resolved) return { index: 0, outcome: 'error', message: resolved.error, warnings: [] };
  const { ref, object } = resolved;
  const { mapping, name, namespace } = ref;
  const path = resourcePath(mapping, namespace, name);
  const got = await rest({ method: 'GET', path, query: {}, accept: JSON_CT });
  if (got.status >= 400) {
    const status = statusOf(got.status, got.body);
    return { index: 0, outcome: 'error', message: `Error from server (${status.reason || got.status}): ${status.message}`, ref, status, warnings: [] };
  }
  const live = JSON.parse(got.body ?? '{}') as JsonMap;
  const mine = rvOf(input.edited);
  const changedElsewhere = mine !== undefined && mine !== rvOf(live) && !deepEqual(userFields(live), userFields(input.base));
  const precondition = changedElsewhere && !input.overwrite ? mine : undefined;
  const annotate = lastAppliedOf(live) !== undefined;
  const p = computeThreeWayPatch(userFields(input.base), userFields(object), live, ref.kind, annotate);
  if (p.empty) return { index: 0, outcome: 'unchanged', message: outcomeLine(mapping, name, 'unchanged', dryRun), ref, object: live, before: live, warnings: [] };
  const patch = precondition ? withPrecondition(p.patch, precondition) : p.patch;
  const body = goMarshal(patch);
  const query: Record<string, string> = { fieldManager: opts.fieldManager ?? 'kubectl-edit', fieldValidation: opts.validate ?? 'Strict' };
  if (dryRun === 'server') query.dryRun = 'All';
  const r = await rest({ method: 'PATCH', path, query, accept: JSON_CT, contentType: p.contentType, body });
  const warnings = (r.headers?.Warning ?? []).map(warningText);
  if (r.status >= 400) {
    const status = statusOf(r.status, r.body);
    return {
      index: 0,
      outcome: 'error',
      message: patchingError(source, status, mapping, name, namespace ?? '', body),
      ref,
      status,
      patch: body,
      before: live,
      warnings,
      conflict: r.status === 409,
    };
  }
  return { index: 0, outcome: 'configured', message: outcomeLine(mapping, name, 'configured', dryRun), ref, object: JSON.parse(r.body ?? '{}') as JsonMap, before: live, patch: body, warnings };
}

function withPrecondition(patch: JsonMap, rv: string): JsonMap {
  const meta = isMap(patch.metadata) ? patch.metadata : {};
  return { ...patch, metadata: { ...meta, resourceVersion: rv } };
}

