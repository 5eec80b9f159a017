/**
 * The terminal panel's own small state, in the page's initial bundle: whether it is open and how
 * tall. xterm.js and the kubectl load the first time it opens.
 */
import { create } from 'zustand';

interface DockState {
  open: boolean;
  height: number;
}

const KEY = 'kubeplay.terminal.dock.v1';

function load(): DockState {
  try {
    const s = JSON.parse(localStorage.getItem(KEY) ?? '{}') as Partial<DockState>;
    return { open: s.open === true, height: typeof s.height === 'number' ? s.height : 300 };
  } catch {
    return { open: false, height: 300 };
  }
}

export const useTerminalDock = create<DockState>()(() => load());

useTerminalDock.subscribe((s) => {
  try {
    localStorage.setItem(KEY, JSON.stringify(s));
  } catch {
    /* preferences just don't persist */
  }
});

export const terminalDock = {
  open(): void {
    useTerminalDock.setState({ open: true });
  },
  close(): void {
    useTerminalDock.setState({ open: false });
  },
  toggle(): void {
    useTerminalDock.setState((s) => ({ open: !s.open }));
  },
  setHeight(height: number): void {
    useTerminalDock.setState({ height: Math.round(Math.max(140, Math.min(height, window.innerHeight * 0.75))) });
  },
};
