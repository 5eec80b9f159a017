/** One served resource, as discovery describes it (a RESTMapping plus what api-resources prints). */
export interface ApiResource {
  group: string;
  version: string;
  /** Plural, lowercase: `deployments`. */
  resource: string;
  kind: string;
  singular: string;
  namespaced: boolean;
  verbs: string[];
  shortNames: string[];
  categories: string[];
  subresources: string[];
  /** True for the group's preferred (first listed) version. */
  preferred: boolean;
}

/** A resolved type: what the builder and every command work with. */
export type Mapping = ApiResource;

export function groupVersion(m: { group: string; version: string }): string {
  return m.group ? `${m.group}/${m.version}` : m.version;
}

/** `deployment.apps` / `pod`: the GroupKind string kubectl prints before names. */
export function groupKindString(m: { group: string; kind: string }): string {
  return m.group ? `${m.kind.toLowerCase()}.${m.group}` : m.kind.toLowerCase();
}

/** `deployments.apps` / `pods`: the GroupResource string in API messages. */
export function groupResourceString(m: { group: string; resource: string }): string {
  return m.group ? `${m.resource}.${m.group}` : m.resource;
}
