/** DeploymentStatus as JSON: omitempty fields dropped, compared the way reflect.DeepEqual would. */
import type { DeploymentStatus } from './conditions';

/** The status with zero counts and empty members omitted, in the Go field order. */
export function compactStatus(s: DeploymentStatus): DeploymentStatus {
  const out: DeploymentStatus = {};
  const keys = ['observedGeneration', 'replicas', 'updatedReplicas', 'readyReplicas', 'availableReplicas', 'unavailableReplicas'] as const;
  for (const k of keys) if (s[k]) out[k] = s[k];
  if (s.conditions?.length) out.conditions = s.conditions.map((c) => ({ ...c }));
  if (s.collisionCount !== undefined && s.collisionCount !== null) out.collisionCount = s.collisionCount;
  return out;
}

export function statusEqual(a: DeploymentStatus | undefined, b: DeploymentStatus | undefined): boolean {
  return JSON.stringify(norm(compactStatus(a ?? {}))) === JSON.stringify(norm(compactStatus(b ?? {})));
}

/** Key-ordered conditions, so two equal statuses serialise alike. */
function norm(s: DeploymentStatus): unknown {
  return {
    ...s,
    conditions: s.conditions?.map((c) => [c.type, c.status, c.lastUpdateTime, c.lastTransitionTime, c.reason, c.message]),
  };
}
