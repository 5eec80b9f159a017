/**
 * cli-runtime's resource Builder, reduced to what kubectl's commands use: `TYPE NAME…`,
 * `TYPE/NAME…`, `TYPE1,TYPE2`, categories (`all`), `-l`/`--field-selector`/`--all`, `-A`, and
 * `-f` manifests; fetching by name or by (chunked) list; errors collected per item
 * (ContinueOnError) or fatal, with cli-runtime's exact messages.
 */
import type { Cmd } from '../cli/command';
import { resourcePath } from '../client/paths';
import type { Mapping } from '../discovery/types';
import { NoKindMatchError } from '../discovery/mapper';
import { StatusError } from '../errors';
import { flattenList, parseManifest, type Obj } from '../util/manifest';
import { readFilenames } from './files';

export interface Info {
  mapping: Mapping;
  /** '' for cluster-scoped objects and for all-namespace lists. */
  namespace: string;
  name: string;
  /** The object (from the server, or from the file until refetched). A Table when a table was asked for. */
  object?: Obj;
  /** The file it came from (`-f`). */
  source?: string;
  /** True when the object is a list (from a selector visit). */
  isList?: boolean;
}

export interface BuildOptions {
  args: string[];
  filenames?: string[];
  recursive?: boolean;
  labelSelector?: string;
  fieldSelector?: string;
  selectAll?: boolean;
  allNamespaces?: boolean;
  /** Fetch objects named by args (default true); false only resolves infos. */
  fetch?: boolean;
  /** For -f: GET each object from the server (Builder.Latest). */
  latest?: boolean;
  /** ResourceTypeOrNameArgs(allowEmptySelector): `get pods` lists; `delete pods` does not. */
  allowEmptySelector?: boolean;
  /** Flatten lists into their items (items get apiVersion/kind). */
  flatten?: boolean;
  accept?: string;
  extraQuery?: Record<string, string>;
  /** Page size for lists (default 500; 0 = no limit). */
  chunkSize?: number;
  singleResourceType?: boolean;
  /** Stop at the first item error instead of collecting them. */
  stopOnError?: boolean;
  /** ResourceNames-style: args may only be TYPE/NAME or TYPE NAME (no bulk). */
  requireNames?: boolean;
}

export interface BuildResult {
  infos: Info[];
  errors: Error[];
  singleItemImplied: boolean;
}

/** A fatal builder error (r.Err()): nothing was visited. */
export class BuilderError extends Error {}

const splitResourceArgument = (arg: string) => [...new Set(arg.split(',').filter((s) => s !== ''))];

function normalizeMultipleResourcesArgs(args: string[]): string[] {
  if (args.length >= 2) {
    const resources = splitResourceArgument(args[0]);
    if (resources.length > 1) return resources.flatMap((r) => args.slice(1).map((n) => `${r}/${n}`));
  }
  return args;
}

const MISSING_RESOURCE = `You must provide one or more resources by argument or filename.
Example resource specifications include:
   '-f rsrc.yaml'
   '--filename=rsrc.json'
   '<resource> <name>'
   '<resource>'`;

interface Parsed {
  resources: string[];
  names: string[];
  tuples: { resource: string; name: string }[];
  labelSelector?: string;
}

async function replaceAliases(cmd: Cmd, input: string): Promise<string> {
  const mapper = await cmd.mapper();
  return input
    .split(',')
    .map((arg) => mapper.expandCategory(arg)?.join(',') ?? arg)
    .join(',');
}

async function parseArgs(cmd: Cmd, o: BuildOptions): Promise<Parsed> {
  let args = normalizeMultipleResourcesArgs([...o.args]);
  const p: Parsed = { resources: [], names: [], tuples: [], labelSelector: o.labelSelector };
  const slashes = args.filter((a) => a.includes('/')).length;
  if (slashes > 0 && slashes === args.length) {
    for (const s of args) {
      const seg = s.split('/');
      if (seg.length !== 2) throw new BuilderError('arguments in resource/name form may not have more than one slash');
      const [resource, name] = seg;
      if (!resource || !name || splitResourceArgument(resource).length !== 1) throw new BuilderError('arguments in resource/name form must have a single resource and name');
      p.tuples.push({ resource, name });
    }
    return p;
  }
  if (slashes > 0)
    throw new BuilderError(
      "there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'",
    );
  if (args.length > 0) args = [await replaceAliases(cmd, args[0]), ...args.slice(1)];
  if (args.length >= 2) {
    p.names.push(...args.slice(1));
    p.resources.push(...splitResourceArgument(args[0]));
  } else if (args.length === 1) {
    p.resources.push(...splitResourceArgument(args[0]));
    if (p.labelSelector === undefined && o.allowEmptySelector) p.labelSelector = '';
  }
  return p;
}

/** Builder.mappingFor, retrying once with fresh discovery as the deferred REST mapper does. */
export async function mappingFor(cmd: Cmd, arg: string): Promise<Mapping> {
  let m = (await cmd.mapper()).mappingFor(arg);
  if (!m && (await cmd.refreshMapper())) m = (await cmd.mapper()).mappingFor(arg);
  if (!m) {
    const i = arg.indexOf('.');
    throw new BuilderError(`the server doesn't have a resource type "${i >= 0 ? arg.slice(0, i) : arg}"`);
  }
  return m;
}

async function resourceMappings(cmd: Cmd, resources: string[], single: boolean | undefined): Promise<Mapping[]> {
  const out: Mapping[] = [];
  for (const r of resources) out.push(await mappingFor(cmd, r));
  const canonical = new Set(out.map((m) => `${m.group}/${m.resource}`));
  if (canonical.size > 1 && single) throw new BuilderError('you may only specify a single resource type');
  return out;
}

/** GET one object; NotFound and other API errors are returned, not thrown. */
export async function fetchObject(cmd: Cmd, info: Info, accept?: string, query: Record<string, string> = {}): Promise<Obj> {
  return cmd.client.call<Obj>({ path: resourcePath(info.mapping, info.namespace, info.name), accept, query });
}

/** A chunked LIST (limit=500 + continue), merged into one list object. */
export async function listObjects(cmd: Cmd, mapping: Mapping, namespace: string, o: { labelSelector?: string; fieldSelector?: string; accept?: string; extraQuery?: Record<string, string>; chunkSize?: number }): Promise<Obj> {
  const chunk = o.chunkSize ?? 500;
  let cont = '';
  let merged: Obj | undefined;
  do {
    const query: Record<string, string> = { ...(o.extraQuery ?? {}) };
    if (o.labelSelector) query.labelSelector = o.labelSelector;
    if (o.fieldSelector) query.fieldSelector = o.fieldSelector;
    if (chunk > 0) query.limit = String(chunk);
    if (cont) query.continue = cont;
    const page = await cmd.client.call<Obj>({ path: resourcePath(mapping, namespace), query, accept: o.accept });
    const key = page.kind === 'Table' ? 'rows' : 'items';
    if (!merged) merged = page;
    else (merged[key] as unknown[]).push(...((page[key] as unknown[]) ?? []));
    cont = String((page.metadata as { continue?: string } | undefined)?.continue ?? '');
  } while (cont);
  return merged!;
}

function itemsOf(list: Obj, mapping: Mapping): Obj[] {
  const items = (list.items as Obj[] | undefined) ?? [];
  const apiVersion = mapping.group ? `${mapping.group}/${mapping.version}` : mapping.version;
  return items.map((it) => ({ apiVersion, kind: mapping.kind, ...it, ...(it.apiVersion ? {} : { apiVersion }), ...(it.kind ? {} : { kind: mapping.kind }) }));
}

/** Objects read from `-f`, mapped and namespaced (SetNamespace / RequireNamespace / FilterNamespace). */
async function visitPaths(cmd: Cmd, o: BuildOptions, result: BuildResult): Promise<void> {
  const sources = await readFilenames(cmd, o.filenames ?? [], !!o.recursive);
  const mapper = await cmd.mapper();
  for (const src of sources) {
    // A missing path is a builder error (FilenameParam): nothing is visited.
    if (src.error) throw new BuilderError(src.error.message);
    let docs: Obj[];
    try {
      docs = parseManifest(src.text!, src.name).flatMap(flattenList);
    } catch (e) {
      result.errors.push(e as Error);
      if (o.stopOnError) return;
      continue;
    }
    for (const doc of docs) {
      const md = (doc.metadata ?? {}) as { name?: string; namespace?: string };
      let mapping: Mapping;
      try {
        if (!doc.kind) throw new Error(`unable to decode "${src.name}": Object 'Kind' is missing in '${JSON.stringify(doc)}'`);
        try {
          mapping = mapper.mappingForGVK(String(doc.apiVersion ?? ''), String(doc.kind));
        } catch (e) {
          if (!(e instanceof NoKindMatchError)) throw e;
          if (await cmd.refreshMapper()) mapping = (await cmd.mapper()).mappingForGVK(String(doc.apiVersion ?? ''), String(doc.kind));
          else throw e;
        }
      } catch (e) {
        if (e instanceof NoKindMatchError)
          result.errors.push(new Error(`resource mapping not found for name: "${md.name ?? ''}" namespace: "${md.namespace ?? ''}" from "${src.name}": ${e.message}\nensure CRDs are installed first`));
        else result.errors.push(e as Error);
        if (o.stopOnError) return;
        continue;
      }
      const info: Info = { mapping, namespace: md.namespace ?? '', name: md.name ?? '', object: doc, source: src.name };
      if (mapping.namespaced) {
        if (!info.namespace) info.namespace = cmd.namespace;
        else if (cmd.explicitNamespace && info.namespace !== cmd.namespace) {
          result.errors.push(
            new Error(`the namespace from the provided object "${info.namespace}" does not match the namespace "${cmd.namespace}". You must pass '--namespace=${info.namespace}' to perform this operation.`),
          );
          if (o.stopOnError) return;
          continue;
        }
      } else info.namespace = '';
      if (info.object && mapping.namespaced) info.object = { ...info.object, metadata: { ...(info.object.metadata ?? {}), namespace: info.namespace } };
      if (o.latest) {
        try {
          info.object = await fetchObject(cmd, info, o.accept, o.extraQuery);
        } catch (e) {
          result.errors.push(e as Error);
          if (o.stopOnError) return;
          continue;
        }
      }
      result.infos.push(info);
    }
  }
}

/** Resolves and (unless `fetch: false`) fetches what the arguments name. Throws BuilderError for r.Err(). */
export async function build(cmd: Cmd, o: BuildOptions): Promise<BuildResult> {
  const p = await parseArgs(cmd, o);
  const namespace = o.allNamespaces ? '' : cmd.namespace;
  const result: BuildResult = { infos: [], errors: [], singleItemImplied: false };
  if (o.selectAll && (o.labelSelector || o.fieldSelector)) throw new BuilderError("setting 'all' parameter but found a non empty selector. ");
  let labelSelector = p.labelSelector;
  if (o.selectAll) labelSelector = '';

  if (o.filenames?.length) {
    if (p.resources.length) throw new BuilderError('when paths, URLs, or stdin is provided as input, you may not specify resource arguments as well');
    if (p.names.length) throw new BuilderError('name cannot be provided when a path is specified');
    if (p.tuples.length) throw new BuilderError('resource/name arguments cannot be provided when a path is specified');
    await visitPaths(cmd, o, result);
    const one = result.infos.length === 1 && (o.filenames.length === 1 && o.filenames[0] !== '-');
    result.singleItemImplied = one;
    return result;
  }

  const fetchOne = async (info: Info) => {
    if (o.fetch === false) {
      result.infos.push(info);
      return true;
    }
    try {
      info.object = await fetchObject(cmd, info, o.accept, o.extraQuery);
      result.infos.push(info);
    } catch (e) {
      if (!(e instanceof StatusError) && !(e instanceof Error)) throw e;
      result.errors.push(e as Error);
      if (o.stopOnError) return false;
    }
    return true;
  };

  if (labelSelector !== undefined || o.fieldSelector) {
    if (p.names.length) throw new BuilderError('name cannot be provided when a selector is specified');
    if (p.tuples.length) throw new BuilderError('selectors and the all flag cannot be used when passing resource/name arguments');
    if (!p.resources.length) throw new BuilderError('at least one resource must be specified to use a selector');
    const mappings = await resourceMappings(cmd, p.resources, o.singleResourceType);
    for (const mapping of mappings) {
      const ns = mapping.namespaced ? namespace : '';
      try {
        const list = await listObjects(cmd, mapping, ns, { labelSelector, fieldSelector: o.fieldSelector, accept: o.accept, extraQuery: o.extraQuery, chunkSize: o.chunkSize });
        if (o.flatten && list.kind !== 'Table') {
          for (const it of itemsOf(list, mapping)) {
            const md = (it.metadata ?? {}) as { name?: string; namespace?: string };
            result.infos.push({ mapping, namespace: mapping.namespaced ? (md.namespace ?? ns) : '', name: md.name ?? '', object: it });
          }
        } else result.infos.push({ mapping, namespace: ns, name: '', object: list, isList: true });
      } catch (e) {
        result.errors.push(e as Error);
        if (o.stopOnError) break;
      }
    }
    return result;
  }

  if (p.tuples.length) {
    result.singleItemImplied = p.tuples.length === 1;
    const mappings = new Map<string, Mapping>();
    for (const t of p.tuples) if (!mappings.has(t.resource)) mappings.set(t.resource, await mappingFor(cmd, t.resource));
    const infos: Info[] = [];
    for (const t of p.tuples) {
      const mapping = mappings.get(t.resource)!;
      if (mapping.namespaced && !namespace)
        throw new BuilderError(o.allNamespaces ? 'a resource cannot be retrieved by name across all namespaces' : 'namespace may not be empty when retrieving a resource by name');
      infos.push({ mapping, namespace: mapping.namespaced ? namespace : '', name: t.name });
    }
    for (const info of infos) if (!(await fetchOne(info))) break;
    return result;
  }

  if (p.names.length) {
    result.singleItemImplied = p.names.length === 1;
    if (p.resources.length > 1) throw new BuilderError('you must specify only one resource');
    const [mapping] = await resourceMappings(cmd, p.resources, o.singleResourceType);
    if (mapping.namespaced && !namespace)
      throw new BuilderError(o.allNamespaces ? 'a resource cannot be retrieved by name across all namespaces' : 'namespace may not be empty when retrieving a resource by name');
    for (const name of p.names) if (!(await fetchOne({ mapping, namespace: mapping.namespaced ? namespace : '', name }))) break;
    return result;
  }

  if (p.resources.length) {
    for (const r of p.resources) await mappingFor(cmd, r);
    throw new BuilderError('resource(s) were provided, but no name was specified');
  }
  throw new BuilderError(MISSING_RESOURCE);
}
