/**
 * Resource-name resolution as kubectl does it (cli-runtime Builder.mappingFor over a shortcut-
 * expanding, priority-ordered discovery REST mapper): `po`, `pods`, `pod`, `Pod`, `deploy.apps`,
 * `deployments.v1.apps`, `Deployment.v1.apps`; categories (`all`) expand to their members.
 */
import type { ApiResource, Mapping } from './types';

export class NoKindMatchError extends Error {
  constructor(
    readonly kind: string,
    readonly group: string,
    readonly version: string,
  ) {
    super(`no matches for kind "${kind}" in ${version ? `version "${group ? `${group}/` : ''}${version}"` : `group "${group}"`}`);
  }
}

/** schema.ParseResourceArg: `a.b.c` is also tried as resource.version.group. */
function parseResourceArg(arg: string): { full?: { resource: string; version: string; group: string }; resource: string; group: string } {
  let full;
  if ((arg.match(/\./g) ?? []).length >= 2) {
    const [resource, version, ...g] = arg.split('.');
    full = { resource, version, group: g.join('.') };
  }
  const i = arg.indexOf('.');
  return i >= 0 ? { full, resource: arg.slice(0, i), group: arg.slice(i + 1) } : { full, resource: arg, group: '' };
}

export class RestMapper {
  constructor(readonly resources: ApiResource[]) {}

  /** Top-level resources only (no `pods/log`). */
  private rank(r: ApiResource): number {
    // PriorityRESTMapper: preferred versions of every group (in discovery order) before the rest.
    const i = this.resources.indexOf(r);
    return (r.preferred ? 0 : 1_000_000) + i;
  }

  private pick(cands: ApiResource[]): ApiResource | undefined {
    return [...cands].sort((a, b) => this.rank(a) - this.rank(b))[0];
  }

  /** The shortcut expander: a short name (optionally with its group) becomes the full resource. */
  private expand(resource: string, group: string): { resource: string; group: string } {
    for (const r of this.resources) {
      if (r.shortNames.includes(resource) && (group === '' || group === r.group)) return { resource: r.resource, group: r.group };
    }
    return { resource, group };
  }

  /** RESTMapper.ResourcesFor on a bare resource name: every group's match, in priority order. */
  resourcesFor(resource: string): ApiResource[] {
    const e = this.expand(resource.toLowerCase(), '');
    const res = e.resource.toLowerCase();
    return this.resources
      .filter((r) => (r.resource === res || r.singular === res) && (e.group === '' || r.group === e.group) && !r.resource.includes('/'))
      .sort((a, b) => this.rank(a) - this.rank(b));
  }

  /** RESTMapper.KindFor on a (possibly partial) resource; undefined when nothing matches. */
  resourceFor(resource: string, group: string, version: string): ApiResource | undefined {
    const e = this.expand(resource, group);
    const res = e.resource.toLowerCase();
    const cands = this.resources.filter(
      (r) => (r.resource === res || r.singular === res) && (e.group === '' || r.group === e.group) && (version === '' || r.version === version),
    );
    return this.pick(cands);
  }

  /** RESTMapper.RESTMapping for a group/kind and optional version. */
  kindFor(kind: string, group: string, version: string): ApiResource | undefined {
    const cands = this.resources.filter((r) => r.kind === kind && r.group === group && (version === '' || r.version === version));
    return this.pick(cands);
  }

  /** For manifests: apiVersion + kind → mapping, or NoKindMatchError. */
  mappingForGVK(apiVersion: string, kind: string): Mapping {
    const slash = apiVersion.indexOf('/');
    const group = slash >= 0 ? apiVersion.slice(0, slash) : '';
    const version = slash >= 0 ? apiVersion.slice(slash + 1) : apiVersion;
    const m = this.kindFor(kind, group, version);
    if (!m) throw new NoKindMatchError(kind, group, version);
    return m;
  }

  /** Builder.mappingFor: a resource or kind argument → mapping; undefined when the server has no such type. */
  mappingFor(arg: string): Mapping | undefined {
    const { full, resource, group } = parseResourceArg(arg);
    let m: ApiResource | undefined;
    if (full) m = this.resourceFor(full.resource, full.group, full.version);
    if (!m) m = this.resourceFor(resource, group, '');
    if (m) return m;
    // schema.ParseKindArg: Kind.version.group, then Kind.group.
    if (full) {
      const k = this.kindFor(full.resource, full.group, full.version);
      if (k) return k;
    }
    return this.kindFor(resource, group, '');
  }

  /** A category's members as builder aliases (`pods`, `deployments.apps`), or undefined. */
  expandCategory(name: string): string[] | undefined {
    const seen = new Set<string>();
    const out: string[] = [];
    for (const r of this.resources) {
      if (!r.categories.includes(name)) continue;
      const key = r.group ? `${r.resource}.${r.group}` : r.resource;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(key);
    }
    return out.length ? out : undefined;
  }
}
