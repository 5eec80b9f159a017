/**
 * The `kubectl.kubernetes.io/last-applied-configuration` annotation: what the last `kubectl apply`
 * sent, which the next apply diffs against to find fields the user removed. Built exactly as
 * kubectl's `GetModifiedConfiguration` builds it (Go-marshalled manifest without the annotation
 * itself, `annotations: {}` when there are none, trailing newline), so objects applied here and
 * by the real kubectl carry identical annotations.
 */
import { goMarshal } from './goJson';
import { isMap } from './smpDiff';
import type { JsonMap } from './types';

export const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

function annotationsOf(obj: JsonMap): JsonMap {
  const meta = isMap(obj.metadata) ? obj.metadata : {};
  return isMap(meta.annotations) ? { ...meta.annotations } : {};
}

function withAnnotations(obj: JsonMap, annotations: JsonMap): JsonMap {
  const meta = isMap(obj.metadata) ? obj.metadata : {};
  return { ...obj, metadata: { ...meta, annotations } };
}

/** The annotation's value for a manifest (any stale last-applied annotation in it is ignored). */
export function lastAppliedValue(manifest: JsonMap): string {
  const annotations = annotationsOf(manifest);
  delete annotations[LAST_APPLIED];
  return `${goMarshal(withAnnotations(manifest, annotations))}\n`;
}

/** The manifest as kubectl sends it: with the annotation recording itself. */
export function withLastApplied(manifest: JsonMap): JsonMap {
  const annotations = annotationsOf(manifest);
  annotations[LAST_APPLIED] = lastAppliedValue(manifest);
  return withAnnotations(manifest, annotations);
}

/** The last-applied configuration recorded on a live object, if any (kubectl's `GetOriginalConfiguration`). */
export function lastAppliedOf(live: JsonMap): JsonMap | undefined {
  const raw = annotationsOf(live)[LAST_APPLIED];
  if (typeof raw !== 'string' || raw === '') return undefined;
  try {
    const v = JSON.parse(raw) as unknown;
    return isMap(v) ? v : undefined;
  } catch {
    return undefined;
  }
}
