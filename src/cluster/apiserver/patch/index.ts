/**
 * PATCH bodies by Content-Type, as the apiserver's patch handler dispatches them. Every patcher
 * works on a copy: the document passed in is never mutated.
 */
import { load } from 'js-yaml';
import type { KObject } from '../../api/types';
import { apiErrors } from '../../api/errors';
import { goJsonKind } from './goFormat';
import { applyJsonPatch } from './json';
import { isMap } from './jsonValue';
import { applyMergePatch } from './merge';
import { badPatch, undecodablePatchResult } from './patchErrors';
import { applyStrategicMergePatch } from './strategic';

export { applyJsonPatch } from './json';
export { applyMergePatch } from './merge';
export { applyStrategicMergePatch } from './strategic';
export { isStrategicMergeKind } from './mergeKeys';

export const PatchType = {
  JSON: 'application/json-patch+json',
  Merge: 'application/merge-patch+json',
  StrategicMerge: 'application/strategic-merge-patch+json',
  ApplyYAML: 'application/apply-patch+yaml',
} as const;

/** The media type without parameters (`; charset=utf-8`), cut at the first `;` like upstream. */
function mediaTypeOf(contentType: string): string {
  const idx = contentType.indexOf(';');
  return idx > 0 ? contentType.slice(0, idx) : contentType;
}

/** The patched JSON must still decode as an object of the kind. */
function asObject(patched: unknown): KObject {
  if (isMap(patched)) return patched as KObject;
  throw undecodablePatchResult(
    patched,
    `couldn't get version/kind; json parse error: json: cannot unmarshal ${goJsonKind(patched)} into Go value of type struct { APIVersion string "json:\\"apiVersion,omitempty\\""; Kind string "json:\\"kind,omitempty\\"" }`,
  );
}

/** An apply configuration: YAML (or JSON) text, or an already parsed object. */
function decodeApplyConfiguration(body: unknown): Record<string, unknown> {
  let parsed = body;
  if (typeof body === 'string') {
    try {
      parsed = load(body);
    } catch (e) {
      throw badPatch(`error decoding YAML: ${(e as Error).message}`);
    }
  }
  if (parsed === null || parsed === undefined) return {};
  if (!isMap(parsed)) {
    throw badPatch(
      `error decoding YAML: error unmarshaling JSON: while decoding JSON: json: cannot unmarshal ${goJsonKind(parsed)} into Go value of type map[string]interface {}`,
    );
  }
  return parsed;
}

/**
 * Applies a PATCH body to a copy of `doc`. `kind` selects the strategic-merge field tags.
 *
 * Server-side apply (`application/apply-patch+yaml`) is approximated: the apply configuration is
 * merged into the live object with strategic-merge semantics. Real SSA also removes fields the
 * same field manager applied before and no longer sets, detects conflicts with other managers,
 * merges lists by their `x-kubernetes-list-map-keys` (not SMP merge keys) and maintains
 * managedFields; none of that is done here.
 */
export function applyPatch(doc: KObject, body: unknown, contentType: string, kind: string): KObject {
  switch (mediaTypeOf(contentType)) {
    case PatchType.JSON:
      return asObject(applyJsonPatch(doc, body));
    case PatchType.Merge:
      return asObject(applyMergePatch(doc, body));
    case PatchType.StrategicMerge:
      return applyStrategicMergePatch(doc, body, kind) as KObject;
    case PatchType.ApplyYAML:
      return applyStrategicMergePatch(doc, decodeApplyConfiguration(body), kind) as KObject;
    default:
      throw apiErrors.unsupportedMediaType(contentType);
  }
}
