/**
 * The mirror store. Read it anywhere through `useMirror` / `mirror`; only the bridge writes it
 * (`writeMirror` is for src/ui/bridge alone — see README.md), so the picture on screen is always
 * the worker's, never a component's guess.
 */
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import { emptyMirror, type MirrorState } from './mirrorState';

const store = createStore<MirrorState>()(() => emptyMirror());

/** Read-only handle for non-React code (d3 renderers). */
export const mirror: { getState(): MirrorState; subscribe(fn: (s: MirrorState, prev: MirrorState) => void): () => void } = store;

/** React hook over a slice of the mirror. */
export function useMirror<T>(selector: (s: MirrorState) => T): T {
  return useStore(store, selector);
}

/** The bridge's write access. */
export function writeMirror(next: MirrorState | ((prev: MirrorState) => MirrorState)): void {
  store.setState(typeof next === 'function' ? next(store.getState()) : next, true);
}
