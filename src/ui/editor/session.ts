/**
 * Everything the editor shares across tabs for one host: discovery (which kinds exist, which
 * resource serves each), the JSON schema built from them, and fetching live objects.
 */
import { allDefinitions } from '../../cluster/api/schema';
import { Discovery, resourcePath, statusOf, type JsonMap, type ResourceMapping, type Status } from '../../client/apply';
import type { LiveRef } from './buffers/types';
import type { EditorHost } from './host';
import { buildManifestSchema, definitionIndex, type Gvk, type JsonSchema } from './schema/generate';

export class EditorSession {
  readonly discovery: Discovery;
  private schemaP: Promise<JsonSchema> | undefined;

  constructor(readonly host: EditorHost) {
    this.discovery = new Discovery((r) => host.rest(r));
  }

  /** The manifest schema for the kinds the cluster serves (every known kind if discovery fails). */
  schema(): Promise<JsonSchema> {
    this.schemaP ??= this.discovery.all().then(
      (ms) => buildManifestSchema(allDefinitions(), ms),
      () => buildManifestSchema(allDefinitions(), everyKind()),
    );
    return this.schemaP;
  }

  /** The served resource for a kind named without a group (`Deployment`); core and apps first. */
  async mappingForKind(kind: string): Promise<ResourceMapping | undefined> {
    const all = (await this.discovery.all()).filter((m) => m.kind === kind);
    return all.find((m) => m.group === '') ?? all.find((m) => m.group === 'apps') ?? all[0];
  }

  async liveRef(kind: string, name: string, namespace?: string): Promise<LiveRef | undefined> {
    const m = await this.mappingForKind(kind);
    if (!m) return undefined;
    return { apiVersion: m.group ? `${m.group}/${m.version}` : m.version, kind, name, namespace: m.namespaced ? (namespace ?? 'default') : undefined, resource: m.resource, group: m.group, version: m.version };
  }

  /** Objects of the kinds people open most, for the "From the cluster" list. */
  async listObjects(): Promise<ObjectItem[]> {
    const out: ObjectItem[] = [];
    for (const kind of LISTED_KINDS) {
      const m = await this.mappingForKind(kind);
      if (!m) continue;
      const r = await this.host.rest({ method: 'GET', path: resourcePath(m, undefined), query: { limit: '500' }, accept: 'application/json' });
      if (r.status >= 400) continue;
      const items = (JSON.parse(r.body ?? '{}') as { items?: JsonMap[] }).items ?? [];
      for (const o of items) {
        const meta = (o.metadata ?? {}) as { name?: string; namespace?: string };
        if (meta.name) out.push({ kind, name: meta.name, namespace: meta.namespace });
      }
    }
    return out;
  }

  /** GET the object; a Status when it cannot. */
  async fetch(ref: LiveRef): Promise<JsonMap | Status> {
    const r = await this.host.rest({ method: 'GET', path: pathOf(ref), query: {}, accept: 'application/json' });
    if (r.status >= 400) return statusOf(r.status, r.body);
    return JSON.parse(r.body ?? '{}') as JsonMap;
  }
}

export interface ObjectItem {
  kind: string;
  name: string;
  namespace?: string;
}

const LISTED_KINDS = ['Deployment', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob', 'Service', 'ConfigMap', 'Secret', 'Pod', 'ResourceQuota', 'Namespace', 'Node'];

const mappingOf = (ref: LiveRef) => ({ group: ref.group, version: ref.version, kind: ref.kind, resource: ref.resource, namespaced: !!ref.namespace });

/** The object's own path. */
export function pathOf(ref: LiveRef): string {
  return resourcePath(mappingOf(ref), ref.namespace, ref.name);
}

/** The collection the object is in (for list and watch). */
export function collectionOf(ref: LiveRef): string {
  return resourcePath(mappingOf(ref), ref.namespace);
}

export const isStatus = (v: JsonMap | Status): v is Status => v.kind === 'Status' && typeof (v as Status).code === 'number';

function everyKind(): Gvk[] {
  return [...definitionIndex(allDefinitions()).keys()]
    .map((k) => {
      const parts = k.split('/');
      const kind = parts.pop()!;
      const version = parts.pop()!;
      return { group: parts.join('/'), version, kind };
    })
    .filter((g) => !g.kind.endsWith('List'));
}
