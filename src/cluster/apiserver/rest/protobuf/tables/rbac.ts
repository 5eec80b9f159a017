import type { MessageTable } from '../schema';

/**
 * Protobuf layout of the rbac types kubectl sends: field numbers, JSON names and types from
 * the upstream generated.proto files
 * (k8s.io/api @ v0.32.9), plus omitempty/pointer facts from the Go struct tags. Written as data,
 * one message per line: `number: [jsonName, type, flags?]` (see schema.ts for the flags).
 */
export const rbacMessages: Record<string, MessageTable> = {
  'rbac.v1.AggregationRule': { 1: ['clusterRoleSelectors', 'meta.v1.LabelSelector', 'r'] },
  'rbac.v1.ClusterRole': { 1: ['metadata', 'meta.v1.ObjectMeta'], 2: ['rules', 'rbac.v1.PolicyRule', 'r'], 3: ['aggregationRule', 'rbac.v1.AggregationRule', 'z'] },
  'rbac.v1.ClusterRoleBinding': { 1: ['metadata', 'meta.v1.ObjectMeta'], 2: ['subjects', 'rbac.v1.Subject', 'r'], 3: ['roleRef', 'rbac.v1.RoleRef', 'z'] },
  'rbac.v1.PolicyRule': { 1: ['verbs', 'string', 'r'], 2: ['apiGroups', 'string', 'r'], 3: ['resources', 'string', 'r'], 4: ['resourceNames', 'string', 'r'], 5: ['nonResourceURLs', 'string', 'r'] },
  'rbac.v1.Role': { 1: ['metadata', 'meta.v1.ObjectMeta'], 2: ['rules', 'rbac.v1.PolicyRule', 'r'] },
  'rbac.v1.RoleBinding': { 1: ['metadata', 'meta.v1.ObjectMeta'], 2: ['subjects', 'rbac.v1.Subject', 'r'], 3: ['roleRef', 'rbac.v1.RoleRef', 'z'] },
  'rbac.v1.RoleRef': { 1: ['apiGroup', 'string', 'z'], 2: ['kind', 'string', 'z'], 3: ['name', 'string', 'z'] },
  'rbac.v1.Subject': { 1: ['kind', 'string', 'z'], 2: ['apiGroup', 'string'], 3: ['name', 'string', 'z'], 4: ['namespace', 'string'] },
};
