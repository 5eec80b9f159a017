import { describe, expect, it } from 'vitest';
import { Registry } from '../registry';
import type { ResourceDef } from '../types';
import { openapiExtension, openapiResources } from './serve';

const defs = [
  { group: 'apps', version: 'v1', kind: 'Deployment', plural: 'deployments', singular: 'deployment', namespaced: true, subresources: ['status', 'scale'] },
  { group: '', version: 'v1', kind: 'Namespace', plural: 'namespaces', singular: 'namespace', namespaced: false, verbs: ['get', 'list', 'patch'] },
] as ResourceDef[];

describe('openapiExtension serves /openapi/<path> from the registry', () => {
  const serve = openapiExtension(new Registry(defs));
  it('maps registry defs, defaulting verbs and subresources', () => {
    expect(openapiResources(new Registry(defs))).toEqual([
      { group: 'apps', version: 'v1', kind: 'Deployment', plural: 'deployments', namespaced: true, verbs: ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'], subresources: ['status', 'scale'] },
      { group: '', version: 'v1', kind: 'Namespace', plural: 'namespaces', namespaced: false, verbs: ['get', 'list', 'patch'], subresources: [] },
    ]);
  });
  const cases: [string, (r: unknown) => void][] = [
    ['v3', (r) => expect(Object.keys((r as { paths: object }).paths)).toEqual(['api/v1', 'apis/apps/v1'])],
    ['v3/apis/apps/v1', (r) => expect(JSON.parse(r as string)).toMatchObject({ openapi: '3.0.0' })],
    ['v3/api/v1', (r) => expect(JSON.parse(r as string).paths).toHaveProperty(['/api/v1/namespaces/{name}'])],
    ['v3/apis/batch/v1', (r) => expect(r).toBeUndefined()],
    ['v2', (r) => expect(r).toBeUndefined()],
  ];
  it.each(cases)('%s', (path, check) => check(serve(path, {})));
});
