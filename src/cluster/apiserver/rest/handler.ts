import { ApiError, apiErrors } from '../../api/errors';
import type { KObject } from '../../api/types';
import {
  AGGREGATED_CONTENT_TYPE,
  aggregatedDiscovery,
  apiGroup,
  apiGroupList,
  apiResourceList,
  apiVersions,
  versionInfo,
} from '../discovery';
import type { ApiServer, DeleteOptions, WriteOptions } from '../server';
import { bindPod, getScale, successStatus, writeScale } from '../subresources';
import { issueToken } from '../tokenRequest';
import { toTable, wantsTable, type IncludeObject } from '../table';
import { apiVersionOf, type ResourceDef } from '../types';
import { warningHeaderValue } from '../../api/schema/fieldValidation';
import { decodeBody } from './body';
import { route } from './router';
import type { RestReply, RestRequest, RestResponse } from './types';
import { logResponse, type LogReader } from './logs';

/** Optional parts the REST layer delegates to (wired by the cluster's composition root). */
export interface RestExtensions {
  applyPatch: (doc: KObject, body: unknown, contentType: string, kind: string) => KObject;
  openapi?: (path: string, query: Record<string, string>) => unknown | undefined;
  /** pods/log: returns the text or throws an ApiError (follow streams re-read it as time passes). */
  logs?: LogReader;
  /** kubeplay's "why this node / why Pending" for a pod, served at /apis/kubeplay.dev/v1alpha1/namespaces/<ns>/pods/<name>/scheduling. */
  explain?: (namespace: string, name: string) => unknown | undefined;
  evict?: (pod: KObject, eviction: KObject, opts: WriteOptions) => void;
}

const JSON_CT = 'application/json';

export function reply(status: number, body: unknown, contentType = JSON_CT, warnings?: string[]): RestReply {
  return {
    kind: 'reply',
    status,
    headers: { 'Content-Type': contentType, ...(warnings?.length ? { Warning: warnings.map(warningHeaderValue) } : {}) },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  };
}

function errorReply(e: unknown): RestReply {
  if (e instanceof ApiError) return reply(e.code, e.status);
  const msg = e instanceof Error ? e.message : String(e);
  return reply(500, apiErrors.internal(msg).status);
}

/**
 * The Kubernetes REST API over an ApiServer: routing, discovery, content negotiation (JSON,
 * Table), watch streams and Status errors. Never throws: every failure is a Status reply.
 */
export function handleRest(api: ApiServer, ext: RestExtensions, req: RestRequest): RestResponse {
  try {
    return dispatch(api, ext, req);
  } catch (e) {
    return errorReply(e);
  }
}

const EXPLAIN_PATH = /^\/apis\/kubeplay\.dev\/v1alpha1\/namespaces\/([^/]+)\/pods\/([^/]+)\/scheduling$/;

function dispatch(api: ApiServer, ext: RestExtensions, req: RestRequest): RestResponse {
  const explain = EXPLAIN_PATH.exec(req.path);
  if (explain && req.method.toUpperCase() === 'GET') {
    const e = ext.explain?.(decodeURIComponent(explain[1]), decodeURIComponent(explain[2]));
    return e ? reply(200, e) : errorReply(apiErrors.notFound('pods/scheduling', 'kubeplay.dev', decodeURIComponent(explain[2])));
  }
  const r = route(req.path);
  const aggregated = !!req.accept && /as=APIGroupDiscoveryList/.test(req.accept) && /v=v2(;|,|$)/.test(req.accept);
  switch (r.type) {
    case 'version':
      return reply(200, versionInfo());
    case 'health':
      return reply(200, 'ok', 'text/plain; charset=utf-8');
    case 'coreVersions':
      return aggregated ? reply(200, aggregatedDiscovery(api.registry, true), AGGREGATED_CONTENT_TYPE) : reply(200, apiVersions());
    case 'groups':
      return aggregated ? reply(200, aggregatedDiscovery(api.registry, false), AGGREGATED_CONTENT_TYPE) : reply(200, apiGroupList(api.registry));
    case 'group': {
      const g = apiGroup(api.registry, r.group);
      return g ? reply(200, g) : errorReply(apiErrors.pageNotFound());
    }
    case 'groupVersion': {
      const l = apiResourceList(api.registry, r.group, r.version);
      return l ? reply(200, l) : errorReply(apiErrors.pageNotFound());
    }
    case 'openapi': {
      // kubectl falls back to /openapi/v2 (protobuf) to validate kinds absent from the v3 index; an
      // empty v2 document lets it go on to the real answer ("no matches for kind …").
      if (r.path === 'v2') return reply(200, '', 'application/com.github.proto-openapi.spec.v2.v1.0+protobuf');
      const doc = ext.openapi?.(r.path, req.query);
      return doc ? reply(200, doc) : errorReply(apiErrors.pageNotFound());
    }
    case 'notFound':
      return errorReply(apiErrors.pageNotFound());
    case 'resource':
      break;
  }
  const def = api.registry.get(r.group, r.plural);
  if (!def || def.version !== r.version) return errorReply(apiErrors.pageNotFound());
  if (!def.namespaced && r.namespace) return errorReply(apiErrors.pageNotFound());
  if (r.subresource && !(def.subresources ?? []).includes(r.subresource)) return errorReply(apiErrors.pageNotFound());
  const q = req.query;
  const writeOpts: WriteOptions = {
    dryRun: q.dryRun === 'All',
    fieldManager: q.fieldManager,
    fieldValidation: (q.fieldValidation as WriteOptions['fieldValidation']) || undefined,
  };
  const ns = r.namespace;
  const m = req.method.toUpperCase();
  const body = () => decodeBody(req.body, req.contentType, def.kind, req.bodyBytes) as KObject;

  if (r.subresource) return subresource(api, ext, def, req, r.namespace, r.name, r.subresource, writeOpts, body);

  if (!r.name) {
    if (m === 'GET' && (q.watch === 'true' || q.watch === '1')) return watchStream(api, def, ns, req);
    if (m === 'GET') {
      const list = api.list(def, ns, {
        labelSelector: q.labelSelector,
        fieldSelector: q.fieldSelector,
        limit: q.limit ? Number(q.limit) : undefined,
        continue: q.continue,
      });
      if (wantsTable(req.accept))
        return reply(
          200,
          toTable(def, list.items, api.clock.now(), {
            includeObject: q.includeObject as IncludeObject,
            resourceVersion: list.resourceVersion,
            continue: list.continue,
            remainingItemCount: list.remainingItemCount,
          }),
          'application/json;as=Table;v=v1;g=meta.k8s.io',
        );
      const metadata: Record<string, unknown> = { resourceVersion: list.resourceVersion };
      if (list.continue) metadata.continue = list.continue;
      if (list.remainingItemCount !== undefined) metadata.remainingItemCount = list.remainingItemCount;
      return reply(200, { kind: `${def.kind}List`, apiVersion: apiVersionOf(def), metadata, items: list.items });
    }
    if (m === 'POST') {
      const res = api.create(def, ns, body(), writeOpts);
      return reply(201, res.object, JSON_CT, res.warnings);
    }
    if (m === 'DELETE') {
      const items = api.deleteCollection(def, ns, { labelSelector: q.labelSelector, fieldSelector: q.fieldSelector }, deleteOptions(q, body()));
      return reply(200, { kind: `${def.kind}List`, apiVersion: apiVersionOf(def), metadata: {}, items });
    }
    return errorReply(apiErrors.methodNotAllowed(m, def.plural));
  }

  switch (m) {
    case 'GET': {
      const o = api.get(def, ns, r.name);
      if (wantsTable(req.accept))
        return reply(200, toTable(def, [o], api.clock.now(), { includeObject: q.includeObject as IncludeObject, resourceVersion: o.metadata.resourceVersion }), 'application/json;as=Table;v=v1;g=meta.k8s.io');
      return reply(200, o);
    }
    case 'PUT': {
      const res = api.update(def, ns, r.name, body(), writeOpts);
      return reply(200, res.object, JSON_CT, res.warnings);
    }
    case 'PATCH': {
      const ct = (req.contentType ?? '').split(';')[0].trim();
      const patchBody = decodeBody(req.body, ct.endsWith('yaml') ? 'application/yaml' : JSON_CT, def.kind);
      if (ct === 'application/apply-patch+yaml' && !api.store.get(api.registry.key(def), def.namespaced ? ns : undefined, r.name)) {
        // Server-side apply of an absent object creates it.
        const created = api.create(def, ns, { ...(patchBody as KObject), metadata: { ...((patchBody as KObject)?.metadata ?? {}), name: r.name } }, writeOpts);
        return reply(201, created.object, JSON_CT, created.warnings);
      }
      const res = api.patch(def, ns, r.name, patchBody, ct, writeOpts, '', ext.applyPatch);
      return reply(200, res.object);
    }
    case 'DELETE': {
      const res = api.delete(def, ns, r.name, deleteOptions(q, body()));
      if (!res.deleted) return reply(200, res.object);
      return reply(200, {
        kind: 'Status',
        apiVersion: 'v1',
        metadata: {},
        status: 'Success',
        details: { name: r.name, group: def.group || undefined, kind: def.plural, uid: res.object.metadata.uid },
      });
    }
  }
  return errorReply(apiErrors.methodNotAllowed(m, def.plural));
}

function deleteOptions(q: Record<string, string>, body: KObject | undefined): DeleteOptions {
  const b = (body ?? {}) as Record<string, unknown>;
  const grace = b.gracePeriodSeconds ?? (q.gracePeriodSeconds !== undefined ? Number(q.gracePeriodSeconds) : undefined);
  const orphan = b.orphanDependents ?? (q.orphanDependents === 'true' ? true : undefined);
  return {
    gracePeriodSeconds: grace as number | undefined,
    propagationPolicy: (b.propagationPolicy ?? q.propagationPolicy ?? (orphan ? 'Orphan' : undefined)) as DeleteOptions['propagationPolicy'],
    preconditions: b.preconditions as DeleteOptions['preconditions'],
    dryRun: (Array.isArray(b.dryRun) && b.dryRun.includes('All')) || q.dryRun === 'All',
  };
}

function subresource(
  api: ApiServer,
  ext: RestExtensions,
  def: ResourceDef,
  req: RestRequest,
  ns: string,
  name: string,
  sub: string,
  opts: WriteOptions,
  body: () => KObject,
): RestResponse {
  const m = req.method.toUpperCase();
  const ct = (req.contentType ?? '').split(';')[0].trim();
  if (sub === 'scale') {
    if (m === 'GET') return reply(200, getScale(api, def, ns, name));
    if (m === 'PUT') return reply(200, writeScale(api, def, ns, name, body(), undefined, opts, ext.applyPatch));
    if (m === 'PATCH') return reply(200, writeScale(api, def, ns, name, body(), ct, opts, ext.applyPatch));
  }
  if (sub === 'status') {
    if (m === 'GET') return reply(200, api.get(def, ns, name));
    if (m === 'PUT') return reply(200, api.update(def, ns, name, body(), opts, 'status').object);
    if (m === 'PATCH') return reply(200, api.patch(def, ns, name, body(), ct, opts, 'status', ext.applyPatch).object);
  }
  if (sub === 'binding' && m === 'POST') {
    bindPod(api, def, ns, name, body(), opts);
    return reply(201, successStatus());
  }
  if (sub === 'token' && m === 'POST' && def.plural === 'serviceaccounts') return reply(201, issueToken(api, ns, name, body(), api.ctx.rng));
  if (sub === 'eviction' && m === 'POST') {
    const pod = api.get(def, ns, name);
    if (ext.evict) ext.evict(pod, body(), opts);
    else api.delete(def, ns, name, { ...(body()?.deleteOptions ?? {}), dryRun: opts.dryRun });
    return reply(201, successStatus());
  }
  if (sub === 'log' && m === 'GET') {
    api.get(def, ns, name);
    if (!ext.logs) throw apiErrors.badRequest(`pod ${name} does not have a host assigned`);
    return logResponse(ext.logs, () => api.store.get('pods', ns, name), name, req.query, api.clock);
  }
  if (sub === 'finalize' && m === 'PUT') return reply(200, api.update(def, ns, name, body(), opts, 'finalize').object);
  return errorReply(apiErrors.methodNotAllowed(m, `${def.plural}/${sub}`));
}

function watchStream(api: ApiServer, def: ResourceDef, ns: string, req: RestRequest): RestResponse {
  const q = req.query;
  const table = wantsTable(req.accept);
  const timeoutSeconds = q.timeoutSeconds ? Number(q.timeoutSeconds) : undefined;
  // Validate selectors before answering 200, so bad ones are plain 400s.
  api.list(def, ns, { labelSelector: q.labelSelector, fieldSelector: q.fieldSelector, limit: 1 });
  return {
    kind: 'stream',
    status: 200,
    headers: { 'Content-Type': table ? 'application/json;as=Table;v=v1;g=meta.k8s.io' : JSON_CT },
    timeoutSeconds,
    start(write) {
      let first = true;
      const send = (type: string, o: KObject) => {
        let object: unknown = o;
        if (table && type !== 'ERROR') {
          object = toTable(def, [o], api.clock.now(), { includeObject: q.includeObject as IncludeObject, noHeaders: !first, resourceVersion: o.metadata.resourceVersion });
          first = false;
        }
        write(JSON.stringify({ type, object }) + '\n');
      };
      const initialEvents = q.sendInitialEvents === 'true';
      const stop = api.watch(
        def,
        ns,
        { labelSelector: q.labelSelector, fieldSelector: q.fieldSelector, resourceVersion: initialEvents ? undefined : q.resourceVersion },
        send,
      );
      if (initialEvents) {
        const bookmark = {
          kind: def.kind,
          apiVersion: apiVersionOf(def),
          metadata: { resourceVersion: String(api.store.rv), annotations: { 'k8s.io/initial-events-end': 'true' } },
        };
        write(JSON.stringify({ type: 'BOOKMARK', object: bookmark }) + '\n');
      }
      return stop;
    },
  };
}
