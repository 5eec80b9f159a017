/**
 * UI-only state: what the person is looking at and how, never a cluster fact (objects are
 * referenced by kind/namespace/name/uid and looked up in the mirror). Preferences persist in
 * localStorage; the rest lives for the page.
 */
import { create } from 'zustand';
import type { ObjectRef } from '../../protocol/views';
import { initialSpeed } from '../bridge';

export type ViewName = 'orchestra' | 'dj' | 'map';
export type Theme = 'dark' | 'light';
export type MotionPref = 'system' | 'reduced' | 'full';

export interface UiState {
  view: ViewName;
  selection?: ObjectRef;
  /** uid under the pointer or keyboard focus. */
  hover?: string;
  /** Where the hovered thing is on screen (client px), for the tooltip. */
  hoverAt?: { x: number; y: number };
  /** The pace the person asked for (the worker confirms it in the mirror's clock). */
  speed: number;
  theme: Theme;
  presenter: boolean;
  motion: MotionPref;
  /** The system asks for reduced motion (prefers-reduced-motion). */
  systemReducedMotion: boolean;
  loops: boolean;
  feedOpen: boolean;
  feedFilter: string;
  feedSelectedOnly: boolean;
  feedWarningsOnly: boolean;
  helpOpen: boolean;
  /** A short message about the last action (`Scaled web to 5`), or its error. */
  toast?: { text: string; error?: boolean; at: number };
}

const PREFS_KEY = 'kubeplay.ui.v1';
const PERSISTED = ['view', 'theme', 'presenter', 'motion', 'loops', 'feedOpen'] as const;

function loadPrefs(): Partial<UiState> {
  try {
    const raw = localStorage.getItem(PREFS_KEY);
    return raw ? (JSON.parse(raw) as Partial<UiState>) : {};
  } catch {
    return {};
  }
}

const media = (q: string) => typeof matchMedia === 'function' && matchMedia(q).matches;

export const useUi = create<UiState>()(() => ({
  view: 'orchestra',
  speed: initialSpeed,
  theme: media('(prefers-color-scheme: light)') ? 'light' : 'dark',
  presenter: false,
  motion: 'system',
  systemReducedMotion: media('(prefers-reduced-motion: reduce)'),
  loops: false,
  feedOpen: true,
  feedFilter: '',
  feedSelectedOnly: false,
  feedWarningsOnly: false,
  helpOpen: false,
  ...loadPrefs(),
}));

useUi.subscribe((s) => {
  const prefs: Record<string, unknown> = {};
  for (const k of PERSISTED) prefs[k] = s[k];
  try {
    localStorage.setItem(PREFS_KEY, JSON.stringify(prefs));
  } catch {
    /* private mode: preferences just don't persist */
  }
});

if (typeof matchMedia === 'function') {
  matchMedia('(prefers-reduced-motion: reduce)').addEventListener('change', (e) => useUi.setState({ systemReducedMotion: e.matches }));
}

/** Whether motion should be replaced by plain state changes. */
export const reducedMotion = (s: Pick<UiState, 'motion' | 'systemReducedMotion'>): boolean =>
  s.motion === 'reduced' || (s.motion === 'system' && s.systemReducedMotion);

export const ui = {
  select(ref: ObjectRef | undefined): void {
    useUi.setState({ selection: ref });
  },
  setView(view: ViewName): void {
    useUi.setState({ view });
  },
  toast(text: string, error = false): void {
    useUi.setState({ toast: { text, error, at: Date.now() } });
  },
};
