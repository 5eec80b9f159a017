/**
 * `kubectl apply -f` (pkg/cmd/apply): client-side apply through the shared apply machinery in
 * src/client/apply (GET, then POST with the last-applied annotation or PATCH the three-way
 * strategic merge patch), `--server-side` as one apply PATCH, `-o` printers, and the
 * `view-last-applied` subcommand. Successes print as they happen; errors are reported at the end.
 */
import { applyDocuments, Discovery, type ApplyRestRequest, type RestFn } from '../../client/apply';
import type { Command, Cmd } from '../cli/command';
import { dryRunFlag, fieldManagerFlag, filenameFlags, printFlags, selectorFlag, validateFlag } from '../cli/common';
import { dryRunStrategy, validationDirective } from '../cli/dryrun';
import { resourcePath } from '../client/paths';
import { ExitError, InterruptedError } from '../errors';
import { GENERIC_FORMATS, objectPrinter, successLine, withDryRun } from '../printers/output';
import { printJson } from '../printers/json';
import { toYaml } from '../printers/yaml/emitter';
import { build } from '../resource/builder';
import { readFilenames } from '../resource/files';
import { addSourceToErr } from '../util/source';
import { parseManifest, flattenList, type Obj } from '../util/manifest';
import { renderError } from '../errors';

/** A RestFn over the session transport that reports warnings once, like client-go. */
function restFn(cmd: Cmd): RestFn {
  return async (req: ApplyRestRequest) => {
    if (cmd.signal?.aborted) throw new InterruptedError();
    return cmd.client.raw({ method: req.method, path: req.path, query: req.query, accept: req.accept, contentType: req.contentType, body: req.body });
  };
}

async function serverSide(cmd: Cmd, dry: 'none' | 'client' | 'server', validation: string, printer: ReturnType<typeof objectPrinter>): Promise<Error[]> {
  const errors: Error[] = [];
  const result = await build(cmd, { args: [], filenames: cmd.list('filename'), recursive: cmd.bool('recursive'), flatten: true });
  errors.push(...result.errors);
  for (const info of result.infos) {
    const query: Record<string, string> = { fieldManager: cmd.has('field-manager') ? cmd.str('field-manager') : 'kubectl', fieldValidation: validation, force: String(cmd.bool('force-conflicts')) };
    if (dry === 'server') query.dryRun = 'All';
    try {
      const out = await cmd.client.call<Obj>({
        method: 'PATCH',
        path: resourcePath(info.mapping, info.namespace, info.name),
        query,
        contentType: 'application/apply-patch+yaml',
        body: JSON.stringify(info.object),
      });
      cmd.out(printer ? printer.print(out) : successLine(out, withDryRun('serverside-applied', dry)));
    } catch (e) {
      errors.push(addSourceToErr('patching', info.source, e as Error));
    }
  }
  return errors;
}

async function run(cmd: Cmd): Promise<void> {
  const dry = dryRunStrategy(cmd);
  const validation = validationDirective(cmd);
  const printer = objectPrinter({ format: cmd.str('output'), template: cmd.str('template'), showManagedFields: cmd.bool('show-managed-fields') }, GENERIC_FORMATS);
  if (!cmd.list('filename').length && !cmd.str('kustomize')) throw new Error('must specify one of -f and -k');
  if (cmd.args.length) throw new Error(`Unexpected args: [${cmd.args.join(' ')}]\nSee '${cmd.path} -h' for help and examples`);
  const ssa = cmd.bool('server-side');
  if (ssa && dry === 'client') throw new Error('--dry-run=client doesn\'t work with --server-side (did you mean --dry-run=server instead?)');
  if (cmd.bool('force-conflicts') && !ssa) throw new Error('--force-conflicts only works with --server-side');
  if (ssa) {
    const errs = await serverSide(cmd, dry, validation, printer);
    finish(errs.map((e) => renderError(e).text));
    return;
  }
  const sources = await readFilenames(cmd, cmd.list('filename'), cmd.bool('recursive'));
  const rest = restFn(cmd);
  const discovery = new Discovery(rest);
  const errors: string[] = [];
  let count = 0;
  for (const src of sources) {
    if (src.error) throw src.error;
    let docs: Obj[];
    try {
      docs = parseManifest(src.text ?? '', src.name).flatMap(flattenList);
    } catch (e) {
      errors.push(`error: ${(e as Error).message}`);
      continue;
    }
    const results = await applyDocuments(rest, docs, {
      namespace: cmd.namespace,
      enforceNamespace: cmd.explicitNamespace,
      dryRun: dry,
      validate: validation as 'Strict' | 'Warn' | 'Ignore',
      fieldManager: cmd.str('field-manager'),
      source: src.name,
      discovery,
    });
    for (const r of results) {
      for (const w of r.warnings) cmd.err(`Warning: ${w}\n`);
      if (r.outcome === 'error') {
        errors.push(r.message);
        continue;
      }
      count++;
      if (printer && r.object) cmd.out(printer.print(r.object as Obj));
      else cmd.out(`${r.message}\n`);
    }
  }
  if (count === 0 && errors.length === 0) throw new Error('no objects passed to apply');
  finish(errors);
}

/** Errors come after the successes, one per line, as kubectl's aggregate prints them. */
function finish(errors: string[]): void {
  if (!errors.length) return;
  throw new ExitError(errors.map((e) => (e.endsWith('\n') ? e : `${e}\n`)).join(''), 1);
}

const viewLastApplied: Command = {
  name: 'view-last-applied',
  short: 'View the latest last-applied-configuration annotations of a resource/object',
  use: 'apply view-last-applied (TYPE [NAME | -l label] | TYPE/NAME | -f FILENAME)',
  flags: [
    { name: 'output', short: 'o', type: 'string', default: 'yaml', usage: 'Output format. Must be one of (yaml, json)' },
    ...filenameFlags('that contains the last-applied-configuration annotations'),
    selectorFlag,
    { name: 'all', type: 'bool', usage: 'Select all resources in the namespace of the specified resource types' },
  ],
  async run(cmd) {
    const out = cmd.str('output');
    if (out !== 'json' && out !== 'yaml') throw new Error(`Unexpected -o output mode: ${out}, the flag 'output' must be one of yaml|json`);
    const r = await build(cmd, { args: cmd.args, filenames: cmd.list('filename'), labelSelector: cmd.str('selector') || undefined, allowEmptySelector: cmd.bool('all'), flatten: true, latest: true });
    if (r.errors.length) throw r.errors[0];
    const texts: string[] = [];
    for (const info of r.infos) {
      // An object without the annotation yields an empty document (kubectl prints a blank line).
      texts.push(String(((info.object as Obj).metadata?.annotations ?? {})['kubectl.kubernetes.io/last-applied-configuration'] ?? ''));
    }
    texts.forEach((t, i) => {
      if (!t) {
        cmd.out('\n');
        return;
      }
      const obj = JSON.parse(t);
      if (out === 'json') cmd.out(printJson(obj));
      else {
        if (i > 0 || texts.length > 1) cmd.out('---\n');
        cmd.out(toYaml(obj));
      }
    });
  },
};

export const applyCommand: Command = {
  name: 'apply',
  short: 'Apply a configuration to a resource by file name or stdin',
  use: 'apply (-f FILENAME | -k DIRECTORY)',
  flags: [
    ...printFlags,
    ...filenameFlags('that contains the configuration to apply'),
    selectorFlag,
    { name: 'overwrite', type: 'bool', default: true, usage: 'Automatically resolve conflicts between the modified and live configuration by using values from the modified configuration' },
    { name: 'prune', type: 'bool', usage: 'Automatically delete resource objects, that do not appear in the configs and are created by either apply or create --save-config.' },
    { name: 'cascade', type: 'string', default: 'background', noOptDefault: 'background', usage: 'Must be "background", "orphan", or "foreground".' },
    { name: 'grace-period', type: 'int', default: -1, usage: 'Period of time in seconds given to the resource to terminate gracefully.' },
    { name: 'force', type: 'bool', usage: 'If true, immediately remove resources from API and bypass graceful deletion.' },
    { name: 'timeout', type: 'duration', default: 0, usage: 'The length of time to wait before giving up on a delete.' },
    { name: 'wait', type: 'bool', usage: 'If true, wait for resources to be gone before returning.' },
    { name: 'all', type: 'bool', usage: 'Select all resources in the namespace of the specified resource types.' },
    { name: 'openapi-patch', type: 'bool', default: true, usage: 'If true, use openapi to calculate diff when the openapi presents and the resource can be found in the openapi spec.' },
    { name: 'server-side', type: 'bool', usage: 'If true, apply runs in the server instead of the client.' },
    { name: 'force-conflicts', type: 'bool', usage: 'If true, server-side apply will force the changes against conflicts.' },
    validateFlag,
    dryRunFlag,
    fieldManagerFlag('kubectl-client-side-apply'),
  ],
  subcommands: [viewLastApplied],
  run,
};

