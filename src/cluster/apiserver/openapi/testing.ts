import type { OpenAPIResource } from './types';

const ALL = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];

/** A small registry's worth of resources for OpenAPI tests. */
export const SAMPLE_RESOURCES: OpenAPIResource[] = [
  { group: '', version: 'v1', kind: 'Pod', plural: 'pods', namespaced: true, verbs: ALL, subresources: ['binding', 'eviction', 'log', 'status', 'exec'] },
  { group: '', version: 'v1', kind: 'Namespace', plural: 'namespaces', namespaced: false, verbs: ALL.filter((v) => v !== 'deletecollection'), subresources: ['status'] },
  { group: '', version: 'v1', kind: 'ConfigMap', plural: 'configmaps', namespaced: true, verbs: ALL, subresources: [] },
  { group: 'apps', version: 'v1', kind: 'Deployment', plural: 'deployments', namespaced: true, verbs: ALL, subresources: ['scale', 'status'] },
  { group: 'rbac.authorization.k8s.io', version: 'v1', kind: 'ClusterRole', plural: 'clusterroles', namespaced: false, verbs: ALL, subresources: [] },
];
