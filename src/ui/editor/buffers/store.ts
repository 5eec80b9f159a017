/**
 * The open buffers (tabs), kept in localStorage so they survive a reload. Only this module writes
 * them; components read with `useBuffers`.
 */
import { create } from 'zustand';
import type { Buffer, Origin } from './types';

interface State {
  buffers: Buffer[];
  active?: string;
  /** Next id number (ids are `b1`, `b2`… never reused within a browser). */
  next: number;
}

const KEY = 'kubeplay.editor.buffers.v1';

function load(): State {
  try {
    const raw = localStorage.getItem(KEY);
    if (raw) {
      const s = JSON.parse(raw) as State;
      if (Array.isArray(s.buffers) && typeof s.next === 'number') return s;
    }
  } catch {
    /* unreadable: start fresh */
  }
  return { buffers: [], next: 1 };
}

export const useBuffers = create<State>()(() => load());

let saveTimer: ReturnType<typeof setTimeout> | undefined;
useBuffers.subscribe((s) => {
  // Typing changes the state on every key; writing it once things settle is enough.
  clearTimeout(saveTimer);
  saveTimer = setTimeout(() => {
    try {
      localStorage.setItem(KEY, JSON.stringify(s));
    } catch {
      /* quota or private mode: buffers live for the page only */
    }
  }, 250);
});

/** Flushes pending writes (before the page goes away). */
export function saveNow(): void {
  clearTimeout(saveTimer);
  try {
    localStorage.setItem(KEY, JSON.stringify(useBuffers.getState()));
  } catch {
    /* ignore */
  }
}
if (typeof window !== 'undefined') window.addEventListener('pagehide', saveNow);

const set = useBuffers.setState;
const get = useBuffers.getState;

/** A title not used by another tab (`deployment.yaml`, `deployment-2.yaml`). */
function uniqueTitle(title: string): string {
  const taken = new Set(get().buffers.map((b) => b.title));
  if (!taken.has(title)) return title;
  const dot = title.lastIndexOf('.');
  const [stem, ext] = dot > 0 ? [title.slice(0, dot), title.slice(dot)] : [title, ''];
  for (let i = 2; ; i++) if (!taken.has(`${stem}-${i}${ext}`)) return `${stem}-${i}${ext}`;
}

export const buffers = {
  get,
  active(): Buffer | undefined {
    const s = get();
    return s.buffers.find((b) => b.id === s.active);
  },
  byId(id: string): Buffer | undefined {
    return get().buffers.find((b) => b.id === id);
  },
  add(title: string, text: string, origin: Origin): Buffer {
    const s = get();
    const b: Buffer = { id: `b${s.next}`, title: uniqueTitle(title), text, origin, liveMode: false };
    set({ buffers: [...s.buffers, b], active: b.id, next: s.next + 1 });
    return b;
  },
  activate(id: string): void {
    set({ active: id });
  },
  close(id: string): void {
    const s = get();
    const i = s.buffers.findIndex((b) => b.id === id);
    if (i < 0) return;
    const rest = s.buffers.filter((b) => b.id !== id);
    const active = s.active === id ? (rest[Math.min(i, rest.length - 1)]?.id ?? undefined) : s.active;
    set({ buffers: rest, active });
  },
  update(id: string, patch: Partial<Buffer> | ((b: Buffer) => Partial<Buffer>)): void {
    set((s) => ({ buffers: s.buffers.map((b) => (b.id === id ? { ...b, ...(typeof patch === 'function' ? patch(b) : patch) } : b)) }));
  },
  rename(id: string, title: string): void {
    const t = title.trim();
    if (t) buffers.update(id, { title: uniqueTitle(t) });
  },
};
