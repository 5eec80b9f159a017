/** Helpers shared by the admission plugins. */
import { apiErrors, type ApiError } from '../../api/errors';
import type { KObject } from '../../api/types';
import type { RequestContext } from '../types';
import type { Attributes } from './types';

/** True for requests on the pods resource itself (not a subresource). */
export const isPod = (a: Attributes) => a.def.group === '' && a.def.plural === 'pods' && !a.subresource;

/**
 * The name admission.NewForbidden reports in the mutating phase. Upstream generates names after
 * mutating admission (validating admission sees the final name), so a pod made from generateName
 * is reported by its prefix (`pods "web-7d4b9c7c4-" is forbidden: …`); here the server has already
 * generated the name, so a generated-looking name maps back to its prefix.
 */
export function admissionName(a: Attributes): string {
  const meta = a.object?.metadata;
  const gen = meta?.generateName;
  if (gen && meta?.name && meta.name.length === Math.min(gen.length, 58) + 5 && meta.name.startsWith(gen.slice(0, 58)))
    return gen;
  return a.name || meta?.name || gen || 'Unknown';
}

/** admission.NewForbidden(a, err) from a mutating (`admit`) step. */
export function forbidden(a: Attributes, message: string): ApiError {
  return apiErrors.forbidden(a.def.plural, a.def.group, admissionName(a), message);
}

/** admission.NewForbidden(a, err) from a validating step, which sees the generated name. */
export function forbiddenValidating(a: Attributes, message: string): ApiError {
  return apiErrors.forbidden(a.def.plural, a.def.group, a.name || a.object?.metadata.name || 'Unknown', message);
}

// ctx.get/list throw for resources the registry does not serve (minimal test servers); an
// unserved kind simply has no objects.
export function tryGet(ctx: RequestContext, resource: string, ns: string | undefined, name: string): KObject | undefined | null {
  try {
    return ctx.get(resource, ns, name);
  } catch {
    return null;
  }
}

/** ctx.list, or [] when the resource is not served. */
export function tryList(ctx: RequestContext, resource: string, ns?: string): KObject[] {
  try {
    return ctx.list(resource, ns);
  } catch {
    return [];
  }
}
