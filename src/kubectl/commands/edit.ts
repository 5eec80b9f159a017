/**
 * `kubectl edit` (pkg/cmd/edit + cmd/util/editor, normal mode): fetch the objects, hand their
 * YAML (managedFields hidden, under kubectl's comment header) to the editor the terminal provides,
 * then send each changed object a two-way strategic merge patch and print `… edited`. Invalid
 * edits reopen the editor with the server's reasons in the header, as kubectl does.
 */
import type { Command, Cmd } from '../cli/command';
import { fieldManagerFlag, filenameFlags, printFlags, validateFlag } from '../cli/common';
import { validationDirective } from '../cli/dryrun';
import { resourcePath } from '../client/paths';
import { groupResourceString } from '../discovery/types';
import { ExitError, StatusError, aggregate } from '../errors';
import { goJson } from '../printers/json';
import { GENERIC_FORMATS, objectPrinter, stripManagedFields, successLine } from '../printers/output';
import { build, type Info } from '../resource/builder';
import { flattenList, parseManifest, type Obj } from '../util/manifest';
import { twoWayPatch } from '../util/twoway';

const HEADER = `# Please edit the object below. Lines beginning with a '#' will be ignored,
# and an empty file will abort the edit. If an error occurs while saving this file will be
# reopened with the relevant failures.
#
`;

interface Reason {
  head: string;
  other: string[];
}

/** hashOnLineBreak: continuation lines of a header comment stay comments. */
const hashOnLineBreak = (s: string) => s.replace(/\n(?!#)/g, '\n# ');

function header(reasons: Reason[]): string {
  let h = HEADER;
  for (const r of reasons) {
    h += r.other.length ? `# ${hashOnLineBreak(r.head)}:\n` : `# ${hashOnLineBreak(r.head)}\n`;
    for (const o of r.other) h += `# * ${hashOnLineBreak(o)}\n`;
    h += '#\n';
  }
  return h;
}

/** cmdutil.ManualStrip: drop comment lines (not `#!`). */
const manualStrip = (text: string) =>
  text
    .split('\n')
    .filter((l) => !(l.trim().startsWith('#') && !l.trim().startsWith('#!')))
    .join('\n');

/** StripComments: compare documents by their JSON when they parse, else by text without comments. */
function stripComments(text: string): string {
  try {
    return goJson(parseManifest(text, 'edited file'));
  } catch {
    return manualStrip(text);
  }
}

/** hasLines: some line that is neither blank nor a comment. */
const hasLines = (text: string) => text.split('\n').some((l) => l.trim() !== '' && !l.trim().startsWith('#'));

const resourceString = (info: Info) => groupResourceString(info.mapping);

/** An error after the edit: kubectl first says where the edited copy was kept (preservedFile). */
function preserved(cmd: Cmd, file: string, err: Error): Error {
  if (file) cmd.err(`A copy of your changes has been stored to ${JSON.stringify(file)}\n`);
  return err;
}

async function run(cmd: Cmd): Promise<void> {
  if (!cmd.edit) throw new Error('no editor is available in this terminal');
  const format = cmd.str('output') || 'yaml';
  const editPrinter = objectPrinter({ format, showManagedFields: false }, ['yaml', 'json'])!;
  // The result line follows -o too: `-o json` prints the edited object as JSON.
  const resultPrinter = (op: string) => objectPrinter({ format: cmd.str('output'), template: cmd.str('template'), showManagedFields: cmd.bool('show-managed-fields'), operation: op }, GENERIC_FORMATS);
  const print = (obj: Obj, op: string) => {
    const p = resultPrinter(op);
    cmd.out(p ? p.print(obj) : successLine(obj, op));
  };
  const result = await build(cmd, { args: cmd.args, filenames: cmd.list('filename'), recursive: cmd.bool('recursive'), latest: true, flatten: true, allowEmptySelector: true });
  const infoErr = aggregate(result.errors);
  if (infoErr) throw infoErr;
  const infos = result.infos;
  if (!infos.length) throw new Error('edit cancelled, no objects found');
  const validation = validationDirective(cmd);
  const fieldManager = cmd.str('field-manager') || 'kubectl-edit';
  const ext = format === 'json' ? '.json' : '.yaml';

  let reasons: Reason[] = [];
  let containsError = false;
  let edited = '';
  let original = '';
  let file = '';
  for (;;) {
    const originalObj: Obj =
      infos.length === 1 ? (infos[0].object as Obj) : { apiVersion: 'v1', kind: 'List', metadata: {}, items: infos.map((i) => i.object) };
    let buf = header(reasons);
    if (!containsError) {
      buf += editPrinter.print(stripManagedFields(originalObj));
      original = buf;
    } else buf += manualStrip(edited);
    const previous = edited;
    const title = infos.length === 1 ? `${resourceString(infos[0])}/${infos[0].name}` : `${infos.length} objects`;
    edited = (await cmd.edit({ title, text: buf })) ?? buf;
    file = cmd.saveTemp('kubectl-edit-', ext, edited);
    if (containsError && stripComments(previous) === stripComments(edited)) throw preserved(cmd, file, new Error('Edit cancelled, no valid changes were saved.'));
    // The validator parses the file first: a syntax error is reported as an invalid object.
    let docs: Obj[] | undefined;
    let syntaxError: Error | undefined;
    try {
      docs = parseManifest(edited, 'edited file').flatMap(flattenList);
    } catch (e) {
      syntaxError = e as Error;
    }
    if (syntaxError && validation !== 'Ignore') {
      const rs = resourceString(infos[0]);
      const detail = syntaxError.message.replace(/^error parsing edited file: /, '');
      reasons = [{ head: `${rs} ${JSON.stringify(infos[0].name)} was not valid`, other: [`<nil>: Invalid value: "The edited file failed validation": ${detail}`] }];
      cmd.err(`error: ${rs} ${JSON.stringify(infos[0].name)} is invalid\n`);
      containsError = true;
      continue;
    }
    if (stripComments(original) === stripComments(edited)) {
      cmd.err('Edit cancelled, no changes made.\n');
      return;
    }
    if (!hasLines(edited)) {
      cmd.err('Edit cancelled, saved file was empty.\n');
      return;
    }
    reasons = [];
    if (!docs) {
      containsError = true;
      reasons.push({ head: `The edited file had a syntax error: ${syntaxError!.message.replace(/^error parsing edited file: /, '')}`, other: [] });
      continue;
    }
    containsError = false;
    let retryable = 0;
    let notFound = 0;
    let invalid = 0;
    for (const doc of docs) {
      const uid = (doc.metadata as { uid?: string } | undefined)?.uid;
      const info = infos.find((i) => (i.object?.metadata as { uid?: string } | undefined)?.uid === uid);
      if (!info) throw preserved(cmd, file, new Error(`no original object found for ${goJson(doc)}`));
      const before = stripManagedFields(info.object as Obj);
      const after = stripManagedFields(doc);
      if (goJson(before) === goJson(after)) {
        print(doc, 'skipped');
        continue;
      }
      const patch = twoWayPatch(before, after, info.mapping.kind);
      const p = JSON.parse(patch.body) as Record<string, unknown>;
      if ('apiVersion' in p || 'kind' in p || 'managedFields' in p || (p.metadata as Record<string, unknown> | undefined)?.name !== undefined)
        throw preserved(cmd, file, new Error('At least one of apiVersion, kind and name was changed'));
      if (cmd.bool('output-patch')) cmd.out(`Patch: ${patch.body}\n`);
      try {
        const patched = await cmd.client.call<Obj>({
          method: 'PATCH',
          path: resourcePath(info.mapping, info.namespace, info.name),
          query: { fieldManager, fieldValidation: validation },
          contentType: patch.contentType,
          body: patch.body,
        });
        info.object = patched;
        print(patched, 'edited');
      } catch (e) {
        const rs = resourceString(info);
        if (e instanceof StatusError && e.reason === 'Invalid') {
          invalid++;
          const causes = e.status.details?.causes ?? [];
          reasons.push({ head: `${rs} ${JSON.stringify(info.name)} was not valid`, other: causes.map((c) => `${c.field ?? ''}: ${c.message ?? ''}`) });
          cmd.err(`error: ${rs} ${JSON.stringify(info.name)} is invalid\n`);
        } else if (e instanceof StatusError && e.reason === 'NotFound') {
          notFound++;
          cmd.err(`error: ${rs} ${JSON.stringify(info.name)} could not be found on the server\n`);
        } else {
          retryable++;
          cmd.err(`error: ${rs} ${JSON.stringify(info.name)} could not be patched: ${(e as Error).message}\n`);
        }
      }
    }
    if (retryable > 0) {
      cmd.err(`You can run \`kubectl replace -f ${file}\` to try this update again.\n`);
      throw new ExitError('', 1);
    }
    if (notFound > 0) {
      cmd.err(`The edits you made on deleted resources have been saved to ${JSON.stringify(file)}\n`);
      throw new ExitError('', 1);
    }
    if (invalid === 0) return;
    containsError = true;
  }
}

export const editCommand: Command = {
  name: 'edit',
  short: 'Edit a resource on the server',
  use: 'edit (RESOURCE/NAME | -f FILENAME)',
  flags: [
    ...filenameFlags('to use to edit the resource'),
    ...printFlags,
    { name: 'output-patch', type: 'bool', usage: 'Output the patch if the resource is edited.' },
    { name: 'windows-line-endings', type: 'bool', usage: 'Defaults to the line ending native to your platform.' },
    validateFlag,
    fieldManagerFlag('kubectl-edit'),
    { name: 'save-config', type: 'bool', usage: 'If true, the configuration of current object will be saved in its annotation.' },
    { name: 'subresource', type: 'string', usage: "If specified, edit will operate on the subresource of the requested object. Must be one of [status]. This flag is beta and may change in the future." },
  ],
  run,
};
