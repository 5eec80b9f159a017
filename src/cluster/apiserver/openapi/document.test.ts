import { describe, expect, it } from 'vitest';
import { digest, gvPathOf, openapiV3Document, openapiV3DocumentJSON, openapiV3Index } from './index';
import { SAMPLE_RESOURCES } from './testing';

type Op = { operationId: string; parameters?: { name: string; in: string }[]; 'x-kubernetes-action': string; 'x-kubernetes-group-version-kind': object };
const doc = (gv: string) => openapiV3Document(SAMPLE_RESOURCES, gv)!;
const op = (gv: string, path: string, method: string) => (doc(gv).paths[path] as Record<string, Op>)[method];

describe('openapiV3Index', () => {
  it('lists one entry per served group-version with a hashed serverRelativeURL', () => {
    const idx = openapiV3Index(SAMPLE_RESOURCES);
    expect(Object.keys(idx.paths)).toEqual(['api/v1', 'apis/apps/v1', 'apis/rbac.authorization.k8s.io/v1']);
    expect(idx.paths['apis/apps/v1'].serverRelativeURL).toMatch(/^\/openapi\/v3\/apis\/apps\/v1\?hash=[0-9A-F]{16}$/);
  });
  it('is deterministic, and the hash follows the document', () => {
    const again = openapiV3Index(SAMPLE_RESOURCES.map((r) => ({ ...r })));
    expect(JSON.stringify(again)).toBe(JSON.stringify(openapiV3Index(SAMPLE_RESOURCES)));
    const fewer = openapiV3Index(SAMPLE_RESOURCES.filter((r) => r.kind !== 'ConfigMap'));
    expect(fewer.paths['api/v1'].serverRelativeURL).not.toBe(again.paths['api/v1'].serverRelativeURL);
    expect(fewer.paths['apis/apps/v1']).toEqual(again.paths['apis/apps/v1']);
  });
  it('gvPathOf and digest', () => {
    expect(gvPathOf('', 'v1')).toBe('api/v1');
    expect(gvPathOf('apps', 'v1')).toBe('apis/apps/v1');
    expect(digest('abc')).toBe(digest('abc'));
    expect(digest('abc')).not.toBe(digest('abd'));
  });
});

describe('openapiV3Document', () => {
  it('is an OpenAPI 3.0.0 document with info', () => {
    expect(doc('apis/apps/v1')).toMatchObject({ openapi: '3.0.0', info: { title: 'Kubernetes' } });
  });
  it('accepts the path with or without /openapi/v3/ and answers undefined for unknown group-versions', () => {
    expect(openapiV3DocumentJSON(SAMPLE_RESOURCES, '/openapi/v3/apis/apps/v1?hash=X')).toBe(JSON.stringify(doc('apis/apps/v1')));
    expect(openapiV3Document(SAMPLE_RESOURCES, 'apis/batch/v1')).toBeUndefined();
  });
  const paths: [string, string[]][] = [
    [
      'api/v1',
      [
        '/api/v1/',
        '/api/v1/configmaps',
        '/api/v1/namespaces',
        '/api/v1/namespaces/{namespace}/configmaps',
        '/api/v1/namespaces/{namespace}/configmaps/{name}',
        '/api/v1/namespaces/{namespace}/pods',
        '/api/v1/namespaces/{namespace}/pods/{name}',
        '/api/v1/namespaces/{namespace}/pods/{name}/binding',
        '/api/v1/namespaces/{namespace}/pods/{name}/eviction',
        '/api/v1/namespaces/{namespace}/pods/{name}/log',
        '/api/v1/namespaces/{namespace}/pods/{name}/status',
        '/api/v1/namespaces/{name}',
        '/api/v1/namespaces/{name}/status',
        '/api/v1/pods',
      ],
    ],
    [
      'apis/rbac.authorization.k8s.io/v1',
      ['/apis/rbac.authorization.k8s.io/v1/', '/apis/rbac.authorization.k8s.io/v1/clusterroles', '/apis/rbac.authorization.k8s.io/v1/clusterroles/{name}'],
    ],
  ];
  it.each(paths)('%s has the upstream path layout (namespaced, all-namespaces, cluster, subresources)', (gv, expected) => {
    expect(Object.keys(doc(gv).paths)).toEqual(expected);
  });
  const ops: [string, string, string, string, string, object][] = [
    ['apis/apps/v1', '/apis/apps/v1/namespaces/{namespace}/deployments', 'get', 'listAppsV1NamespacedDeployment', 'list', { group: 'apps', version: 'v1', kind: 'Deployment' }],
    ['apis/apps/v1', '/apis/apps/v1/namespaces/{namespace}/deployments', 'post', 'createAppsV1NamespacedDeployment', 'post', { group: 'apps', version: 'v1', kind: 'Deployment' }],
    ['apis/apps/v1', '/apis/apps/v1/namespaces/{namespace}/deployments', 'delete', 'deleteAppsV1CollectionNamespacedDeployment', 'deletecollection', { kind: 'Deployment' }],
    ['apis/apps/v1', '/apis/apps/v1/namespaces/{namespace}/deployments/{name}', 'get', 'readAppsV1NamespacedDeployment', 'get', { kind: 'Deployment' }],
    ['apis/apps/v1', '/apis/apps/v1/namespaces/{namespace}/deployments/{name}', 'put', 'replaceAppsV1NamespacedDeployment', 'put', { kind: 'Deployment' }],
    ['apis/apps/v1', '/apis/apps/v1/namespaces/{namespace}/deployments/{name}', 'patch', 'patchAppsV1NamespacedDeployment', 'patch', { kind: 'Deployment' }],
    ['apis/apps/v1', '/apis/apps/v1/namespaces/{namespace}/deployments/{name}', 'delete', 'deleteAppsV1NamespacedDeployment', 'delete', { kind: 'Deployment' }],
    ['apis/apps/v1', '/apis/apps/v1/deployments', 'get', 'listAppsV1DeploymentForAllNamespaces', 'list', { kind: 'Deployment' }],
    ['apis/apps/v1', '/apis/apps/v1/namespaces/{namespace}/deployments/{name}/scale', 'patch', 'patchAppsV1NamespacedDeploymentScale', 'patch', { group: 'autoscaling', version: 'v1', kind: 'Scale' }],
    ['apis/apps/v1', '/apis/apps/v1/namespaces/{namespace}/deployments/{name}/status', 'put', 'replaceAppsV1NamespacedDeploymentStatus', 'put', { kind: 'Deployment' }],
    ['api/v1', '/api/v1/namespaces/{namespace}/pods/{name}/eviction', 'post', 'createCoreV1NamespacedPodEviction', 'post', { group: 'policy', version: 'v1', kind: 'Eviction' }],
    ['api/v1', '/api/v1/namespaces', 'get', 'listCoreV1Namespace', 'list', { group: '', version: 'v1', kind: 'Namespace' }],
    ['apis/rbac.authorization.k8s.io/v1', '/apis/rbac.authorization.k8s.io/v1/clusterroles/{name}', 'patch', 'patchRbacAuthorizationV1ClusterRole', 'patch', { group: 'rbac.authorization.k8s.io', kind: 'ClusterRole' }],
  ];
  it.each(ops)('%s %s %s is %s (action %s) with its GVK', (gv, path, method, id, action, gvk) => {
    const o = op(gv, path, method);
    expect(o.operationId).toBe(id);
    expect(o['x-kubernetes-action']).toBe(action);
    expect(o['x-kubernetes-group-version-kind']).toMatchObject(gvk);
  });
  it('every PATCH operation takes a fieldValidation query parameter (kubectl QueryParamVerifierV3)', () => {
    for (const gv of Object.keys(openapiV3Index(SAMPLE_RESOURCES).paths)) {
      const patches = Object.values(doc(gv).paths).flatMap((item) => ((item as Record<string, Op>).patch ? [(item as Record<string, Op>).patch] : []));
      expect(patches.length).toBeGreaterThan(0);
      for (const p of patches) expect(p.parameters).toContainEqual(expect.objectContaining({ name: 'fieldValidation', in: 'query' }));
    }
  });
  it('components.schemas hold exactly what the paths need, closed under $ref', () => {
    const d = doc('apis/apps/v1');
    const names = Object.keys(d.components.schemas);
    expect(names).toEqual(expect.arrayContaining(['io.k8s.api.apps.v1.Deployment', 'io.k8s.api.apps.v1.DeploymentList', 'io.k8s.api.autoscaling.v1.Scale', 'io.k8s.api.core.v1.PodSpec', 'io.k8s.apimachinery.pkg.apis.meta.v1.Status']));
    expect(names).not.toContain('io.k8s.api.core.v1.Pod');
    const refs = (JSON.stringify(d).match(/#\/components\/schemas\/[^"]+/g) ?? []).map((r) => r.slice('#/components/schemas/'.length));
    for (const r of refs) expect(names).toContain(r);
  });
  it('omits subresources it does not model (exec)', () => {
    expect(Object.keys(doc('api/v1').paths).some((p) => p.endsWith('/exec'))).toBe(false);
  });
});
