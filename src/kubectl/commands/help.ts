/** Help texts: `kubectl`, `kubectl <cmd> --help`, and cobra's "Did you mean this?" suggestions. */
import type { Command } from '../cli/command';
import type { FlagDef } from '../cli/flags';
import { goDuration } from '../../cluster/api/duration';
import { rootCommands } from './index';

function levenshtein(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
  return d[a.length][b.length];
}

/** cobra's SuggestionsFor (distance ≤ 2, or prefix), formatted as cobra appends them. */
export function suggestions(word: string): string {
  const names = rootCommands.filter((c) => !c.hidden).map((c) => c.name);
  const found = names.filter((n) => levenshtein(word.toLowerCase(), n.toLowerCase()) <= 2 || n.toLowerCase().startsWith(word.toLowerCase()));
  if (!found.length) return '';
  return `\n\nDid you mean this?\n${found.map((f) => `\t${f}\n`).join('')}`;
}

export function rootHelp(): string {
  const lines = rootCommands.filter((c) => !c.hidden).map((c) => `  ${c.name.padEnd(15)}${c.short}`);
  return `kubectl controls the Kubernetes cluster manager.\n\n Find more information at: https://kubernetes.io/docs/reference/kubectl/\n\nCommands:\n${lines.join('\n')}\n\nUsage:\n  kubectl [flags] [options]\n\nUse "kubectl <command> --help" for more information about a given command.\n`;
}

/** A flag's DefValue as kubectl's help shows it. */
function defaultText(f: FlagDef): string {
  const d = f.default;
  switch (f.type) {
    case 'bool':
      return String(d ?? false);
    case 'int':
    case 'int32':
    case 'float':
      return String(d ?? 0);
    case 'duration':
      return goDuration(Number(d ?? 0));
    case 'stringArray':
    case 'stringSlice':
      return `[${((d as string[] | undefined) ?? []).join(',')}]`;
    case 'mapStringString':
      return '';
    case 'string':
      return `'${String(d ?? '')}'`;
  }
}

export function commandHelp(c: Command, path: string): string {
  let s = `${c.short}\n`;
  if (c.subcommands?.length) {
    const w = Math.max(...c.subcommands.map((x) => x.name.length)) + 3;
    s += `\nAvailable Commands:\n${c.subcommands.map((x) => `  ${x.name.padEnd(w)}${x.short}`).join('\n')}\n`;
  }
  // pflag sorts flags by name; kubectl's template prints each with its default (strings quoted).
  const flags = (c.flags ?? []).filter((f) => !f.hidden).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  if (flags.length) {
    s += `\nOptions:\n${flags.map((f) => `    ${f.short ? `-${f.short}, ` : ''}--${f.name}=${defaultText(f)}:\n\t${f.usage ?? ''}\n`).join('\n')}`;
  }
  // kubectl's usage template appends `[options]` to every usage line.
  s += `\nUsage:\n  ${c.use ? `kubectl ${c.use} [options]` : `${path} [flags] [options]`}\n\nUse "kubectl options" for a list of global command-line options (applies to all commands).\n`;
  return s;
}
