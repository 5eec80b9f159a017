/**
 * ReplicaSet list helpers from controller_utils.go (v1.32): active filter and the three sort
 * orders the Deployment controller relies on.
 */
import type { KObject } from '../../api/types';
import { parseTime } from './time';

/** spec.replicas (defaulted to 1 by the API, so absent only in hand-made test objects). */
export function specReplicas(rs: KObject): number {
  return rs.spec?.replicas ?? 1;
}

/** FilterActiveReplicaSets: spec.replicas > 0. */
export function filterActiveReplicaSets(rss: readonly (KObject | undefined)[]): KObject[] {
  return rss.filter((rs): rs is KObject => !!rs && specReplicas(rs) > 0);
}

function created(o: KObject): number {
  return parseTime(o.metadata.creationTimestamp) ?? 0;
}

/** ReplicaSetsByCreationTimestamp: older first, name breaks ties. */
export function byCreationTimestamp(a: KObject, b: KObject): number {
  const d = created(a) - created(b);
  if (d !== 0) return d;
  return a.metadata.name! < b.metadata.name! ? -1 : a.metadata.name! > b.metadata.name! ? 1 : 0;
}

/** ReplicaSetsBySizeOlder: larger first, then older first. */
export function bySizeOlder(a: KObject, b: KObject): number {
  const d = specReplicas(b) - specReplicas(a);
  return d !== 0 ? d : byCreationTimestamp(a, b);
}

/** ReplicaSetsBySizeNewer: larger first, then newer first. */
export function bySizeNewer(a: KObject, b: KObject): number {
  const d = specReplicas(b) - specReplicas(a);
  return d !== 0 ? d : byCreationTimestamp(b, a);
}
