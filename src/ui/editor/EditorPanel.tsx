/**
 * The editor (lazy chunk): tabs of YAML buffers over Monaco with Kubernetes schemas, apply and
 * live mode, diffs, per-document results and a status line. Mounted by EditorDock.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { buffers, useBuffers } from './buffers/store';
import { TEMPLATES } from './buffers/templates';
import { editorDock, useDock } from './dock';
import { DiffPane } from './DiffPane';
import type { EditorHost } from './host';
import { MonacoPane } from './MonacoPane';
import { monaco } from './monaco/monaco';
import { configureYaml } from './monaco/yaml';
import { LiveState } from './parts/LiveState';
import { NewMenu } from './parts/NewMenu';
import { Notice } from './parts/Notice';
import { Results } from './parts/Results';
import { StatusLine } from './parts/StatusLine';
import { Tabs } from './parts/Tabs';
import { Toolbar } from './parts/Toolbar';
import { createActions, type EditorActions } from './run/actions';
import { createLiveMode } from './run/live';
import { say, useRuns } from './run/state';
import { EditorSession } from './session';
import { Follower } from './sync/follow';
import './editor.css';

interface Ctx {
  session: EditorSession;
  actions: EditorActions;
  live: ReturnType<typeof createLiveMode>;
}

const contexts = new WeakMap<EditorHost, Ctx>();

declare global {
  interface Window {
    /** For the console and the end-to-end tests: Monaco and the buffer store. */
    kubeplayEditor?: { monaco: typeof monaco; buffers: typeof buffers };
  }
}
window.kubeplayEditor = { monaco, buffers };

function contextFor(host: EditorHost): Ctx {
  let c = contexts.get(host);
  if (!c) {
    const session = new EditorSession(host);
    const actions = createActions(session);
    c = { session, actions, live: createLiveMode(session, actions) };
    contexts.set(host, c);
    // Schemas for completion, hover and warnings, from the kinds this cluster serves.
    void session.schema().then((schema) =>
      configureYaml({
        enableSchemaRequest: false,
        yamlVersion: '1.1',
        hover: true,
        completion: true,
        validate: true,
        schemas: [{ uri: 'kubeplay://schemas/kubernetes.json', fileMatch: ['**/*.yaml'], schema: schema as never }],
      }),
    );
  }
  return c;
}

/** First visit: one buffer to start from. */
function ensureABuffer(): void {
  if (buffers.get().buffers.length === 0) {
    const t = TEMPLATES[0];
    buffers.add(t.file, t.text, { type: 'template' });
  } else if (!buffers.active()) buffers.activate(buffers.get().buffers[0].id);
}

export default function EditorPanel({ host }: { host: EditorHost }) {
  const { session, actions, live } = useMemo(() => contextFor(host), [host]);
  const active = useBuffers((s) => s.buffers.find((b) => b.id === s.active));
  const run = useRuns((s) => (active ? s[active.id] : undefined));
  const requests = useDock((s) => s.requests);
  const [menu, setMenu] = useState(false);
  const [panelError, setPanelError] = useState<string>();

  useEffect(ensureABuffer, []);

  // Two-way sync and live mode follow the buffers while the editor is open.
  useEffect(() => {
    const follower = new Follower(session);
    follower.sync(buffers.get().buffers);
    const off = useBuffers.subscribe((s, prev) => {
      follower.sync(s.buffers);
      for (const b of s.buffers) {
        const p = prev.buffers.find((x) => x.id === b.id);
        if (!p || p.text !== b.text || p.liveMode !== b.liveMode) live.changed(b, !!p && !p.liveMode && b.liveMode);
      }
    });
    return () => {
      off();
      follower.dispose();
    };
  }, [session, live]);

  const openObject = useCallback(
    async (kind: string, name: string, namespace?: string) => {
      setPanelError(undefined);
      const err = await actions.openObject(kind, name, namespace);
      if (err) setPanelError(`Could not open ${kind.toLowerCase()}/${name}: ${err}`);
    },
    [actions],
  );

  useEffect(() => {
    for (const r of editorDock.takeRequests()) void openObject(r.kind, r.name, r.namespace);
  }, [requests, openObject]);

  const id = active?.id;
  const apply = useCallback(() => id && void actions.apply(id), [actions, id]);
  const jump = useCallback((line: number) => {
    const ed = monaco.editor.getEditors()[0];
    ed?.revealLineInCenter(line);
    ed?.setPosition({ lineNumber: line, column: 1 });
    ed?.focus();
  }, []);

  return (
    <div className="ed">
      <header className="ed-head">
        <h2>YAML</h2>
        <div className="ed-head-actions">
          <button className="btn" onClick={() => setMenu((m) => !m)} aria-expanded={menu} data-testid="editor-new">
            New…
          </button>
          <button className="btn icon-btn" aria-label="Close the editor" title="Close (Y)" onClick={() => editorDock.close()}>
            ×
          </button>
        </div>
        {menu && <NewMenu onClose={() => setMenu(false)} onOpenObject={(k, n, ns) => void openObject(k, n, ns)} listObjects={() => session.listObjects()} />}
      </header>
      <Tabs />
      {panelError && (
        <div className="ed-notice bad" role="alert">
          {panelError}
        </div>
      )}
      {active ? (
        <>
          <Toolbar
            b={active}
            busy={!!run?.busy}
            onApply={apply}
            onDiff={() => void actions.diff(active.id)}
            onReload={() => void actions.reload(active.id)}
            onLive={(on) => {
              buffers.update(active.id, { liveMode: on });
              say(active.id, 'idle', on ? 'Live: on — edits apply by themselves once the YAML is valid.' : 'Live: off.');
            }}
          />
          <Notice
            b={active}
            busy={!!run?.busy}
            onCompare={() => actions.compareRemote(active.id)}
            onReload={() => void actions.reload(active.id)}
            onKeep={() => buffers.update(active.id, (b) => (b.origin.type === 'live' ? { origin: { ...b.origin, remote: undefined } } : {}))}
          />
          <div className="ed-main">
            <MonacoPane bufferId={active.id} onApply={apply} />
            {run?.diff && <DiffPane diff={run.diff} onClose={() => actions.closeDiff(active.id)} onApply={() => void actions.apply(active.id)} />}
          </div>
          <LiveState b={active} />
          <Results
            results={run?.results ?? []}
            onJump={jump}
            onReload={() => void actions.reload(active.id)}
            onOverwrite={() => void actions.apply(active.id, { overwrite: true })}
            onCompare={() => actions.compareRemote(active.id)}
          />
          <StatusLine status={run?.status} liveMode={active.liveMode} />
        </>
      ) : (
        <div className="ed-empty">
          <p>No buffers. Start one with “New…”.</p>
        </div>
      )}
    </div>
  );
}
