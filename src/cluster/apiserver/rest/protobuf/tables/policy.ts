import type { MessageTable } from '../schema';

/**
 * Protobuf layout of the policy types kubectl sends: field numbers, JSON names and types from
 * the upstream generated.proto files
 * (k8s.io/api @ v0.32.9), plus omitempty/pointer facts from the Go struct tags. Written as data,
 * one message per line: `number: [jsonName, type, flags?]` (see schema.ts for the flags).
 */
export const policyMessages: Record<string, MessageTable> = {
  'policy.v1.PodDisruptionBudget': { 1: ['metadata', 'meta.v1.ObjectMeta'], 2: ['spec', 'policy.v1.PodDisruptionBudgetSpec'], 3: ['status', 'policy.v1.PodDisruptionBudgetStatus'] },
  'policy.v1.PodDisruptionBudgetSpec': { 1: ['minAvailable', 'intstr.IntOrString', 'z'], 2: ['selector', 'meta.v1.LabelSelector', 'z'], 3: ['maxUnavailable', 'intstr.IntOrString', 'z'], 4: ['unhealthyPodEvictionPolicy', 'string', 'z'] },
  'policy.v1.PodDisruptionBudgetStatus': { 1: ['observedGeneration', 'int64'], 2: ['disruptedPods', 'meta.v1.Time', 'm'], 3: ['disruptionsAllowed', 'int32', 'z'], 4: ['currentHealthy', 'int32', 'z'], 5: ['desiredHealthy', 'int32', 'z'], 6: ['expectedPods', 'int32', 'z'], 7: ['conditions', 'meta.v1.Condition', 'r'] },
};
