/**
 * `kubectl label` and `kubectl annotate` (pkg/cmd/label, pkg/cmd/annotate): change an object's
 * labels or annotations locally, send the merge-patch difference, print `labeled` / `not labeled`
 * / `unlabeled` / `annotated`.
 */
import type { Command, Cmd } from '../cli/command';
import { allNamespacesFlag, dryRunFlag, fieldManagerFlag, fieldSelectorFlag, filenameFlags, printFlags, selectorFlag } from '../cli/common';
import { dryRunStrategy } from '../cli/dryrun';
import { parsePairs, resourcesAndPairs } from '../cli/pairs';
import { resourcePath } from '../client/paths';
import { isValidLabelValue } from '../../cluster/api/formats';
import { aggregate } from '../errors';
import { GENERIC_FORMATS, objectPrinter, successLine, withDryRun } from '../printers/output';
import { build } from '../resource/builder';
import { goJson } from '../printers/json';
import { createMergePatch } from '../util/mergepatch';
import type { Obj } from '../util/manifest';

type Kind = 'label' | 'annotate';

function parseLabels(spec: string[]): { set: Map<string, string>; remove: string[] } {
  const set = new Map<string, string>();
  const remove: string[] = [];
  for (const s of spec) {
    if (s.includes('=')) {
      const parts = s.split('=');
      if (parts.length !== 2) throw new Error(`invalid label spec: ${s}`);
      const errs = isValidLabelValue(parts[1]);
      if (errs.length) throw new Error(`invalid label value: ${JSON.stringify(s)}: ${errs.join(';')}`);
      set.set(parts[0], parts[1]);
    } else if (s.endsWith('-')) remove.push(s.slice(0, -1));
    else throw new Error(`unknown label spec: ${s}`);
  }
  for (const r of remove) if (set.has(r)) throw new Error('can not both modify and remove a label in the same command');
  return { set, remove };
}

function apply(kind: Kind, obj: Obj, set: Map<string, string>, remove: string[], overwrite: boolean, rv: string): void {
  const field = kind === 'label' ? 'labels' : 'annotations';
  const md = (obj.metadata ??= {}) as Record<string, unknown>;
  const cur = (md[field] as Record<string, string> | undefined) ?? {};
  if (!overwrite) {
    if (kind === 'label') {
      const errs = [...set].filter(([k, v]) => k in cur && cur[k] !== v).map(([k]) => new Error(`'${k}' already has a value (${cur[k]}), and --overwrite is false`));
      const e = aggregate(errs);
      if (e) throw e;
    } else {
      const bad = [...set].filter(([k, v]) => k !== 'kubernetes.io/change-cause' && k in cur && cur[k] !== v).map(([k]) => `'${k}' already has a value (${cur[k]})`);
      if (bad.length) throw new Error(`--overwrite is false but found the following declared annotation(s): ${bad.join('; ')}`);
    }
  }
  const next = { ...cur };
  for (const [k, v] of set) next[k] = v;
  for (const r of remove) delete next[r];
  md[field] = next;
  if (rv) md.resourceVersion = rv;
}

function dataChangeMsg(oldData: string, newData: string, overwrite: boolean): string {
  if (oldData === newData) return 'not labeled';
  if (!overwrite && newData.length < oldData.length) return 'unlabeled';
  return 'labeled';
}

function makeRun(kind: Kind) {
  return async (cmd: Cmd): Promise<void> => {
    const pairType = kind === 'label' ? 'label' : 'annotation';
    const { resources, pairs } = resourcesAndPairs(cmd.args, pairType);
    const { set, remove } = kind === 'label' ? parseLabels(pairs) : parsePairs(pairs, 'annotation', true);
    if (kind === 'annotate') {
      const both = remove.filter((r) => set.has(r));
      if (both.length) throw new Error(`can not both modify and remove the following annotation(s) in the same command: ${both.join(', ')}`);
    }
    const output = cmd.str('output');
    const list = cmd.bool('list');
    if (kind === 'annotate' && list && output) throw new Error('--list and --output may not be specified together');
    const dry = dryRunStrategy(cmd);
    const all = cmd.bool('all');
    const overwrite = cmd.bool('overwrite');
    const rv = cmd.str('resource-version');
    // Validate
    if (all && cmd.str('selector')) throw new Error('cannot set --all and --selector at the same time');
    if (all && cmd.str('field-selector')) throw new Error('cannot set --all and --field-selector at the same time');
    if (resources.length < 1 && !cmd.list('filename').length)
      throw new Error(`one or more resources must be specified as <resource> <name> or <resource>/<name>`);
    if (set.size < 1 && remove.length < 1 && !list) throw new Error(`at least one ${pairType} update is required`);
    const printer = objectPrinter({ format: output, template: cmd.str('template'), showManagedFields: cmd.bool('show-managed-fields') }, GENERIC_FORMATS);
    const result = await build(cmd, {
      args: resources,
      filenames: cmd.list('filename'),
      labelSelector: cmd.str('selector') || undefined,
      fieldSelector: cmd.str('field-selector') || undefined,
      allNamespaces: cmd.bool('all-namespaces'),
      allowEmptySelector: all,
      latest: true,
      flatten: true,
    });
    if (!result.singleItemImplied && rv) throw new Error('--resource-version may only be used with a single resource');
    const errors = [...result.errors];
    for (const info of result.infos) {
      try {
        const obj = structuredClone(info.object as Obj);
        if (rv) (obj.metadata ??= {}).resourceVersion = '';
        const oldData = goJson(obj);
        let msg: string;
        let out: Obj = obj;
        if (dry === 'client' || list) {
          apply(kind, obj, set, remove, overwrite, rv);
          msg = dataChangeMsg(oldData, goJson(obj), overwrite);
        } else {
          if (kind === 'label') for (const r of remove) if (!(r in ((obj.metadata?.labels as Record<string, string>) ?? {}))) cmd.out(`label "${r}" not found.\n`);
          apply(kind, obj, set, remove, overwrite, rv);
          const newData = goJson(obj);
          msg = dataChangeMsg(oldData, newData, overwrite);
          const patch = createMergePatch(JSON.parse(oldData), JSON.parse(newData));
          const query: Record<string, string> = { fieldManager: cmd.str('field-manager') };
          if (dry === 'server') query.dryRun = 'All';
          out = await cmd.client.call<Obj>({
            method: 'PATCH',
            path: resourcePath(info.mapping, info.namespace, info.name),
            query,
            contentType: 'application/merge-patch+json',
            body: goJson(patch),
          });
        }
        if (list) {
          const field = kind === 'label' ? 'labels' : 'annotations';
          const indent = result.singleItemImplied ? '' : ' ';
          if (!result.singleItemImplied) cmd.out(`Listing ${field} for ${info.mapping.kind}.${info.mapping.group}/${info.name}:\n`);
          for (const [k, v] of Object.entries(((out.metadata as Record<string, unknown>)?.[field] as Record<string, string>) ?? {})) cmd.out(`${indent}${k}=${v}\n`);
          continue;
        }
        const shown = kind === 'label' ? obj : out;
        const op = kind === 'label' ? msg : 'annotated';
        if (printer) cmd.out(printer.print(shown));
        else cmd.out(successLine(shown, withDryRun(op, dry)));
      } catch (e) {
        errors.push(e as Error);
      }
    }
    const err = aggregate(errors);
    if (err) throw err;
  };
}

const sharedFlags = (kind: Kind) => [
  ...printFlags,
  { name: 'overwrite', type: 'bool' as const, usage: `If true, allow ${kind === 'label' ? 'labels' : 'annotations'} to be overwritten.` },
  { name: 'list', type: 'bool' as const, usage: `If true, display the ${kind === 'label' ? 'labels' : 'annotations'} for a given resource.` },
  { name: 'local', type: 'bool' as const, usage: 'If true, will NOT contact api-server but run locally.' },
  selectorFlag,
  fieldSelectorFlag,
  { name: 'all', type: 'bool' as const, usage: 'Select all resources, in the namespace of the specified resource types' },
  allNamespacesFlag,
  { name: 'resource-version', type: 'string' as const, usage: 'If non-empty, the update will only succeed if this is the current resource-version for the object.' },
  ...filenameFlags(`identifying the resource to update the ${kind === 'label' ? 'labels' : 'annotation'}`),
  dryRunFlag,
  fieldManagerFlag(kind === 'label' ? 'kubectl-label' : 'kubectl-annotate'),
];

export const labelCommand: Command = {
  name: 'label',
  short: 'Update the labels on a resource',
  use: 'label [--overwrite] (-f FILENAME | TYPE NAME) KEY_1=VAL_1 ... KEY_N=VAL_N [--resource-version=version]',
  flags: sharedFlags('label'),
  run: makeRun('label'),
};

export const annotateCommand: Command = {
  name: 'annotate',
  short: 'Update the annotations on a resource',
  use: 'annotate [--overwrite] (-f FILENAME | TYPE NAME) KEY_1=VAL_1 ... KEY_N=VAL_N [--resource-version=version]',
  flags: sharedFlags('annotate'),
  run: makeRun('annotate'),
};
