/**
 * The served kinds whose schemas (and the closure of what they reference) go into
 * src/cluster/api/schema/definitions.json. `def` is the upstream OpenAPI definition name.
 */
export interface RootKind {
  def: string;
  group: string;
  version: string;
  kind: string;
}

const KINDS: [group: string, version: string, pkg: string, kinds: string[]][] = [
  ['', 'v1', 'io.k8s.api.core.v1', ['Namespace', 'Node', 'Pod', 'Service', 'Endpoints', 'Event', 'ConfigMap', 'Secret', 'ServiceAccount', 'PersistentVolume', 'PersistentVolumeClaim', 'ResourceQuota', 'LimitRange']],
  ['apps', 'v1', 'io.k8s.api.apps.v1', ['Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet', 'ControllerRevision']],
  ['batch', 'v1', 'io.k8s.api.batch.v1', ['Job', 'CronJob']],
  ['autoscaling', 'v2', 'io.k8s.api.autoscaling.v2', ['HorizontalPodAutoscaler']],
  ['policy', 'v1', 'io.k8s.api.policy.v1', ['PodDisruptionBudget']],
  ['networking.k8s.io', 'v1', 'io.k8s.api.networking.v1', ['Ingress', 'IngressClass', 'NetworkPolicy']],
  ['discovery.k8s.io', 'v1', 'io.k8s.api.discovery.v1', ['EndpointSlice']],
  ['events.k8s.io', 'v1', 'io.k8s.api.events.v1', ['Event']],
  ['coordination.k8s.io', 'v1', 'io.k8s.api.coordination.v1', ['Lease']],
  ['scheduling.k8s.io', 'v1', 'io.k8s.api.scheduling.v1', ['PriorityClass']],
  ['storage.k8s.io', 'v1', 'io.k8s.api.storage.v1', ['StorageClass']],
  ['rbac.authorization.k8s.io', 'v1', 'io.k8s.api.rbac.v1', ['Role', 'RoleBinding', 'ClusterRole', 'ClusterRoleBinding']],
];

/** Kinds that have no List and are only served as subresource bodies. */
const SINGLES: RootKind[] = [
  { def: 'io.k8s.api.core.v1.Binding', group: '', version: 'v1', kind: 'Binding' },
  { def: 'io.k8s.api.autoscaling.v1.Scale', group: 'autoscaling', version: 'v1', kind: 'Scale' },
  { def: 'io.k8s.api.policy.v1.Eviction', group: 'policy', version: 'v1', kind: 'Eviction' },
  { def: 'io.k8s.apimachinery.pkg.apis.meta.v1.Status', group: '', version: 'v1', kind: 'Status' },
];

export const ROOT_KINDS: RootKind[] = [
  ...KINDS.flatMap(([group, version, pkg, kinds]) =>
    kinds.flatMap((kind) => [
      { def: `${pkg}.${kind}`, group, version, kind },
      { def: `${pkg}.${kind}List`, group, version, kind: `${kind}List` },
    ]),
  ),
  ...SINGLES,
];

/** meta/v1 types that every group-version document uses (DeleteOptions is tagged with each served GV). */
export const SHARED_DEFS = [
  'io.k8s.apimachinery.pkg.apis.meta.v1.DeleteOptions',
  'io.k8s.apimachinery.pkg.apis.meta.v1.Patch',
  'io.k8s.apimachinery.pkg.apis.meta.v1.APIResourceList',
];
