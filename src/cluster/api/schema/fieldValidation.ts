/**
 * Server-side field validation (the `fieldValidation` query parameter, KEP-2885) as the 1.32 API server applies
 * it while decoding request bodies (k8s.io/apiserver pkg/endpoints/handlers create.go/update.go/patch.go):
 *  - absent/empty → Warn; anything but ""/Ignore/Warn/Strict → 422 on the *Options kind;
 *  - Strict: unknown fields → 400 `<Kind> in version "<v>" cannot be handled as a <Kind>: strict decoding error:
 *    unknown field "spec.x", unknown field "spec.y"`;
 *  - Warn: one warning `unknown field "spec.x"` per field (sent as `Warning: 299 - "..."` headers);
 *  - Ignore: unknown fields are dropped silently;
 *  - type errors fail in every mode (400, same `cannot be handled as` prefix).
 * For patches, the strict errors of the patched object become a 422 on the `patch` field instead.
 */
import { ApiError, apiErrors, fieldErr, fieldErrorBody, fieldErrorString } from '../errors';
import type { FieldError } from '../errors';
import { checkFields } from './fieldCheck';
import type { FieldCheckResult } from './fieldCheck';

export type FieldValidationMode = 'Strict' | 'Warn' | 'Ignore';
export type OptionsKind = 'CreateOptions' | 'UpdateOptions' | 'PatchOptions';

/** What decoding a body yields: an error to return, or warnings to attach to the (successful) response. */
export interface FieldValidationOutcome {
  error?: ApiError;
  warnings: string[];
}

/**
 * Parses the `fieldValidation` query parameter. Absent or "" means Warn (apiserver `fieldValidation()`);
 * an unsupported value is the 422 `ValidateFieldValidation` produces for the request's options kind.
 */
export function parseFieldValidation(param: string | null | undefined, optionsKind: OptionsKind): FieldValidationMode | ApiError {
  if (param === null || param === undefined || param === '') return 'Warn';
  if (param === 'Strict' || param === 'Warn' || param === 'Ignore') return param;
  return apiErrors.invalid(optionsKind, 'meta.k8s.io', '', [fieldErr.notSupported('fieldValidation', param, ['', 'Ignore', 'Strict', 'Warn'])]);
}

/** The text of one strict-decoding error. */
export function unknownFieldMessage(path: string): string {
  return `unknown field "${path}"`;
}

/** `strict decoding error: unknown field "a", unknown field "b"` (runtime.strictDecodingError). */
export function strictDecodingMessage(unknown: string[]): string {
  return `strict decoding error: ${unknown.map(unknownFieldMessage).join(', ')}`;
}

/** The value of one HTTP `Warning` header for a warning text (k8s.io/apimachinery/pkg/util/net NewWarningHeader). */
export function warningHeaderValue(text: string): string {
  return `299 - "${text.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
}

/** Applies a validation mode to a check result for a create/update body of the given kind. */
export function decodeOutcome(result: FieldCheckResult, version: string, kind: string, mode: FieldValidationMode): FieldValidationOutcome {
  const prefix = `${kind} in version "${version}" cannot be handled as a ${kind}: `;
  if (result.decodeError) return { error: apiErrors.badRequest(prefix + result.decodeError), warnings: [] };
  if (!result.unknown.length || mode === 'Ignore') return { warnings: [] };
  if (mode === 'Warn') return { warnings: result.unknown.map(unknownFieldMessage) };
  return { error: apiErrors.badRequest(prefix + strictDecodingMessage(result.unknown)), warnings: [] };
}

/**
 * Create/update (POST/PUT) body validation: checks `obj` against the schema of group/version/kind (the
 * body's own apiVersion/kind) and applies the mode.
 */
export function validateBodyFields(obj: unknown, group: string, version: string, kind: string, mode: FieldValidationMode): FieldValidationOutcome {
  return decodeOutcome(checkFields(obj, group, version, kind), version, kind, mode);
}

/**
 * The 422 upstream returns when a patched object fails to decode: `errors.NewInvalid(schema.GroupKind{}, "",
 * [field.Invalid("patch", <value>, <message>)])`, i.e. message ` "" is invalid: patch: Invalid value: ...`
 * and empty name/group/kind in details. `renderedValue` is upstream's rendering of the value: the patch map
 * as Go `%+v` for strategic merge patches, the patched object's JSON for JSON/merge patches.
 */
export function patchInvalid(renderedValue: string, message: string): ApiError {
  const e: FieldError = { ...fieldErr.invalid('patch', renderedValue, message) };
  return new ApiError({
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message: ` "" is invalid: ${fieldErrorString(e)}`,
    reason: 'Invalid',
    details: { causes: [{ reason: e.type, message: fieldErrorBody(e), field: e.field }] },
    code: 422,
  });
}

/**
 * Patch (JSON patch, merge patch, strategic merge patch) validation of the *patched* object. Type errors and,
 * in Strict mode, unknown fields become `patchInvalid`; Warn yields warnings.
 */
export function patchOutcome(result: FieldCheckResult, renderedValue: string, mode: FieldValidationMode): FieldValidationOutcome {
  if (result.decodeError) return { error: patchInvalid(renderedValue, result.decodeError), warnings: [] };
  if (!result.unknown.length || mode === 'Ignore') return { warnings: [] };
  if (mode === 'Warn') return { warnings: result.unknown.map(unknownFieldMessage) };
  return { error: patchInvalid(renderedValue, strictDecodingMessage(result.unknown)), warnings: [] };
}

/** Go's `%+v` of a decoded JSON value (`map[spec:map[replicas:3]]`), the value upstream shows for a bad SMP. */
export function goPrintValue(v: unknown): string {
  if (v === null || v === undefined) return '<nil>';
  if (Array.isArray(v)) return `[${v.map(goPrintValue).join(' ')}]`;
  if (typeof v === 'object') {
    const keys = Object.keys(v as object).sort();
    return `map[${keys.map((k) => `${k}:${goPrintValue((v as Record<string, unknown>)[k])}`).join(' ')}]`;
  }
  return String(v);
}

/** JSON with object keys sorted, as Go re-marshals the merged document of a JSON/merge patch. */
export function sortedJSON(v: unknown): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v) ?? 'null';
  if (Array.isArray(v)) return `[${v.map(sortedJSON).join(',')}]`;
  const o = v as Record<string, unknown>;
  return `{${Object.keys(o)
    .sort()
    .filter((k) => o[k] !== undefined)
    .map((k) => `${JSON.stringify(k)}:${sortedJSON(o[k])}`)
    .join(',')}}`;
}
