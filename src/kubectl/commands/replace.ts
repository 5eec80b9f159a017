/**
 * `kubectl replace -f` (pkg/cmd/replace): PUT each object from the file (filling in the live
 * resourceVersion when the file has none, as resource.Helper.Replace does) and print
 * `… replaced`. `--force` deletes, waits for the deletion, then creates.
 */
import type { Command, Cmd } from '../cli/command';
import { dryRunFlag, fieldManagerFlag, filenameFlags, printFlags, validateFlag } from '../cli/common';
import { dryRunStrategy, validationDirective } from '../cli/dryrun';
import { resourcePath } from '../client/paths';
import { waitDeleted } from '../client/waitdelete';
import { aggregate, StatusError } from '../errors';
import { GENERIC_FORMATS, objectPrinter, successLine, withDryRun } from '../printers/output';
import { build, type Info } from '../resource/builder';
import { addSourceToErr } from '../util/source';
import type { Obj } from '../util/manifest';
import { withLastApplied } from './create/index';

async function put(cmd: Cmd, info: Info, obj: Obj, query: Record<string, string>): Promise<Obj> {
  const path = resourcePath(info.mapping, info.namespace, info.name);
  const md = (obj.metadata ?? {}) as { resourceVersion?: string };
  let body = obj;
  if (!md.resourceVersion) {
    const live = await cmd.client.call<Obj>({ path });
    body = { ...obj, metadata: { ...obj.metadata, resourceVersion: (live.metadata as { resourceVersion?: string })?.resourceVersion } };
  }
  return cmd.client.call<Obj>({ method: 'PUT', path, query, contentType: 'application/json', body: JSON.stringify(body) });
}

async function forceReplace(cmd: Cmd, infos: Info[], query: Record<string, string>): Promise<Obj[]> {
  const out: Obj[] = [];
  for (const info of infos) {
    try {
      await cmd.client.call({ method: 'DELETE', path: resourcePath(info.mapping, info.namespace, info.name), contentType: 'application/json', body: JSON.stringify({ kind: 'DeleteOptions', apiVersion: 'v1', propagationPolicy: 'Background' }) });
      cmd.out(`${info.mapping.group ? `${info.mapping.kind.toLowerCase()}.${info.mapping.group}` : info.mapping.kind.toLowerCase()} "${info.name}" deleted\n`);
    } catch (e) {
      if (!(e instanceof StatusError && e.reason === 'NotFound')) throw e;
    }
    await waitDeleted(cmd, { mapping: info.mapping, namespace: info.namespace, name: info.name });
  }
  for (const info of infos) {
    const obj = { ...(info.object as Obj), metadata: { ...(info.object as Obj).metadata, resourceVersion: undefined } };
    out.push(await cmd.client.call<Obj>({ method: 'POST', path: resourcePath(info.mapping, info.namespace), query, contentType: 'application/json', body: JSON.stringify(obj) }));
  }
  return out;
}

async function run(cmd: Cmd): Promise<void> {
  const dry = dryRunStrategy(cmd);
  const validation = validationDirective(cmd);
  const force = cmd.bool('force');
  if (cmd.has('grace-period') && !force) throw new Error('--grace-period must have --force specified');
  if (cmd.has('timeout') && !force) throw new Error('--timeout must have --force specified');
  if (force && dry !== 'none') throw new Error('--dry-run can not be used when --force is set');
  if (!cmd.list('filename').length && !cmd.str('kustomize')) throw new Error('must specify one of -f and -k');
  const printer = objectPrinter({ format: cmd.str('output'), template: cmd.str('template'), showManagedFields: cmd.bool('show-managed-fields') }, GENERIC_FORMATS);
  const result = await build(cmd, { args: [], filenames: cmd.list('filename'), recursive: cmd.bool('recursive'), flatten: true });
  const query: Record<string, string> = { fieldManager: cmd.str('field-manager') || 'kubectl-replace', fieldValidation: validation };
  if (dry === 'server') query.dryRun = 'All';
  const print = (o: Obj) => cmd.out(printer ? printer.print(o) : successLine(o, withDryRun('replaced', dry)));
  if (force) {
    if (result.errors.length) throw aggregate(result.errors)!;
    const created = await forceReplace(cmd, result.infos, query);
    for (const o of created) print(o);
    if (!created.length) throw new Error('no objects passed to replace');
    return;
  }
  const errors = [...result.errors];
  for (const info of result.infos) {
    let obj = info.object as Obj;
    if (cmd.bool('save-config')) obj = withLastApplied(obj);
    if (dry === 'client') {
      print(obj);
      continue;
    }
    try {
      print(await put(cmd, info, obj, query));
    } catch (e) {
      errors.push(addSourceToErr('replacing', info.source, e as Error));
    }
  }
  const err = aggregate(errors);
  if (err) throw err;
}

export const replaceCommand: Command = {
  name: 'replace',
  short: 'Replace a resource by file name or stdin',
  use: 'replace -f FILENAME',
  flags: [
    ...printFlags,
    ...filenameFlags('to use to replace the resource.'),
    { name: 'force', type: 'bool', usage: 'If true, immediately remove resources from API and bypass graceful deletion.' },
    { name: 'cascade', type: 'string', default: 'background', noOptDefault: 'background', usage: 'Must be "background", "orphan", or "foreground".' },
    { name: 'grace-period', type: 'int', default: -1, usage: 'Period of time in seconds given to the resource to terminate gracefully.' },
    { name: 'timeout', type: 'duration', default: 0, usage: 'The length of time to wait before giving up on a delete.' },
    { name: 'wait', type: 'bool', usage: 'If true, wait for resources to be gone before returning.' },
    { name: 'save-config', type: 'bool', usage: 'If true, the configuration of current object will be saved in its annotation.' },
    { name: 'raw', type: 'string', usage: 'Raw URI to PUT to the server.' },
    { name: 'subresource', type: 'string', usage: 'If specified, replace will operate on the subresource of the requested object.' },
    validateFlag,
    dryRunFlag,
    fieldManagerFlag('kubectl-replace'),
  ],
  run,
};
