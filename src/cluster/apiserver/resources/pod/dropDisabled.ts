/**
 * podutil.DropDisabledPodFields for the feature gates that are off by default in v1.32: a field of a
 * disabled feature is silently cleared unless the old object already used it. Used by the pod
 * strategy and by workloads for their templates.
 *
 * Gates (1.32 defaults): PodLevelResources (alpha) → spec.resources; InPlacePodVerticalScaling (alpha)
 * → containers[*].resizePolicy; UserNamespacesSupport (beta, off) → spec.hostUsers;
 * SupplementalGroupsPolicy (alpha) and SELinuxChangePolicy (alpha) → pod securityContext fields;
 * ImageVolume (alpha) → volumes[*].image; DynamicResourceAllocation (beta, off) → resourceClaims.
 */

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

const containersOf = (spec: Json): Json[] => {
  const regular = Array.isArray(spec?.containers) ? spec.containers : NONE;
  const init = Array.isArray(spec?.initContainers) ? spec.initContainers : NONE;
  // Most pods have no init containers: no need to build a joined list for them.
  return init.length === 0 ? regular : regular.length === 0 ? init : [...regular, ...init];
};
const NONE: Json[] = [];

const used = (v: unknown) => v !== undefined && v !== null;

/** Clears fields of disabled features from `spec` (in place) unless `oldSpec` already had them. */
export function dropDisabledPodSpecFields(spec: Json, oldSpec?: Json): void {
  if (!spec || typeof spec !== 'object') return;
  if (!used(oldSpec?.resources)) delete spec.resources;
  if (!used(oldSpec?.hostUsers)) delete spec.hostUsers;
  const sc = spec.securityContext;
  if (sc && typeof sc === 'object') {
    if (!used(oldSpec?.securityContext?.supplementalGroupsPolicy)) delete sc.supplementalGroupsPolicy;
    if (!used(oldSpec?.securityContext?.seLinuxChangePolicy)) delete sc.seLinuxChangePolicy;
  }
  if (!containersOf(oldSpec).some((c) => used(c?.resizePolicy)))
    for (const c of containersOf(spec)) if (c && typeof c === 'object') delete c.resizePolicy;
  const oldImageVolumes = (oldSpec?.volumes ?? []).some((v: Json) => used(v?.image));
  if (!oldImageVolumes) for (const v of Array.isArray(spec.volumes) ? spec.volumes : []) if (v && typeof v === 'object') delete v.image;
  const oldClaims = used(oldSpec?.resourceClaims) || containersOf(oldSpec).some((c) => used(c?.resources?.claims));
  if (!oldClaims) {
    delete spec.resourceClaims;
    for (const c of containersOf(spec)) if (c?.resources && typeof c.resources === 'object') delete c.resources.claims;
  }
}
