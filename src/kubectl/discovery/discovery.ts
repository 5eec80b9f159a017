/**
 * Aggregated discovery (v2), fetched as kubectl 1.32 does: `GET /api` and `GET /apis` with the
 * APIGroupDiscoveryList Accept header. The result is cached for the session, as kubectl caches it
 * on disk; an unknown resource type refreshes it once (the deferred REST mapper's retry).
 */
import type { RestClient } from '../client/rest';
import type { ApiResource } from './types';

export const DISCOVERY_ACCEPT =
  'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList,application/json';

interface DiscoveryResource {
  resource: string;
  responseKind?: { group?: string; version?: string; kind?: string };
  scope?: string;
  singularResource?: string;
  verbs?: string[];
  shortNames?: string[];
  categories?: string[];
  subresources?: { subresource: string }[];
}

interface GroupDiscovery {
  metadata?: { name?: string };
  versions?: { version: string; resources?: DiscoveryResource[] }[];
}

function fromGroups(items: GroupDiscovery[]): ApiResource[] {
  const out: ApiResource[] = [];
  for (const g of items) {
    const group = g.metadata?.name ?? '';
    (g.versions ?? []).forEach((v, vi) => {
      for (const r of v.resources ?? []) {
        out.push({
          group,
          version: v.version,
          resource: r.resource,
          kind: r.responseKind?.kind ?? '',
          singular: r.singularResource || (r.responseKind?.kind ?? '').toLowerCase(),
          namespaced: r.scope === 'Namespaced',
          verbs: r.verbs ?? [],
          shortNames: r.shortNames ?? [],
          categories: r.categories ?? [],
          subresources: (r.subresources ?? []).map((s) => s.subresource),
          preferred: vi === 0,
        });
      }
    });
  }
  return out;
}

/** Everything the server serves, core group first, in the server's order. */
export async function fetchDiscovery(client: RestClient): Promise<ApiResource[]> {
  const core = await client.getJSON<{ items?: GroupDiscovery[] }>('/api', {}, DISCOVERY_ACCEPT, { timeout: '32s' }, true);
  const groups = await client.getJSON<{ items?: GroupDiscovery[] }>('/apis', {}, DISCOVERY_ACCEPT, { timeout: '32s' });
  return [...fromGroups(core?.items ?? []), ...fromGroups(groups?.items ?? [])];
}

/** The session's discovery, fetched on first use and refreshed on demand. */
export class DiscoveryCache {
  private resources: ApiResource[] | undefined;
  private fresh = false;

  /** `fresh` is true when the data was fetched during this command (no point refreshing again). */
  async get(client: RestClient): Promise<ApiResource[]> {
    if (!this.resources) {
      this.resources = await fetchDiscovery(client);
      this.fresh = true;
    }
    return this.resources;
  }

  /** Fetches again unless this command already did; returns whether anything was re-fetched. */
  async refresh(client: RestClient): Promise<boolean> {
    if (this.fresh && this.resources) return false;
    this.resources = await fetchDiscovery(client);
    this.fresh = true;
    return true;
  }

  /** Called at the start of each command: cached data is now "old" (may be refreshed once). */
  age(): void {
    this.fresh = false;
  }

  invalidate(): void {
    this.resources = undefined;
  }
}
