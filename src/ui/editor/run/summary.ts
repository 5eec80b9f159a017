/** One line saying what an apply did, for the status line. */
import type { YamlProblem } from '../../../client/apply';
import type { EditorMarker } from '../markers/fromResult';
import type { DocOutcome } from './applyBuffer';
import type { Tone } from './state';

export function syntaxSummary(p: YamlProblem): string {
  return `YAML error at line ${p.start.line}, column ${p.start.col}: ${p.message}`;
}

/** An error as the line it is on: `Line 7: unknown field "spec.replicaz" (BadRequest)`. */
function located(d: DocOutcome, marker: EditorMarker | undefined): string {
  if (!marker) return firstLine(d.message);
  const reason = d.status?.reason ? ` (${d.status.reason})` : '';
  return `Line ${marker.start.line}: ${marker.message.split('\n')[0]}${reason}`;
}

export function summarize(docs: readonly DocOutcome[], dryRun = false, markers: readonly EditorMarker[] = []): { tone: Tone; text: string } {
  if (docs.length === 0) return { tone: 'warn', text: 'Nothing to apply: the buffer has no documents.' };
  const failed = docs.filter((d) => d.outcome === 'error');
  const firstError = markers.find((m) => m.severity === 'error');
  if (docs.length === 1) {
    const d = docs[0];
    return { tone: failed.length ? 'error' : 'ok', text: d.outcome === 'error' ? located(d, firstError) : d.message };
  }
  const counts = new Map<string, number>();
  for (const d of docs) counts.set(d.outcome, (counts.get(d.outcome) ?? 0) + 1);
  const parts = [...counts].map(([o, n]) => `${n} ${o === 'error' ? (n === 1 ? 'error' : 'errors') : o}`);
  const head = `${docs.length} documents${dryRun ? ' (server dry run)' : ''}: ${parts.join(', ')}`;
  return { tone: failed.length ? 'error' : 'ok', text: failed.length ? `${head} — ${located(failed[0], firstError)}` : head };
}

export function firstLine(s: string): string {
  const lines = s.split('\n').filter((l) => l.trim());
  // kubectl's patch errors quote the whole patch; the reason is on the last line.
  const last = lines[lines.length - 1] ?? '';
  if (/^Error from server \(\w*\): error when applying patch:/.test(lines[0] ?? '')) return `${lines[0].replace(/ error when applying patch:$/, '')} ${last.replace(/^for: .*?: error when patching ".*?": /, '')}`;
  if (lines.length > 1 && /^\* /.test(lines[1])) return `${lines[0].trim()} ${lines[1].slice(2)}${lines.length > 2 ? ` (+${lines.length - 2} more)` : ''}`;
  return lines[0] ?? '';
}
