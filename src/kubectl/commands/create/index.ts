/**
 * `kubectl create -f` (pkg/cmd/create/create.go) and its generator subcommands, the same set as
 * kubectl 1.32: clusterrole, clusterrolebinding, configmap, cronjob, deployment, ingress, job,
 * namespace, poddisruptionbudget, priorityclass, quota, role, rolebinding, secret (docker-registry|
 * generic|tls), service (clusterip|externalname|loadbalancer|nodeport), serviceaccount, token.
 */
import type { Command, Cmd } from '../../cli/command';
import { dryRunFlag, fieldManagerFlag, filenameFlags, printFlags, selectorFlag, validateFlag } from '../../cli/common';
import { dryRunStrategy, validationDirective } from '../../cli/dryrun';
import { resourcePath } from '../../client/paths';
import { aggregate, UsageError } from '../../errors';
import { GENERIC_FORMATS, objectPrinter, successLine, withDryRun } from '../../printers/output';
import { build } from '../../resource/builder';
import { addSourceToErr } from '../../util/source';
import type { Obj } from '../../util/manifest';
import { generatorCommands } from './subcommands';

async function runCreate(cmd: Cmd): Promise<void> {
  if (cmd.args.length) throw new UsageError(`Unexpected args: [${cmd.args.join(' ')}]`, cmd.path);
  const dry = dryRunStrategy(cmd);
  const validation = validationDirective(cmd);
  const printer = objectPrinter({ format: cmd.str('output'), template: cmd.str('template'), showManagedFields: cmd.bool('show-managed-fields') }, GENERIC_FORMATS);
  if (!cmd.list('filename').length && !cmd.str('kustomize')) throw new Error('must specify one of -f and -k');
  const result = await build(cmd, { args: [], filenames: cmd.list('filename'), recursive: cmd.bool('recursive'), flatten: true });
  const errors = [...result.errors];
  let count = 0;
  for (const info of result.infos) {
    let obj = info.object as Obj;
    try {
      if (cmd.bool('save-config')) obj = withLastApplied(obj);
      if (dry !== 'client') {
        const query: Record<string, string> = {};
        if (dry === 'server') query.dryRun = 'All';
        query.fieldManager = cmd.str('field-manager');
        query.fieldValidation = validation;
        try {
          obj = await cmd.client.call<Obj>({ method: 'POST', path: resourcePath(info.mapping, info.namespace), query, contentType: 'application/json', body: JSON.stringify(obj) });
        } catch (e) {
          throw addSourceToErr('creating', info.source, e as Error);
        }
      }
      count++;
      cmd.out(printer ? printer.print(obj) : successLine(obj, withDryRun('created', dry)));
    } catch (e) {
      errors.push(e as Error);
    }
  }
  const err = aggregate(errors);
  if (err) throw err;
  if (count === 0) throw new Error('no objects passed to create');
}

/** --save-config: the object's own JSON (without the annotation) as last-applied-configuration. */
export function withLastApplied(obj: Obj): Obj {
  const copy = structuredClone(obj);
  const md = (copy.metadata ??= {}) as Record<string, unknown>;
  const ann = { ...((md.annotations as Record<string, string>) ?? {}) };
  delete ann['kubectl.kubernetes.io/last-applied-configuration'];
  const bare = structuredClone(copy);
  (bare.metadata as Record<string, unknown>).annotations = ann;
  ann['kubectl.kubernetes.io/last-applied-configuration'] = `${JSON.stringify(bare)}\n`;
  md.annotations = ann;
  return copy;
}

export const createCommand: Command = {
  name: 'create',
  short: 'Create a resource from a file or from stdin',
  use: 'create -f FILENAME',
  flags: [
    ...printFlags,
    ...filenameFlags('to use to create the resource'),
    selectorFlag,
    { name: 'edit', type: 'bool', usage: 'Edit the API resource before creating' },
    { name: 'raw', type: 'string', usage: 'Raw URI to POST to the server.' },
    { name: 'save-config', type: 'bool', usage: 'If true, the configuration of current object will be saved in its annotation.' },
    { name: 'windows-line-endings', type: 'bool', usage: 'Only relevant if --edit=true.' },
    validateFlag,
    dryRunFlag,
    fieldManagerFlag('kubectl-create'),
  ],
  subcommands: generatorCommands,
  run: runCreate,
};
