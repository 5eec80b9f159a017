/**
 * The YAML editor as the shell mounts it. Only this file (and dock.ts, dock.css) is in the page's
 * initial bundle; Monaco, the YAML language worker and the schema load the first time the dock
 * opens, so the board paints first.
 *
 *   <EditorDock />          anywhere inside the app (it positions itself at the left edge)
 *   <EditorToggle />        a button for the top bar
 *   editorDock.openObject({ kind, name, namespace })   "Edit YAML" for any object
 */
import { lazy, Suspense, useEffect } from 'react';
import { bridgeHost } from './bridgeHost';
import { editorDock, useDock } from './dock';
import type { EditorHost } from './host';
import './dock.css';

export { editorDock } from './dock';
export type { OpenRequest } from './dock';
export type { EditorHost } from './host';

const EditorPanel = lazy(() => import('./EditorPanel'));

function typing(t: EventTarget | null): boolean {
  const el = t as HTMLElement | null;
  return !!el && (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT' || el.isContentEditable);
}

/** `Y` opens and closes the editor (ignored while typing). */
function useToggleKey(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || typing(e.target)) return;
      if (e.key === 'y' || e.key === 'Y') {
        e.preventDefault();
        editorDock.toggle();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}

export function EditorDock({ host = bridgeHost }: { host?: EditorHost }) {
  const open = useDock((s) => s.open);
  const width = useDock((s) => s.width);
  useToggleKey();
  useEffect(() => {
    const root = document.documentElement;
    if (open) root.dataset.editor = 'open';
    else delete root.dataset.editor;
    root.style.setProperty('--editor-w', `${width}px`);
  }, [open, width]);
  if (!open) return null;
  return (
    <section className="editor-dock" aria-label="YAML editor" data-testid="editor">
      <Suspense fallback={<div className="editor-loading">Loading the editor…</div>}>
        <EditorPanel host={host} />
      </Suspense>
      <div
        className="editor-resize"
        role="separator"
        aria-orientation="vertical"
        aria-label="Resize the editor"
        onPointerDown={(e) => {
          const el = e.currentTarget;
          el.setPointerCapture(e.pointerId);
          const move = (ev: PointerEvent) => editorDock.setWidth(ev.clientX);
          const up = () => {
            el.removeEventListener('pointermove', move);
            el.removeEventListener('pointerup', up);
          };
          el.addEventListener('pointermove', move);
          el.addEventListener('pointerup', up);
        }}
      />
    </section>
  );
}

/** A top-bar button that opens and closes the editor. */
export function EditorToggle({ className = 'btn' }: { className?: string }) {
  const open = useDock((s) => s.open);
  return (
    <button className={`${className}${open ? ' on' : ''}`} aria-pressed={open} onClick={() => editorDock.toggle()} title="YAML editor (Y)" data-testid="editor-toggle">
      YAML
    </button>
  );
}
