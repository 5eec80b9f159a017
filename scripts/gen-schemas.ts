/**
 * Generates src/cluster/api/schema/definitions.json — the OpenAPI v3 `components.schemas` of every served
 * kind and the closure of what it references — from the `kubernetes-types` .d.ts files, whose doc comments
 * carry the official field descriptions. Facts the .d.ts cannot carry (int64/double formats, Go type names,
 * patch/list metadata, enums) come from scripts/schema-facts.json (see extract-go-facts.ts); fields newer
 * than kubernetes-types come from src/cluster/api/schema/additions.ts.
 *
 *   npx tsx scripts/gen-schemas.ts
 */
import ts from 'typescript';
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ROOT_KINDS, SHARED_DEFS } from './schema-roots.ts';
import { ADDITIONS, NEW_DEFINITIONS, REMOVALS } from '../src/cluster/api/schema/additions.ts';
import type { Schema, DefinitionsFile } from '../src/cluster/api/schema/types.ts';

const here = dirname(fileURLToPath(import.meta.url));
const typesRoot = join(here, '../node_modules/kubernetes-types');
const outFile = join(here, '../src/cluster/api/schema/definitions.json');
const facts = JSON.parse(readFileSync(join(here, 'schema-facts.json'), 'utf8')).definitions as Record<
  string,
  { mapType?: string; fields: Record<string, FieldFacts> }
>;
interface FieldFacts {
  go?: string;
  enum?: string[];
  patchStrategy?: string;
  patchMergeKey?: string;
  listType?: string;
  listMapKeys?: string[];
  mapType?: string;
}

const REF = '#/components/schemas/';
const INT_OR_STRING = 'io.k8s.apimachinery.pkg.util.intstr.IntOrString';
const QUANTITY = 'io.k8s.apimachinery.pkg.api.resource.Quantity';

/** kubernetes-types module path (relative, no extension) → upstream definition package. */
function packageOf(modPath: string): string {
  if (modPath === 'meta/v1') return 'io.k8s.apimachinery.pkg.apis.meta.v1';
  if (modPath === 'runtime') return 'io.k8s.apimachinery.pkg.runtime';
  if (modPath === 'api/resource') return 'io.k8s.apimachinery.pkg.api.resource';
  if (modPath === 'version') return 'io.k8s.apimachinery.pkg.version';
  if (modPath.startsWith('apiextensions/')) return `io.k8s.apiextensions-apiserver.pkg.apis.${modPath.replace('/', '.')}`;
  return `io.k8s.api.${modPath.replace('/', '.')}`;
}

interface Decl {
  def: string;
  node: ts.InterfaceDeclaration | ts.TypeAliasDeclaration;
  names: Map<string, string>; // identifier in this file → definition name
}
const decls = new Map<string, Decl>();

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? walk(p) : p.endsWith('.d.ts') ? [p] : [];
  });
}

for (const file of walk(typesRoot)) {
  const modPath = relative(typesRoot, file).replace(/\.d\.ts$/, '');
  const sf = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const names = new Map<string, string>();
  for (const st of sf.statements) {
    if (ts.isImportDeclaration(st) && st.importClause?.namedBindings && ts.isNamedImports(st.importClause.namedBindings)) {
      const target = join(dirname(modPath), (st.moduleSpecifier as ts.StringLiteral).text);
      for (const el of st.importClause.namedBindings.elements) names.set(el.name.text, `${packageOf(target)}.${(el.propertyName ?? el.name).text}`);
    }
    if (ts.isInterfaceDeclaration(st) || ts.isTypeAliasDeclaration(st)) {
      const def = `${packageOf(modPath)}.${st.name.text}`;
      names.set(st.name.text, def);
      decls.set(def, { def, node: st, names });
    }
  }
}

/** The doc comment of a node, as the single-paragraph text kubernetes-types keeps. */
function docOf(node: ts.Node): string | undefined {
  const jsDoc = (node as { jsDoc?: ts.JSDoc[] }).jsDoc;
  const text = jsDoc?.map((d) => ts.getTextOfJSDocComment(d.comment) ?? '').join('\n');
  return text ? text : undefined;
}

const pending: string[] = [];
const out: Record<string, Schema> = {};

function ref(def: string, description?: string): Schema {
  if (!out[def]) pending.push(def);
  return description ? { allOf: [{ $ref: REF + def }], description } : { $ref: REF + def };
}

function typeSchema(t: ts.TypeNode, d: Decl, ff: FieldFacts | undefined, description?: string): Schema {
  const withDesc = (s: Schema): Schema => (description ? { description, ...s } : s);
  switch (t.kind) {
    case ts.SyntaxKind.StringKeyword:
      return withDesc({ type: 'string' });
    case ts.SyntaxKind.BooleanKeyword:
      return withDesc({ type: 'boolean' });
    case ts.SyntaxKind.NumberKeyword: {
      const go = ff?.go?.replace(/^\[\]/, '');
      if (go === 'float64') return withDesc({ type: 'number', format: 'double' });
      return withDesc({ type: 'integer', format: go === 'int64' ? 'int64' : 'int32' });
    }
    case ts.SyntaxKind.LiteralType:
      return withDesc({ type: 'string' });
  }
  if (ts.isUnionTypeNode(t)) {
    const kinds = t.types.map((x) => x.kind).sort();
    if (kinds.join() === [ts.SyntaxKind.NumberKeyword, ts.SyntaxKind.StringKeyword].sort().join()) return ref(INT_OR_STRING, description);
  }
  if (ts.isArrayTypeNode(t)) return withDesc({ type: 'array', items: typeSchema(t.elementType, d, elemFacts(ff)) });
  if (ts.isTypeLiteralNode(t) && t.members.length === 1 && ts.isIndexSignatureDeclaration(t.members[0])) {
    return withDesc({ type: 'object', additionalProperties: typeSchema(t.members[0].type, d, elemFacts(ff)) });
  }
  if (ts.isTypeReferenceNode(t) && ts.isIdentifier(t.typeName)) {
    const name = t.typeName.text;
    if (name === 'Array' && t.typeArguments?.length === 1)
      return withDesc({ type: 'array', items: typeSchema(t.typeArguments[0], d, elemFacts(ff)) });
    const def = d.names.get(name);
    if (def) return ref(def, description);
  }
  throw new Error(`${d.def}: unsupported type ${t.getText()}`);
}

/** Facts for an element of a list/map field: its Go type without the []/map[...] prefix. */
function elemFacts(ff: FieldFacts | undefined): FieldFacts | undefined {
  const go = ff?.go?.replace(/^\[\]|^map\[[^\]]+\]/, '');
  return go ? { go } : undefined;
}

/** Queues every definition a hand-written schema references. */
function withRefsQueued(s: Schema): Schema {
  if (s.$ref) pending.push(s.$ref.slice(REF.length));
  for (const sub of [...(s.allOf ?? []), ...Object.values(s.properties ?? {}), ...(s.items ? [s.items] : [])]) withRefsQueued(sub);
  return s;
}

function applyFacts(s: Schema, ff: FieldFacts | undefined): Schema {
  if (!ff) return s;
  if (ff.enum) {
    if (s.type === 'array' && s.items) s.items = { ...s.items, enum: ff.enum };
    else s.enum = ff.enum;
  }
  if (ff.go === '[]uint8') Object.assign(s, { format: 'byte' });
  if (ff.go === 'map[string][]uint8' && s.additionalProperties && typeof s.additionalProperties === 'object')
    s.additionalProperties = { ...s.additionalProperties, format: 'byte' };
  if (ff.listMapKeys) s['x-kubernetes-list-map-keys'] = ff.listMapKeys;
  if (ff.listType) s['x-kubernetes-list-type'] = ff.listType;
  if (ff.mapType) s['x-kubernetes-map-type'] = ff.mapType;
  if (ff.patchMergeKey) s['x-kubernetes-patch-merge-key'] = ff.patchMergeKey;
  if (ff.patchStrategy) s['x-kubernetes-patch-strategy'] = ff.patchStrategy;
  return s;
}

/** Upstream's schemas for the types kube-openapi special-cases (custom JSON marshalling). */
function specialSchema(def: string, description: string | undefined): Schema | undefined {
  const desc = description ? { description } : {};
  if (def === QUANTITY) return { ...desc, oneOf: [{ type: 'string' }, { type: 'number' }] };
  if (def.endsWith('meta.v1.Time') || def.endsWith('meta.v1.MicroTime')) return { ...desc, type: 'string', format: 'date-time' };
  if (def === INT_OR_STRING)
    return {
      description:
        'IntOrString is a type that can hold an int32 or a string.  When used in JSON or YAML marshalling and unmarshalling, it produces or consumes the inner type.  This allows you to have, for example, a JSON field that can accept a name or number.',
      format: 'int-or-string',
      oneOf: [{ type: 'integer' }, { type: 'string' }],
    };
  return undefined;
}

const gvks = new Map<string, { group: string; version: string; kind: string }[]>();
for (const r of ROOT_KINDS) gvks.set(r.def, [...(gvks.get(r.def) ?? []), { group: r.group, version: r.version, kind: r.kind }]);
const servedGVs = [...new Map(ROOT_KINDS.map((r) => [`${r.group}/${r.version}`, r])).values()];
for (const def of SHARED_DEFS.filter((d) => d.endsWith('.DeleteOptions')))
  gvks.set(def, servedGVs.map((r) => ({ group: r.group, version: r.version, kind: def.split('.').pop()! })).sort((a, b) => (`${a.group}/${a.version}` < `${b.group}/${b.version}` ? -1 : 1)));

const goTypes: Record<string, Record<string, string>> = {};

function build(def: string): Schema {
  if (def === INT_OR_STRING) return specialSchema(def, undefined)!;
  if (NEW_DEFINITIONS[def]) {
    const s = withRefsQueued(structuredClone(NEW_DEFINITIONS[def]));
    for (const [name, p] of Object.entries(s.properties ?? {})) applyFacts(p, facts[def]?.fields[name]);
    return s;
  }
  const d = decls.get(def);
  if (!d) throw new Error(`no declaration for ${def}`);
  const special = specialSchema(def, docOf(d.node));
  if (special) return special;
  if (!ts.isInterfaceDeclaration(d.node)) throw new Error(`${def}: unexpected type alias`);
  const defFacts = facts[def];
  const properties: Record<string, Schema> = {};
  const required: string[] = [];
  const removed = new Set(REMOVALS.filter((r) => r.definition === def).map((r) => r.field));
  const members = [...d.node.members].filter(ts.isPropertySignature).filter((m) => !removed.has((m.name as ts.Identifier).text));
  for (const m of members) {
    const name = (m.name as ts.Identifier | ts.StringLiteral).text;
    const ff = defFacts?.fields[name];
    properties[name] = applyFacts(typeSchema(m.type!, d, ff, docOf(m)), ff);
    if (!m.questionToken) required.push(name);
  }
  for (const a of ADDITIONS.filter((x) => x.definition === def)) {
    if (properties[a.field]) throw new Error(`${def}.${a.field} already in kubernetes-types; drop it from additions.ts`);
    properties[a.field] = applyFacts(withRefsQueued(structuredClone(a.schema)), defFacts?.fields[a.field]);
  }
  const schema: Schema = { description: docOf(d.node), type: 'object' };
  if (members.length || ADDITIONS.some((x) => x.definition === def))
    schema.properties = Object.fromEntries(Object.entries(properties).sort(([a], [b]) => (a < b ? -1 : 1)));
  if (required.length) schema.required = required;
  if (gvks.has(def)) schema['x-kubernetes-group-version-kind'] = gvks.get(def);
  if (defFacts?.mapType) schema['x-kubernetes-map-type'] = defFacts.mapType;
  if (!schema.description) delete schema.description;
  return schema;
}

pending.push(...ROOT_KINDS.map((r) => r.def), ...SHARED_DEFS);
while (pending.length) {
  const def = pending.pop()!;
  if (out[def]) continue;
  out[def] = build(def);
  for (const name of Object.keys(out[def].properties ?? {})) {
    const go = facts[def]?.fields[name]?.go;
    if (go && !/^(\[\])?(int64|float64)$/.test(go)) (goTypes[def] ??= {})[name] = go;
  }
}

const file: DefinitionsFile = {
  schemas: Object.fromEntries(Object.entries(out).sort(([a], [b]) => (a < b ? -1 : 1))),
  goTypes: Object.fromEntries(Object.entries(goTypes).sort(([a], [b]) => (a < b ? -1 : 1))),
};
const json = JSON.stringify(file);
writeFileSync(outFile, json + '\n');
console.log(`wrote ${relative(process.cwd(), outFile)}: ${Object.keys(out).length} definitions, ${json.length} bytes`);
