/**
 * The Status objects the apiserver's patch handler (apiserver pkg/endpoints/handlers/patch.go)
 * answers with when a patch cannot be applied.
 */
import { ApiError, apiErrors, fieldErr } from '../../api/errors';

/**
 * A JSON patch whose operations fail (missing path, failed `test`, bad index), or an SMP
 * "lists of lists" patch: the handler uses NewGenericServerResponse(422, ...) without the
 * "unexpected response" flag, so the library's reason is dropped and details stay empty.
 */
export function patchNotApplicable(): ApiError {
  return new ApiError({
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message: 'the server rejected our request due to an error in our request',
    reason: 'Invalid',
    details: {},
    code: 422,
  });
}

/**
 * A plain Go error from the strategic-merge library (e.g. a missing merge key): ErrorToAPIStatus
 * turns it into a 500 with an empty reason and the raw message.
 */
export function unexpectedPatchError(message: string): ApiError {
  return new ApiError({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, code: 500 });
}

/** Malformed patch documents are 400 BadRequest with the decoder's message. */
export function badPatch(message: string): ApiError {
  return apiErrors.badRequest(message);
}

/**
 * The patched JSON no longer decodes into the kind (e.g. the patch replaced the whole object
 * with an array): NewInvalid with an empty GroupKind and name, on the field `patch`.
 */
export function undecodablePatchResult(patched: unknown, detail: string): ApiError {
  return apiErrors.invalid('', '', '', [fieldErr.invalid('patch', JSON.stringify(patched), detail)]);
}

/** `kubectl patch` with more than maxJSONPatchOperations operations. */
export const maxJsonPatchOperations = 10000;

export function tooManyOperations(count: number): ApiError {
  return apiErrors.tooLarge(
    `Request entity too large: The allowed maximum operations in a JSON patch is ${maxJsonPatchOperations}, got ${count}`,
  );
}
