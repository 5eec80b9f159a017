/**
 * `-f` sources: a path the caller's FileSource knows (editor buffers, example manifests), `-` for
 * stdin (a heredoc in the terminal), or a folder (`-f dir/`, `-R` to recurse), with kubectl's
 * extension filter and error texts.
 */
import type { Cmd } from '../cli/command';

export interface Source {
  name: string;
  text?: string;
  error?: Error;
}

const EXTENSIONS = ['.json', '.yaml', '.yml'];

export async function readFilenames(cmd: Cmd, filenames: string[], recursive: boolean): Promise<Source[]> {
  const out: Source[] = [];
  for (const f of filenames) {
    if (f === '-') {
      out.push({ name: 'STDIN', text: cmd.stdin ?? '' });
      continue;
    }
    const text = await cmd.files?.read(f);
    if (text !== undefined) {
      out.push({ name: f, text });
      continue;
    }
    const listed = cmd.files?.list?.(f.replace(/\/$/, ''));
    if (listed) {
      const walk = async (dir: string, names: string[]) => {
        for (const n of names) {
          const p = `${dir}/${n}`;
          const sub = cmd.files?.list?.(p);
          if (sub) {
            if (recursive) await walk(p, sub);
            continue;
          }
          if (!EXTENSIONS.some((e) => n.endsWith(e))) continue;
          out.push({ name: p, text: (await cmd.files?.read(p)) ?? '' });
        }
      };
      await walk(f.replace(/\/$/, ''), listed);
      continue;
    }
    out.push({ name: f, error: new Error(`the path "${f}" does not exist`) });
  }
  return out;
}
