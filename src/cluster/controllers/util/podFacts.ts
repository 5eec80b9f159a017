/**
 * What the ReplicaSet sync reads from each pod, memoised per pod object. Stored pods are frozen,
 * so a version's facts never change; the sync runs once per pod event over every pod of its
 * ReplicaSet, and all but one of them are the same objects as last time. Selector verdicts are
 * memoised too, by selector identity (callers keep parsed selectors in a cache).
 */
import { matches, type Selector } from '../../api/labels';
import type { KObject } from '../../api/types';
import { controllerOf } from './owners';
import { isPodActive, isPodReady } from './pods';

export interface PodFacts {
  active: boolean;
  /** UID of the controller owner, '' when none. */
  controllerUid: string;
  ready: boolean;
  /** Up to two remembered selector verdicts. */
  s1: Selector | null | undefined;
  r1: boolean;
  s2: Selector | null | undefined;
  r2: boolean;
}

const memo = new WeakMap<KObject, PodFacts>();

export function podFacts(p: KObject): PodFacts {
  let f = memo.get(p);
  if (f) return f;
  f = {
    active: isPodActive(p),
    controllerUid: controllerOf(p)?.uid ?? '',
    ready: isPodReady(p),
    s1: undefined,
    r1: false,
    s2: undefined,
    r2: false,
  };
  if (Object.isFrozen(p)) memo.set(p, f);
  return f;
}

/** matches(sel, pod labels), remembered for the last two selectors asked about. */
export function podMatches(p: KObject, f: PodFacts, sel: Selector | null): boolean {
  if (f.s1 === sel && f.s1 !== undefined) return f.r1;
  if (f.s2 === sel && f.s2 !== undefined) return f.r2;
  const r = matches(sel, p.metadata.labels);
  f.s2 = f.s1;
  f.r2 = f.r1;
  f.s1 = sel;
  f.r1 = r;
  return r;
}
