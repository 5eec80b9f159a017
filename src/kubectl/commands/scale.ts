/**
 * `kubectl scale` (pkg/cmd/scale): PATCH the scale subresource with `{"spec":{"replicas":N}}`
 * (or GET + PUT the Scale when --current-replicas/--resource-version set preconditions), print
 * `… scaled`, optionally wait (--timeout) until status catches up.
 */
import type { Command, Cmd } from '../cli/command';
import { allNamespacesFlag, dryRunFlag, filenameFlags, printFlags, selectorFlag } from '../cli/common';
import { dryRunStrategy } from '../cli/dryrun';
import { resourcePath } from '../client/paths';
import { aggregate } from '../errors';
import { GENERIC_FORMATS, objectPrinter, successLine, withDryRun } from '../printers/output';
import { build } from '../resource/builder';
import type { Obj } from '../util/manifest';

interface Scale {
  metadata?: { resourceVersion?: string };
  spec?: { replicas?: number };
  status?: { replicas?: number };
}

async function run(cmd: Cmd): Promise<void> {
  const dry = dryRunStrategy(cmd);
  const replicas = cmd.int('replicas');
  const current = cmd.int('current-replicas');
  const printer = objectPrinter({ format: cmd.str('output'), template: cmd.str('template'), showManagedFields: cmd.bool('show-managed-fields') }, GENERIC_FORMATS);
  if (replicas < 0) throw new Error('The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0');
  if (current < -1) throw new Error('The --current-replicas must specify an integer of -1 or greater');
  const result = await build(cmd, {
    args: cmd.args,
    filenames: cmd.list('filename'),
    labelSelector: cmd.str('selector') || undefined,
    allNamespaces: cmd.bool('all-namespaces'),
    allowEmptySelector: cmd.bool('all'),
    flatten: true,
    latest: true,
  });
  const infoErr = aggregate(result.errors);
  const rv = cmd.str('resource-version');
  if (rv && result.infos.length > 1) throw new Error('cannot use --resource-version with multiple resources');
  if (result.infos.length === 0) {
    if (infoErr) throw new Error(`no objects passed to scale ${infoErr.message}`);
    throw new Error('no objects passed to scale');
  }
  for (const info of result.infos) {
    const obj = info.object as Obj;
    if (dry !== 'client') {
      const path = resourcePath(info.mapping, info.namespace, info.name, 'scale');
      const query: Record<string, string> = dry === 'server' ? { dryRun: 'All' } : {};
      if (current !== -1 || rv) {
        const s = await cmd.client.call<Scale>({ path });
        if (current !== -1 && (s.spec?.replicas ?? 0) !== current)
          throw new Error(`Expected replicas to be ${current}, was ${s.spec?.replicas ?? 0}`);
        if (rv && s.metadata?.resourceVersion !== rv)
          throw new Error(`Expected resource version to be ${rv}, was ${s.metadata?.resourceVersion ?? ''}`);
        await cmd.client.call({ method: 'PUT', path, query, contentType: 'application/json', body: JSON.stringify({ ...s, spec: { ...s.spec, replicas } }) });
      } else {
        await cmd.client.call({ method: 'PATCH', path, query, contentType: 'application/merge-patch+json', body: JSON.stringify({ spec: { replicas } }) });
      }
      const timeout = Number(cmd.flags.timeout ?? 0);
      if (timeout > 0 && dry === 'none') await waitReplicas(cmd, path, replicas, timeout, info.name);
    }
    cmd.out(printer ? printer.print(obj) : successLine(obj, withDryRun('scaled', dry)));
  }
  if (infoErr) throw infoErr;
}

async function waitReplicas(cmd: Cmd, path: string, replicas: number, timeoutMs: number, name: string): Promise<void> {
  const end = cmd.now() + timeoutMs;
  for (;;) {
    const s = await cmd.client.call<Scale>({ path });
    if (s.spec?.replicas !== replicas) return;
    if (s.spec?.replicas === s.status?.replicas) return;
    if (cmd.now() > end) throw new Error(`timed out waiting for "${name}" to be synced`);
    await cmd.sleep(1000);
  }
}

export const scaleCommand: Command = {
  name: 'scale',
  short: 'Set a new size for a deployment, replica set, or replication controller',
  use: 'scale [--resource-version=version] [--current-replicas=count] --replicas=COUNT (-f FILENAME | TYPE NAME)',
  flags: [
    ...printFlags,
    ...filenameFlags('identifying the resource to set a new size'),
    selectorFlag,
    allNamespacesFlag,
    { name: 'all', type: 'bool', usage: 'Select all resources in the namespace of the specified resource types' },
    { name: 'resource-version', type: 'string', usage: 'Precondition for resource version.' },
    { name: 'current-replicas', type: 'int', default: -1, usage: 'Precondition for current size.' },
    { name: 'replicas', type: 'int', default: -1, usage: 'The new desired number of replicas. Required.' },
    { name: 'timeout', type: 'duration', default: 0, usage: 'The length of time to wait before giving up on a scale operation.' },
    dryRunFlag,
  ],
  required: ['replicas'],
  run,
};
