/** --dry-run and --validate as cmdutil.GetDryRunStrategy / GetValidationDirective read them. */
import type { Cmd } from './command';

export type DryRun = 'none' | 'client' | 'server';

export function dryRunStrategy(cmd: Cmd): DryRun {
  const v = cmd.str('dry-run');
  switch (v) {
    case '':
    case 'none':
      return 'none';
    case 'client':
      return 'client';
    case 'server':
      return 'server';
    case 'unchanged':
    case 'true':
      throw new Error(`--dry-run flag without a value was specified. A value must be set: "none", "server", or "client".`);
    case 'false':
      return 'none';
    default:
      throw new Error(`Invalid dry-run value (${v}). Must be "none", "server", or "client".`);
  }
}

/** The fieldValidation query value (Strict, Warn, Ignore). */
export function validationDirective(cmd: Cmd): string {
  const v = cmd.str('validate').toLowerCase();
  switch (v) {
    case 'strict':
    case 'true':
      return 'Strict';
    case 'warn':
      return 'Warn';
    case 'ignore':
    case 'false':
      return 'Ignore';
    default:
      throw new Error(`invalid - validate option "${v}"; must be one of: strict (or true), warn, ignore (or false)`);
  }
}

/** Query parameters for a write: dryRun=All, fieldManager, fieldValidation. */
export function writeQuery(dry: DryRun, fieldManager: string, validation?: string): Record<string, string> {
  const q: Record<string, string> = {};
  if (dry === 'server') q.dryRun = 'All';
  if (fieldManager) q.fieldManager = fieldManager;
  if (validation) q.fieldValidation = validation;
  return q;
}
