/**
 * What happened in each buffer lately (not persisted): the status line, the last apply's
 * per-document results and markers, an open diff. Keyed by buffer id.
 */
import { create } from 'zustand';
import type { EditorMarker } from '../markers/fromResult';
import type { DocOutcome } from './applyBuffer';

export type Tone = 'idle' | 'busy' | 'ok' | 'warn' | 'error';

export interface StatusLine {
  tone: Tone;
  text: string;
  /** Wall-clock time of the event (for "12:03:04"). */
  at: number;
}

export interface DiffView {
  title: string;
  left: string;
  right: string;
  leftLabel: string;
  rightLabel: string;
}

export interface RunState {
  status?: StatusLine;
  results?: DocOutcome[];
  /** API error and warning markers (syntax and schema markers come from monaco-yaml). */
  markers: EditorMarker[];
  diff?: DiffView;
  busy?: boolean;
}

export const useRuns = create<Record<string, RunState>>()(() => ({}));

export function runOf(id: string): RunState {
  return useRuns.getState()[id] ?? { markers: [] };
}

export function setRun(id: string, patch: Partial<RunState>): void {
  useRuns.setState((s) => ({ ...s, [id]: { ...(s[id] ?? { markers: [] }), ...patch } }));
}

export function say(id: string, tone: Tone, text: string): void {
  setRun(id, { status: { tone, text, at: Date.now() } });
}
