import type { MessageTable } from '../schema';

/**
 * Protobuf layout of the meta types kubectl sends: field numbers, JSON names and types from
 * the upstream generated.proto files
 * (k8s.io/apimachinery @ v0.32.9), plus omitempty/pointer facts from the Go struct tags. Written as data,
 * one message per line: `number: [jsonName, type, flags?]` (see schema.ts for the flags).
 */
export const metaMessages: Record<string, MessageTable> = {
  'meta.v1.Condition': { 1: ['type', 'string', 'z'], 2: ['status', 'string', 'z'], 3: ['observedGeneration', 'int64'], 4: ['lastTransitionTime', 'meta.v1.Time', 'z'], 5: ['reason', 'string', 'z'], 6: ['message', 'string', 'z'] },
  'meta.v1.DeleteOptions': { 1: ['gracePeriodSeconds', 'int64', 'z'], 2: ['preconditions', 'meta.v1.Preconditions', 'z'], 3: ['orphanDependents', 'bool', 'z'], 4: ['propagationPolicy', 'string', 'z'], 5: ['dryRun', 'string', 'r'], 6: ['ignoreStoreReadErrorWithClusterBreakingPotential', 'bool', 'z'] },
  'meta.v1.LabelSelector': { 1: ['matchLabels', 'string', 'm'], 2: ['matchExpressions', 'meta.v1.LabelSelectorRequirement', 'r'] },
  'meta.v1.LabelSelectorRequirement': { 1: ['key', 'string', 'z'], 2: ['operator', 'string', 'z'], 3: ['values', 'string', 'r'] },
  'meta.v1.ManagedFieldsEntry': { 1: ['manager', 'string'], 2: ['operation', 'string'], 3: ['apiVersion', 'string'], 4: ['time', 'meta.v1.Time', 'z'], 6: ['fieldsType', 'string'], 7: ['fieldsV1', 'meta.v1.FieldsV1', 'z'], 8: ['subresource', 'string'] },
  'meta.v1.ObjectMeta': { 1: ['name', 'string'], 2: ['generateName', 'string'], 3: ['namespace', 'string'], 4: ['selfLink', 'string'], 5: ['uid', 'string'], 6: ['resourceVersion', 'string'], 7: ['generation', 'int64'], 8: ['creationTimestamp', 'meta.v1.Time'], 9: ['deletionTimestamp', 'meta.v1.Time', 'z'], 10: ['deletionGracePeriodSeconds', 'int64', 'z'], 11: ['labels', 'string', 'm'], 12: ['annotations', 'string', 'm'], 13: ['ownerReferences', 'meta.v1.OwnerReference', 'r'], 14: ['finalizers', 'string', 'r'], 17: ['managedFields', 'meta.v1.ManagedFieldsEntry', 'r'] },
  'meta.v1.OwnerReference': { 1: ['kind', 'string', 'z'], 3: ['name', 'string', 'z'], 4: ['uid', 'string', 'z'], 5: ['apiVersion', 'string', 'z'], 6: ['controller', 'bool', 'z'], 7: ['blockOwnerDeletion', 'bool', 'z'] },
  'meta.v1.Preconditions': { 1: ['uid', 'string', 'z'], 2: ['resourceVersion', 'string', 'z'] },
};
