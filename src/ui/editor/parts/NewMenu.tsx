/**
 * Where new buffers come from: an empty one, a template per kind, an example by topic, a live
 * object from the cluster, or a file from disk.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { ObjectItem } from '../session';
import { buffers } from '../buffers/store';
import { EXAMPLES } from '../buffers/examples';
import { TEMPLATES } from '../buffers/templates';

type Pane = 'templates' | 'examples' | 'cluster';

export function NewMenu({ onOpenObject, onClose, listObjects }: { onOpenObject: (kind: string, name: string, namespace?: string) => void; onClose: () => void; listObjects: () => Promise<ObjectItem[]> }) {
  const [pane, setPane] = useState<Pane>('templates');
  const [filter, setFilter] = useState('');
  const file = useRef<HTMLInputElement>(null);
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // A click anywhere else closes the menu (the New… button toggles it itself).
    const away = (e: PointerEvent) => {
      const t = e.target as HTMLElement;
      if (!box.current?.contains(t) && !t.closest('[data-testid=editor-new]')) onClose();
    };
    document.addEventListener('pointerdown', away);
    return () => document.removeEventListener('pointerdown', away);
  }, [onClose]);
  const add = (title: string, text: string, type: 'scratch' | 'template' | 'example' | 'file') => {
    buffers.add(title, text, { type });
    onClose();
  };
  return (
    <div className="ed-menu" role="dialog" aria-label="New buffer" ref={box} onKeyDown={(e) => e.key === 'Escape' && onClose()}>
      <div className="ed-menu-tabs" role="tablist">
        {(['templates', 'examples', 'cluster'] as const).map((p) => (
          <button key={p} role="tab" aria-selected={pane === p} className={`view-tab${pane === p ? ' active' : ''}`} onClick={() => setPane(p)}>
            {p === 'templates' ? 'Templates' : p === 'examples' ? 'Examples' : 'From the cluster'}
          </button>
        ))}
      </div>
      {pane === 'templates' && (
        <div className="ed-menu-list">
          <button className="ed-menu-item" onClick={() => add('untitled.yaml', '', 'scratch')}>
            <strong>Empty buffer</strong>
            <span className="muted">type or paste YAML</span>
          </button>
          <button className="ed-menu-item" onClick={() => file.current?.click()}>
            <strong>Open a file…</strong>
            <span className="muted">.yaml, .yml or .json from your computer</span>
          </button>
          {TEMPLATES.map((t) => (
            <button key={t.kind} className="ed-menu-item" onClick={() => add(t.file, t.text, 'template')} data-testid={`template-${t.kind}`}>
              <strong>{t.kind}</strong>
              <span className="muted">{t.file}</span>
            </button>
          ))}
          <input
            ref={file}
            type="file"
            accept=".yaml,.yml,.json,application/json,text/yaml"
            hidden
            onChange={async (e) => {
              const f = e.currentTarget.files?.[0];
              if (f) add(f.name, await f.text(), 'file');
            }}
          />
        </div>
      )}
      {pane === 'examples' && (
        <div className="ed-menu-list">
          {EXAMPLES.map((t) => (
            <div key={t.topic} className="ed-menu-group">
              <div className="ed-menu-topic">{t.topic}</div>
              {t.examples.map((x) => (
                <button key={x.file} className="ed-menu-item" onClick={() => add(x.file, `# ${x.title}\n# Try: ${x.hint}\n${x.text}`, 'example')}>
                  <strong>{x.title}</strong>
                  <span className="muted">{x.hint}</span>
                </button>
              ))}
            </div>
          ))}
        </div>
      )}
      {pane === 'cluster' && <ClusterList filter={filter} setFilter={setFilter} list={listObjects} onPick={(k, n, ns) => (onOpenObject(k, n, ns), onClose())} />}
    </div>
  );
}

/** Objects in the cluster (listed over the API, a few common kinds), to open as YAML. */
function ClusterList({ filter, setFilter, onPick, list }: { filter: string; setFilter: (s: string) => void; onPick: (kind: string, name: string, namespace?: string) => void; list: () => Promise<ObjectItem[]> }) {
  const [items, setItems] = useState<ObjectItem[]>();
  useEffect(() => {
    let live = true;
    list().then((x) => live && setItems(x), () => live && setItems([]));
    return () => {
      live = false;
    };
  }, [list]);
  const rows = useMemo(() => {
    const f = filter.trim().toLowerCase();
    return (items ?? []).filter((v) => !f || `${v.kind}/${v.namespace ?? ''}/${v.name}`.toLowerCase().includes(f)).slice(0, 300);
  }, [items, filter]);
  return (
    <div className="ed-menu-list">
      <input className="ed-filter" placeholder="Filter (kind, namespace, name)" value={filter} onChange={(e) => setFilter(e.target.value)} autoFocus aria-label="Filter objects" />
      {!items && <p className="muted">Listing…</p>}
      {rows.map((v) => (
        <button key={`${v.kind}/${v.namespace ?? ''}/${v.name}`} className="ed-menu-item" onClick={() => onPick(v.kind, v.name, v.namespace)}>
          <strong>
            {v.kind.toLowerCase()}/{v.name}
          </strong>
          <span className="muted">{v.namespace ?? 'cluster-scoped'}</span>
        </button>
      ))}
      {items && !rows.length && <p className="muted">Nothing matches.</p>}
    </div>
  );
}
