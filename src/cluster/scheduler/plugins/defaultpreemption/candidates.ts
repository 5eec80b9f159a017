/**
 * Preemption's dry run (framework/preemption + default_preemption.go): on a copy of a node, remove
 * every lower-priority pod; if the preemptor then fits, add them back one by one (PDB-violating
 * ones first, most important first) keeping those that still leave room — the rest are victims.
 * Among nodes with victims, pick the cheapest by upstream's ordered criteria.
 */
import { matches, selectorFromLabelSelector } from '../../../api/labels';
import type { KObject } from '../../../api/types';
import type { NodeInfo } from '../../framework/nodeInfo';
import type { PodInfo } from '../../framework/podInfo';
import type { Framework } from '../../framework/runner';
import { Code, Status, type CycleState } from '../../framework/types';

export const NO_VICTIMS = new Status(Code.UnschedulableAndUnresolvable, ['No preemption victims found for incoming pod'], 'DefaultPreemption');

export interface Candidate {
  node: string;
  victims: PodInfo[];
  numPDBViolations: number;
}

/** GetPodStartTime: status.startTime, or "now" for pods not started yet (ms since epoch). */
export function podStartTime(p: PodInfo, now: number): number {
  const t = p.pod.status?.startTime;
  return t ? Date.parse(t) : now;
}

/** MoreImportantPod: higher priority, then the earlier start. */
export function moreImportant(a: PodInfo, b: PodInfo, now: number): boolean {
  if (a.priority !== b.priority) return a.priority > b.priority;
  return podStartTime(a, now) < podStartTime(b, now);
}

/** filterPodsWithPDBViolation: which pods would push a matching PDB below zero disruptions allowed. */
export function splitByPDB(pods: readonly PodInfo[], pdbs: readonly KObject[]): { violating: PodInfo[]; nonViolating: PodInfo[] } {
  const allowed = pdbs.map((p) => p.status?.disruptionsAllowed ?? 0);
  const selectors = pdbs.map((p) => {
    try {
      return selectorFromLabelSelector(p.spec?.selector);
    } catch {
      return null;
    }
  });
  const violating: PodInfo[] = [];
  const nonViolating: PodInfo[] = [];
  for (const p of pods) {
    let violated = false;
    if (Object.keys(p.labels).length)
      pdbs.forEach((pdb, i) => {
        const sel = selectors[i];
        // A nil or empty PDB selector matches nothing.
        if (pdb.metadata.namespace !== p.namespace || !sel || sel.length === 0 || !matches(sel, p.labels)) return;
        if (pdb.status?.disruptedPods && p.name in pdb.status.disruptedPods) return;
        allowed[i]--;
        if (allowed[i]! < 0) violated = true;
      });
    (violated ? violating : nonViolating).push(p);
  }
  return { violating, nonViolating };
}

/** SelectVictimsOnNode on `node` (a copy, mutated) and `state` (a copy). */
export function selectVictimsOnNode(
  fw: Framework,
  state: CycleState,
  pod: PodInfo,
  node: NodeInfo,
  pdbs: readonly KObject[],
  now: number,
): { victims: PodInfo[]; numPDBViolations: number } | Status {
  const remove = (p: PodInfo) => {
    node.removePod(p);
    return fw.runPreFilterRemovePod(state, pod, p, node);
  };
  const add = (p: PodInfo) => {
    node.addPod(p);
    return fw.runPreFilterAddPod(state, pod, p, node);
  };
  const potential: PodInfo[] = [];
  for (const p of [...node.pods])
    if (p.priority < pod.priority) {
      potential.push(p);
      const s = remove(p);
      if (s) return s;
    }
  if (potential.length === 0) return NO_VICTIMS;
  const fits = fw.runFilterWithNominatedPods(state, pod, node);
  if (fits) return fits;
  potential.sort((a, b) => (moreImportant(a, b, now) ? -1 : moreImportant(b, a, now) ? 1 : 0));
  const { violating, nonViolating } = splitByPDB(potential, pdbs);
  const victims: PodInfo[] = [];
  let numPDBViolations = 0;
  const reprieve = (p: PodInfo): boolean | Status => {
    const s = add(p);
    if (s) return s;
    if (fw.runFilterWithNominatedPods(state, pod, node) === null) return true;
    const r = remove(p);
    if (r) return r;
    victims.push(p);
    return false;
  };
  for (const p of violating) {
    const r = reprieve(p);
    if (r instanceof Status) return r;
    if (!r) numPDBViolations++;
  }
  for (const p of nonViolating) {
    const r = reprieve(p);
    if (r instanceof Status) return r;
  }
  if (violating.length && nonViolating.length) victims.sort((a, b) => (moreImportant(a, b, now) ? -1 : moreImportant(b, a, now) ? 1 : 0));
  return { victims, numPDBViolations };
}

/** calculateNumCandidates: 10% of the potential nodes, at least 100, at most all. */
export function numCandidates(numNodes: number): number {
  let n = Math.trunc((numNodes * 10) / 100);
  if (n < 100) n = 100;
  return n > numNodes ? numNodes : n;
}

/**
 * pickOneNodeForPreemption: fewest PDB violations, then the lowest highest-priority victim, then
 * the smallest priority sum, then the fewest victims, then the latest start among the most
 * important victims; remaining ties go to the first candidate.
 */
export function pickOneNode(candidates: readonly Candidate[], now: number): Candidate | undefined {
  if (candidates.length <= 1) return candidates[0];
  const MAX_INT32_PLUS_1 = 2 ** 31;
  const earliestOfHighest = (c: Candidate) => {
    const top = c.victims[0]!.priority;
    let earliest = Infinity;
    for (const v of c.victims) if (v.priority === top) earliest = Math.min(earliest, podStartTime(v, now));
    return earliest;
  };
  const scores: ((c: Candidate) => number)[] = [
    (c) => -c.numPDBViolations,
    (c) => -c.victims[0]!.priority,
    (c) => -c.victims.reduce((s, v) => s + v.priority + MAX_INT32_PLUS_1, 0),
    (c) => -c.victims.length,
    (c) => earliestOfHighest(c),
  ];
  let pool = [...candidates];
  for (const f of scores) {
    let best = -Infinity;
    let selected: Candidate[] = [];
    for (const c of pool) {
      const s = f(c);
      if (s > best) {
        best = s;
        selected = [];
      }
      if (s === best) selected.push(c);
    }
    if (selected.length === 1) return selected[0];
    pool = selected;
  }
  return pool[0];
}
