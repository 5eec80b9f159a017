/**
 * Strategic-merge-patch metadata for the built-in kinds, as data: the `patchStrategy` and
 * `patchMergeKey` struct tags of k8s.io/api and apimachinery meta/v1 (v0.32), laid out as a
 * graph of named types. A field lists the type of its value (of each element, for lists) only
 * where that type leads to more tagged fields; everything untagged is atomic for lists and
 * merged recursively for objects, which is what the Go struct lookup yields too.
 *
 * Lists without a `patchStrategy` tag (tolerations, node taints, container/pod statuses, env
 * `valueFrom`, rules, subsets, ...) are atomic and replaced wholesale.
 */

/** The `patchStrategy` tag values used by k8s.io/api. */
export type PatchStrategy = 'merge' | 'retainKeys' | 'merge,retainKeys' | 'replace';

export interface FieldPatchMeta {
  /** Named type (in `patchTypes`) of the value, or of each element for a list. */
  readonly type?: string;
  readonly strategy?: PatchStrategy;
  readonly mergeKey?: string;
}

type TypeFields = Readonly<Record<string, FieldPatchMeta>>;

const byKey = (mergeKey: string, type?: string, strategy: PatchStrategy = 'merge'): FieldPatchMeta => ({
  type,
  strategy,
  mergeKey,
});
/** `conditions` in most statuses: merged by `type`. */
const conditions = byKey('type');
const meta = { metadata: { type: 'ObjectMeta' } } as const;
const specStatus = (kind: string): TypeFields => ({ ...meta, spec: { type: `${kind}Spec` }, status: { type: `${kind}Status` } });
const templated = { template: { type: 'PodTemplateSpec' } } as const;
const containerLists: TypeFields = {
  ports: byKey('containerPort'),
  env: byKey('name'),
  volumeMounts: byKey('mountPath'),
  volumeDevices: byKey('devicePath'),
};

export const patchTypes: Readonly<Record<string, TypeFields>> = {
  // meta/v1
  ObjectMeta: { finalizers: { strategy: 'merge' }, ownerReferences: byKey('uid') },
  /** Kinds whose only tagged fields are in metadata. */
  Object: meta,

  // core/v1
  Pod: specStatus('Pod'),
  PodSpec: {
    containers: byKey('name', 'Container'),
    initContainers: byKey('name', 'Container'),
    ephemeralContainers: byKey('name', 'Container'),
    volumes: byKey('name', 'Volume', 'merge,retainKeys'),
    imagePullSecrets: byKey('name'),
    hostAliases: byKey('ip'),
    topologySpreadConstraints: byKey('topologyKey'),
    schedulingGates: byKey('name'),
    resourceClaims: byKey('name', undefined, 'merge,retainKeys'),
  },
  /** Container and EphemeralContainer (its EphemeralContainerCommon carries the same tags). */
  Container: containerLists,
  Volume: { ephemeral: { type: 'EphemeralVolumeSource' } },
  EphemeralVolumeSource: { volumeClaimTemplate: { type: 'Object' } },
  PodStatus: {
    conditions,
    hostIPs: byKey('ip'),
    podIPs: byKey('ip'),
    resourceClaimStatuses: byKey('name', undefined, 'merge,retainKeys'),
  },
  PodTemplate: { ...meta, ...templated },
  PodTemplateSpec: { ...meta, spec: { type: 'PodSpec' } },
  ReplicationController: specStatus('ReplicationController'),
  ReplicationControllerSpec: templated,
  ReplicationControllerStatus: { conditions },
  Service: specStatus('Service'),
  ServiceSpec: { ports: byKey('port') },
  ServiceStatus: { conditions },
  ServiceAccount: { ...meta, secrets: byKey('name') },
  Node: specStatus('Node'),
  NodeSpec: { podCIDRs: { strategy: 'merge' } },
  NodeStatus: { conditions, addresses: byKey('type') },
  Namespace: specStatus('Namespace'),
  NamespaceStatus: { conditions },
  PersistentVolumeClaim: specStatus('PersistentVolumeClaim'),
  PersistentVolumeClaimStatus: { conditions },
  ComponentStatus: { ...meta, conditions },

  // apps/v1
  Deployment: specStatus('Deployment'),
  DeploymentSpec: { ...templated, strategy: { strategy: 'retainKeys' } },
  DeploymentStatus: { conditions },
  ReplicaSet: specStatus('ReplicaSet'),
  ReplicaSetSpec: templated,
  ReplicaSetStatus: { conditions },
  StatefulSet: specStatus('StatefulSet'),
  StatefulSetSpec: templated,
  StatefulSetStatus: { conditions },
  DaemonSet: specStatus('DaemonSet'),
  DaemonSetSpec: templated,
  DaemonSetStatus: { conditions },

  // batch/v1
  Job: specStatus('Job'),
  JobSpec: templated,
  JobStatus: { conditions },
  CronJob: { ...meta, spec: { type: 'CronJobSpec' } },
  CronJobSpec: { jobTemplate: { type: 'JobTemplateSpec' } },
  JobTemplateSpec: { ...meta, spec: { type: 'JobSpec' } },

  // policy/v1, autoscaling/v2, storage/v1, resource/v1beta1
  PodDisruptionBudget: specStatus('PodDisruptionBudget'),
  PodDisruptionBudgetSpec: { selector: { strategy: 'replace' } },
  PodDisruptionBudgetStatus: { conditions },
  HorizontalPodAutoscaler: { ...meta, status: { type: 'HorizontalPodAutoscalerStatus' } },
  HorizontalPodAutoscalerStatus: { conditions },
  CSINode: { ...meta, spec: { type: 'CSINodeSpec' } },
  CSINodeSpec: { drivers: byKey('name') },
  ResourceClaim: { ...meta, status: { type: 'ResourceClaimStatus' } },
  ResourceClaimStatus: { reservedFor: byKey('uid') },

  // admissionregistration/v1, flowcontrol/v1
  ValidatingWebhookConfiguration: { ...meta, webhooks: byKey('name', 'Webhook') },
  MutatingWebhookConfiguration: { ...meta, webhooks: byKey('name', 'Webhook') },
  Webhook: { matchConditions: byKey('name') },
  ValidatingAdmissionPolicy: { ...meta, spec: { type: 'ValidatingAdmissionPolicySpec' } },
  ValidatingAdmissionPolicySpec: { matchConditions: byKey('name'), variables: byKey('name') },
  FlowSchema: { ...meta, status: { type: 'FlowSchemaStatus' } },
  FlowSchemaStatus: { conditions },
  PriorityLevelConfiguration: { ...meta, status: { type: 'PriorityLevelConfigurationStatus' } },
  PriorityLevelConfigurationStatus: { conditions },
};

/** Built-in kinds with no tagged fields outside ObjectMeta. */
const metadataOnlyKinds = new Set([
  'APIService',
  'Binding',
  'CSIDriver',
  'CertificateSigningRequest',
  'ClusterRole',
  'ClusterRoleBinding',
  'ConfigMap',
  'ControllerRevision',
  'CustomResourceDefinition',
  'EndpointSlice',
  'Endpoints',
  'Event',
  'IPAddress',
  'Ingress',
  'IngressClass',
  'Lease',
  'LimitRange',
  'NetworkPolicy',
  'PersistentVolume',
  'PriorityClass',
  'ResourceQuota',
  'Role',
  'RoleBinding',
  'RuntimeClass',
  'Scale',
  'Secret',
  'ServiceCIDR',
  'StorageClass',
  'ValidatingAdmissionPolicyBinding',
  'VolumeAttachment',
]);

/** The root type of a kind, or undefined for kinds without Go types (custom resources). */
export function rootTypeForKind(kind: string): string | undefined {
  if (kind !== 'Object' && Object.hasOwn(patchTypes, kind) && patchTypes[kind].metadata) return kind;
  return metadataOnlyKinds.has(kind) ? 'Object' : undefined;
}

/** True when the apiserver would know the kind's struct tags (it rejects SMP for custom resources). */
export function isStrategicMergeKind(kind: string): boolean {
  return rootTypeForKind(kind) !== undefined;
}

const none: FieldPatchMeta = {};

/** The tags of `field` in `type`; untagged or unknown fields get none. */
export function lookupPatchMeta(type: string | undefined, field: string): FieldPatchMeta {
  if (type === undefined || !Object.hasOwn(patchTypes, type)) return none;
  const fields = patchTypes[type];
  return Object.hasOwn(fields, field) ? fields[field] : none;
}

/** Whether a list field merges (its strategy includes `merge`). */
export function listMerges(m: FieldPatchMeta): boolean {
  return m.strategy === 'merge' || m.strategy === 'merge,retainKeys';
}
