/**
 * The editor's JSON Schema (draft-07, what monaco-yaml's language service reads), generated from
 * the cluster's own OpenAPI definitions — the same ones behind server-side field validation,
 * /openapi/v3 and `kubectl explain` — so completion, hover text and warnings agree with what the
 * API server accepts. One schema covers every served kind: the document's `kind` (and, for kinds
 * served in two groups, its `apiVersion`) selects the definition with `if`/`then`.
 *
 * Conversions: `#/components/schemas/X` refs become `#/definitions/X`; objects with properties are
 * closed (`additionalProperties: false`), as strict field validation rejects unknown fields;
 * int-or-string and quantity become type unions; `x-kubernetes-*` extensions are dropped.
 */
import type { Schema } from '../../../cluster/api/schema/types';

export interface Gvk {
  group: string;
  version: string;
  kind: string;
}

/** A JSON Schema node as monaco-yaml consumes it (draft-07 subset). */
export interface JsonSchema {
  $schema?: string;
  $ref?: string;
  type?: string | string[];
  description?: string;
  properties?: Record<string, JsonSchema>;
  additionalProperties?: JsonSchema | boolean;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  allOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  if?: JsonSchema;
  then?: JsonSchema;
  format?: string;
  definitions?: Record<string, JsonSchema>;
}

const PREFIX = '#/components/schemas/';
const TIME = 'io.k8s.apimachinery.pkg.apis.meta.v1.Time';
/** Values that may be written as a number or a string. */
const UNIONS: Record<string, string[]> = {
  'io.k8s.apimachinery.pkg.util.intstr.IntOrString': ['integer', 'string'],
  'io.k8s.apimachinery.pkg.api.resource.Quantity': ['string', 'number'],
};

export const apiVersionOf = (g: Pick<Gvk, 'group' | 'version'>) => (g.group ? `${g.group}/${g.version}` : g.version);

/** The definition name of each kind (`io.k8s.api.apps.v1.Deployment`), from `x-kubernetes-group-version-kind`. */
export function definitionIndex(defs: Readonly<Record<string, Schema>>): Map<string, string> {
  const m = new Map<string, string>();
  for (const [name, s] of Object.entries(defs)) {
    for (const g of s['x-kubernetes-group-version-kind'] ?? []) m.set(`${apiVersionOf(g)}/${g.kind}`, name);
  }
  return m;
}

function convert(s: Schema, name?: string): JsonSchema {
  if (name && UNIONS[name]) return { type: UNIONS[name], ...(s.description ? { description: s.description } : {}) };
  if (name === TIME) return { type: ['string', 'null'], format: 'date-time', ...(s.description ? { description: s.description } : {}) };
  const out: JsonSchema = {};
  if (s.$ref) out.$ref = `#/definitions/${s.$ref.startsWith(PREFIX) ? s.$ref.slice(PREFIX.length) : s.$ref}`;
  if (s.type) out.type = s.type;
  if (s.description) out.description = s.description;
  if (s.format === 'date-time') out.format = s.format;
  if (s.enum) out.enum = [...s.enum];
  if (s.allOf) out.allOf = s.allOf.map((x) => convert(x));
  if (s.oneOf) out.oneOf = s.oneOf.map((x) => convert(x));
  if (s.items) out.items = convert(s.items);
  if (s.required?.length) out.required = [...s.required];
  if (s.properties) {
    out.properties = {};
    for (const [k, v] of Object.entries(s.properties)) out.properties[k] = convert(v);
    out.additionalProperties = s.additionalProperties === undefined ? false : typeof s.additionalProperties === 'boolean' ? s.additionalProperties : convert(s.additionalProperties);
  } else if (s.additionalProperties !== undefined) {
    out.additionalProperties = typeof s.additionalProperties === 'boolean' ? s.additionalProperties : convert(s.additionalProperties);
  }
  return out;
}

/** Names of `roots` and every definition they reference. */
function closure(defs: Readonly<Record<string, Schema>>, roots: string[]): string[] {
  const seen = new Set<string>();
  const visit = (s: Schema | boolean | undefined): void => {
    if (!s || typeof s === 'boolean') return;
    if (s.$ref) add(s.$ref.startsWith(PREFIX) ? s.$ref.slice(PREFIX.length) : s.$ref);
    for (const x of [...(s.allOf ?? []), ...(s.oneOf ?? []), ...Object.values(s.properties ?? {})]) visit(x);
    visit(s.items);
    visit(s.additionalProperties);
  };
  const add = (n: string): void => {
    if (seen.has(n) || !Object.hasOwn(defs, n)) return;
    seen.add(n);
    visit(defs[n]);
  };
  roots.forEach(add);
  return [...seen].sort();
}

/**
 * The schema for manifests of the given kinds (those the API server serves, from discovery).
 * Kinds without a definition are skipped.
 */
export function buildManifestSchema(defs: Readonly<Record<string, Schema>>, kinds: readonly Gvk[]): JsonSchema {
  const index = definitionIndex(defs);
  const byKind = new Map<string, { apiVersion: string; def: string }[]>();
  for (const k of kinds) {
    const def = index.get(`${apiVersionOf(k)}/${k.kind}`);
    if (!def) continue;
    const list = byKind.get(k.kind) ?? [];
    if (!list.some((x) => x.def === def)) list.push({ apiVersion: apiVersionOf(k), def });
    byKind.set(k.kind, list);
  }
  const kindNames = [...byKind.keys()].sort();
  const branches: JsonSchema[] = kindNames.map((kind) => {
    const versions = byKind.get(kind)!;
    const apiVersion: JsonSchema = { type: 'string', enum: versions.map((v) => v.apiVersion) };
    const then: JsonSchema =
      versions.length === 1
        ? { allOf: [{ $ref: `#/definitions/${versions[0].def}` }], properties: { apiVersion } }
        : {
            properties: { apiVersion },
            allOf: versions.map((v) => ({ if: { properties: { apiVersion: { const: v.apiVersion } }, required: ['apiVersion'] }, then: { $ref: `#/definitions/${v.def}` } })),
          };
    return { if: { properties: { kind: { const: kind } }, required: ['kind'] }, then };
  });
  const definitions: Record<string, JsonSchema> = {};
  for (const name of closure(defs, [...byKind.values()].flat().map((v) => v.def))) definitions[name] = convert(defs[name], name);
  const allVersions = [...new Set([...byKind.values()].flat().map((v) => v.apiVersion))].sort();
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    type: 'object',
    description: 'A Kubernetes object. `apiVersion` and `kind` say which; the rest follows its schema.',
    properties: {
      apiVersion: { type: 'string', enum: allVersions, description: defs[index.get('apps/v1/Deployment') ?? '']?.properties?.apiVersion?.description },
      kind: { type: 'string', enum: kindNames, description: defs[index.get('apps/v1/Deployment') ?? '']?.properties?.kind?.description },
    },
    required: ['apiVersion', 'kind'],
    allOf: branches,
    definitions,
  };
}
