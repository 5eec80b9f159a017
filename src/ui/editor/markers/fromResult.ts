/**
 * Turns what went wrong into markers on the YAML the person typed: syntax errors where the parser
 * stopped, and each API validation cause on the node its field path names (the nearest existing
 * ancestor when the field is missing, e.g. a required `spec.selector` marks `spec:`). Errors
 * without a field (conflicts, quota, admission) mark the line that best identifies the object.
 * Pure: no Monaco types, so it is unit-tested in Node.
 */
import { fieldsInMessage, locate, parseFieldPath, type FieldPath, type ManifestDoc, type ParsedManifests, type SourceRange, type Status } from '../../../client/apply';

export type Severity = 'error' | 'warning' | 'info';

export interface EditorMarker extends SourceRange {
  severity: Severity;
  message: string;
}

/** YAML syntax errors of every document. */
export function syntaxMarkers(parsed: ParsedManifests): EditorMarker[] {
  return parsed.docs.flatMap((d) => d.errors.map((e) => ({ severity: 'error' as const, message: `YAML: ${e.message}`, start: e.start, end: e.end })));
}

function at(parsed: ParsedManifests, doc: ManifestDoc, path: FieldPath, severity: Severity, message: string): EditorMarker {
  const where = locate(parsed, doc, path);
  return { severity, message, start: where.start, end: where.end };
}

/** The line that names the object: `metadata.name`, else `kind`, else the document's start. */
function objectLine(parsed: ParsedManifests, doc: ManifestDoc, preferred: FieldPath[] = []): FieldPath {
  for (const p of [...preferred, ['metadata', 'name'], ['kind']]) if (locate(parsed, doc, p).exact) return p;
  return [];
}

/** Plain words for rejections whose Status message alone may puzzle a learner. */
export function explain(status: Status): string | undefined {
  if (status.code === 409 && status.reason === 'Conflict') return 'Someone changed this object after you opened it. Reload to see their version, or re-apply yours over it.';
  if (status.code === 403) return admissionHint(status.message);
  if (status.code === 404 && /namespaces "/.test(status.message)) return 'Create the namespace first (a Namespace document earlier in this buffer works).';
  if (status.code === 409 && status.reason === 'AlreadyExists') return 'An object with this name already exists.';
  return undefined;
}

/** Which admission check said no (the messages of the API server's plugins), and what to change. */
const ADMISSION: [RegExp, string][] = [
  [/exceeded quota/, 'A ResourceQuota in this namespace would be exceeded; lower the requests or raise the quota.'],
  [/failed quota: .*must specify/, 'A ResourceQuota in this namespace limits these resources, so every container must set them (resources.requests / resources.limits).'],
  [/usage per (Container|Pod)|limit to request ratio/, "A LimitRange in this namespace bounds each container's requests and limits; change the container's resources to fit it."],
  [/because it is being terminated/, 'The namespace is being deleted; wait until it is gone, then create it again.'],
  [/error looking up service account/, 'The pod names a ServiceAccount that does not exist; create it first or remove serviceAccountName.'],
  [/PriorityClass|priority admission/, 'The priority admission check refused it: name an existing PriorityClass and leave priority and preemptionPolicy to it.'],
];

function admissionHint(message: string): string | undefined {
  const hit = ADMISSION.find(([re]) => re.test(message));
  if (hit) return hit[1];
  return /forbidden/.test(message) ? 'An admission check refused the object.' : undefined;
}

/** Markers for one document's failed request. */
export function statusMarkers(parsed: ParsedManifests, doc: ManifestDoc, status: Status): EditorMarker[] {
  const out: EditorMarker[] = [];
  for (const c of status.details?.causes ?? []) {
    const inMessage = fieldsInMessage(c.message ?? '');
    if (c.field === 'patch' && inMessage.length) {
      for (const f of inMessage) out.push(at(parsed, doc, f.path, 'error', f.message));
      continue;
    }
    const path = c.field ? parseFieldPath(c.field) : [];
    out.push(at(parsed, doc, path.length ? path : objectLine(parsed, doc), 'error', c.field ? `${c.field}: ${c.message ?? ''}` : (c.message ?? status.message)));
  }
  if (out.length) return out;
  for (const f of fieldsInMessage(status.message)) out.push(at(parsed, doc, f.path, 'error', f.message));
  if (out.length) return out;
  const hint = explain(status);
  const preferred: FieldPath[] = status.code === 409 && status.reason === 'Conflict' ? [['metadata', 'resourceVersion']] : status.code === 404 ? [['metadata', 'namespace']] : [];
  return [at(parsed, doc, objectLine(parsed, doc, preferred), 'error', hint ? `${status.message}\n${hint}` : status.message)];
}

/** A client-side refusal (unknown kind, missing name): on `kind`/`apiVersion` or the name. */
export function clientErrorMarker(parsed: ParsedManifests, doc: ManifestDoc, message: string): EditorMarker {
  const path: FieldPath = /no matches for kind|kind not set|apiVersion not set/.test(message) ? (locate(parsed, doc, ['kind']).exact ? ['kind'] : []) : objectLine(parsed, doc);
  return at(parsed, doc, path, 'error', message.replace(/^error: /, ''));
}

/** Server `Warning:` headers (e.g. deprecated fields): informational, on the object's line. */
export function warningMarkers(parsed: ParsedManifests, doc: ManifestDoc, warnings: readonly string[]): EditorMarker[] {
  return warnings.map((w) => {
    const f = fieldsInMessage(w)[0];
    return at(parsed, doc, f ? f.path : objectLine(parsed, doc), 'warning', w);
  });
}
