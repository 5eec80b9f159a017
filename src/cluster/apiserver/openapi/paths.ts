/**
 * The `paths` of one group-version's OpenAPI v3 document, shaped like the kube-apiserver's
 * (k8s.io/apiserver pkg/endpoints/installer.go + kube-openapi builder3): one path item per collection, object
 * and subresource, each operation tagged `x-kubernetes-action` and `x-kubernetes-group-version-kind`.
 * kubectl relies on two things here: `kubectl explain` finds a resource's GVK on its list/get paths, and the
 * field-validation query-param verifier looks for a PATCH operation with the object's GVK and a `fieldValidation`
 * query parameter.
 */
import { definitionNameForGVK } from '../../api/schema';
import type { GroupVersionKind } from '../../api/schema';
import type { OpenAPIResource } from './types';

const REF = '#/components/schemas/';
const META = 'io.k8s.apimachinery.pkg.apis.meta.v1.';

type Json = Record<string, unknown>;

const query = (name: string, description: string, type = 'string'): Json => ({
  name,
  in: 'query',
  description,
  schema: { type, uniqueItems: true },
});

const P = {
  pretty: query('pretty', "If 'true', then the output is pretty printed. Defaults to 'false' unless the user-agent indicates a browser or command-line HTTP tool (curl and wget)."),
  dryRun: query('dryRun', 'When present, indicates that modifications should not be persisted. An invalid or unrecognized dryRun directive will result in an error response and no further processing of the request. Valid values are: - All: all dry run stages will be processed'),
  fieldManager: query('fieldManager', 'fieldManager is a name associated with the actor or entity that is making these changes. The value must be less than or 128 characters long, and only contain printable characters, as defined by https://golang.org/pkg/unicode/#IsPrint.'),
  fieldValidation: query('fieldValidation', 'fieldValidation instructs the server on how to handle objects in the request (POST/PUT/PATCH) containing unknown or duplicate fields. Valid values are: - Ignore: This will ignore any unknown fields that are silently dropped from the object, and will ignore all but the last duplicate field that the decoder encounters. This is the default behavior prior to v1.23. - Warn: This will send a warning via the standard warning response header for each unknown field that is dropped from the object, and for each duplicate field that is encountered. The request will still succeed if there are no other errors, and will only persist the last of any duplicate fields. This is the default in v1.23+ - Strict: This will fail the request with a BadRequest error if any unknown fields would be dropped from the object, or if any duplicate fields are present. The error returned from the server will contain all unknown and duplicate fields encountered.'),
  force: query('force', 'Force is going to "force" Apply requests. It means user will re-acquire conflicting fields owned by other people. Force flag must be unset for non-apply patch requests.', 'boolean'),
  gracePeriodSeconds: query('gracePeriodSeconds', 'The duration in seconds before the object should be deleted. Value must be non-negative integer. The value zero indicates delete immediately. If this value is nil, the default grace period for the specified type will be used. Defaults to a per object value if not specified. zero means delete immediately.', 'integer'),
  propagationPolicy: query('propagationPolicy', "Whether and how garbage collection will be performed. Either this field or OrphanDependents may be set, but not both. The default policy is decided by the existing finalizer set in the metadata.finalizers and the resource-specific default policy. Acceptable values are: 'Orphan' - orphan the dependents; 'Background' - allow the garbage collector to delete the dependents in the background; 'Foreground' - a cascading policy that deletes all dependents in the foreground."),
  labelSelector: query('labelSelector', 'A selector to restrict the list of returned objects by their labels. Defaults to everything.'),
  fieldSelector: query('fieldSelector', 'A selector to restrict the list of returned objects by their fields. Defaults to everything.'),
  limit: query('limit', 'limit is a maximum number of responses to return for a list call. If more items exist, the server will set the `continue` field on the list metadata to a value that can be used with the same initial query to retrieve the next set of results.', 'integer'),
  continue: query('continue', 'The continue option should be set when retrieving more results from the server. Since this value is server defined, clients may only use the continue value from a previous query result with identical query parameters (except for the value of continue) and the server may reject a continue value it does not recognize.'),
  resourceVersion: query('resourceVersion', 'resourceVersion sets a constraint on what resource versions a request may be served from. See https://kubernetes.io/docs/reference/using-api/api-concepts/#resource-versions for details.\n\nDefaults to unset'),
  timeoutSeconds: query('timeoutSeconds', 'Timeout for the list/watch call. This limits the duration of the call, regardless of any activity or inactivity.', 'integer'),
  watch: query('watch', 'Watch for changes to the described resources and return them as a stream of add, update, and remove notifications. Specify resourceVersion.', 'boolean'),
};
const LIST_PARAMS = [P.continue, P.fieldSelector, P.labelSelector, P.limit, P.resourceVersion, P.timeoutSeconds, P.watch];
const WRITE_PARAMS = [P.dryRun, P.fieldManager, P.fieldValidation];

const pathParam = (name: string, description: string): Json => ({
  name,
  in: 'path',
  description,
  required: true,
  schema: { type: 'string', uniqueItems: true },
});

function content(def: string, types = ['application/json', 'application/yaml']): Json {
  return Object.fromEntries(types.map((t) => [t, { schema: { $ref: REF + def } }]));
}

/** `networking.k8s.io` → `Networking`, `rbac.authorization.k8s.io` → `RbacAuthorization`, `` → `Core`. */
function groupCamel(group: string): string {
  if (!group) return 'Core';
  return group
    .replace(/\.k8s\.io$/, '')
    .split('.')
    .map((p) => p[0].toUpperCase() + p.slice(1))
    .join('');
}

interface OpSpec {
  verb: string; // operationId verb: list, create, read, replace, patch, delete, deletecollection
  action: string; // x-kubernetes-action
  description: string;
  gvk: GroupVersionKind;
  body?: string; // request body definition
  response?: string; // 200 body definition
  params?: Json[];
  opName: string; // operationId suffix, e.g. AppsV1NamespacedDeployment
  tag: string;
}

function operation(o: OpSpec): Json {
  const op: Json = {
    description: o.description,
    operationId: `${o.verb}${o.opName}`,
  };
  if (o.params?.length) op.parameters = o.params;
  if (o.body) {
    const types = o.verb === 'patch' ? ['application/apply-patch+yaml', 'application/json-patch+json', 'application/merge-patch+json', 'application/strategic-merge-patch+json'] : ['*/*'];
    op.requestBody = { content: content(o.body, types), required: o.verb !== 'delete' };
  }
  const ok = o.response ? { content: content(o.response), description: 'OK' } : { description: 'OK' };
  const responses: Json = { '200': ok };
  if (o.verb === 'create' || o.verb === 'replace' || o.verb === 'patch') responses['201'] = { ...ok, description: 'Created' };
  if (o.verb === 'create' || o.verb === 'delete') responses['202'] = { ...ok, description: 'Accepted' };
  responses['401'] = { description: 'Unauthorized' };
  op.responses = responses;
  op.tags = [o.tag];
  op['x-kubernetes-action'] = o.action;
  op['x-kubernetes-group-version-kind'] = o.gvk;
  return op;
}

/** Subresources served with the same shapes as upstream; others (exec, attach, portforward, proxy) are omitted. */
const SUBRESOURCE_KIND: Record<string, GroupVersionKind> = {
  scale: { group: 'autoscaling', version: 'v1', kind: 'Scale' },
  eviction: { group: 'policy', version: 'v1', kind: 'Eviction' },
  binding: { group: '', version: 'v1', kind: 'Binding' },
};

/** Adds the path items of one resource to `paths`; returns the definition names the operations reference. */
export function addResourcePaths(paths: Record<string, Json>, r: OpenAPIResource): string[] {
  const prefix = r.group ? `/apis/${r.group}/${r.version}` : `/api/${r.version}`;
  const gvk: GroupVersionKind = { group: r.group, kind: r.kind, version: r.version };
  const def = definitionNameForGVK(r.group, r.version, r.kind);
  const listDef = definitionNameForGVK(r.group, r.version, `${r.kind}List`);
  const used = new Set<string>([`${META}Status`]);
  if (def) used.add(def);
  const ns = r.namespaced ? 'Namespaced' : '';
  const opName = `${groupCamel(r.group)}${r.version[0].toUpperCase()}${r.version.slice(1)}${ns}${r.kind}`;
  const tag = `${r.group ? groupCamel(r.group)[0].toLowerCase() + groupCamel(r.group).slice(1) : 'core'}_${r.version}`;
  const base = r.namespaced ? `${prefix}/namespaces/{namespace}/${r.plural}` : `${prefix}/${r.plural}`;
  const nsParam = pathParam('namespace', 'object name and auth scope, such as for teams and projects');
  const scopeParams = r.namespaced ? [nsParam, P.pretty] : [P.pretty];
  const has = (v: string) => r.verbs.includes(v);
  const spec = (verb: string, action: string, description: string, extra: Partial<OpSpec> = {}) =>
    operation({ verb, action, description, gvk, opName, tag, ...extra });

  const collection: Json = {};
  if (has('list') && listDef) {
    collection.get = spec('list', 'list', `list or watch objects of kind ${r.kind}`, { response: listDef, params: LIST_PARAMS });
    used.add(listDef);
  }
  if (has('create') && def) collection.post = spec('create', 'post', `create a ${r.kind}`, { body: def, response: def, params: WRITE_PARAMS });
  if (has('deletecollection'))
    collection.delete = spec('delete', 'deletecollection', `delete collection of ${r.kind}`, {
      opName: opName.replace(ns + r.kind, `Collection${ns}${r.kind}`),
      body: `${META}DeleteOptions`,
      response: `${META}Status`,
      params: [P.dryRun, P.gracePeriodSeconds, P.propagationPolicy, ...LIST_PARAMS.filter((p) => p !== P.watch)],
    });
  if (Object.keys(collection).length) paths[base] = { ...collection, parameters: scopeParams };

  const nameParam = pathParam('name', `name of the ${r.kind}`);
  const item: Json = {};
  if (has('get') && def) item.get = spec('read', 'get', `read the specified ${r.kind}`, { response: def });
  if (has('update') && def) item.put = spec('replace', 'put', `replace the specified ${r.kind}`, { body: def, response: def, params: WRITE_PARAMS });
  if (has('patch') && def)
    item.patch = spec('patch', 'patch', `partially update the specified ${r.kind}`, {
      body: `${META}Patch`,
      response: def,
      params: [...WRITE_PARAMS, P.force],
    });
  if (has('delete'))
    item.delete = spec('delete', 'delete', `delete a ${r.kind}`, {
      body: `${META}DeleteOptions`,
      response: `${META}Status`,
      params: [P.dryRun, P.gracePeriodSeconds, P.propagationPolicy],
    });
  if (item.patch || item.delete) used.add(`${META}Patch`).add(`${META}DeleteOptions`);
  if (Object.keys(item).length) paths[`${base}/{name}`] = { ...item, parameters: [nameParam, ...scopeParams] };

  if (r.namespaced && has('list') && listDef)
    paths[`${prefix}/${r.plural}`] = {
      get: spec('list', 'list', `list or watch objects of kind ${r.kind}`, { opName: `${opName.replace(ns, '')}ForAllNamespaces`, response: listDef, params: LIST_PARAMS }),
      parameters: [P.pretty],
    };

  for (const sub of r.subresources) {
    const subName = sub[0].toUpperCase() + sub.slice(1);
    const subPath = `${base}/{name}/${sub}`;
    const params = [pathParam('name', `name of the ${subName}`), ...scopeParams];
    const subKind = SUBRESOURCE_KIND[sub] ?? (sub === 'status' || sub === 'ephemeralcontainers' || sub === 'resize' ? gvk : undefined);
    if (sub === 'log') {
      paths[subPath] = { get: spec('read', 'get', `read log of the specified ${r.kind}`, { opName: `${opName}Log` }), parameters: params };
      continue;
    }
    if (!subKind) continue;
    const subDef = definitionNameForGVK(subKind.group, subKind.version, subKind.kind);
    if (!subDef) continue;
    used.add(subDef);
    const sopts = { opName: `${opName}${subName}`, gvk: subKind };
    if (sub === 'eviction' || sub === 'binding') {
      paths[subPath] = { post: spec('create', 'post', `create ${sub} of a ${r.kind}`, { ...sopts, body: subDef, response: subDef, params: WRITE_PARAMS }), parameters: params };
      continue;
    }
    paths[subPath] = {
      get: spec('read', 'get', `read ${sub} of the specified ${r.kind}`, { ...sopts, response: subDef }),
      patch: spec('patch', 'patch', `partially update ${sub} of the specified ${r.kind}`, { ...sopts, body: `${META}Patch`, response: subDef, params: [...WRITE_PARAMS, P.force] }),
      put: spec('replace', 'put', `replace ${sub} of the specified ${r.kind}`, { ...sopts, body: subDef, response: subDef, params: WRITE_PARAMS }),
      parameters: params,
    };
    used.add(`${META}Patch`);
  }
  return [...used];
}
