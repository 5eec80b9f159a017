/**
 * `kubectl delete` (pkg/cmd/delete): DELETE each named/selected/file object with the cascade
 * policy and grace period, print `kind "name" deleted`, then wait until they are really gone.
 */
import type { Command, Cmd } from '../cli/command';
import { allNamespacesFlag, dryRunFlag, fieldSelectorFlag, filenameFlags, selectorFlag } from '../cli/common';
import { dryRunStrategy } from '../cli/dryrun';
import { resourcePath } from '../client/paths';
import { waitDeleted } from '../client/waitdelete';
import { aggregate, StatusError } from '../errors';
import { build } from '../resource/builder';
import { addSourceToErr } from '../util/source';

function parseCascade(cmd: Cmd): string {
  const v = cmd.str('cascade');
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(v)) {
    cmd.err(`warning: --cascade=${v} is deprecated (boolean value) and can be replaced with --cascade=background.\n`);
    return 'Background';
  }
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(v)) {
    cmd.err(`warning: --cascade=${v} is deprecated (boolean value) and can be replaced with --cascade=orphan.\n`);
    return 'Orphan';
  }
  if (v === 'orphan') return 'Orphan';
  if (v === 'foreground') return 'Foreground';
  if (v === 'background') return 'Background';
  throw new Error(`invalid cascade value (${v}). Must be "background", "foreground", or "orphan"`);
}

const kindString = (m: { kind: string; group: string }) => (m.group ? `${m.kind.toLowerCase()}.${m.group}` : m.kind.toLowerCase());

async function run(cmd: Cmd): Promise<void> {
  const policy = parseCascade(cmd);
  const selector = cmd.str('selector');
  const fieldSelector = cmd.str('field-selector');
  const all = cmd.bool('all');
  let ignoreNotFound = cmd.bool('ignore-not-found');
  if ((all || selector || fieldSelector) && !cmd.has('ignore-not-found')) ignoreNotFound = true;
  let grace = cmd.int('grace-period');
  const force = cmd.bool('force');
  if (cmd.bool('now')) {
    if (grace !== -1) throw new Error('--now and --grace-period cannot be specified together');
    grace = 1;
  }
  if (grace === 0 && !force) grace = 1;
  if (force && grace < 0) grace = 0;
  const dry = dryRunStrategy(cmd);
  const result = await build(cmd, {
    args: cmd.args,
    filenames: cmd.list('filename'),
    recursive: cmd.bool('recursive'),
    labelSelector: selector || undefined,
    fieldSelector: fieldSelector || undefined,
    selectAll: all,
    allNamespaces: cmd.bool('all-namespaces'),
    allowEmptySelector: false,
    fetch: false,
    flatten: true,
  });
  // Validate
  const output = cmd.str('output');
  if (output !== '' && output !== 'name') throw new Error(`unexpected -o output mode: ${output}. We only support '-o name'`);
  if (all && selector) throw new Error('cannot set --all and --selector at the same time');
  if (all && fieldSelector) throw new Error('cannot set --all and --field-selector at the same time');
  if (grace === 0 && force)
    cmd.err('Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n');
  else if (grace > 0 && force) throw new Error('--force and --grace-period greater than 0 cannot be specified together');

  let warnClusterScope = cmd.explicitNamespace && !cmd.bool('all-namespaces');
  const deleted: { mapping: (typeof result.infos)[number]['mapping']; namespace: string; name: string; uid?: string }[] = [];
  const errors: Error[] = [];
  let found = 0;
  const isNotFound = (e: unknown) => e instanceof StatusError && e.reason === 'NotFound';
  for (const e of result.errors) if (!(ignoreNotFound && isNotFound(e))) errors.push(e);
  for (const info of result.infos) {
    found++;
    if (warnClusterScope && !info.mapping.namespaced) {
      cmd.err('Warning: deleting cluster-scoped resources, not scoped to the provided namespace\n');
      warnClusterScope = false;
    }
    const print = () => {
      let op = grace === 0 ? 'force deleted' : 'deleted';
      if (dry === 'client') op += ' (dry run)';
      if (dry === 'server') op += ' (server dry run)';
      cmd.out(output === 'name' ? `${kindString(info.mapping)}/${info.name}\n` : `${kindString(info.mapping)} "${info.name}" ${op}\n`);
    };
    if (dry === 'client') {
      print();
      continue;
    }
    const body: Record<string, unknown> = {};
    if (grace >= 0) body.gracePeriodSeconds = grace;
    body.propagationPolicy = policy;
    try {
      const res = await cmd.client.call<{ kind?: string; details?: { uid?: string }; metadata?: { uid?: string } }>({
        method: 'DELETE',
        path: resourcePath(info.mapping, info.namespace, info.name),
        query: dry === 'server' ? { dryRun: 'All' } : {},
        contentType: 'application/json',
        body: JSON.stringify(body),
      });
      print();
      deleted.push({ mapping: info.mapping, namespace: info.namespace, name: info.name, uid: res.kind === 'Status' ? res.details?.uid : res.metadata?.uid });
    } catch (e) {
      if (ignoreNotFound && isNotFound(e)) continue;
      errors.push(addSourceToErr('deleting', info.source, e as Error));
    }
  }
  const err = aggregate(errors);
  if (err) throw err;
  if (found === 0) {
    cmd.out('No resources found\n');
    return;
  }
  if (!cmd.bool('wait') || dry !== 'none') return;
  for (const d of deleted) await waitDeleted(cmd, d);
}

export const deleteCommand: Command = {
  name: 'delete',
  short: 'Delete resources by file names, stdin, resources and names, or by resources and label selector',
  use: 'delete ([-f FILENAME] | [-k DIRECTORY] | TYPE [(NAME | -l label | --all)])',
  flags: [
    ...filenameFlags('containing the resource to delete.'),
    selectorFlag,
    fieldSelectorFlag,
    { name: 'all', type: 'bool', usage: 'Delete all resources, in the namespace of the specified resource types.' },
    allNamespacesFlag,
    { name: 'force', type: 'bool', usage: 'If true, immediately remove resources from API and bypass graceful deletion.' },
    { name: 'cascade', type: 'string', default: 'background', noOptDefault: 'background', usage: 'Must be "background", "orphan", or "foreground".' },
    { name: 'now', type: 'bool', usage: 'If true, resources are signaled for immediate shutdown (same as --grace-period=1).' },
    { name: 'grace-period', type: 'int', default: -1, usage: 'Period of time in seconds given to the resource to terminate gracefully.' },
    { name: 'timeout', type: 'duration', default: 0, usage: 'The length of time to wait before giving up on a delete.' },
    { name: 'ignore-not-found', type: 'bool', usage: 'Treat "resource not found" as a successful delete.' },
    { name: 'wait', type: 'bool', default: true, usage: 'If true, wait for resources to be gone before returning.' },
    { name: 'output', short: 'o', type: 'string', usage: 'Output mode. Use "-o name" for shorter output (resource/name).' },
    { name: 'raw', type: 'string', usage: 'Raw URI to DELETE to the server.' },
    { name: 'interactive', short: 'i', type: 'bool', usage: 'If true, delete resource only when user confirms.' },
    dryRunFlag,
  ],
  run,
};
