/**
 * Request bodies → the write pipeline's working copy. A REST body (or an in-process one the
 * caller keeps) is copied; an owned one is taken over; a status write copies only what the status
 * subresource reads.
 */
import { apiErrors } from '../api/errors';
import { adopt, clone, cloneShared, type KObject } from '../api/types';
import type { WriteOptions } from './server';
import { apiVersionOf, type ResourceDef } from './types';

/** A mutable working copy of a request body, with apiVersion/kind checked against the URL's resource. */
export function decode(def: ResourceDef, body: KObject, opts: WriteOptions): KObject {
  const apiVersion = checkTypeMeta(def, body);
  const obj = opts.owned ? adoptBody(def, body) : clone(body);
  obj.apiVersion = apiVersion;
  obj.kind = def.kind;
  if (!obj.metadata || typeof obj.metadata !== 'object') obj.metadata = {};
  return obj;
}

/**
 * An owned body, made safe for the pipeline: its top level and metadata are always written, so
 * they must be unfrozen; deeper frozen parts are copied only for kinds whose defaulting or
 * prepare steps (or admission, for pods) change them.
 */
function adoptBody(def: ResourceDef, body: KObject): KObject {
  const thaw = !!(def.defaults || def.prepareForCreate || def.prepareForUpdate || def.kind === 'Pod');
  const obj = adopt(Object.isFrozen(body) ? { ...body } : body, thaw);
  if (obj.metadata && typeof obj.metadata === 'object' && Object.isFrozen(obj.metadata)) obj.metadata = { ...obj.metadata };
  return obj;
}

/**
 * The status subresource reads only identity, annotations, finalizers and status from the body
 * (see ApiServer.commitUpdate): copying spec too, often the bulk of the object, would be wasted work.
 */
export function decodeStatus(def: ResourceDef, body: KObject, owned: boolean): KObject {
  const apiVersion = checkTypeMeta(def, body);
  const m = body.metadata && typeof body.metadata === 'object' ? body.metadata : {};
  const metadata: KObject['metadata'] = {};
  if (m.name !== undefined) metadata.name = m.name;
  if (m.namespace !== undefined) metadata.namespace = m.namespace;
  if (m.uid !== undefined) metadata.uid = m.uid;
  if (m.resourceVersion !== undefined) metadata.resourceVersion = m.resourceVersion;
  if (m.annotations !== undefined) metadata.annotations = clone(m.annotations);
  if (m.finalizers !== undefined) metadata.finalizers = clone(m.finalizers);
  const obj: KObject = { apiVersion, kind: def.kind, metadata };
  // Nothing on the status path changes the new status: frozen parts of it can be kept as they are,
  // and an owned body's status is kept whole.
  if (body.status !== undefined) obj.status = owned ? adopt(body.status, false) : cloneShared(body.status);
  return obj;
}

function checkTypeMeta(def: ResourceDef, body: KObject): string {
  if (!body || typeof body !== 'object' || Array.isArray(body))
    throw apiErrors.badRequest(`the body of the request was in an unknown format`);
  const apiVersion = apiVersionOf(def);
  if (body.apiVersion && body.apiVersion !== apiVersion)
    throw apiErrors.badRequest(`the API version in the data (${body.apiVersion}) does not match the expected API version (${apiVersion})`);
  if (body.kind && body.kind !== def.kind)
    throw apiErrors.badRequest(`the kind in the data (${body.kind}) does not match the expected kind (${def.kind})`);
  return apiVersion;
}
