/**
 * The API server's field checker (server.ts `FieldChecker`): validates a create/update body against its
 * kind's schema under the request's fieldValidation mode. Throws the ApiError upstream would return (400 for
 * type errors, and for unknown fields under Strict); returns the warnings for Warn.
 */
import { validateBodyFields } from './fieldValidation';
import type { FieldValidationMode } from './fieldValidation';

export function fieldChecker(body: unknown, def: { group: string; version: string; kind: string }, mode: FieldValidationMode): string[] {
  const out = validateBodyFields(body, def.group, def.version, def.kind, mode);
  if (out.error) throw out.error;
  return out.warnings;
}
