/**
 * Colours for workloads. User workloads take the Okabe–Ito palette (distinguishable with the
 * common colour-vision deficiencies) in the order they appear; system workloads get quiet greys so
 * the learner's own app stands out. State is never told by colour alone: every pod look also has
 * a shape mark (see glyph.ts).
 */
import type { ObjectRef } from '../../protocol/views';

export const OKABE_ITO = ['#E69F00', '#56B4E9', '#009E73', '#F0E442', '#0072B2', '#D55E00', '#CC79A7'] as const;
const SYSTEM = ['#8d97a8', '#a4998a', '#88a09b', '#9a8fa8'] as const;
const UNOWNED = '#b9c2d0';

const SYSTEM_NAMESPACES = new Set(['kube-system', 'kube-public', 'kube-node-lease']);

const assigned = new Map<string, string>();
let nextUser = 0;
let nextSystem = 0;

const keys = new WeakMap<ObjectRef, string>();

/** A stable key for a workload (survives a worker restart, unlike uids). Cached per ref object. */
export function workloadKey(w: ObjectRef | undefined): string {
  if (!w) return '';
  let k = keys.get(w);
  if (k === undefined) keys.set(w, (k = `${w.namespace ?? ''}/${w.kind}/${w.name}`));
  return k;
}

/** The colour of a workload (and of its pods); first come, first served, stable for the page. */
export function colourOf(w: ObjectRef | undefined): string {
  if (!w) return UNOWNED;
  const key = workloadKey(w);
  let c = assigned.get(key);
  if (!c) {
    c = SYSTEM_NAMESPACES.has(w.namespace ?? '') ? SYSTEM[nextSystem++ % SYSTEM.length] : OKABE_ITO[nextUser++ % OKABE_ITO.length];
    assigned.set(key, c);
  }
  return c;
}

export const isSystemNamespace = (ns: string | undefined): boolean => SYSTEM_NAMESPACES.has(ns ?? '');
