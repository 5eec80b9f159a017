/**
 * The kubectl terminal as the shell mounts it. Only this file, dock.ts and terminal.css are in the
 * page's initial bundle; xterm.js and the kubectl load the first time the panel opens. Once
 * loaded the panel stays mounted (hidden when closed), so the screen, history and a running
 * `-w` survive closing and reopening it.
 *
 *   <TerminalDock />     anywhere inside the app (it docks itself at the bottom)
 *   <TerminalToggle />   a button for the top bar; the backquote key ` (and Ctrl+`) toggles too
 */
import { lazy, Suspense, useEffect, useState } from 'react';
import { terminalDock, useTerminalDock } from './dock';
import './terminal.css';

export { terminalDock } from './dock';

const TerminalPanel = lazy(() => import('./TerminalPanel'));

function typing(t: EventTarget | null): boolean {
  const el = t as HTMLElement | null;
  return !!el && (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT' || el.isContentEditable);
}

/** ` toggles the terminal (not while typing elsewhere); Ctrl+` toggles it from anywhere, the terminal included. */
function useToggleKey(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== '`' || e.metaKey || e.altKey) return;
      if (!e.ctrlKey && typing(e.target)) return;
      e.preventDefault();
      terminalDock.toggle();
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, []);
}

export function TerminalDock() {
  const open = useTerminalDock((s) => s.open);
  const height = useTerminalDock((s) => s.height);
  const [loaded, setLoaded] = useState(open);
  useToggleKey();
  useEffect(() => {
    if (open) setLoaded(true);
    const root = document.documentElement;
    if (open) root.dataset.terminal = 'open';
    else delete root.dataset.terminal;
    root.style.setProperty('--terminal-h', `${height}px`);
  }, [open, height]);
  if (!loaded) return null;
  return (
    <section className="terminal-dock" aria-label="kubectl terminal" data-testid="terminal" hidden={!open}>
      <div
        className="terminal-resize"
        role="separator"
        aria-orientation="horizontal"
        aria-label="Resize the terminal"
        onPointerDown={(e) => {
          const el = e.currentTarget;
          el.setPointerCapture(e.pointerId);
          const move = (ev: PointerEvent) => terminalDock.setHeight(window.innerHeight - ev.clientY);
          const up = () => {
            el.removeEventListener('pointermove', move);
            el.removeEventListener('pointerup', up);
          };
          el.addEventListener('pointermove', move);
          el.addEventListener('pointerup', up);
        }}
      />
      <Suspense fallback={<div className="terminal-loading">Loading the terminal…</div>}>
        <TerminalPanel open={open} />
      </Suspense>
    </section>
  );
}

/** A top-bar button that opens and closes the terminal. */
export function TerminalToggle({ className = 'btn' }: { className?: string }) {
  const open = useTerminalDock((s) => s.open);
  return (
    <button className={`${className}${open ? ' on' : ''}`} aria-pressed={open} onClick={() => terminalDock.toggle()} title="kubectl terminal (`)" data-testid="terminal-toggle">
      kubectl
    </button>
  );
}
