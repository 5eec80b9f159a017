/**
 * `/openapi/v3` (the index of group-version documents) and `/openapi/v3/<gvPath>` (one OpenAPI 3.0 document
 * per group-version), built from the served resources and the generated schema definitions.
 * Output is deterministic: same resources → same bytes (paths and schemas are emitted in sorted order) and
 * the `hash` in each serverRelativeURL is a digest of the document's JSON.
 */
import { allDefinitions, definitionClosure } from '../../api/schema';
import type { Schema } from '../../api/schema';
import { addResourcePaths } from './paths';
import type { OpenAPIResource, OpenAPIV3Index } from './types';

export interface OpenAPIV3Document {
  openapi: '3.0.0';
  info: { title: string; version: string };
  paths: Record<string, unknown>;
  components: { schemas: Record<string, Schema> };
}

const SERVER_VERSION = 'v1.32.4';
const META = 'io.k8s.apimachinery.pkg.apis.meta.v1.';

/** `api/v1` for the core group, `apis/<group>/<version>` otherwise. */
export function gvPathOf(group: string, version: string): string {
  return group ? `apis/${group}/${version}` : `api/${version}`;
}

function sortedRecord<T>(r: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(r).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

function buildDocument(resources: OpenAPIResource[], gvPath: string): OpenAPIV3Document | undefined {
  const mine = resources.filter((r) => gvPathOf(r.group, r.version) === gvPath);
  if (!mine.length) return undefined;
  const paths: Record<string, Record<string, unknown>> = {};
  const used = new Set<string>([`${META}APIResourceList`]);
  paths[`/${gvPath}/`] = {
    get: {
      description: 'get available resources',
      operationId: `get${mine[0].group ? '' : 'Core'}APIResources`,
      responses: {
        '200': { content: { 'application/json': { schema: { $ref: `#/components/schemas/${META}APIResourceList` } } }, description: 'OK' },
        '401': { description: 'Unauthorized' },
      },
    },
  };
  for (const r of [...mine].sort((a, b) => (a.plural < b.plural ? -1 : 1))) for (const d of addResourcePaths(paths, r)) used.add(d);
  const defs = allDefinitions();
  const schemas: Record<string, Schema> = {};
  for (const name of definitionClosure(used)) schemas[name] = defs[name];
  return {
    openapi: '3.0.0',
    info: { title: 'Kubernetes', version: SERVER_VERSION },
    paths: sortedRecord(paths),
    components: { schemas },
  };
}

/** FNV-1a (64-bit, as two 32-bit lanes) of a string, as 16 upper-case hex digits: stable across runtimes. */
export function digest(s: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0xcbf29ce4;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ c ^ (h1 >>> 7), 0x01000193) >>> 0;
  }
  return (h1.toString(16).padStart(8, '0') + h2.toString(16).padStart(8, '0')).toUpperCase();
}

interface Built {
  docs: Map<string, { doc: OpenAPIV3Document; json: string; hash: string }>;
  index: OpenAPIV3Index;
}

let memo: { key: string; built: Built } | undefined;

/** Builds (once per distinct resource set) every group-version document and the index. */
function build(resources: OpenAPIResource[]): Built {
  const key = JSON.stringify(resources.map((r) => [r.group, r.version, r.kind, r.plural, r.namespaced, r.verbs, r.subresources]));
  if (memo?.key === key) return memo.built;
  const docs: Built['docs'] = new Map();
  const gvPaths = [...new Set(resources.map((r) => gvPathOf(r.group, r.version)))].sort();
  const index: OpenAPIV3Index = { paths: {} };
  for (const p of gvPaths) {
    const doc = buildDocument(resources, p);
    if (!doc) continue;
    const json = JSON.stringify(doc);
    const hash = digest(json);
    docs.set(p, { doc, json, hash });
    index.paths[p] = { serverRelativeURL: `/openapi/v3/${p}?hash=${hash}` };
  }
  memo = { key, built: { docs, index } };
  return memo.built;
}

/** The `/openapi/v3` body: `{"paths":{"api/v1":{"serverRelativeURL":"/openapi/v3/api/v1?hash=..."},...}}`. */
export function openapiV3Index(resources: OpenAPIResource[]): OpenAPIV3Index {
  return build(resources).index;
}

/** The document for `gvPath` (`api/v1`, `apis/apps/v1`; a leading `/` or `openapi/v3/` is tolerated). */
export function openapiV3Document(resources: OpenAPIResource[], gvPath: string): OpenAPIV3Document | undefined {
  return build(resources).docs.get(normalize(gvPath))?.doc;
}

/** The same document already serialized (avoids re-stringifying ~0.5 MB per request). */
export function openapiV3DocumentJSON(resources: OpenAPIResource[], gvPath: string): string | undefined {
  return build(resources).docs.get(normalize(gvPath))?.json;
}

function normalize(gvPath: string): string {
  return gvPath.replace(/^\/+/, '').replace(/^openapi\/v3\//, '').replace(/\/+$/, '').split('?')[0];
}
