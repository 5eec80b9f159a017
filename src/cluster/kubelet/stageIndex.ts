/**
 * Stages indexed for the interpreter: grouped by subject, and within a subject by the value of its
 * state key (`state` for pods and containers, `containerState` for probes), so picking a stage for a
 * subject only tests the stages that can match its current state. Each bucket keeps the list order
 * (ties between stages due at the same time are broken by it), so the index never changes which
 * stage is picked or which random numbers are drawn — it only skips stages that cannot match.
 */
import type { Match, Stage, Subject } from './stages/types';
import type { View } from './views';

/** A stage with its selector as parallel arrays (no key enumeration per test). */
export interface IndexedStage {
  stage: Stage;
  keys: readonly string[];
  values: readonly (readonly (string | boolean)[])[];
}

interface ByState {
  key: string;
  buckets: Map<string | boolean, readonly IndexedStage[]>;
  /** Stages that do not constrain the state key: all a subject in an unlisted state can match. */
  rest: readonly IndexedStage[];
}

/** Stages grouped by subject, built once per stage list. */
export interface StageIndex {
  pod: readonly Stage[];
  container: readonly Stage[];
  probe: readonly Stage[];
  byState: Readonly<Record<Subject, ByState>>;
}

const STATE_KEY: Readonly<Record<Subject, string>> = { pod: 'state', container: 'state', probe: 'containerState' };

function compile(stage: Stage): IndexedStage {
  const keys = Object.keys(stage.match);
  return { stage, keys, values: keys.map((k) => stage.match[k]) };
}

function byState(stages: readonly Stage[], key: string): ByState {
  const compiled = stages.map(compile);
  const values = new Set<string | boolean>();
  for (const s of stages) for (const v of s.match[key] ?? []) values.add(v);
  const buckets = new Map<string | boolean, readonly IndexedStage[]>();
  for (const v of values) buckets.set(v, compiled.filter((c) => !c.stage.match[key] || c.stage.match[key].includes(v)));
  return { key, buckets, rest: compiled.filter((c) => !c.stage.match[key]) };
}

export function indexStages(stages: readonly Stage[]): StageIndex {
  const by = (s: Subject) => stages.filter((x) => x.subject === s);
  const pod = by('pod');
  const container = by('container');
  const probe = by('probe');
  return {
    pod,
    container,
    probe,
    byState: { pod: byState(pod, STATE_KEY.pod), container: byState(container, STATE_KEY.container), probe: byState(probe, STATE_KEY.probe) },
  };
}

/** The stages of `subject` that may match `view`, in list order. */
export function candidates(idx: StageIndex, subject: Subject, view: View): readonly IndexedStage[] {
  const b = idx.byState[subject];
  return b.buckets.get(view[b.key]) ?? b.rest;
}

/** Every key of the selector has one of its listed values in the view (KWOK's operator In). */
export function matchesIndexed(s: IndexedStage, view: View): boolean {
  const { keys, values } = s;
  for (let i = 0; i < keys.length; i++) if (!values[i].includes(view[keys[i]])) return false;
  return true;
}

export function matches(m: Match, view: View): boolean {
  for (const k in m) if (!m[k].includes(view[k] as never)) return false;
  return true;
}
