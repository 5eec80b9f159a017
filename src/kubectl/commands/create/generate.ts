/** The shared tail of kubectl's generator commands: print the object (client dry run) or POST it and print the answer. */
import type { Cmd } from '../../cli/command';
import { dryRunStrategy, validationDirective } from '../../cli/dryrun';
import { resourcePath } from '../../client/paths';
import { UsageError } from '../../errors';
import { GENERIC_FORMATS, objectPrinter, successLine, withDryRun } from '../../printers/output';
import { mappingFor } from '../../resource/builder';
import type { Obj } from '../../util/manifest';
import { typedView } from '../../util/typed';

/** NameFromCommandArgs: exactly one NAME before any `--`. */
export function nameFromArgs(cmd: Cmd): string {
  const n = cmd.argsLenAtDash === -1 ? cmd.args.length : cmd.argsLenAtDash;
  if (n !== 1) throw new UsageError(`exactly one NAME is required, got ${n}`, cmd.path);
  return cmd.args[0];
}

/** Words after `--` (the container command). */
export function commandAfterDash(cmd: Cmd): string[] {
  return cmd.argsLenAtDash >= 0 ? cmd.args.slice(cmd.argsLenAtDash) : [];
}

export interface GenerateOptions {
  /** Resource to create (`deployments.apps`). */
  resource: string;
  /** `failed to create deployment: ` prefix for errors, or '' to pass API errors through. */
  failPrefix: string;
  fieldManager: string;
  /** Send fieldValidation (create subcommands do; run does not). */
  validate?: boolean;
  operation?: string;
  /** Create without printing (run --attach prints nothing for the pod). */
  silent?: boolean;
  /**
   * The typed clientset sends protobuf (client-go 1.32), which has no nulls: `creationTimestamp:
   * null` never reaches the server. Send the JSON without nulls to get the same stored object.
   */
  typed?: boolean;
}

function dropNulls(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(dropNulls);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).filter(([, x]) => x !== null).map(([k, x]) => [k, dropNulls(x)]));
  return v;
}

export async function createGenerated(cmd: Cmd, obj: Obj, o: GenerateOptions): Promise<Obj> {
  const dry = dryRunStrategy(cmd);
  const validation = o.validate ? validationDirective(cmd) : undefined;
  // Generators build typed objects (and decode the server's answer into one): -o json keeps Go field order.
  const printer = objectPrinter({ format: cmd.str('output'), template: cmd.str('template'), showManagedFields: cmd.bool('show-managed-fields'), typed: true }, GENERIC_FORMATS);
  let out = obj;
  if (cmd.bool('save-config')) {
    const copy = structuredClone(obj);
    const md = (copy.metadata ??= {}) as Record<string, unknown>;
    md.annotations = { ...((md.annotations as object) ?? {}), 'kubectl.kubernetes.io/last-applied-configuration': '' };
    out = copy;
  }
  if (dry !== 'client') {
    const mapping = await mappingFor(cmd, o.resource);
    const query: Record<string, string> = {};
    if (dry === 'server') query.dryRun = 'All';
    query.fieldManager = cmd.str('field-manager') || o.fieldManager;
    if (validation) query.fieldValidation = validation;
    try {
      out = await cmd.client.call<Obj>({ method: 'POST', path: resourcePath(mapping, cmd.namespace), query, contentType: 'application/json', body: JSON.stringify(o.typed ? dropNulls(out) : out) });
    } catch (e) {
      if (o.failPrefix) throw new Error(`${o.failPrefix}${(e as Error).message}`);
      throw e;
    }
  } else if (cmd.explicitNamespace && (await mappingFor(cmd, o.resource)).namespaced) {
    out = { ...out, metadata: { ...out.metadata, namespace: cmd.namespace } };
  }
  // The server's answer is decoded into the typed struct before printing: its empty template fields reappear.
  if (!o.silent) cmd.out(printer ? printer.print(dry === 'client' ? out : typedView(out)) : successLine(out, withDryRun(o.operation ?? 'created', dry)));
  return out;
}
