/** API error predicates the controllers need (apierrors.IsNotFound, HasStatusCause…). */
import { ApiError } from '../../api/errors';

export function isNotFound(e: unknown): boolean {
  return e instanceof ApiError && e.status.reason === 'NotFound';
}

export function isAlreadyExists(e: unknown): boolean {
  return e instanceof ApiError && e.status.reason === 'AlreadyExists';
}

/** HasStatusCause(err, NamespaceTerminating): creates in a terminating namespace are expected to fail. */
export function isNamespaceTerminating(e: unknown): boolean {
  return e instanceof ApiError && (e.status.details?.causes ?? []).some((c) => c.reason === 'NamespaceTerminating');
}

/** err.Error(): the Status message for API errors. */
export function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
