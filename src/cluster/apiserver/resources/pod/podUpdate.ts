/**
 * ValidatePodUpdate (v1.32): only images, activeDeadlineSeconds (down only), toleration additions,
 * scheduling-gate removals and a negative grace period → 1 may change. Upstream appends a
 * go-cmp diff to the Forbidden message; it is left out here (its format is not stable anyway).
 */
import { fieldErr, type FieldError } from '../../../api/errors';
import { clone } from '../../../api/types';
import { validateTolerations } from './schedulingValidation';
import { arr, isObj, str, type Json } from './validationHelpers';

const UPDATABLE =
  'pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,' +
  '`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),' +
  '`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)';

/** apiequality.Semantic.DeepEqual on JSON: empty lists/maps equal missing ones. */
export function semanticEqual(a: unknown, b: unknown): boolean {
  const empty = (v: unknown) =>
    v === undefined || v === null || (Array.isArray(v) && v.length === 0) || (isObj(v) && Object.keys(v).length === 0);
  if (empty(a) && empty(b)) return true;
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) return a.length === (b as unknown[]).length && a.every((x, i) => semanticEqual(x, (b as unknown[])[i]));
  const keys = new Set([...Object.keys(a), ...Object.keys(b as object)]);
  for (const k of keys) if (!semanticEqual((a as Json)[k], (b as Json)[k])) return false;
  return true;
}

function containerUpdates(next: unknown, old: unknown, path: string): { errs: FieldError[]; stop: boolean } {
  const n = arr(next);
  if (n.length !== arr(old).length) return { errs: [fieldErr.forbidden(path, 'pod updates may not add or remove containers')], stop: true };
  const errs: FieldError[] = [];
  n.forEach((c, i) => {
    const image = str(c?.image);
    if (!image) errs.push(fieldErr.required(`${path}[${i}].image`));
    if (image.trim() !== image) errs.push(fieldErr.invalid(`${path}[${i}].image`, image, 'must not have leading or trailing whitespace'));
  });
  return { errs, stop: false };
}

function onlyAddedTolerations(next: unknown, old: unknown, path: string): FieldError[] {
  for (const o of arr(old)) {
    const found = arr(next).some((t) => semanticEqual({ ...o, tolerationSeconds: t?.tolerationSeconds }, t));
    if (!found) return [fieldErr.forbidden(path, 'existing toleration can not be modified except its tolerationSeconds')];
  }
  return validateTolerations(next, path);
}

export interface PodUpdateOptions {
  /**
   * Accepts spec.nodeName going from unset to a node. The binding subresource goes through the
   * main update path here (upstream it has its own storage), so the strategy cannot tell them apart.
   */
  allowBinding?: boolean;
}

/** The spec part of ValidatePodUpdate (metadata and spec-wide rules are validated separately). */
export function validatePodUpdate(next: Json, old: Json, opts: PodUpdateOptions = {}): FieldError[] {
  const ns = isObj(next?.spec) ? next.spec : {};
  const os = isObj(old?.spec) ? old.spec : {};
  const errs: FieldError[] = [];
  for (const key of ['containers', 'initContainers']) {
    const r = containerUpdates(ns[key], os[key], `spec.${key}`);
    errs.push(...r.errs);
    if (r.stop) return errs;
  }
  const nAds = ns.activeDeadlineSeconds;
  if (nAds != null) {
    if (nAds < 0 || nAds > 2147483647) return [...errs, fieldErr.invalid('spec.activeDeadlineSeconds', nAds, 'must be between 0 and 2147483647, inclusive')];
    if (os.activeDeadlineSeconds != null && os.activeDeadlineSeconds < nAds)
      return [...errs, fieldErr.invalid('spec.activeDeadlineSeconds', nAds, 'must be less than or equal to previous value')];
  } else if (os.activeDeadlineSeconds != null) {
    errs.push(fieldErr.invalid('spec.activeDeadlineSeconds', null, 'must not update from a positive integer to nil value'));
  }
  errs.push(...onlyAddedTolerations(ns.tolerations, os.tolerations, 'spec.tolerations'));
  const oldGates = new Set(arr(os.schedulingGates).map((g) => str(g?.name)));
  arr(ns.schedulingGates).forEach((g, i) => {
    if (!oldGates.has(str(g?.name)))
      errs.push(fieldErr.forbidden(`spec.schedulingGates[${i}].name`, `only deletion is allowed, but found new scheduling gate '${str(g?.name)}'`));
  });
  if (semanticEqual(ns, os)) return errs;
  const munged = clone(ns);
  arr(munged.containers).forEach((c, i) => (c.image = os.containers[i]?.image));
  arr(munged.initContainers).forEach((c, i) => (c.image = os.initContainers[i]?.image));
  munged.activeDeadlineSeconds = os.activeDeadlineSeconds;
  munged.schedulingGates = os.schedulingGates;
  munged.tolerations = os.tolerations;
  if (typeof os.terminationGracePeriodSeconds === 'number' && os.terminationGracePeriodSeconds < 0 && munged.terminationGracePeriodSeconds === 1)
    munged.terminationGracePeriodSeconds = os.terminationGracePeriodSeconds;
  if (opts.allowBinding && !str(os.nodeName)) munged.nodeName = os.nodeName;
  // Gated pods may gain nodeSelector entries and node affinity before they are scheduled.
  if (arr(os.schedulingGates).length > 0) {
    const oldSel = isObj(os.nodeSelector) ? os.nodeSelector : {};
    const newSel = isObj(munged.nodeSelector) ? munged.nodeSelector : {};
    const keepsOld = Object.entries(oldSel).every(([k, v]) => newSel[k] === v);
    if (!keepsOld) errs.push(fieldErr.invalid('spec.nodeSelector', newSel, 'only additions to spec.nodeSelector are allowed (no mutations or deletions)'));
    munged.nodeSelector = os.nodeSelector;
    if (munged.affinity?.nodeAffinity !== undefined || os.affinity?.nodeAffinity !== undefined) {
      munged.affinity = { ...(munged.affinity ?? {}), nodeAffinity: os.affinity?.nodeAffinity };
      if (munged.affinity.nodeAffinity === undefined) delete munged.affinity.nodeAffinity;
      if (Object.keys(munged.affinity).length === 0 && os.affinity === undefined) delete munged.affinity;
    }
  }
  if (!semanticEqual(munged, os)) errs.push(fieldErr.forbidden('spec', UPDATABLE));
  return errs;
}
