/** The shared tail of kubectl's generator commands: print the object (client dry run) or POST it and print the answer. */
import type { Cmd } from '../../cli/command';
import { dryRunFlag, fieldManagerFlag, printFlags, validateFlag } from '../../cli/common';
import type { FlagDef } from '../../cli/flags';
import { dryRunStrategy, validationDirective } from '../../cli/dryrun';
import { resourcePath } from '../../client/paths';
import { UsageError } from '../../errors';
import { STRUCTS, structTypeOf } from '../../printers/gotypes';
import { goJson, goTypedJson } from '../../printers/json';
import { GENERIC_FORMATS, objectPrinter, successLine, withDryRun } from '../../printers/output';
import { mappingFor } from '../../resource/builder';
import type { Obj } from '../../util/manifest';
import { typedView } from '../../util/typed';

/** The flags every generator shares: print flags, --save-config, --validate, --dry-run, --field-manager. */
export const generatorFlags = (manager = 'kubectl-create'): FlagDef[] => [
  ...printFlags,
  { name: 'save-config', type: 'bool', usage: 'If true, the configuration of current object will be saved in its annotation.' },
  validateFlag,
  dryRunFlag,
  fieldManagerFlag(manager),
];

/** The namespace a generator writes into its object: only one given explicitly (EnforceNamespace). */
export const enforcedNamespace = (cmd: Cmd): string | undefined => (cmd.explicitNamespace ? cmd.namespace : undefined);

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
  /**
   * When --save-config writes last-applied-configuration: always (the create generators), only
   * when the object is sent (run, expose), or never (create service never reads the flag).
   */
  saveConfig?: 'always' | 'server-only' | 'never';
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

/**
 * --save-config on a generated object (util.CreateApplyAnnotation): the typed object encoded
 * compactly (Go field order, without the annotation itself) plus a newline.
 */
export function withTypedLastApplied(obj: Obj): Obj {
  const KEY = 'kubectl.kubernetes.io/last-applied-configuration';
  const bare = structuredClone(obj);
  const md = (bare.metadata ??= {}) as Record<string, unknown>;
  const ann = { ...((md.annotations as Record<string, string>) ?? {}) };
  delete ann[KEY];
  if (Object.keys(ann).length) md.annotations = ann;
  else delete md.annotations;
  const type = structTypeOf(String(obj.apiVersion ?? ''), String(obj.kind ?? ''));
  const encoded = type ? goTypedJson(bare, STRUCTS, type) : goJson(bare);
  const copy = structuredClone(bare);
  (copy.metadata as Record<string, unknown>).annotations = { ...ann, [KEY]: `${encoded}\n` };
  return copy;
}

export async function createGenerated(cmd: Cmd, obj: Obj, o: GenerateOptions): Promise<Obj> {
  const dry = dryRunStrategy(cmd);
  const validation = o.validate ? validationDirective(cmd) : undefined;
  // Generators build typed objects (and decode the server's answer into one): -o json keeps Go field order.
  const printer = objectPrinter({ format: cmd.str('output'), template: cmd.str('template'), showManagedFields: cmd.bool('show-managed-fields'), typed: true }, GENERIC_FORMATS);
  let out = obj;
  const saveConfig = o.saveConfig ?? 'always';
  if (cmd.bool('save-config') && (saveConfig === 'always' || (saveConfig === 'server-only' && dry !== 'client'))) out = withTypedLastApplied(obj);
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
