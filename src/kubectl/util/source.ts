/** cmdutil.AddSourceToErr: `error when <verb> "<file>": …`, keeping an API error's reason. */
import { StatusError } from '../errors';

export function addSourceToErr(verb: string, source: string | undefined, err: Error): Error {
  if (!source) return err;
  if (err instanceof StatusError) return err.withMessage(`error when ${verb} "${source}": ${err.message}`);
  return new Error(`error when ${verb} "${source}": ${err.message}`);
}
