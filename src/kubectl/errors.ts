/**
 * kubectl's error kinds and how it prints them (kubectl pkg/cmd/util/helpers.go `checkErr`,
 * `StandardErrorMessage`, `MultilineError`): the exact stderr text and exit code for each.
 */

export interface StatusCause {
  reason?: string;
  message?: string;
  field?: string;
}

/** The API's `Status` object, as a failed request answers. */
export interface ApiStatus {
  kind?: string;
  apiVersion?: string;
  status?: string;
  message?: string;
  reason?: string;
  code?: number;
  details?: { name?: string; group?: string; kind?: string; uid?: string; causes?: StatusCause[]; retryAfterSeconds?: number };
}

/** A Status answer from the server (apierrors.StatusError). `message` may be rewritten (AddSourceToErr). */
export class StatusError extends Error {
  constructor(readonly status: ApiStatus) {
    super(status.message ?? '');
  }
  get reason(): string {
    return this.status.reason ?? '';
  }
  get code(): number {
    return this.status.code ?? 0;
  }
  withMessage(message: string): StatusError {
    return new StatusError({ ...this.status, message });
  }
}

/** `the server doesn't have a resource type "x"` (meta.NoResourceMatchError). */
export class NoResourceMatchError extends Error {
  constructor(
    readonly resource: string,
    readonly group = '',
    readonly version = '',
  ) {
    super(`the server doesn't have a resource type "${resource}"`);
  }
}

/** Cobra flag errors: printed as `Error: <msg>` plus the `--help` hint. */
export class FlagError extends Error {
  constructor(
    message: string,
    readonly command: string,
  ) {
    super(message);
  }
}

/** cmdutil.UsageErrorf: `error: <msg>` and `See '<cmd> -h' for help and examples`. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly command: string,
  ) {
    super(message);
  }
}

/** Several errors reported together (utilerrors.Aggregate): one line each. */
export class AggregateError extends Error {
  constructor(readonly errors: Error[]) {
    super(errors.map((e) => e.message).join(', '));
  }
}

/** Exit with this code after printing `message` verbatim (utilexec.ExitError, or cmdutil.ErrExit with ''). */
export class ExitError extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
  }
}

/** Interrupted by Ctrl+C: kubectl dies with the signal; the terminal prints `^C`. */
export class InterruptedError extends Error {
  constructor() {
    super('interrupted');
  }
}

/** errors.New-style error with a plain message (printed as `error: <msg>`). */
export function fail(message: string): Error {
  return new Error(message);
}

/** Flattens nested aggregates (utilerrors.Flatten) and drops nils. */
export function flatten(errs: Error[]): Error[] {
  const out: Error[] = [];
  for (const e of errs) {
    if (e instanceof AggregateError) out.push(...flatten(e.errors));
    else out.push(e);
  }
  return out;
}

/** utilerrors.NewAggregate + Reduce: undefined for none, the error for one, an aggregate otherwise. */
export function aggregate(errs: Error[]): Error | undefined {
  if (errs.length === 0) return undefined;
  if (errs.length === 1) return errs[0];
  return new AggregateError(errs);
}

function isInvalid(e: unknown): e is StatusError {
  return e instanceof StatusError && e.reason === 'Invalid';
}

/** StandardErrorMessage: the text for API and connection errors, or undefined for others. */
export function standardErrorMessage(e: Error): string | undefined {
  if (e instanceof StatusError) {
    if (e.reason === 'Unauthorized') return `error: You must be logged in to the server (${e.message})`;
    if (e.reason) return `Error from server (${e.reason}): ${e.message}`;
    return `Error from server: ${e.message}`;
  }
  return undefined;
}

/** messageForError: the aggregate member's text (StandardErrorMessage or the error's own). */
function messageForError(e: Error): string {
  return standardErrorMessage(e) ?? e.message;
}

/** MultilineError: `prefix msg` for one error, else `prefix` then `* msg` lines. Ends with a newline. */
export function multilineError(prefix: string, errs: Error[]): string {
  const flat = flatten(errs);
  if (flat.length === 0) return `${prefix}\n`;
  if (flat.length === 1) return `${prefix}${messageForError(flat[0])}\n`;
  return `${prefix}\n${flat.map((e) => `* ${messageForError(e)}\n`).join('')}`;
}

/** MultipleErrors: each error on its own line. */
export function multipleErrors(prefix: string, errs: Error[]): string {
  return errs.map((e) => `${prefix}${messageForError(e)}\n`).join('');
}

/** Deduplicated `field: message` causes (statusCausesToAggrError). */
function causeErrors(causes: StatusCause[]): Error[] {
  const seen = new Set<string>();
  const out: Error[] = [];
  for (const c of causes) {
    const msg = `${c.field ?? ''}: ${c.message ?? ''}`;
    if (seen.has(msg)) continue;
    seen.add(msg);
    out.push(new Error(msg));
  }
  return out;
}

/** checkErr: what kubectl prints to stderr for `err`, and the exit code. */
export function renderError(err: Error): { text: string; code: number } {
  const withNl = (s: string) => (s === '' || s.endsWith('\n') ? s : `${s}\n`);
  if (err instanceof AggregateError && err.errors.length === 1) err = err.errors[0];
  if (err instanceof ExitError) return { text: withNl(err.message), code: err.exitCode };
  // kubectl's interrupt handler runs its cleanups, then os.Exit(1) (what real kubectl returns on Ctrl+C).
  if (err instanceof InterruptedError) return { text: '', code: 1 };
  if (err instanceof FlagError) return { text: `Error: ${err.message}\nSee '${err.command} --help' for usage.\n`, code: 1 };
  if (err instanceof UsageError) return { text: `error: ${err.message}\nSee '${err.command} -h' for help and examples\n`, code: 1 };
  if (isInvalid(err)) {
    const d = err.status.details;
    let s = 'The request is invalid';
    if (!d) return { text: withNl(err.message ? `${s}: ${err.message}` : s), code: 1 };
    if (d.kind || d.name) s = `The ${d.kind ?? ''} ${JSON.stringify(d.name ?? '')} is invalid`;
    else if (err.message && !d.causes?.length) s += `: ${err.message}`;
    if (d.causes?.length) return { text: multilineError(`${s}: `, [new AggregateError(causeErrors(d.causes))]), code: 1 };
    return { text: withNl(s), code: 1 };
  }
  if (err instanceof NoResourceMatchError) {
    let msg = `the server doesn't have a resource type "${err.resource}"`;
    if (err.group && err.version) msg += ` in group "${err.group}" and version "${err.version}"`;
    else if (err.group) msg += ` in group "${err.group}"`;
    else if (err.version) msg += ` in version "${err.version}"`;
    return { text: `${msg}\n`, code: 1 };
  }
  if (err instanceof AggregateError) return { text: multipleErrors('', err.errors), code: 1 };
  let msg = standardErrorMessage(err);
  if (msg === undefined) {
    msg = err.message;
    if (!msg.startsWith('error: ')) msg = `error: ${msg}`;
  }
  return { text: withNl(msg), code: 1 };
}
