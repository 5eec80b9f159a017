/**
 * Applies (or dry-runs) a buffer: refuses the whole buffer on a YAML error, like kubectl; then
 * each document on its own — a live buffer's own object as an edit (conflict-checked against
 * what it was opened from), everything else with plain `kubectl apply` — and maps every error
 * onto the YAML it came from.
 */
import {
  applyDocuments,
  applyEdit,
  parseManifests,
  userFields,
  type ApplyResult,
  type EditResult,
  type JsonMap,
  type ManifestDoc,
  type ObjectRef,
  type Outcome,
  type ParsedManifests,
  type Status,
  type YamlProblem,
} from '../../../client/apply';
import type { Buffer } from '../buffers/types';
import { clientErrorMarker, statusMarkers, warningMarkers, type EditorMarker } from '../markers/fromResult';
import type { EditorSession } from '../session';

export interface DocOutcome {
  index: number;
  /** First line of the document, to jump to. */
  line: number;
  outcome: Outcome;
  message: string;
  conflict?: boolean;
  status?: Status;
  ref?: ObjectRef;
  warnings: string[];
  before?: JsonMap;
  after?: JsonMap;
  /** Warning events that followed (pods refused by a quota…), added a moment after the apply. */
  events?: string[];
}

export interface BufferRun {
  /** YAML errors: nothing was sent. */
  syntax: YamlProblem[];
  docs: DocOutcome[];
  markers: EditorMarker[];
  parsed: ParsedManifests;
}

export interface RunOptions {
  dryRun?: boolean;
  /** For a live buffer: apply over changes made elsewhere (after a conflict). */
  overwrite?: boolean;
}

/** True when the document is the object a live buffer was opened from. */
function isOwnObject(b: Buffer, value: unknown): boolean {
  if (b.origin.type !== 'live' || typeof value !== 'object' || value === null) return false;
  const o = value as JsonMap;
  const meta = (o.metadata ?? {}) as JsonMap;
  const ref = b.origin.ref;
  return o.kind === ref.kind && meta.name === ref.name && (meta.namespace ?? ref.namespace) === ref.namespace;
}

async function applyDoc(session: EditorSession, b: Buffer, doc: ManifestDoc, opts: RunOptions): Promise<ApplyResult | EditResult> {
  const common = { source: b.title, dryRun: opts.dryRun ? ('server' as const) : ('none' as const), discovery: session.discovery };
  if (b.origin.type === 'live' && isOwnObject(b, doc.value)) {
    const r = await applyEdit((q) => session.host.rest(q), session.discovery, { edited: doc.value, base: b.origin.base, overwrite: opts.overwrite }, common);
    // Deleted elsewhere: applying creates it again from what the buffer says.
    if (r.status?.code !== 404) return r;
    const [again] = await applyDocuments((q) => session.host.rest(q), [userFields(doc.value as JsonMap)], common);
    return again;
  }
  const [r] = await applyDocuments((q) => session.host.rest(q), [doc.value], common);
  return r;
}

export async function applyBuffer(session: EditorSession, b: Buffer, opts: RunOptions = {}): Promise<BufferRun> {
  const parsed = parseManifests(b.text);
  const syntax = parsed.docs.flatMap((d) => d.errors);
  if (syntax.length) return { syntax, docs: [], markers: [], parsed };
  const docs: DocOutcome[] = [];
  const markers: EditorMarker[] = [];
  for (const doc of parsed.docs) {
    const r = await applyDoc(session, b, doc, opts);
    docs.push({
      index: doc.index,
      line: doc.range.start.line,
      outcome: r.outcome,
      message: r.message,
      conflict: 'conflict' in r ? r.conflict : undefined,
      status: r.status,
      ref: r.ref,
      warnings: r.warnings,
      before: r.before,
      after: r.outcome === 'error' ? undefined : r.object,
    });
    if (r.outcome === 'error') markers.push(...(r.status ? statusMarkers(parsed, doc, r.status) : [clientErrorMarker(parsed, doc, r.message)]));
    markers.push(...warningMarkers(parsed, doc, r.warnings));
  }
  return { syntax, docs, markers, parsed };
}
