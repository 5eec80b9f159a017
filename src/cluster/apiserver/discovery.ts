import type { Registry } from './registry';
import { apiVersionOf, type ResourceDef } from './types';
import { ALL_VERBS } from './resources/common';

export const AGGREGATED_CONTENT_TYPE = 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList';

const SUBRESOURCE_VERBS: Record<string, string[]> = {
  status: ['get', 'patch', 'update'],
  scale: ['get', 'patch', 'update'],
  binding: ['create'],
  eviction: ['create'],
  token: ['create'],
  log: ['get'],
  finalize: ['update'],
  ephemeralcontainers: ['get', 'patch', 'update'],
  resize: ['get', 'patch', 'update'],
  attach: ['create', 'get'],
  exec: ['create', 'get'],
  portforward: ['create', 'get'],
  proxy: ['create', 'delete', 'get', 'patch', 'update'],
};

const SUBRESOURCE_KIND: Record<string, { group: string; version: string; kind: string }> = {
  scale: { group: 'autoscaling', version: 'v1', kind: 'Scale' },
  binding: { group: '', version: 'v1', kind: 'Binding' },
  eviction: { group: 'policy', version: 'v1', kind: 'Eviction' },
  token: { group: 'authentication.k8s.io', version: 'v1', kind: 'TokenRequest' },
};

const verbsOf = (d: ResourceDef) => d.verbs ?? ALL_VERBS;

/** /version: what the headless server reports itself as (kubectl's dispatcher picks its 1.32 binary from it). */
export function versionInfo() {
  return {
    major: '1',
    minor: '32',
    gitVersion: 'v1.32.4',
    gitCommit: '59526cd4867447956156ae3a602fcbac10a2c335',
    gitTreeState: 'clean',
    buildDate: '2025-04-22T16:00:00Z',
    goVersion: 'go1.23.6',
    compiler: 'gc',
    platform: 'linux/amd64',
  };
}

/** Legacy /api. */
export function apiVersions() {
  return { kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress: '127.0.0.1:6443' }] };
}

/** Legacy /apis. */
export function apiGroupList(reg: Registry) {
  const groups = new Map<string, string[]>();
  for (const gv of reg.groupVersions()) {
    if (!gv.group) continue;
    groups.set(gv.group, [...(groups.get(gv.group) ?? []), gv.version]);
  }
  return {
    kind: 'APIGroupList',
    apiVersion: 'v1',
    groups: [...groups].map(([name, versions]) => ({
      name,
      versions: versions.map((v) => ({ groupVersion: `${name}/${v}`, version: v })),
      preferredVersion: { groupVersion: `${name}/${versions[0]}`, version: versions[0] },
    })),
  };
}

/** Legacy /apis/<group>. */
export function apiGroup(reg: Registry, group: string) {
  const list = apiGroupList(reg).groups.find((g) => g.name === group);
  return list ? { kind: 'APIGroup', apiVersion: 'v1', ...list } : undefined;
}

/** Legacy /api/v1 or /apis/<group>/<version>: an APIResourceList with subresources as `pods/status`. */
export function apiResourceList(reg: Registry, group: string, version: string) {
  const defs = reg.defs.filter((d) => d.group === group && d.version === version);
  if (!defs.length) return undefined;
  const resources: Record<string, unknown>[] = [];
  for (const d of defs) {
    resources.push({
      name: d.plural,
      singularName: d.singular,
      namespaced: d.namespaced,
      kind: d.kind,
      verbs: verbsOf(d),
      ...(d.shortNames?.length ? { shortNames: d.shortNames } : {}),
      ...(d.categories?.length ? { categories: d.categories } : {}),
    });
    for (const s of d.subresources ?? []) {
      const k = SUBRESOURCE_KIND[s];
      resources.push({
        name: `${d.plural}/${s}`,
        singularName: '',
        namespaced: d.namespaced,
        ...(k && k.group ? { group: k.group, version: k.version } : {}),
        kind: k?.kind ?? d.kind,
        verbs: SUBRESOURCE_VERBS[s] ?? ['get'],
      });
    }
  }
  return { kind: 'APIResourceList', apiVersion: 'v1', groupVersion: apiVersionOf({ group, version }), resources };
}

/** Aggregated discovery v2 for `/api` (core) or `/apis` (named groups). */
export function aggregatedDiscovery(reg: Registry, core: boolean) {
  const byGroup = new Map<string, Map<string, ResourceDef[]>>();
  for (const d of reg.defs) {
    if ((d.group === '') !== core) continue;
    const versions = byGroup.get(d.group) ?? new Map<string, ResourceDef[]>();
    versions.set(d.version, [...(versions.get(d.version) ?? []), d]);
    byGroup.set(d.group, versions);
  }
  return {
    kind: 'APIGroupDiscoveryList',
    apiVersion: 'apidiscovery.k8s.io/v2',
    metadata: {},
    items: [...byGroup].map(([group, versions]) => ({
      metadata: { name: group, creationTimestamp: null },
      versions: [...versions].map(([version, defs]) => ({
        version,
        freshness: 'Current',
        resources: defs.map((d) => ({
          resource: d.plural,
          responseKind: { group: d.group, version: d.version, kind: d.kind },
          scope: d.namespaced ? 'Namespaced' : 'Cluster',
          singularResource: d.singular,
          verbs: verbsOf(d),
          ...(d.shortNames?.length ? { shortNames: d.shortNames } : {}),
          ...(d.categories?.length ? { categories: d.categories } : {}),
          ...(d.subresources?.length
            ? {
                subresources: d.subresources.map((s) => ({
                  subresource: s,
                  responseKind: SUBRESOURCE_KIND[s] ?? { group: d.group, version: d.version, kind: d.kind },
                  verbs: SUBRESOURCE_VERBS[s] ?? ['get'],
                })),
              }
            : {}),
        })),
      })),
    })),
  };
}
