/**
 * `kubectl patch` (pkg/cmd/patch): send a strategic (default), merge or JSON patch given as JSON
 * or YAML, print `patched` or `patched (no change)`; --local / --dry-run=client patch locally.
 */
import { load } from 'js-yaml';
import { applyPatch } from '../../cluster/apiserver/patch';
import type { KObject } from '../../cluster/api/types';
import type { Command, Cmd } from '../cli/command';
import { dryRunFlag, fieldManagerFlag, filenameFlags, printFlags } from '../cli/common';
import { dryRunStrategy } from '../cli/dryrun';
import { resourcePath } from '../client/paths';
import { aggregate, StatusError } from '../errors';
import { goJson } from '../printers/json';
import { GENERIC_FORMATS, objectPrinter, successLine, withDryRun } from '../printers/output';
import { build } from '../resource/builder';
import type { Obj } from '../util/manifest';

const PATCH_TYPES: Record<string, string> = {
  json: 'application/json-patch+json',
  merge: 'application/merge-patch+json',
  strategic: 'application/strategic-merge-patch+json',
};

async function run(cmd: Cmd): Promise<void> {
  const dry = dryRunStrategy(cmd);
  const patch = cmd.str('patch');
  const patchFile = cmd.str('patch-file');
  const local = cmd.bool('local');
  const printer = objectPrinter({ format: cmd.str('output'), template: cmd.str('template'), showManagedFields: cmd.bool('show-managed-fields') }, GENERIC_FORMATS);
  if (patch && patchFile) throw new Error('cannot specify --patch and --patch-file together');
  if (!patch && !patchFile) throw new Error('must specify --patch or --patch-file containing the contents of the patch');
  if (local && cmd.args.length) throw new Error('cannot specify --local and server resources');
  if (local && dry === 'server') throw new Error('cannot specify --local and --dry-run=server - did you mean --dry-run=client?');
  const type = cmd.str('type');
  if (type && !(type.toLowerCase() in PATCH_TYPES)) throw new Error(`--type must be one of [json merge strategic], not "${type}"`);
  const contentType = PATCH_TYPES[(type || 'strategic').toLowerCase()];
  let text = patch;
  if (patchFile) {
    const t = await cmd.files?.read(patchFile);
    if (t === undefined) throw new Error(`unable to read patch file: open ${patchFile}: no such file or directory`);
    text = t;
  }
  // yaml.ToJSON passes anything starting with `{` through untouched (the server judges it).
  let bodyText: string;
  let body: unknown;
  if (/^\s*\{/.test(text)) {
    bodyText = text;
    try {
      body = JSON.parse(text);
    } catch {
      body = undefined;
    }
  } else {
    try {
      body = load(text);
    } catch (e) {
      throw new Error(`unable to parse "${patch}": yaml: ${(e as Error).message.split('\n')[0]}`);
    }
    bodyText = goJson(body);
  }
  const result = await build(cmd, { args: cmd.args, filenames: cmd.list('filename'), flatten: true, latest: !local });
  const errors = [...result.errors];
  let count = 0;
  for (const info of result.infos) {
    count++;
    const before = info.object as Obj;
    try {
      let after: Obj;
      if (!local && dry !== 'client') {
        const query: Record<string, string> = { fieldManager: cmd.str('field-manager') };
        if (dry === 'server') query.dryRun = 'All';
        try {
          after = await cmd.client.call<Obj>({
            method: 'PATCH',
            path: resourcePath(info.mapping, info.namespace, info.name, cmd.str('subresource') || undefined),
            query,
            contentType,
            body: bodyText,
          });
        } catch (e) {
          if (e instanceof StatusError && e.reason === 'UnsupportedMediaType')
            throw new Error(`${contentType}: ${e.message}`.replace(contentType, `${contentType} is not supported by ${info.mapping.group ? `${info.mapping.group}/` : ''}${info.mapping.version}, Kind=${info.mapping.kind}`));
          throw e;
        }
      } else after = applyPatch(before as KObject, body, contentType, info.mapping.kind) as Obj;
      const changed = goJson(before) !== goJson(after);
      const op = changed ? 'patched' : 'patched (no change)';
      cmd.out(printer ? printer.print(after) : successLine(after, withDryRun(op, local ? 'none' : dry)));
    } catch (e) {
      errors.push(e as Error);
    }
  }
  const err = aggregate(errors);
  if (err) throw err;
  if (count === 0) throw new Error('no objects passed to patch');
}

export const patchCommand: Command = {
  name: 'patch',
  short: 'Update fields of a resource',
  use: 'patch (-f FILENAME | TYPE NAME) [-p PATCH|--patch-file FILE]',
  flags: [
    ...printFlags,
    { name: 'patch', short: 'p', type: 'string', usage: 'The patch to be applied to the resource JSON file.' },
    { name: 'patch-file', type: 'string', usage: 'A file containing a patch to be applied to the resource.' },
    { name: 'type', type: 'string', default: 'strategic', usage: 'The type of patch being provided; one of [json merge strategic]' },
    ...filenameFlags('identifying the resource to update'),
    { name: 'local', type: 'bool', usage: 'If true, patch will operate on the content of the file, not the server-side resource.' },
    { name: 'subresource', type: 'string', usage: 'If specified, patch will operate on the subresource of the requested object.' },
    dryRunFlag,
    fieldManagerFlag('kubectl-patch'),
  ],
  run,
};
