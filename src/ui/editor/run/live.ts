/**
 * Live mode: after a pause in typing, the buffer is applied by itself — but only when it is valid
 * YAML and every document passes the schema, so half-typed text never reaches the cluster. The
 * status line says why it is waiting, or what the last apply did.
 */
import { locate, parseManifests } from '../../../client/apply';
import { buffers } from '../buffers/store';
import { isLive, type Buffer } from '../buffers/types';
import { validateManifest } from '../schema/validate';
import type { EditorSession } from '../session';
import type { EditorActions } from './actions';
import { say } from './state';
import { syntaxSummary } from './summary';

export const LIVE_DELAY_MS = 700;

export function createLiveMode(session: EditorSession, actions: EditorActions) {
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  const applied = new Map<string, string>();

  async function tick(id: string): Promise<void> {
    const b = buffers.byId(id);
    if (!b?.liveMode) return;
    const text = b.text;
    const parsed = parseManifests(text);
    const syntax = parsed.docs.flatMap((d) => d.errors);
    if (syntax.length) return say(id, 'warn', `Live: waiting — ${syntaxSummary(syntax[0])}`);
    if (!parsed.docs.length) return say(id, 'warn', 'Live: waiting — the buffer has no documents yet.');
    const schema = await session.schema();
    for (const doc of parsed.docs) {
      const problems = validateManifest(schema, doc.value);
      if (problems.length) {
        const line = locate(parsed, doc, problems[0].path).start.line;
        const more = problems.length > 1 ? ` (${problems.length} schema problems)` : '';
        return say(id, 'warn', `Live: waiting — line ${line}: ${problems[0].message}${more}`);
      }
    }
    if (buffers.byId(id)?.text !== text) return; // typing resumed while the schema loaded
    applied.set(id, text);
    await actions.apply(id, { live: true });
  }

  return {
    /** Called on every buffer change. */
    changed(b: Buffer, force = false): void {
      if (!b.liveMode) return;
      // A live buffer showing exactly the cluster's version has nothing to apply.
      if (!force && isLive(b) && b.text === b.origin.baseText) return;
      if (!force && applied.get(b.id) === b.text) return;
      clearTimeout(timers.get(b.id));
      timers.set(b.id, setTimeout(() => void tick(b.id), force ? 0 : LIVE_DELAY_MS));
    },
    dispose(): void {
      for (const t of timers.values()) clearTimeout(t);
      timers.clear();
    },
  };
}
