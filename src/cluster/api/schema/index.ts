/**
 * Runtime access to the generated OpenAPI v3 definitions of every served kind (definitions.json, written by
 * scripts/gen-schemas.ts). One source of truth for /openapi/v3, server-side field validation and editor schemas.
 */
import raw from './definitions.json';
import type { DefinitionsFile, Schema } from './types';

export type { DefinitionsFile, GroupVersionKind, Schema } from './types';

const file = raw as unknown as DefinitionsFile;

export const REF_PREFIX = '#/components/schemas/';

/** All definitions, keyed by upstream name (`io.k8s.api.apps.v1.Deployment`). Do not mutate. */
export function allDefinitions(): Readonly<Record<string, Schema>> {
  return file.schemas;
}

/** The schema of one definition, or undefined. */
export function getDefinition(name: string): Schema | undefined {
  return Object.prototype.hasOwnProperty.call(file.schemas, name) ? file.schemas[name] : undefined;
}

let byGVK: Map<string, string> | undefined;
function gvkKey(group: string, version: string, kind: string): string {
  return `${group}/${version}/${kind}`;
}

/** The definition name tagged with `x-kubernetes-group-version-kind` = {group, version, kind}. */
export function definitionNameForGVK(group: string, version: string, kind: string): string | undefined {
  if (!byGVK) {
    byGVK = new Map();
    for (const [name, s] of Object.entries(file.schemas)) {
      for (const g of s['x-kubernetes-group-version-kind'] ?? []) byGVK.set(gvkKey(g.group, g.version, g.kind), name);
    }
  }
  return byGVK.get(gvkKey(group, version, kind));
}

/** The top-level schema of a kind (`definitionForGVK('apps', 'v1', 'Deployment')`). */
export function definitionForGVK(group: string, version: string, kind: string): Schema | undefined {
  const name = definitionNameForGVK(group, version, kind);
  return name ? file.schemas[name] : undefined;
}

/** The definition name a `$ref` points at (`#/components/schemas/X` → `X`). */
export function refName(ref: string): string {
  return ref.startsWith(REF_PREFIX) ? ref.slice(REF_PREFIX.length) : ref;
}

/** Follows a direct `$ref` or a single-element `allOf: [{$ref}]` wrapper to the referenced definition name. */
export function referencedName(s: Schema): string | undefined {
  if (s.$ref) return refName(s.$ref);
  if (s.allOf?.length === 1 && s.allOf[0].$ref) return refName(s.allOf[0].$ref);
  return undefined;
}

/** The schema itself, or the definition it references. */
export function resolveSchema(s: Schema): Schema {
  const name = referencedName(s);
  return (name && getDefinition(name)) || s;
}

/** Names of the given definitions plus everything they reference, transitively; sorted. */
export function definitionClosure(roots: Iterable<string>): string[] {
  const seen = new Set<string>();
  const visit = (s: Schema | boolean | undefined): void => {
    if (!s || typeof s === 'boolean') return;
    if (s.$ref) add(refName(s.$ref));
    for (const sub of [...(s.allOf ?? []), ...(s.oneOf ?? []), ...Object.values(s.properties ?? {})]) visit(sub);
    visit(s.items);
    visit(s.additionalProperties);
  };
  const add = (name: string): void => {
    if (seen.has(name)) return;
    const s = getDefinition(name);
    if (!s) return;
    seen.add(name);
    visit(s);
  };
  for (const r of roots) add(r);
  return [...seen].sort();
}

/** Go type (reflect `Type.String()`) recorded for a field whose type the schema does not imply, if any. */
export function recordedGoType(definition: string, field: string): string | undefined {
  return file.goTypes[definition]?.[field];
}
