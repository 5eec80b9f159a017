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

/**
 * Monaco 0.57 takes keys through an EditContext on a plain <div>, which is neither a textarea nor
 * contentEditable: the usual "is the person typing?" checks miss it, so it is recognised here.
 */
function inCodeEditor(t: EventTarget | null): boolean {
  return t instanceof Element && !!t.closest('.monaco-editor');
}

function typing(t: EventTarget | null): boolean {
  const el = t as HTMLElement | null;
  return !!el && (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT' || el.isContentEditable || inCodeEditor(el));
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

/** The dock starts under the app's top bar (`--editor-top`), whatever height the bar has. */
function useTopOffset(open: boolean): void {
  useEffect(() => {
    const bar = open ? document.querySelector<HTMLElement>('.topbar') : null;
    if (!bar) return;
    const set = () => document.documentElement.style.setProperty('--editor-top', `${Math.round(bar.getBoundingClientRect().bottom)}px`);
    set();
    const watch = new ResizeObserver(set);
    watch.observe(bar);
    return () => watch.disconnect();
  }, [open]);
}

export function EditorDock({ host = bridgeHost }: { host?: EditorHost }) {
  const open = useDock((s) => s.open);
  const width = useDock((s) => s.width);
  useToggleKey();
  useTopOffset(open);
  useEffect(() => {
    const root = document.documentElement;
    if (open) root.dataset.editor = 'open';
    else delete root.dataset.editor;
    root.style.setProperty('--editor-w', `${width}px`);
  }, [open, width]);
  if (!open) return null;
  return (
    <section
      className="editor-dock"
      aria-label="YAML editor"
      data-testid="editor"
      // Keys typed into the YAML stay there: the app's one-key shortcuts (Space, E, T, 1…) listen on
      // the window and would otherwise fire while someone types a manifest.
      onKeyDown={(e) => {
        if (inCodeEditor(e.target)) e.stopPropagation();
      }}
    >
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
