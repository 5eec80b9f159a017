/** Keyboard shortcuts. Ignored while typing in a field; the help dialog lists them. */
import { useEffect } from 'react';
import { actions } from '../actions';
import { ui, useUi } from '../state/uiStore';

export const SHORTCUTS: { keys: string; what: string }[] = [
  { keys: 'Space', what: 'Play / pause' },
  { keys: '.', what: 'Step to the next change' },
  { keys: '[  ]', what: 'Slower / faster' },
  { keys: '1  2  3', what: 'Orchestra / DJ board / Map' },
  { keys: 'L', what: 'Control-loop overlay' },
  { keys: 'E', what: 'Event feed' },
  { keys: 'Y', what: 'YAML editor' },
  { keys: '`', what: 'kubectl terminal (Ctrl+` from inside it)' },
  { keys: 'P', what: 'Presenter mode (large type)' },
  { keys: 'T', what: 'Light / dark theme' },
  { keys: 'M', what: 'Reduce motion' },
  { keys: 'Tab, Enter', what: 'Move between objects, open details' },
  { keys: 'Esc', what: 'Close details / dialogs' },
  { keys: '?', what: 'This help' },
];

function typing(t: EventTarget | null): boolean {
  const el = t as HTMLElement | null;
  if (!el) return false;
  const tag = el.tagName;
  return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || el.isContentEditable;
}

export function useShortcuts(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      if (e.key === 'Escape') {
        const s = useUi.getState();
        if (s.helpOpen) useUi.setState({ helpOpen: false });
        else ui.select(undefined);
        return;
      }
      if (typing(e.target)) return;
      const toggle = (k: 'loops' | 'feedOpen' | 'presenter') => useUi.setState((s) => ({ [k]: !s[k] }));
      switch (e.key) {
        case ' ':
          // Space on a focused button or board object activates it instead.
          if ((e.target as HTMLElement)?.closest?.('button, [role="button"], [role="slider"], a')) return;
          e.preventDefault();
          actions.togglePlay();
          return;
        case '.':
          actions.step();
          return;
        case '[':
          actions.nudgeSpeed(-1);
          return;
        case ']':
          actions.nudgeSpeed(1);
          return;
        case '1':
          ui.setView('orchestra');
          return;
        case '2':
          ui.setView('dj');
          return;
        case '3':
          ui.setView('map');
          return;
        case 'l':
        case 'L':
          toggle('loops');
          return;
        case 'e':
        case 'E':
          toggle('feedOpen');
          return;
        case 'p':
        case 'P':
          toggle('presenter');
          return;
        case 't':
        case 'T':
          useUi.setState((s) => ({ theme: s.theme === 'light' ? 'dark' : 'light' }));
          return;
        case 'm':
        case 'M':
          useUi.setState((s) => ({ motion: s.motion === 'reduced' ? 'system' : 'reduced' }));
          return;
        case '?':
          useUi.setState({ helpOpen: true });
          return;
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
