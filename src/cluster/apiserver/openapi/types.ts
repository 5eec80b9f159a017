/** One served resource, as the registry describes it to the OpenAPI builder. */
export interface OpenAPIResource {
  group: string;
  version: string;
  kind: string;
  plural: string;
  namespaced: boolean;
  /** Verbs of the main resource: get, list, watch, create, update, patch, delete, deletecollection. */
  verbs: string[];
  /** Subresource names: status, scale, log, eviction, binding, ... */
  subresources: string[];
}

/** The `/openapi/v3` discovery document. */
export interface OpenAPIV3Index {
  paths: Record<string, { serverRelativeURL: string }>;
}
