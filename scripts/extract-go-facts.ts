/**
 * One-off extractor of the facts that the `kubernetes-types` .d.ts files cannot carry: for every field of the
 * served kinds' closure, the Go type when it is not derivable from the JSON shape (int64, float64, named
 * string/map/slice types such as `v1.Protocol` or `v1.ResourceList`), the patch/list metadata
 * (`patchStrategy`, `patchMergeKey`, `+listType`, `+listMapKey`, `+mapType`/`+structType`) and `+enum` values.
 *
 * It reads the Go type declarations of k8s.io/api and k8s.io/apimachinery at a release tag straight out of
 * their git directories (no work tree needed) and writes scripts/schema-facts.json, which
 * scripts/gen-schemas.ts consumes. Only needed again when the target release or the set of kinds changes:
 *
 *   npx tsx scripts/extract-go-facts.ts <k8s.io/api git dir> <k8s.io/apimachinery git dir> [tag]
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ROOT_KINDS, SHARED_DEFS } from './schema-roots.ts';

const [apiDir, machineryDir, tag = 'kubernetes-1.32.13'] = process.argv.slice(2);
if (!apiDir || !machineryDir) {
  console.error('usage: extract-go-facts.ts <api git dir> <apimachinery git dir> [tag]');
  process.exit(2);
}

interface GoField {
  json: string;
  type: string; // Go type expression as written, pointer stripped
  inline: boolean;
  markers: Record<string, string[]>;
  tags: Record<string, string>;
}
interface GoDecl {
  pkgPath: string;
  pkgName: string;
  imports: Map<string, string>; // alias -> import path
  name: string;
  kind: 'struct' | 'named';
  underlying: string;
  fields: GoField[];
  markers: Record<string, string[]>;
  enumValues: string[];
}

const PACKAGES: [string, string, string[]][] = [
  ...['core/v1', 'apps/v1', 'batch/v1', 'autoscaling/v1', 'autoscaling/v2', 'policy/v1', 'networking/v1', 'discovery/v1', 'events/v1', 'coordination/v1', 'scheduling/v1', 'storage/v1', 'rbac/v1'].map(
    (p): [string, string, string[]] => [apiDir, `k8s.io/api/${p}`, goFiles(apiDir, p)],
  ),
  [machineryDir, 'k8s.io/apimachinery/pkg/apis/meta/v1', ['pkg/apis/meta/v1/types.go', 'pkg/apis/meta/v1/time.go', 'pkg/apis/meta/v1/micro_time.go']],
  [machineryDir, 'k8s.io/apimachinery/pkg/runtime', ['pkg/runtime/types.go']],
  [machineryDir, 'k8s.io/apimachinery/pkg/util/intstr', ['pkg/util/intstr/intstr.go']],
  [machineryDir, 'k8s.io/apimachinery/pkg/api/resource', ['pkg/api/resource/quantity.go']],
];

function git(dir: string, ...args: string[]): string {
  return execFileSync('git', ['--git-dir', dir, ...args], { encoding: 'utf8', maxBuffer: 64 << 20 });
}
function goFiles(dir: string, pkg: string): string[] {
  return git(dir, 'ls-tree', '--name-only', tag, `${pkg}/`)
    .split('\n')
    .filter((f) => f.endsWith('.go') && !/_test\.go$|generated|zz_/.test(f));
}

const decls = new Map<string, GoDecl>(); // "<pkgPath>.<Name>"

function addMarker(m: Record<string, string[]>, line: string): void {
  const mm = /^\/\/\s*\+([A-Za-z:.-]+)(?:=(.*))?$/.exec(line.trim());
  if (mm) (m[mm[1]] ??= []).push((mm[2] ?? '').trim());
}

function parseTags(raw: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of raw.matchAll(/(\w+):"([^"]*)"/g)) out[m[1]] = m[2];
  return out;
}

function parseFile(pkgPath: string, text: string): void {
  text = text.replace(/\/\*[\s\S]*?\*\//g, '');
  const pkgName = /^package (\w+)/m.exec(text)![1];
  const imports = new Map<string, string>();
  for (const m of text.matchAll(/^\s*(?:(\w+)\s+)?"([^"]+)"\s*$/gm)) {
    imports.set(m[1] ?? m[2].split('/').pop()!, m[2]);
  }
  const lines = text.split('\n');
  let comments: string[] = [];
  let prevBlock: string[] = [];
  const enumTypes = new Set<string>();
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const t = line.trim();
    if (t.startsWith('//')) {
      comments.push(t);
      continue;
    }
    if (t === '') {
      if (comments.length) prevBlock = comments;
      comments = [];
      continue;
    }
    const markers: Record<string, string[]> = {};
    for (const c of [...prevBlock, ...comments]) addMarker(markers, c);
    prevBlock = [];
    comments = [];
    const st = /^type (\w+) struct \{$/.exec(line);
    if (st) {
      const fields: GoField[] = [];
      let fc: Record<string, string[]> = {};
      for (i++; i < lines.length && lines[i] !== '}'; i++) {
        const fl = lines[i].trim();
        if (fl.startsWith('//')) {
          addMarker(fc, fl);
          continue;
        }
        const fm = /^(?:(\w+)\s+)?([*\w.[\]]+)\s+`([^`]*)`/.exec(fl);
        if (fm) {
          const tags = parseTags(fm[3]);
          const json = (tags.json ?? '').split(',');
          if (json[0] !== '-') fields.push({ json: json[0], type: fm[2].replace(/^\*/, ''), inline: json.includes('inline'), markers: fc, tags });
        }
        fc = {};
      }
      decls.set(`${pkgPath}.${st[1]}`, { pkgPath, pkgName, imports, name: st[1], kind: 'struct', underlying: '', fields, markers, enumValues: [] });
      continue;
    }
    const nt = /^type (\w+) ([^{]+)$/.exec(line);
    if (nt) {
      decls.set(`${pkgPath}.${nt[1]}`, { pkgPath, pkgName, imports, name: nt[1], kind: 'named', underlying: nt[2].trim(), fields: [], markers, enumValues: [] });
      if (markers.enum) enumTypes.add(nt[1]);
      continue;
    }
    const cv = /^(?:const\s+)?(\w+)\s+(\w+)\s*=\s*"([^"]*)"/.exec(t);
    if (cv && enumTypes.has(cv[2])) decls.get(`${pkgPath}.${cv[2]}`)!.enumValues.push(cv[3]);
  }
  // consts may precede their type declaration
  for (const m of text.matchAll(/^\s*(?:const\s+)?\w+\s+(\w+)\s*=\s*"([^"]*)"/gm)) {
    const d = decls.get(`${pkgPath}.${m[1]}`);
    if (d && d.markers.enum && !d.enumValues.includes(m[2])) d.enumValues.push(m[2]);
  }
}

for (const [dir, pkgPath, files] of PACKAGES) for (const f of files) parseFile(pkgPath, git(dir, 'show', `${tag}:${f}`));

const BUILTIN = new Set(['string', 'bool', 'int', 'int32', 'int64', 'uint', 'uint8', 'uint32', 'uint64', 'float32', 'float64', 'byte']);

/** Resolves a Go type expression to the declaration key of its (possibly qualified) named type. */
function resolve(d: GoDecl, expr: string): string | undefined {
  const q = /^(\w+)\.(\w+)$/.exec(expr);
  if (q) return `${d.imports.get(q[1]) ?? q[1]}.${q[2]}`;
  return BUILTIN.has(expr) ? undefined : `${d.pkgPath}.${expr}`;
}

/** reflect.Type.String() of a Go type expression. */
function goString(d: GoDecl, expr: string): string {
  expr = expr.replace(/^\*/, '');
  if (expr.startsWith('[]')) return `[]${goString(d, expr.slice(2))}`;
  const mp = /^map\[([^\]]+)\](.+)$/.exec(expr);
  if (mp) return `map[${goString(d, mp[1])}]${goString(d, mp[2])}`;
  if (expr === 'byte') return 'uint8';
  if (BUILTIN.has(expr)) return expr;
  const key = resolve(d, expr)!;
  const target = decls.get(key);
  return `${target ? target.pkgName : key.split('/').pop()!.split('.')[0]}.${key.split('.').pop()}`;
}

/** True when the Go type is what gen-schemas derives from the JSON shape alone. */
function derivable(d: GoDecl, expr: string): boolean {
  expr = expr.replace(/^\*/, '');
  if (expr.startsWith('[]')) return derivable(d, expr.slice(2)) && expr !== '[]byte';
  const mp = /^map\[string\](.+)$/.exec(expr);
  if (mp) return derivable(d, mp[1]);
  if (expr === 'string' || expr === 'bool' || expr === 'int32') return true;
  if (BUILTIN.has(expr) || expr.startsWith('map[')) return false;
  return decls.get(resolve(d, expr)!)?.kind === 'struct';
}

function defName(key: string): string {
  return key.replace(/^k8s\.io\//, 'io.k8s.').replace(/\//g, '.');
}

/** Struct fields with `json:",inline"` embedded structs flattened (TypeMeta, VolumeSource, ProbeHandler...). */
function flatFields(d: GoDecl): { owner: GoDecl; f: GoField }[] {
  const out: { owner: GoDecl; f: GoField }[] = [];
  for (const f of d.fields) {
    if (f.inline || f.json === '') {
      const emb = decls.get(resolve(d, f.type)!);
      if (emb) out.push(...flatFields(emb));
    } else out.push({ owner: d, f });
  }
  return out;
}

function innerNamed(d: GoDecl, expr: string): string[] {
  expr = expr.replace(/^\*/, '');
  if (expr.startsWith('[]')) return innerNamed(d, expr.slice(2));
  const mp = /^map\[([^\]]+)\](.+)$/.exec(expr);
  if (mp) return innerNamed(d, mp[2]);
  const k = resolve(d, expr);
  return k ? [k] : [];
}

type FieldFacts = { go?: string; enum?: string[]; patchStrategy?: string; patchMergeKey?: string; listType?: string; listMapKeys?: string[]; mapType?: string };
const facts: Record<string, { mapType?: string; fields: Record<string, FieldFacts> }> = {};
const seen = new Set<string>();
const queue = [...ROOT_KINDS.map((r) => r.def), ...SHARED_DEFS].map((def) => {
  const rest = def.replace(/^io\.k8s\./, '');
  const dot = rest.lastIndexOf('.');
  return `k8s.io/${rest.slice(0, dot).replace(/\./g, '/')}.${rest.slice(dot + 1)}`;
});
while (queue.length) {
  const key = queue.pop()!;
  if (seen.has(key)) continue;
  seen.add(key);
  const d = decls.get(key);
  if (!d || d.kind !== 'struct') continue;
  const entry: { mapType?: string; fields: Record<string, FieldFacts> } = { fields: {} };
  const mt = d.markers.structType?.[0] ?? d.markers.mapType?.[0];
  if (mt) entry.mapType = mt;
  for (const { owner, f } of flatFields(d)) {
    const ff: FieldFacts = {};
    if (!derivable(owner, f.type)) ff.go = goString(owner, f.type);
    for (const k of innerNamed(owner, f.type)) {
      const t = decls.get(k);
      if (t?.kind === 'named' && t.enumValues.length) ff.enum = [...t.enumValues].sort();
      queue.push(k);
    }
    if (f.tags.patchStrategy) ff.patchStrategy = f.tags.patchStrategy;
    if (f.tags.patchMergeKey) ff.patchMergeKey = f.tags.patchMergeKey;
    if (f.markers.listType) ff.listType = f.markers.listType[0];
    if (f.markers.listMapKey) ff.listMapKeys = f.markers.listMapKey;
    const fmt = f.markers.mapType?.[0] ?? f.markers.structType?.[0];
    if (fmt) ff.mapType = fmt;
    if (Object.keys(ff).length) entry.fields[f.json] = ff;
  }
  if (entry.mapType || Object.keys(entry.fields).length) facts[defName(key)] = entry;
}

const sorted = Object.fromEntries(Object.entries(facts).sort(([a], [b]) => (a < b ? -1 : 1)));
const out = fileURLToPath(new URL('./schema-facts.json', import.meta.url));
writeFileSync(out, JSON.stringify({ source: `k8s.io/api + k8s.io/apimachinery @ ${tag}`, definitions: sorted }, null, 1) + '\n');
console.log(`wrote ${out}: ${Object.keys(sorted).length} definitions with facts (closure ${seen.size} types)`);
