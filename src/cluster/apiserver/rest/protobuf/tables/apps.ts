import type { MessageTable } from '../schema';

/**
 * Protobuf layout of the apps types kubectl sends: field numbers, JSON names and types from
 * the upstream generated.proto files
 * (k8s.io/api @ v0.32.9), plus omitempty/pointer facts from the Go struct tags. Written as data,
 * one message per line: `number: [jsonName, type, flags?]` (see schema.ts for the flags).
 */
export const appsMessages: Record<string, MessageTable> = {
  'apps.v1.DaemonSet': { 1: ['metadata', 'meta.v1.ObjectMeta'], 2: ['spec', 'apps.v1.DaemonSetSpec'], 3: ['status', 'apps.v1.DaemonSetStatus'] },
  'apps.v1.DaemonSetCondition': { 1: ['type', 'string', 'z'], 2: ['status', 'string', 'z'], 3: ['lastTransitionTime', 'meta.v1.Time'], 4: ['reason', 'string'], 5: ['message', 'string'] },
  'apps.v1.DaemonSetSpec': { 1: ['selector', 'meta.v1.LabelSelector', 'z'], 2: ['template', 'core.v1.PodTemplateSpec', 'z'], 3: ['updateStrategy', 'apps.v1.DaemonSetUpdateStrategy'], 4: ['minReadySeconds', 'int32'], 6: ['revisionHistoryLimit', 'int32', 'z'] },
  'apps.v1.DaemonSetStatus': { 1: ['currentNumberScheduled', 'int32', 'z'], 2: ['numberMisscheduled', 'int32', 'z'], 3: ['desiredNumberScheduled', 'int32', 'z'], 4: ['numberReady', 'int32', 'z'], 5: ['observedGeneration', 'int64'], 6: ['updatedNumberScheduled', 'int32'], 7: ['numberAvailable', 'int32'], 8: ['numberUnavailable', 'int32'], 9: ['collisionCount', 'int32', 'z'], 10: ['conditions', 'apps.v1.DaemonSetCondition', 'r'] },
  'apps.v1.DaemonSetUpdateStrategy': { 1: ['type', 'string'], 2: ['rollingUpdate', 'apps.v1.RollingUpdateDaemonSet', 'z'] },
  'apps.v1.Deployment': { 1: ['metadata', 'meta.v1.ObjectMeta'], 2: ['spec', 'apps.v1.DeploymentSpec'], 3: ['status', 'apps.v1.DeploymentStatus'] },
  'apps.v1.DeploymentCondition': { 1: ['type', 'string', 'z'], 2: ['status', 'string', 'z'], 4: ['reason', 'string'], 5: ['message', 'string'], 6: ['lastUpdateTime', 'meta.v1.Time'], 7: ['lastTransitionTime', 'meta.v1.Time'] },
  'apps.v1.DeploymentSpec': { 1: ['replicas', 'int32', 'z'], 2: ['selector', 'meta.v1.LabelSelector', 'z'], 3: ['template', 'core.v1.PodTemplateSpec', 'z'], 4: ['strategy', 'apps.v1.DeploymentStrategy'], 5: ['minReadySeconds', 'int32'], 6: ['revisionHistoryLimit', 'int32', 'z'], 7: ['paused', 'bool'], 9: ['progressDeadlineSeconds', 'int32', 'z'] },
  'apps.v1.DeploymentStatus': { 1: ['observedGeneration', 'int64'], 2: ['replicas', 'int32'], 3: ['updatedReplicas', 'int32'], 4: ['availableReplicas', 'int32'], 5: ['unavailableReplicas', 'int32'], 6: ['conditions', 'apps.v1.DeploymentCondition', 'r'], 7: ['readyReplicas', 'int32'], 8: ['collisionCount', 'int32', 'z'] },
  'apps.v1.DeploymentStrategy': { 1: ['type', 'string'], 2: ['rollingUpdate', 'apps.v1.RollingUpdateDeployment', 'z'] },
  'apps.v1.ReplicaSet': { 1: ['metadata', 'meta.v1.ObjectMeta'], 2: ['spec', 'apps.v1.ReplicaSetSpec'], 3: ['status', 'apps.v1.ReplicaSetStatus'] },
  'apps.v1.ReplicaSetCondition': { 1: ['type', 'string', 'z'], 2: ['status', 'string', 'z'], 3: ['lastTransitionTime', 'meta.v1.Time'], 4: ['reason', 'string'], 5: ['message', 'string'] },
  'apps.v1.ReplicaSetSpec': { 1: ['replicas', 'int32', 'z'], 2: ['selector', 'meta.v1.LabelSelector', 'z'], 3: ['template', 'core.v1.PodTemplateSpec'], 4: ['minReadySeconds', 'int32'] },
  'apps.v1.ReplicaSetStatus': { 1: ['replicas', 'int32', 'z'], 2: ['fullyLabeledReplicas', 'int32'], 3: ['observedGeneration', 'int64'], 4: ['readyReplicas', 'int32'], 5: ['availableReplicas', 'int32'], 6: ['conditions', 'apps.v1.ReplicaSetCondition', 'r'] },
  'apps.v1.RollingUpdateDaemonSet': { 1: ['maxUnavailable', 'intstr.IntOrString', 'z'], 2: ['maxSurge', 'intstr.IntOrString', 'z'] },
  'apps.v1.RollingUpdateDeployment': { 1: ['maxUnavailable', 'intstr.IntOrString', 'z'], 2: ['maxSurge', 'intstr.IntOrString', 'z'] },
  'apps.v1.RollingUpdateStatefulSetStrategy': { 1: ['partition', 'int32', 'z'], 2: ['maxUnavailable', 'intstr.IntOrString', 'z'] },
  'apps.v1.StatefulSet': { 1: ['metadata', 'meta.v1.ObjectMeta'], 2: ['spec', 'apps.v1.StatefulSetSpec'], 3: ['status', 'apps.v1.StatefulSetStatus'] },
  'apps.v1.StatefulSetCondition': { 1: ['type', 'string', 'z'], 2: ['status', 'string', 'z'], 3: ['lastTransitionTime', 'meta.v1.Time'], 4: ['reason', 'string'], 5: ['message', 'string'] },
  'apps.v1.StatefulSetOrdinals': { 1: ['start', 'int32', 'z'] },
  'apps.v1.StatefulSetPersistentVolumeClaimRetentionPolicy': { 1: ['whenDeleted', 'string'], 2: ['whenScaled', 'string'] },
  'apps.v1.StatefulSetSpec': { 1: ['replicas', 'int32', 'z'], 2: ['selector', 'meta.v1.LabelSelector', 'z'], 3: ['template', 'core.v1.PodTemplateSpec', 'z'], 4: ['volumeClaimTemplates', 'core.v1.PersistentVolumeClaim', 'r'], 5: ['serviceName', 'string', 'z'], 6: ['podManagementPolicy', 'string'], 7: ['updateStrategy', 'apps.v1.StatefulSetUpdateStrategy'], 8: ['revisionHistoryLimit', 'int32', 'z'], 9: ['minReadySeconds', 'int32'], 10: ['persistentVolumeClaimRetentionPolicy', 'apps.v1.StatefulSetPersistentVolumeClaimRetentionPolicy', 'z'], 11: ['ordinals', 'apps.v1.StatefulSetOrdinals', 'z'] },
  'apps.v1.StatefulSetStatus': { 1: ['observedGeneration', 'int64'], 2: ['replicas', 'int32', 'z'], 3: ['readyReplicas', 'int32'], 4: ['currentReplicas', 'int32'], 5: ['updatedReplicas', 'int32'], 6: ['currentRevision', 'string'], 7: ['updateRevision', 'string'], 9: ['collisionCount', 'int32', 'z'], 10: ['conditions', 'apps.v1.StatefulSetCondition', 'r'], 11: ['availableReplicas', 'int32', 'z'] },
  'apps.v1.StatefulSetUpdateStrategy': { 1: ['type', 'string'], 2: ['rollingUpdate', 'apps.v1.RollingUpdateStatefulSetStrategy', 'z'] },
};
