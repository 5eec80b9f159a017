import { describe, expect, it } from 'vitest';
import { checkFields, goTypeOf } from './fieldCheck';

const deployment = (spec: unknown, metadata: unknown = { name: 'web' }) => ({ apiVersion: 'apps/v1', kind: 'Deployment', metadata, spec });
const podSpec = (spec: unknown) => deployment({ selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec } });
const valid = podSpec({
  containers: [
    {
      name: 'nginx',
      image: 'nginx:1.27',
      ports: [{ containerPort: 80, protocol: 'TCP' }],
      resources: { limits: { cpu: '500m', memory: 128 } },
      env: [{ name: 'A', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } }],
      livenessProbe: { httpGet: { path: '/', port: 'http' } },
    },
  ],
  volumes: [{ name: 'v', emptyDir: {} }],
});

describe('checkFields reports unknown fields with strict-decoding paths', () => {
  const cases: { name: string; obj: unknown; unknown: string[] }[] = [
    { name: 'a valid Deployment has none', obj: valid, unknown: [] },
    { name: 'a misspelt spec field', obj: deployment({ replicasx: 3 }), unknown: ['spec.replicasx'] },
    { name: 'a field inside a list element carries its index', obj: podSpec({ containers: [{ name: 'a' }, { name: 'b', imag: 'x' }] }), unknown: ['spec.template.spec.containers[1].imag'] },
    { name: 'an unknown top-level field has no leading dot', obj: { ...deployment({}), extra: 1 }, unknown: ['extra'] },
    { name: 'field names are case-sensitive', obj: deployment({ Replicas: 1 }), unknown: ['spec.Replicas'] },
    { name: 'several are reported in document order', obj: deployment({ b: 1, replicas: 1, a: 2 }, { name: 'x', foo: 1 }), unknown: ['metadata.foo', 'spec.b', 'spec.a'] },
    { name: 'fields of inlined structs are known (Volume.emptyDir)', obj: podSpec({ volumes: [{ name: 'v', hostPath: { path: '/x' } }] }), unknown: [] },
    { name: 'free-form RawExtension accepts anything', obj: { apiVersion: 'apps/v1', kind: 'ControllerRevision', metadata: { name: 'r' }, revision: 1, data: { any: { thing: 1 } } }, unknown: [] },
    { name: 'null values are ignored', obj: deployment(null), unknown: [] },
  ];
  it.each(cases)('$name', ({ obj, unknown }) => {
    const r = checkFields(obj, 'apps', 'v1', (obj as { kind: string }).kind);
    expect(r.unknown).toEqual(unknown);
    expect(r.decodeError).toBeUndefined();
  });
  it('caps the list at 100 like sigs.k8s.io/json', () => {
    const spec = Object.fromEntries(Array.from({ length: 150 }, (_, i) => [`f${i}`, i]));
    expect(checkFields(deployment(spec), 'apps', 'v1', 'Deployment').unknown).toHaveLength(100);
  });
  it('kinds without a schema check clean', () => {
    expect(checkFields({ spec: { anything: 1 } }, 'example.com', 'v1', 'Widget')).toEqual({ unknown: [], typeErrors: [] });
  });
});

describe('checkFields words type errors like encoding/json', () => {
  const field = (struct: string, path: string, value: string, type: string) => `json: cannot unmarshal ${value} into Go struct field ${struct}.${path} of type ${type}`;
  const cases: { name: string; obj: unknown; error: string }[] = [
    { name: 'string into int32', obj: deployment({ replicas: '3' }), error: field('DeploymentSpec', 'spec.replicas', 'string', 'int32') },
    { name: 'fraction into int32', obj: deployment({ replicas: 1.5 }), error: field('DeploymentSpec', 'spec.replicas', 'number 1.5', 'int32') },
    { name: 'overflowing int32', obj: deployment({ replicas: 2147483648 }), error: field('DeploymentSpec', 'spec.replicas', 'number 2147483648', 'int32') },
    { name: 'bool into string', obj: deployment({}, { name: true }), error: field('ObjectMeta', 'metadata.name', 'bool', 'string') },
    { name: 'number into a map of strings', obj: deployment({}, { name: 'x', labels: { a: 1 } }), error: field('ObjectMeta', 'metadata.labels', 'number', 'string') },
    { name: 'string into a struct', obj: deployment('x'), error: field('Deployment', 'spec', 'string', 'v1.DeploymentSpec') },
    { name: 'object into a list', obj: podSpec({ containers: {} }), error: field('PodSpec', 'spec.template.spec.containers', 'object', '[]v1.Container') },
    { name: 'list element of the wrong type', obj: podSpec({ containers: ['x'] }), error: field('PodSpec', 'spec.template.spec.containers', 'string', 'v1.Container') },
    {
      name: 'field paths drop list indices',
      obj: podSpec({ containers: [{ name: 'a', ports: [{ containerPort: '80' }] }] }),
      error: field('ContainerPort', 'spec.template.spec.containers.ports.containerPort', 'string', 'int32'),
    },
    { name: 'named string types keep their Go name', obj: podSpec({ containers: [{ name: 'a', imagePullPolicy: 1 }] }), error: field('Container', 'spec.template.spec.containers.imagePullPolicy', 'number', 'v1.PullPolicy') },
    { name: 'inlined struct fields name the outer struct', obj: podSpec({ volumes: [{ name: 'v', hostPath: 'x' }] }), error: field('Volume', 'spec.template.spec.volumes.hostPath', 'string', 'v1.HostPathVolumeSource') },
    { name: 'IntOrString rejects bools as int32', obj: deployment({ strategy: { rollingUpdate: { maxSurge: true } } }), error: field('RollingUpdateDeployment', 'spec.strategy.rollingUpdate.maxSurge', 'bool', 'int32') },
    { name: 'Quantity parse errors are reported bare', obj: podSpec({ containers: [{ name: 'a', resources: { limits: { cpu: 'lots' } } }] }), error: "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'" },
    { name: 'Time parse errors are reported bare', obj: deployment({}, { name: 'x', creationTimestamp: 'yesterday' }), error: 'parsing time "yesterday" as "2006-01-02T15:04:05Z07:00": cannot parse "yesterday" as "2006"' },
    { name: 'Time rejects non-strings as string', obj: deployment({}, { name: 'x', creationTimestamp: 5 }), error: field('ObjectMeta', 'metadata.creationTimestamp', 'number', 'string') },
  ];
  it.each(cases)('$name', ({ obj, error }) => {
    expect(checkFields(obj, 'apps', 'v1', 'Deployment').decodeError).toBe(error);
  });
  it('reports only the first saved error as decodeError but lists all', () => {
    const r = checkFields(deployment({ replicas: '1', minReadySeconds: 'x' }), 'apps', 'v1', 'Deployment');
    expect(r.typeErrors).toHaveLength(2);
    expect(r.decodeError).toBe(r.typeErrors[0]);
  });
  it('a custom unmarshaler error aborts and wins over earlier saved errors', () => {
    const r = checkFields(podSpec({ containers: [{ name: 1, resources: { limits: { cpu: 'x' } } }] }), 'apps', 'v1', 'Deployment');
    expect(r.decodeError).toMatch(/^quantities must match/);
  });
  it('Secret data must be base64', () => {
    const r = checkFields({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' }, data: { k: 'abc' } }, '', 'v1', 'Secret');
    expect(r.decodeError).toBe('illegal base64 data at input byte 0');
  });
});

describe('the unstructured converter style (strategic merge patches)', () => {
  const cases: { name: string; obj: unknown; error?: string; unknown?: string[] }[] = [
    { name: 'string into int32', obj: deployment({ replicas: '3' }), error: 'unrecognized type: int32' },
    { name: 'integer into string', obj: deployment({}, { name: 5 }), error: 'cannot convert int64 to string' },
    { name: 'integer into a named string type', obj: podSpec({ containers: [{ name: 'a', imagePullPolicy: 1 }] }), error: 'cannot convert int64 to v1.PullPolicy' },
    { name: 'fraction into int32', obj: deployment({ replicas: 1.5 }), error: 'cannot convert float64 to int32' },
    { name: 'string into struct', obj: deployment('x'), error: 'cannot restore struct from: string' },
    { name: 'string into list', obj: podSpec({ containers: 'x' }), error: 'cannot restore slice from string' },
    { name: 'deeper unknown fields first, each level sorted', obj: { ...deployment({ z: 1, a: 2 }), b: 1 }, unknown: ['spec.a', 'spec.z', 'b'] },
  ];
  it.each(cases)('$name', ({ obj, error, unknown }) => {
    const r = checkFields(obj, 'apps', 'v1', 'Deployment', 'convert');
    if (error) expect(r.decodeError).toBe(error);
    if (unknown) expect(r.unknown).toEqual(unknown);
  });
});

describe('goTypeOf derives reflect type names from schemas', () => {
  const cases: [object, string][] = [
    [{ type: 'integer', format: 'int64' }, 'int64'],
    [{ type: 'string', format: 'byte' }, '[]uint8'],
    [{ type: 'array', items: { $ref: '#/components/schemas/io.k8s.api.core.v1.Container' } }, '[]v1.Container'],
    [{ type: 'object', additionalProperties: { $ref: '#/components/schemas/io.k8s.apimachinery.pkg.api.resource.Quantity' } }, 'map[string]resource.Quantity'],
    [{ allOf: [{ $ref: '#/components/schemas/io.k8s.apimachinery.pkg.util.intstr.IntOrString' }] }, 'intstr.IntOrString'],
  ];
  it.each(cases)('%j → %s', (s, t) => expect(goTypeOf(s)).toBe(t));
});
