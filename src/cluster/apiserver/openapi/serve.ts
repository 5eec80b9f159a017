/**
 * Glue between the registry and the REST handler: answers `/openapi/<path>` (path without the `/openapi/`
 * prefix). `v3` → the index; `v3/<gvPath>` → that group-version's document (pre-serialized JSON string);
 * anything else (including `v2`) → undefined, i.e. 404, which is what kubectl expects of a v3-only server.
 */
import type { Registry } from '../registry';
import { openapiV3DocumentJSON, openapiV3Index } from './document';
import type { OpenAPIResource } from './types';

const DEFAULT_VERBS = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];

/** The registry's resources in the shape the OpenAPI builder takes. */
export function openapiResources(registry: Registry): OpenAPIResource[] {
  return registry.defs.map((d) => ({
    group: d.group,
    version: d.version,
    kind: d.kind,
    plural: d.plural,
    namespaced: d.namespaced,
    verbs: d.verbs ?? DEFAULT_VERBS,
    subresources: d.subresources ?? [],
  }));
}

export function openapiExtension(registry: Registry): (path: string, query: Record<string, string>) => unknown | undefined {
  const resources = openapiResources(registry);
  return (path) => {
    const clean = path.replace(/^\/+|\/+$/g, '');
    if (clean === 'v3') return openapiV3Index(resources);
    if (clean.startsWith('v3/')) return openapiV3DocumentJSON(resources, clean.slice(3));
    return undefined;
  };
}
