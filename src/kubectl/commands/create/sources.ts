/**
 * Where create configmap / create secret generic get their keys: `--from-literal`, `--from-file`
 * (a file or a folder) and `--from-env-file` (kubectl pkg/util, pkg/cmd/util/env_file.go). Files
 * come from the session's FileSource (in the browser: editor tabs and examples).
 */
import type { Cmd } from '../../cli/command';
import { isEnvVarName } from '../../../cluster/api/formats';

/** util.ParseLiteralSource: `key=value` (the value may contain `=`). */
export function literalSource(source: string): [string, string] {
  const i = source.indexOf('=');
  if (i <= 0) throw new Error(`invalid literal source ${source}, expected key=value`);
  return [source.slice(0, i), source.slice(i + 1)];
}

/** path.Base: the last element, trailing slashes ignored. */
function baseName(p: string): string {
  if (p === '') return '.';
  const trimmed = p.replace(/\/+$/, '');
  if (trimmed === '') return '/';
  return trimmed.slice(trimmed.lastIndexOf('/') + 1);
}

/** util.ParseFileSource: `path` (key = file name) or `key=path`. */
export function fileSource(source: string): [string, string] {
  const n = source.split('=').length - 1;
  if (n === 0) return [baseName(source), source];
  if (n === 1 && source.startsWith('=')) throw new Error(`key name for file path ${source.slice(1)} missing`);
  if (n === 1 && source.endsWith('=')) throw new Error(`file path for key name ${source.slice(0, -1)} missing`);
  if (n > 1) throw new Error("key names or file paths cannot contain '='");
  const [k, p] = source.split('=');
  return [k, p];
}

type Add = (key: string, value: string) => void;

/** os.Stat's view of a path: a file's text, a folder's entries, or nothing. */
async function stat(cmd: Cmd, path: string): Promise<{ text?: string; entries?: string[] }> {
  const text = await cmd.files?.read(path);
  if (text !== undefined) return { text };
  const entries = await cmd.files?.list?.(path);
  if (entries !== undefined) return { entries };
  throw new Error(`error reading ${path}: no such file or directory`);
}

/** `--from-file`: each file under its key; a folder adds its regular files under their own names. */
export async function addFileSources(cmd: Cmd, sources: string[], add: Add): Promise<void> {
  for (const source of sources) {
    const [key, path] = fileSource(source);
    const s = await stat(cmd, path);
    if (s.text !== undefined) {
      add(key, s.text);
      continue;
    }
    if (source.includes('=')) throw new Error('cannot give a key name for a directory path');
    for (const name of s.entries ?? []) {
      const text = await cmd.files?.read(`${path.replace(/\/+$/, '')}/${name}`);
      if (text !== undefined) add(name, text);
    }
  }
}

/** `--from-env-file`: `KEY=value` lines; blanks and `#` comments skipped; a bare KEY reads the (empty) environment. */
export async function addEnvFileSources(cmd: Cmd, sources: string[], dirMessage: string, add: Add): Promise<void> {
  for (const path of sources) {
    const s = await stat(cmd, path);
    if (s.text === undefined) throw new Error(dirMessage);
    const lines = s.text.split('\n');
    if (lines[lines.length - 1] === '') lines.pop();
    lines.forEach((raw, i) => {
      let line = raw.replace(/\r$/, '');
      if (i === 0) line = line.replace(/^\uFEFF/, '');
      line = line.replace(/^\s+/, '');
      if (!line || line.startsWith('#')) return;
      const eq = line.indexOf('=');
      const key = eq < 0 ? line : line.slice(0, eq);
      const errs = isEnvVarName(key);
      if (errs.length) throw new Error(`${JSON.stringify(key)} is not a valid key name: ${errs.join(';')}`);
      // No process environment in here: a bare KEY gets what os.Getenv gives for an unset variable.
      add(key, eq < 0 ? '' : line.slice(eq + 1));
    });
  }
}
