/**
 * `kubectl describe` (pkg/cmd/describe): each selected object through its describer, separated
 * by blank lines; `describe TYPE PREFIX` falls back to every object whose name starts with PREFIX.
 */
import type { Command, Cmd } from '../cli/command';
import { allNamespacesFlag, filenameFlags, selectorFlag } from '../cli/common';
import { describe, type DescribeSettings } from '../describe/index';
import { aggregate, StatusError } from '../errors';
import { build, listObjects, mappingFor, type Info } from '../resource/builder';
import type { Obj } from '../util/manifest';

async function run(cmd: Cmd): Promise<void> {
  if (cmd.args.length === 0 && !cmd.list('filename').length) {
    throw new Error('You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.');
  }
  const settings: DescribeSettings = { showEvents: cmd.bool('show-events'), chunkSize: cmd.int('chunk-size') };
  const result = await build(cmd, {
    args: cmd.args,
    filenames: cmd.list('filename'),
    labelSelector: cmd.has('selector') ? cmd.str('selector') : undefined,
    allNamespaces: cmd.bool('all-namespaces'),
    allowEmptySelector: true,
    flatten: true,
    latest: true,
    chunkSize: settings.chunkSize,
  });
  const errors: Error[] = [];
  const notFound = result.errors.find((e) => e instanceof StatusError && e.reason === 'NotFound');
  if (notFound && cmd.args.length === 2) return describeMatching(cmd, notFound, cmd.args[0], cmd.args[1], settings);
  errors.push(...result.errors);
  const seen = new Set<string>();
  let first = true;
  for (const info of result.infos) {
    try {
      const s = await describe(cmd, info.mapping, info.namespace, info.name, settings);
      cmd.out(first ? s : `\n\n${s}`);
      first = false;
    } catch (e) {
      const msg = (e as Error).message;
      if (seen.has(msg)) continue;
      seen.add(msg);
      errors.push(e as Error);
    }
  }
  if (result.infos.length === 0 && errors.length === 0) {
    if (cmd.bool('all-namespaces')) cmd.err('No resources found\n');
    else cmd.err(`No resources found in ${cmd.namespace} namespace.\n`);
  }
  const err = aggregate(errors);
  if (err) throw err;
}

/** DescribeMatchingResources: every object of the type whose name starts with the prefix. */
async function describeMatching(cmd: Cmd, original: Error, resource: string, prefix: string, settings: DescribeSettings): Promise<void> {
  const mapping = await mappingFor(cmd, resource);
  const ns = mapping.namespaced ? cmd.namespace : '';
  const list = await listObjects(cmd, mapping, ns, { chunkSize: settings.chunkSize });
  const items = ((list.items as Obj[]) ?? []).map((it): Info => ({ mapping, namespace: ns, name: String(it.metadata?.name ?? ''), object: it }));
  let found = false;
  for (const info of items) {
    if (!info.name.startsWith(prefix)) continue;
    found = true;
    const s = await describe(cmd, mapping, info.namespace, info.name, settings);
    cmd.out(`${s}\n`);
  }
  if (!found) throw original;
}

export const describeCommand: Command = {
  name: 'describe',
  short: 'Show details of a specific resource or group of resources',
  use: 'describe (-f FILENAME | TYPE [NAME_PREFIX | -l label] | TYPE/NAME)',
  flags: [
    ...filenameFlags('containing the resource to describe'),
    selectorFlag,
    allNamespacesFlag,
    { name: 'show-events', type: 'bool', default: true, usage: 'If true, display events related to the described object.' },
    { name: 'chunk-size', type: 'int', default: 500, usage: 'Return large lists in chunks rather than all at once.' },
  ],
  run,
};
