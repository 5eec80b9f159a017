/**
 * The editor dock's own small state, in the page's initial bundle: whether it is open, how wide,
 * and objects someone asked to open. Everything else loads with the editor.
 */
import { create } from 'zustand';

export interface OpenRequest {
  kind: string;
  name: string;
  namespace?: string;
}

interface DockState {
  open: boolean;
  width: number;
  requests: OpenRequest[];
}

const KEY = 'kubeplay.editor.dock.v1';

function load(): Pick<DockState, 'open' | 'width'> {
  try {
    const s = JSON.parse(localStorage.getItem(KEY) ?? '{}') as Partial<DockState>;
    return { open: s.open === true, width: typeof s.width === 'number' ? s.width : 560 };
  } catch {
    return { open: false, width: 560 };
  }
}

export const useDock = create<DockState>()(() => ({ ...load(), requests: [] }));

useDock.subscribe((s) => {
  try {
    localStorage.setItem(KEY, JSON.stringify({ open: s.open, width: s.width }));
  } catch {
    /* preferences just don't persist */
  }
});

/** The commands the rest of the app uses (a button, a shortcut, "Edit YAML" on an object). */
export const editorDock = {
  open(): void {
    useDock.setState({ open: true });
  },
  close(): void {
    useDock.setState({ open: false });
  },
  toggle(): void {
    useDock.setState((s) => ({ open: !s.open }));
  },
  /** Opens the object as YAML (like `kubectl edit`) in a tab of its own. */
  openObject(ref: OpenRequest): void {
    useDock.setState((s) => ({ open: true, requests: [...s.requests, { kind: ref.kind, name: ref.name, namespace: ref.namespace }] }));
  },
  setWidth(width: number): void {
    useDock.setState({ width: Math.round(Math.max(360, Math.min(width, window.innerWidth * 0.7))) });
  },
  /** Taken by the editor when it handles the requests. */
  takeRequests(): OpenRequest[] {
    const r = useDock.getState().requests;
    if (r.length) useDock.setState({ requests: [] });
    return r;
  },
};
