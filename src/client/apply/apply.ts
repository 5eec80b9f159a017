/**
 * `kubectl apply` (client-side) over any REST function: per document, GET the live object; POST it
 * with the last-applied annotation when absent, else PATCH the three-way strategic merge patch
 * (nothing when the patch is empty). Same requests, query parameters, retries on 409 and output
 * lines as kubectl 1.32 (cli-runtime `apply.go` / `patcher.go`). Each document is one request, so
 * a document is applied entirely or not at all; documents are independent of each other.
 */
import { Discovery, resourcePath, type ResourceMapping } from './discovery';
import { goMarshal } from './goJson';
import { lastAppliedOf, withLastApplied } from './lastApplied';
import { creatingError, missingAnnotationWarning, outcomeLine, patchingError, statusOf, warningText, type DryRun } from './messages';
import { isMap } from './smpDiff';
import { computeThreeWayPatch, PreconditionError } from './threeWay';
import type { JsonMap, RestFn, Status } from './types';

export interface ApplyOptions {
  /** Namespace for documents without one (kubectl's context namespace or `-n`). Default `default`. */
  namespace?: string;
  /** `-n` was given: a document naming another namespace is an error, as in kubectl. */
  enforceNamespace?: boolean;
  dryRun?: DryRun;
  /** `fieldValidation`: Strict unless told otherwise (kubectl's `--validate=strict`). */
  validate?: 'Strict' | 'Warn' | 'Ignore';
  fieldManager?: string;
  /** The file name in messages (`error when creating "web.yaml"`). */
  source?: string;
  /** Reuse one discovery cache across calls. */
  discovery?: Discovery;
}

export type Outcome = 'created' | 'configured' | 'unchanged' | 'error';

export interface ObjectRef {
  apiVersion: string;
  kind: string;
  name: string;
  namespace?: string;
  mapping: ResourceMapping;
}

export interface ApplyResult {
  /** Index of the document among the ones given. */
  index: number;
  outcome: Outcome;
  /** kubectl's line: `deployment.apps/web configured`, or its error text. */
  message: string;
  ref?: ObjectRef;
  /** The server's Status for errors the server returned. */
  status?: Status;
  /** The object the server returned (the live one for `unchanged`). */
  object?: JsonMap;
  /** The live object before the apply (absent for creates): with `object`, what changed. */
  before?: JsonMap;
  /** The PATCH body sent, if any. */
  patch?: string;
  /** `Warning:` lines kubectl would print (server warnings, missing annotation). */
  warnings: string[];
}

const MAX_PATCH_RETRIES = 5;
const JSON_CT = 'application/json';

/** Applies each document in order and reports each one; never throws for a server error. */
export async function applyDocuments(rest: RestFn, docs: readonly unknown[], opts: ApplyOptions = {}): Promise<ApplyResult[]> {
  const discovery = opts.discovery ?? new Discovery(rest);
  const out: ApplyResult[] = [];
  for (let i = 0; i < docs.length; i++) out.push(await applyOne(rest, discovery, docs[i], i, opts));
  return out;
}

function fail(index: number, message: string, extra: Partial<ApplyResult> = {}): ApplyResult {
  return { index, outcome: 'error', message, warnings: [], ...extra };
}

/** Resolves the document's resource and namespace (kubectl's builder), or explains why it cannot. */
export async function resolveDocument(
  discovery: Discovery,
  doc: unknown,
  opts: Pick<ApplyOptions, 'namespace' | 'enforceNamespace' | 'source'>,
): Promise<{ ref: ObjectRef; object: JsonMap } | { error: string }> {
  const source = opts.source ?? 'STDIN';
  if (!isMap(doc)) return { error: `error: error validating "${source}": error validating data: invalid object to validate` };
  const apiVersion = typeof doc.apiVersion === 'string' ? doc.apiVersion : '';
  const kind = typeof doc.kind === 'string' ? doc.kind : '';
  const missing = [!apiVersion && 'apiVersion not set', !kind && 'kind not set'].filter(Boolean);
  if (missing.length) {
    return { error: `error: error validating "${source}": error validating data: [${missing.join(', ')}]; if you choose to ignore these errors, turn validation off with --validate=false` };
  }
  const meta = isMap(doc.metadata) ? doc.metadata : {};
  const name = typeof meta.name === 'string' ? meta.name : '';
  const mapping = await discovery.find(apiVersion, kind);
  if (!mapping) {
    return {
      error: `error: resource mapping not found for name: "${name}" namespace: "${typeof meta.namespace === 'string' ? meta.namespace : ''}" from "${source}": no matches for kind "${kind}" in version "${apiVersion}"\nensure CRDs are installed first`,
    };
  }
  const object: JsonMap = { ...doc, metadata: { ...meta } };
  let namespace: string | undefined;
  if (mapping.namespaced) {
    const own = typeof meta.namespace === 'string' && meta.namespace ? meta.namespace : undefined;
    const wanted = opts.namespace ?? 'default';
    if (own && opts.enforceNamespace && own !== wanted) {
      return { error: `error: the namespace from the provided object "${own}" does not match the namespace "${wanted}". You must pass '--namespace=${own}' to perform this operation.` };
    }
    namespace = own ?? wanted;
    (object.metadata as JsonMap).namespace = namespace;
  }
  if (!name) {
    return { error: `error: error when retrieving current configuration of:\nResource: "${mapping.resource}", Name: "", Namespace: "${namespace ?? ''}"\nfrom server for: "${source}": resource name may not be empty` };
  }
  return { ref: { apiVersion, kind, name, namespace, mapping }, object };
}

function writeQuery(opts: ApplyOptions): Record<string, string> {
  const q: Record<string, string> = { fieldManager: opts.fieldManager ?? 'kubectl-client-side-apply', fieldValidation: opts.validate ?? 'Strict' };
  if (opts.dryRun === 'server') q.dryRun = 'All';
  return q;
}

function parse(body: string | undefined): JsonMap | undefined {
  try {
    const v = JSON.parse(body ?? '') as unknown;
    return isMap(v) ? v : undefined;
  } catch {
    return undefined;
  }
}

async function applyOne(rest: RestFn, discovery: Discovery, doc: unknown, index: number, opts: ApplyOptions): Promise<ApplyResult> {
  const source = opts.source ?? 'STDIN';
  const dryRun = opts.dryRun ?? 'none';
  let resolved;
  try {
    resolved = await resolveDocument(discovery, doc, opts);
  } catch (e) {
    return fail(index, `error: ${(e as Error).message}`);
  }
  if ('error' in resolved) return fail(index, resolved.error);
  const { ref, object } = resolved;
  const { mapping, name, namespace } = ref;
  const path = resourcePath(mapping, namespace, name);
  let got = await rest({ method: 'GET', path, query: {}, accept: JSON_CT });
  if (got.status === 404) {
    const body = withLastApplied(object);
    if (dryRun === 'client') return { index, outcome: 'created', message: outcomeLine(mapping, name, 'created', dryRun), ref, object: body, warnings: [] };
    const r = await rest({ method: 'POST', path: resourcePath(mapping, namespace), query: writeQuery(opts), accept: JSON_CT, contentType: JSON_CT, body: goMarshal(body) });
    const warnings = (r.headers?.Warning ?? []).map(warningText);
    if (r.status >= 400) {
      const status = statusOf(r.status, r.body);
      return fail(index, creatingError(source, status), { ref, status, warnings });
    }
    return { index, outcome: 'created', message: outcomeLine(mapping, name, 'created', dryRun), ref, object: parse(r.body), warnings };
  }
  if (got.status >= 400) {
    const status = statusOf(got.status, got.body);
    return fail(index, `error: error when retrieving current configuration of:\nResource: "${mapping.resource}", Name: "${name}", Namespace: "${namespace ?? ''}"\nfrom server for: "${source}": ${status.message}`, { ref, status });
  }
  const warnings: string[] = [];
  let live = parse(got.body) ?? {};
  if (!lastAppliedOf(live)) warnings.push(missingAnnotationWarning(mapping, name));
  let patchBody = '';
  for (let attempt = 0; ; attempt++) {
    let p;
    try {
      p = computeThreeWayPatch(lastAppliedOf(live), object, live, ref.kind);
    } catch (e) {
      const msg = e instanceof PreconditionError ? e.message : `error when creating patch with:\n${goMarshal(object)}\nfor: "${source}": ${(e as Error).message}`;
      return fail(index, `error: ${msg}`, { ref, warnings });
    }
    if (p.empty) return { index, outcome: 'unchanged', message: outcomeLine(mapping, name, 'unchanged', dryRun), ref, object: live, before: live, warnings };
    patchBody = p.body;
    if (dryRun === 'client') return { index, outcome: 'configured', message: outcomeLine(mapping, name, 'configured', dryRun), ref, object: live, before: live, patch: p.body, warnings };
    const r = await rest({ method: 'PATCH', path, query: writeQuery(opts), accept: JSON_CT, contentType: p.contentType, body: p.body });
    warnings.push(...((r.headers?.Warning ?? []).map(warningText)));
    if (r.status < 400) return { index, outcome: 'configured', message: outcomeLine(mapping, name, 'configured', dryRun), ref, object: parse(r.body), before: live, patch: p.body, warnings };
    const status = statusOf(r.status, r.body);
    // kubectl re-reads the object and recomputes the patch after a conflict, a few times.
    if (r.status !== 409 || attempt >= MAX_PATCH_RETRIES) {
      return fail(index, patchingError(source, status, mapping, name, namespace ?? '', patchBody), { ref, status, patch: patchBody, before: live, warnings });
    }
    got = await rest({ method: 'GET', path, query: {}, accept: JSON_CT });
    if (got.status >= 400) {
      const s = statusOf(got.status, got.body);
      return fail(index, patchingError(source, s, mapping, name, namespace ?? '', patchBody), { ref, status: s, patch: patchBody, warnings });
    }
    live = parse(got.body) ?? {};
  }
}
