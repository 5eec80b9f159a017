/**
 * The editor's commands, independent of any component: apply, diff, compare, reload and open.
 * They read and write the buffer store and the run state; components only call them.
 */
import { editView, parseManifests, userFields, type JsonMap } from '../../../client/apply';
import { buffers } from '../buffers/store';
import { isLive } from '../buffers/types';
import { isStatus, type EditorSession } from '../session';
import { toYaml } from '../yamlText';
import { eventMark, warningsSince } from './aftermath';
import { applyBuffer, type DocOutcome } from './applyBuffer';
import { runOf, say, setRun } from './state';
import { firstLine, summarize, syntaxSummary } from './summary';

/** The buffer text for a live object. */
export const liveText = (obj: JsonMap): string => toYaml(editView(obj).editable);

const rvOf = (o: JsonMap | undefined) => Number((o?.metadata as { resourceVersion?: string } | undefined)?.resourceVersion ?? NaN);

/**
 * The later of two versions of one object. resourceVersions are opaque to clients in general, but
 * this cluster's are etcd-style revisions, and ordering them matters here: watch events caused by
 * an apply reach the page before the apply's own response does.
 */
function later(a: JsonMap, b: JsonMap | undefined): JsonMap {
  return b && rvOf(b) > rvOf(a) ? b : a;
}

/** Takes the cluster's version into a live buffer (text too, unless the person typed meanwhile). */
export function adopt(id: string, obj: JsonMap, typedSince: boolean): void {
  buffers.update(id, (b) => {
    if (b.origin.type !== 'live') return {};
    const latest = later(later(obj, b.origin.remote), b.origin.base);
    const text = liveText(latest);
    return { origin: { ...b.origin, base: latest, baseText: text, remote: undefined, deleted: false }, ...(typedSince ? {} : { text }) };
  });
}

/** Namespaces a buffer's documents go to (for watching their events). */
function namespacesOf(text: string): { namespace: string }[] {
  const ns = new Set<string>();
  for (const d of parseManifests(text).docs) {
    const meta = ((d.value as JsonMap | undefined)?.metadata ?? {}) as { namespace?: string };
    ns.add(meta.namespace || 'default');
  }
  return [...ns].map((namespace) => ({ namespace }));
}

/** When to look for refusals after an apply (wall-clock delays between looks). */
const REFUSAL_CHECKS_MS = [1500, 2500, 4000];

/** After this long without an answer the status line says so instead of "applying…" forever. */
const SLOW_ANSWER_MS = 10_000;

/**
 * Watches one request: if the cluster has not answered after SLOW_ANSWER_MS (a stopped or stuck
 * engine), the status line says so while the buffer stays busy. Returns the function to call when
 * the answer comes.
 */
function patience(id: string, what: string): () => void {
  const timer = setTimeout(() => {
    if (runOf(id).busy) say(id, 'warn', `${what}: no answer from the cluster after ${SLOW_ANSWER_MS / 1000} s — the simulation engine may have stopped (see the board).`);
  }, SLOW_ANSWER_MS);
  return () => clearTimeout(timer);
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
    const answered = patience(id, `${prefix}Still applying`);
    try {
      const mark = await eventMark(session.host, namespacesOf(b.text)).catch(() => new Map<string, number>());
      const run = await applyBuffer(session, b, { overwrite: opts.overwrite });
      if (run.syntax.length) {
        setRun(id, { busy: false, results: [], markers: [] });
        say(id, 'error', `${syntaxSummary(run.syntax[0])} — nothing was applied.`);
        return;
      }
      setRun(id, { busy: false, results: run.docs, markers: run.markers, diff: undefined });
      const s = summarize(run.docs, false, run.markers);
      say(id, s.tone, prefix + s.text);
      void reportRefusals(id, run.docs, mark, prefix + s.text);
      if (isLive(b)) {
        const own = run.docs.find((d) => d.after && d.ref?.kind === b.origin.ref.kind && d.ref.name === b.origin.ref.name);
        if (own?.after) adopt(id, own.after, buffers.byId(id)?.text !== b.text);
      }
    } catch (e) {
      setRun(id, { busy: false });
      say(id, 'error', `${prefix}${(e as Error).message}`);
    } finally {
      answered();
    }
  }

  /**
   * An accepted Deployment can still have its pods refused (quota, admission): a moment after the
   * apply, new Warning events about what it created are added to its result and the status line.
   */
  async function reportRefusals(id: string, docs: DocOutcome[], mark: Map<string, number>, said: string): Promise<void> {
    const refs = docs.filter((d) => d.ref && (d.outcome === 'created' || d.outcome === 'configured')).map((d) => d.ref!);
    if (!refs.length || !mark.size) return;
    // Controllers act on simulated time: look a few times, stop once found or superseded.
    for (const wait of REFUSAL_CHECKS_MS) {
      await new Promise((r) => setTimeout(r, wait));
      if (runOf(id).results !== docs) return;
      const found = await warningsSince(session.host, refs, mark).catch(() => new Map<unknown, string[]>());
      if (!found.size || runOf(id).results !== docs) continue;
      const results = docs.map((d) => (d.ref && found.has(d.ref) ? { ...d, events: found.get(d.ref) } : d));
      setRun(id, { results });
      say(id, 'warn', `${said} — but ${[...found.values()][0][0]}`);
      return;
    }
  }

  async function diff(id: string): Promise<void> {
    const b = buffers.byId(id);
    if (!b) return;
    setRun(id, { busy: true });
    say(id, 'busy', 'Asking the API server what would change (dry run)…');
    const answered = patience(id, 'Still asking for the diff');
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
      const s = summarize(run.docs, true, run.markers);
      say(id, s.tone, `Diff ready — ${s.text}`);
    } catch (e) {
      setRun(id, { busy: false });
      say(id, 'error', (e as Error).message);
    } finally {
      answered();
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
