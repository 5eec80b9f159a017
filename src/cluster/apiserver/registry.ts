import { apiVersionOf, resourceKey, type ResourceDef } from './types';

/**
 * The resource registry: one list of ResourceDefs drives routing, discovery, OpenAPI, printing
 * and storage. Lookups are precomputed maps, never scans.
 */
export class Registry {
  private byGR = new Map<string, ResourceDef>();
  private byGVK = new Map<string, ResourceDef>();
  private byName = new Map<string, ResourceDef[]>();

  constructor(readonly defs: readonly ResourceDef[]) {
    for (const d of defs) {
      this.byGR.set(`${d.group}/${d.plural}`, d);
      this.byGVK.set(`${apiVersionOf(d)}/${d.kind}`, d);
      const names = new Set([d.plural, d.singular, d.kind.toLowerCase(), ...(d.shortNames ?? [])]);
      for (const n of names) {
        for (const key of [n, `${n}.${d.group}`, `${n}.${d.version}.${d.group}`]) {
          const list = this.byName.get(key) ?? [];
          list.push(d);
          this.byName.set(key, list);
        }
      }
    }
  }

  /** By group and plural (`apps`, `deployments`), as URLs name resources. */
  get(group: string, plural: string): ResourceDef | undefined {
    return this.byGR.get(`${group}/${plural}`);
  }

  /** By apiVersion and kind, as manifests name them. */
  forKind(apiVersion: string, kind: string): ResourceDef | undefined {
    return this.byGVK.get(`${apiVersion}/${kind}`);
  }

  /** By what a user types (`po`, `deploy`, `deployments.apps`, `Pod`); core group wins ties as kubectl's does. */
  resolve(name: string): ResourceDef | undefined {
    const list = this.byName.get(name.toLowerCase());
    if (!list) return undefined;
    return list.find((d) => d.group === '') ?? list[0];
  }

  /** Group versions in discovery order (core first). */
  groupVersions(): { group: string; version: string; defs: ResourceDef[] }[] {
    const out = new Map<string, { group: string; version: string; defs: ResourceDef[] }>();
    for (const d of this.defs) {
      const k = apiVersionOf(d);
      if (!out.has(k)) out.set(k, { group: d.group, version: d.version, defs: [] });
      out.get(k)!.defs.push(d);
    }
    return [...out.values()];
  }

  key(d: ResourceDef): string {
    return resourceKey(d);
  }
}
