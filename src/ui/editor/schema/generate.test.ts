/**
 * The editor schema comes from the cluster's own definitions and covers every kind the API server
 * serves; the synchronous validator (live mode's gate) reads it the way monaco-yaml does.
 */
import { describe, expect, it } from 'vitest';
import { allDefinitions } from '../../../cluster/api/schema';
import { allResources } from '../../../cluster/apiserver/resources';
import { parseManifests } from '../../../client/apply';
import { buildManifestSchema, type JsonSchema } from './generate';
import { validateManifest } from './validate';

const served = allResources.map((r) => ({ group: r.group, version: r.version, kind: r.kind }));
const schema = buildManifestSchema(allDefinitions(), served);

const refsIn = (s: unknown, out: string[] = []): string[] => {
  if (Array.isArray(s)) s.forEach((x) => refsIn(x, out));
  else if (s && typeof s === 'object') {
    for (const [k, v] of Object.entries(s)) {
      if (k === '$ref' && typeof v === 'string') out.push(v);
      else refsIn(v, out);
    }
  }
  return out;
};

const problems = (yaml: string) => validateManifest(schema, parseManifests(yaml).docs[0].value);

const deployment = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels: {app: web}
spec:
  replicas: 3
  selector:
    matchLabels: {app: web}
  strategy:
    rollingUpdate: {maxSurge: 25%, maxUnavailable: 1}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
      - name: nginx
        image: nginx:1.27
        imagePullPolicy: IfNotPresent
        resources:
          requests: {cpu: 100m, memory: 64Mi}
          limits: {cpu: 0.5}
        ports:
        - containerPort: 80
`;

describe('buildManifestSchema', () => {
  it('offers every served kind and resolves each to its definition', () => {
    const kinds = schema.properties!.kind.enum as string[];
    for (const r of allResources) expect(kinds).toContain(r.kind);
    for (const branch of schema.allOf!) expect(branch.if?.properties?.kind.const).toBeDefined();
  });

  it('has no dangling references', () => {
    for (const ref of refsIn(schema)) expect(schema.definitions).toHaveProperty([ref.replace('#/definitions/', '')]);
  });

  it('carries the API descriptions for hover', () => {
    const spec = schema.definitions!['io.k8s.api.apps.v1.DeploymentSpec'];
    expect(spec.properties!.replicas.description).toMatch(/Number of desired pods/);
  });

  it('closes objects (unknown fields are warned about) but not maps', () => {
    expect(schema.definitions!['io.k8s.api.apps.v1.DeploymentSpec'].additionalProperties).toBe(false);
    expect(schema.definitions!['io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta'].properties!.labels.additionalProperties).toEqual({ type: 'string' });
  });

  it('lets kinds served by two groups choose the definition by apiVersion', () => {
    const event = schema.allOf!.find((b) => b.if?.properties?.kind.const === 'Event')!;
    const versions = (event.then!.properties!.apiVersion as JsonSchema).enum;
    expect(versions).toEqual(expect.arrayContaining(['v1', 'events.k8s.io/v1']));
  });
});

describe('validateManifest', () => {
  it('accepts a correct Deployment (int-or-string, quantities, enums)', () => {
    expect(problems(deployment)).toEqual([]);
  });

  it('points at an unknown field', () => {
    expect(problems(deployment.replace('  replicas: 3', '  replicas: 3\n  replicaz: 2'))).toEqual([{ path: ['spec', 'replicaz'], message: 'Property replicaz is not allowed.' }]);
  });

  it('checks types, enums and required fields', () => {
    const p = problems(deployment.replace('replicas: 3', 'replicas: three').replace('IfNotPresent', 'Sometimes').replace('- name: nginx\n        image', '- image'));
    expect(p.map((x) => x.path.join('.'))).toEqual(['spec.replicas', 'spec.template.spec.containers.0', 'spec.template.spec.containers.0.imagePullPolicy']);
    expect(p[0].message).toBe('Incorrect type. Expected "integer".');
    expect(p[1].message).toBe('Missing property "name".');
  });

  it('rejects an apiVersion the kind is not served in', () => {
    expect(problems(deployment.replace('apps/v1', 'v1'))[0]).toMatchObject({ path: ['apiVersion'] });
  });

  it('leaves documents of unknown kinds to the server', () => {
    expect(problems('apiVersion: v1\nkind: Widget\nmetadata: {name: w}\n')[0]).toMatchObject({ path: ['kind'] });
  });
});
