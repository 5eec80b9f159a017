/**
 * Which resource serves a manifest's apiVersion + kind, learned the way kubectl learns it: the
 * aggregated discovery documents at `/api` and `/apis` (one request each, cached for the life of
 * the object). The server answers them in the v2 aggregated format kubectl asks for.
 */
import type { ApplyRestReply, RestFn } from './types';

export interface ResourceMapping {
  group: string;
  version: string;
  kind: string;
  /** Plural resource name used in paths (`deployments`). */
  resource: string;
  namespaced: boolean;
}

const AGGREGATED =
  'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList,application/json';

interface DiscoveryResource {
  resource: string;
  responseKind?: { group: string; version: string; kind: string };
  scope: 'Namespaced' | 'Cluster';
}
interface DiscoveryList {
  items?: { metadata?: { name?: string }; versions?: { version: string; resources?: DiscoveryResource[] }[] }[];
}

/** `apps/v1` → [`apps`, `v1`]; `v1` → [``, `v1`]. */
export function splitApiVersion(apiVersion: string): [string, string] {
  const i = apiVersion.indexOf('/');
  return i < 0 ? ['', apiVersion] : [apiVersion.slice(0, i), apiVersion.slice(i + 1)];
}

export class Discovery {
  private byGvk: Promise<Map<string, ResourceMapping>> | undefined;

  constructor(private readonly rest: RestFn) {}

  /** The mapping for a manifest's apiVersion and kind, or undefined when no served resource has that kind. */
  async find(apiVersion: string, kind: string): Promise<ResourceMapping | undefined> {
    const [group, version] = splitApiVersion(apiVersion);
    return (await this.load()).get(`${group}/${version}/${kind}`);
  }

  /** Every served kind (the editor builds its schema from these). */
  async all(): Promise<ResourceMapping[]> {
    return [...(await this.load()).values()];
  }

  /** Forget the cache (kubectl's `api-resources` refresh). */
  invalidate(): void {
    this.byGvk = undefined;
  }

  private load(): Promise<Map<string, ResourceMapping>> {
    this.byGvk ??= Promise.all([this.fetch('/api'), this.fetch('/apis')]).then((lists) => {
      const map = new Map<string, ResourceMapping>();
      for (const list of lists) {
        for (const g of list.items ?? []) {
          const group = g.metadata?.name ?? '';
          for (const v of g.versions ?? []) {
            for (const r of v.resources ?? []) {
              const kind = r.responseKind?.kind;
              if (!kind) continue;
              const key = `${group}/${v.version}/${kind}`;
              if (!map.has(key)) map.set(key, { group, version: v.version, kind, resource: r.resource, namespaced: r.scope === 'Namespaced' });
            }
          }
        }
      }
      return map;
    });
    this.byGvk.catch(() => (this.byGvk = undefined));
    return this.byGvk;
  }

  private async fetch(path: string): Promise<DiscoveryList> {
    const r: ApplyRestReply = await this.rest({ method: 'GET', path, query: {}, accept: AGGREGATED });
    if (r.status !== 200 || !r.body) throw new Error(`discovery ${path} failed with ${r.status}`);
    return JSON.parse(r.body) as DiscoveryList;
  }
}

/** `/apis/apps/v1/namespaces/default/deployments[/web]` */
export function resourcePath(m: ResourceMapping, namespace: string | undefined, name?: string): string {
  const root = m.group ? `/apis/${m.group}/${m.version}` : `/api/${m.version}`;
  const ns = m.namespaced && namespace ? `/namespaces/${encodeURIComponent(namespace)}` : '';
  return `${root}${ns}/${m.resource}${name === undefined ? '' : `/${encodeURIComponent(name)}`}`;
}
