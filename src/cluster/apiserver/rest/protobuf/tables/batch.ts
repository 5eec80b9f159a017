import type { MessageTable } from '../schema';

/**
 * Protobuf layout of the batch types kubectl sends: field numbers, JSON names and types from
 * the upstream generated.proto files
 * (k8s.io/api @ v0.32.9), plus omitempty/pointer facts from the Go struct tags. Written as data,
 * one message per line: `number: [jsonName, type, flags?]` (see schema.ts for the flags).
 */
export const batchMessages: Record<string, MessageTable> = {
  'batch.v1.CronJob': { 1: ['metadata', 'meta.v1.ObjectMeta'], 2: ['spec', 'batch.v1.CronJobSpec'], 3: ['status', 'batch.v1.CronJobStatus'] },
  'batch.v1.CronJobSpec': { 1: ['schedule', 'string', 'z'], 2: ['startingDeadlineSeconds', 'int64', 'z'], 3: ['concurrencyPolicy', 'string'], 4: ['suspend', 'bool', 'z'], 5: ['jobTemplate', 'batch.v1.JobTemplateSpec', 'z'], 6: ['successfulJobsHistoryLimit', 'int32', 'z'], 7: ['failedJobsHistoryLimit', 'int32', 'z'], 8: ['timeZone', 'string', 'z'] },
  'batch.v1.CronJobStatus': { 1: ['active', 'core.v1.ObjectReference', 'r'], 4: ['lastScheduleTime', 'meta.v1.Time', 'z'], 5: ['lastSuccessfulTime', 'meta.v1.Time', 'z'] },
  'batch.v1.Job': { 1: ['metadata', 'meta.v1.ObjectMeta'], 2: ['spec', 'batch.v1.JobSpec'], 3: ['status', 'batch.v1.JobStatus'] },
  'batch.v1.JobCondition': { 1: ['type', 'string', 'z'], 2: ['status', 'string', 'z'], 3: ['lastProbeTime', 'meta.v1.Time'], 4: ['lastTransitionTime', 'meta.v1.Time'], 5: ['reason', 'string'], 6: ['message', 'string'] },
  'batch.v1.JobSpec': { 1: ['parallelism', 'int32', 'z'], 2: ['completions', 'int32', 'z'], 3: ['activeDeadlineSeconds', 'int64', 'z'], 4: ['selector', 'meta.v1.LabelSelector', 'z'], 5: ['manualSelector', 'bool', 'z'], 6: ['template', 'core.v1.PodTemplateSpec', 'z'], 7: ['backoffLimit', 'int32', 'z'], 8: ['ttlSecondsAfterFinished', 'int32', 'z'], 9: ['completionMode', 'string', 'z'], 10: ['suspend', 'bool', 'z'], 11: ['podFailurePolicy', 'batch.v1.PodFailurePolicy', 'z'], 12: ['backoffLimitPerIndex', 'int32', 'z'], 13: ['maxFailedIndexes', 'int32', 'z'], 14: ['podReplacementPolicy', 'string', 'z'], 15: ['managedBy', 'string', 'z'], 16: ['successPolicy', 'batch.v1.SuccessPolicy', 'z'] },
  'batch.v1.JobStatus': { 1: ['conditions', 'batch.v1.JobCondition', 'r'], 2: ['startTime', 'meta.v1.Time', 'z'], 3: ['completionTime', 'meta.v1.Time', 'z'], 4: ['active', 'int32'], 5: ['succeeded', 'int32'], 6: ['failed', 'int32'], 7: ['completedIndexes', 'string'], 8: ['uncountedTerminatedPods', 'batch.v1.UncountedTerminatedPods', 'z'], 9: ['ready', 'int32', 'z'], 10: ['failedIndexes', 'string', 'z'], 11: ['terminating', 'int32', 'z'] },
  'batch.v1.JobTemplateSpec': { 1: ['metadata', 'meta.v1.ObjectMeta'], 2: ['spec', 'batch.v1.JobSpec'] },
  'batch.v1.PodFailurePolicy': { 1: ['rules', 'batch.v1.PodFailurePolicyRule', 'r'] },
  'batch.v1.PodFailurePolicyOnExitCodesRequirement': { 1: ['containerName', 'string', 'z'], 2: ['operator', 'string', 'z'], 3: ['values', 'int32', 'r'] },
  'batch.v1.PodFailurePolicyOnPodConditionsPattern': { 1: ['type', 'string', 'z'], 2: ['status', 'string', 'z'] },
  'batch.v1.PodFailurePolicyRule': { 1: ['action', 'string', 'z'], 2: ['onExitCodes', 'batch.v1.PodFailurePolicyOnExitCodesRequirement', 'z'], 3: ['onPodConditions', 'batch.v1.PodFailurePolicyOnPodConditionsPattern', 'r'] },
  'batch.v1.SuccessPolicy': { 1: ['rules', 'batch.v1.SuccessPolicyRule', 'r'] },
  'batch.v1.SuccessPolicyRule': { 1: ['succeededIndexes', 'string', 'z'], 2: ['succeededCount', 'int32', 'z'] },
  'batch.v1.UncountedTerminatedPods': { 1: ['succeeded', 'string', 'r'], 2: ['failed', 'string', 'r'] },
};
