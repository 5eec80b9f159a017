/**
 * The editor's commands, independent of any component: apply, diff, compare, reload and open.
 * They read and write the buffer store and the run state; components only call them.
 */
import { editView, userFields, type JsonMap } from '../../../client/apply';
import { buffers } from '../buffers/store';
import { isLive } from '../buffers/types';
import { isStatus, type EditorSession } from '../session';
import { toYaml } from '../yamlText';
import { applyBuffer, type DocOutcome } from './applyBuffer';
import { say, setRun } from './state';
import { firstLine, summarize, syntaxSummary } from './summary';

/** The buffer text for a live object. */
export const liveText = (obj: JsonMap): string => toYaml(editView(obj).editable);

/** Takes the cluster's version into a live buffer (text too, unless the person typed meanwhile). */
export function adopt(id: string, obj: JsonMap, typedSince: boolean): void {
  const text = liveText(obj);
  buffers.update(id, (b) => (b.origin.type !== 'live' ? {} : { origin: { ...b.origin, base: obj, baseText: text, remote: undefined, deleted: false }, ...(typedSince ? {} : { text }) }));
}

const header = (d: DocOutcome) => (d.ref ? `# ${d.ref.kind}/${d.ref.name}${d.ref.namespace ? ` (${d.ref.namespace})` : ''}\n` : `# document ${d.index + 1}\n`);

export function createActions(session: EditorSession) {
  const running = new Map<string, Promise<unknown>>();

  async function apply(id: string, opts: { overwrite?: boolean; live?: boolean } = {}): Promise<void> {
    const b = buffers.byId(id);
    if (!b) return;
    const prefix = opts.live ? 'Live: ' : '';
    setRun(id, { busy: true });
    say(id, 'busy', `${prefix}applying…`);
    try {
      const run = await applyBuffer(session, b, { overwrite: opts.overwrite });
      if (run.syntax.length) {
        setRun(id, { busy: false, results: [], markers: [] });
        say(id, 'error', `${syntaxSummary(run.syntax[0])} — nothing was applied.`);
        return;
      }
      setRun(id, { busy: false, results: run.docs, markers: run.markers, diff: undefined });
      const s = summarize(run.docs);
      say(id, s.tone, prefix + s.text);
      if (isLive(b)) {
        const own = run.docs.find((d) => d.after && d.ref?.kind === b.origin.ref.kind && d.ref.name === b.origin.ref.name);
        if (own?.after) adopt(id, own.after, buffers.byId(id)?.text !== b.text);
      }
    } catch (e) {
      setRun(id, { busy: false });
      say(id, 'error', `${prefix}${(e as Error).message}`);
    }
  }

  async function diff(id: string): Promise<void> {
    const b = buffers.byId(id);
    if (!b) return;
    setRun(id, { busy: true });
    say(id, 'busy', 'Asking the API server what would change (dry run)…');
    try {
      const run = await applyBuffer(session, b, { dryRun: true });
      if (run.syntax.length) {
        setRun(id, { busy: false });
        say(id, 'error', `${syntaxSummary(run.syntax[0])} — fix it to see a diff.`);
        return;
      }
      const left = run.docs.map((d) => header(d) + (d.before ? toYaml(userFields(d.before)) : '# (does not exist yet)\n')).join('---\n');
      const right = run.docs.map((d) => header(d) + (d.after ? toYaml(userFields(d.after)) : `# ${firstLine(d.message)}\n`)).join('---\n');
      setRun(id, { busy: false, results: run.docs, markers: run.markers, diff: { title: 'What applying would change (server dry run)', left, right, leftLabel: 'In the cluster now', rightLabel: 'After applying' } });
      const s = summarize(run.docs, true);
      say(id, s.tone, `Diff ready — ${s.text}`);
    } catch (e) {
      setRun(id, { busy: false });
      say(id, 'error', (e as Error).message);
    }
  }

  function compareRemote(id: string): void {
    const b = buffers.byId(id);
    if (!isLive(b)) return;
    const other = b.origin.remote ?? b.origin.base;
    setRun(id, { diff: { title: 'Your buffer and the object in the cluster', left: b.text, right: liveText(other), leftLabel: 'Your buffer', rightLabel: 'In the cluster now' } });
  }

  async function reload(id: string): Promise<void> {
    const b = buffers.byId(id);
    if (!isLive(b)) return;
    const got = await session.fetch(b.origin.ref);
    if (isStatus(got)) {
      if (got.code === 404) buffers.update(id, (x) => (x.origin.type === 'live' ? { origin: { ...x.origin, deleted: true } } : {}));
      say(id, 'error', got.message);
      return;
    }
    adopt(id, got, false);
    setRun(id, { markers: [], results: [], diff: undefined });
    say(id, 'ok', `Reloaded ${b.origin.ref.kind.toLowerCase()}/${b.origin.ref.name} from the cluster.`);
  }

  /** Opens a live object in a tab (or focuses its tab); returns an error message if it cannot. */
  async function openObject(kind: string, name: string, namespace?: string): Promise<string | undefined> {
    const ref = await session.liveRef(kind, name, namespace);
    if (!ref) return `The cluster serves no kind "${kind}".`;
    const open = buffers.get().buffers.find((x) => isLive(x) && x.origin.ref.kind === ref.kind && x.origin.ref.name === ref.name && x.origin.ref.namespace === ref.namespace);
    if (open) {
      buffers.activate(open.id);
      return undefined;
    }
    const got = await session.fetch(ref);
    if (isStatus(got)) return got.message;
    const text = liveText(got);
    buffers.add(`${kind.toLowerCase()}/${name}`, text, { type: 'live', ref, base: got, baseText: text });
    return undefined;
  }

  /** Serialises commands per buffer (a live apply never overlaps a manual one). */
  function queue<T>(id: string, f: () => Promise<T>): Promise<T> {
    const prev = running.get(id) ?? Promise.resolve();
    const next = prev.then(f, f);
    running.set(id, next);
    return next;
  }

  return {
    apply: (id: string, opts?: { overwrite?: boolean; live?: boolean }) => queue(id, () => apply(id, opts)),
    diff: (id: string) => queue(id, () => diff(id)),
    compareRemote,
    reload: (id: string) => queue(id, () => reload(id)),
    openObject,
    closeDiff: (id: string) => setRun(id, { diff: undefined }),
  };
}

export type EditorActions = ReturnType<typeof createActions>;
