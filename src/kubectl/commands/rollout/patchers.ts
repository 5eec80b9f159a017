/**
 * `rollout pause|resume|restart` (pkg/cmd/rollout): change the object locally (ObjectPauser,
 * ObjectResumer, ObjectRestarter), send the two-way strategic merge patch, print the verb.
 */
import type { Cmd } from '../../cli/command';
import { resourcePath } from '../../client/paths';
import type { J } from '../../describe/format';
import { aggregate } from '../../errors';
import { GENERIC_FORMATS, objectPrinter, successLine } from '../../printers/output';
import { build } from '../../resource/builder';
import { twoWayPatch } from '../../util/twoway';
import type { Obj } from '../../util/manifest';

type Mutator = (o: J, kind: string) => void;

const resourceString = (m: { resource: string; group: string }) => (m.group ? `${m.resource}.${m.group}` : m.resource);

async function patchAll(cmd: Cmd, mutate: Mutator, verb: string, emptyVerb: string | Error): Promise<void> {
  const printer = objectPrinter({ format: cmd.str('output'), template: cmd.str('template') }, GENERIC_FORMATS);
  const result = await build(cmd, { args: cmd.args, filenames: cmd.list('filename'), labelSelector: cmd.has('selector') ? cmd.str('selector') : undefined, allowEmptySelector: true, latest: true, flatten: true });
  const errors = [...result.errors];
  if (!result.infos.length && !errors.length) {
    cmd.err(`No resources found in ${cmd.namespace} namespace.\n`);
    return;
  }
  for (const info of result.infos) {
    const before = info.object as J;
    const after = structuredClone(before);
    try {
      mutate(after, info.mapping.kind);
    } catch (e) {
      errors.push(new Error(`error: ${resourceString(info.mapping)} "${info.name}" ${(e as Error).message}`));
      continue;
    }
    const p = twoWayPatch(before, after, info.mapping.kind);
    if (p.empty) {
      if (emptyVerb instanceof Error) errors.push(new Error(`failed to create patch for ${info.name}: ${emptyVerb.message}`));
      else cmd.out(printer ? printer.print(before as Obj) : successLine(before as Obj, emptyVerb));
      continue;
    }
    try {
      const out = await cmd.client.call<Obj>({
        method: 'PATCH',
        path: resourcePath(info.mapping, info.namespace, info.name),
        query: { fieldManager: cmd.str('field-manager') },
        contentType: 'application/strategic-merge-patch+json',
        body: p.body,
      });
      cmd.out(printer ? printer.print(out) : successLine(out, verb));
    } catch (e) {
      errors.push(new Error(`failed to patch: ${(e as Error).message}`));
    }
  }
  const err = aggregate(errors);
  if (err) throw err;
}

const supported = (kind: string) => kind === 'Deployment';

export function runPause(cmd: Cmd): Promise<void> {
  return patchAll(
    cmd,
    (o, kind) => {
      if (!supported(kind)) throw new Error('pausing is not supported');
      if (o.spec?.paused) throw new Error('is already paused');
      o.spec.paused = true;
    },
    'paused',
    'already paused',
  );
}

export function runResume(cmd: Cmd): Promise<void> {
  return patchAll(
    cmd,
    (o, kind) => {
      if (!supported(kind)) throw new Error('resuming is not supported');
      if (!o.spec?.paused) throw new Error('is not paused');
      delete o.spec.paused; // false is omitempty in the typed struct: the patch says null
    },
    'resumed',
    'already resumed',
  );
}

/** time.Now().Format(time.RFC3339) in the viewer's zone (kubectl uses local time). */
function rfc3339(ms: number, tzOffset: (ms: number) => number): string {
  const off = tzOffset(ms);
  const d = new Date(Math.floor(ms / 1000) * 1000 + off * 60_000);
  const iso = d.toISOString().slice(0, 19);
  if (off === 0) return `${iso}Z`;
  const a = Math.abs(off);
  return `${iso}${off < 0 ? '-' : '+'}${String(Math.floor(a / 60)).padStart(2, '0')}:${String(a % 60).padStart(2, '0')}`;
}

export function runRestart(cmd: Cmd): Promise<void> {
  const at = rfc3339(cmd.now(), cmd.tzOffset);
  return patchAll(
    cmd,
    (o, kind) => {
      if (!['Deployment', 'DaemonSet', 'StatefulSet'].includes(kind)) throw new Error(`restarting is not supported`);
      if (kind === 'Deployment' && o.spec?.paused) throw new Error("can't restart paused deployment (run rollout resume first)");
      const tpl = (o.spec.template ??= {});
      tpl.metadata ??= {};
      tpl.metadata.annotations = { ...(tpl.metadata.annotations ?? {}), 'kubectl.kubernetes.io/restartedAt': at };
    },
    'restarted',
    new Error('if restart has already been triggered within the past second, please wait before attempting to trigger another'),
  );
}
