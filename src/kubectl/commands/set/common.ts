/**
 * What the `set` subcommands share: the objects (builder with --all/-l/-f/--local), the pod spec
 * inside each kind (polymorphichelpers UpdatePodSpecForObject), and patching the difference
 * (set.CalculatePatches: a two-way strategic merge patch) with kubectl's messages.
 */
import type { Cmd } from '../../cli/command';
import { dryRunStrategy } from '../../cli/dryrun';
import { resourcePath } from '../../client/paths';
import type { J } from '../../describe/format';
import { aggregate } from '../../errors';
import { GENERIC_FORMATS, objectPrinter, successLine, withDryRun } from '../../printers/output';
import { build, type Info } from '../../resource/builder';
import type { Obj } from '../../util/manifest';
import { twoWayPatch } from '../../util/twoway';
import { typedView } from '../../util/typed';

/** The PodSpec to edit inside an object, or an error for kinds without one. */
export function podSpecOf(o: J): J {
  switch (o.kind) {
    case 'Pod':
      return (o.spec ??= {});
    case 'CronJob':
      return (((((o.spec ??= {}).jobTemplate ??= {}).spec ??= {}).template ??= {}).spec ??= {});
    case 'Deployment':
    case 'ReplicaSet':
    case 'DaemonSet':
    case 'StatefulSet':
    case 'Job':
    case 'ReplicationController':
      return (((o.spec ??= {}).template ??= {}).spec ??= {});
  }
  throw new Error(`the object is not a pod or does not have a pod template: *unstructured.Unstructured`);
}

/** selectString: `*` matches all; otherwise a pattern with non-greedy `*` wildcards. */
export function selectString(s: string, spec: string): boolean {
  if (spec === '*') return true;
  if (!spec.includes('*')) return s === spec;
  const re = new RegExp(`^${spec.split('*').map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*?')}$`);
  return re.test(s);
}

export async function setInfos(cmd: Cmd, resources: string[]): Promise<Info[]> {
  const local = cmd.bool('local');
  if (local && resources.length) throw new Error('error: you must specify resources by --filename when --local is set.\nExample resource specifications include:\n   \'-f rsrc.yaml\'\n   \'--filename=rsrc.json\'');
  const r = await build(cmd, {
    args: local ? [] : resources,
    filenames: cmd.list('filename'),
    labelSelector: local ? undefined : cmd.str('selector') || undefined,
    allowEmptySelector: cmd.bool('all'),
    latest: !local,
    flatten: true,
  });
  const e = aggregate(r.errors);
  if (e) throw e;
  return r.infos;
}

/** Info.ObjectName: `deployments/web` (the resource without its group). */
const objectName = (i: Info) => `${i.mapping.resource}/${i.name}`;

/** CalculatePatches + the patch/print loop of set image|resources|env. */
export async function patchAndPrint(cmd: Cmd, infos: Info[], mutate: (o: J) => void, verb: string, failText: string, errors: Error[]): Promise<void> {
  const dry = dryRunStrategy(cmd);
  const printer = objectPrinter({ format: cmd.str('output'), template: cmd.str('template'), showManagedFields: cmd.bool('show-managed-fields') }, GENERIC_FORMATS);
  for (const info of infos) {
    const before = info.object as J;
    const after = structuredClone(before);
    try {
      mutate(after);
    } catch (e) {
      errors.push(new Error(`error: ${objectName(info)} ${(e as Error).message}\n`));
      continue;
    }
    const p = twoWayPatch(before, after, info.mapping.kind);
    if (p.empty) continue;
    if (cmd.bool('local') || dry === 'client') {
      cmd.out(printer ? printer.print(typedView(after) as Obj) : successLine(after as Obj, withDryRun(verb, cmd.bool('local') ? 'none' : dry)));
      continue;
    }
    try {
      const query: Record<string, string> = { fieldManager: cmd.str('field-manager') };
      if (dry === 'server') query.dryRun = 'All';
      const out = await cmd.client.call<Obj>({ method: 'PATCH', path: resourcePath(info.mapping, info.namespace, info.name), query, contentType: 'application/strategic-merge-patch+json', body: p.body });
      cmd.out(printer ? printer.print(out) : successLine(out, withDryRun(verb, dry)));
    } catch (e) {
      errors.push(new Error(`${failText}${(e as Error).message}`));
    }
  }
  const err = aggregate(errors);
  if (err) throw err;
}
