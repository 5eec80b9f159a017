import { describe, expect, it } from 'vitest';
import { allDefinitions, definitionClosure, definitionForGVK, definitionNameForGVK, getDefinition, recordedGoType, refName, resolveSchema } from './index';
import type { Schema } from './types';

const prop = (def: string, field: string): Schema => getDefinition(def)!.properties![field];

describe('generated definitions cover every served kind under its upstream name', () => {
  const kinds: [string, string, string, string][] = [
    ['', 'v1', 'Pod', 'io.k8s.api.core.v1.Pod'],
    ['', 'v1', 'Namespace', 'io.k8s.api.core.v1.Namespace'],
    ['', 'v1', 'Event', 'io.k8s.api.core.v1.Event'],
    ['', 'v1', 'Binding', 'io.k8s.api.core.v1.Binding'],
    ['', 'v1', 'Status', 'io.k8s.apimachinery.pkg.apis.meta.v1.Status'],
    ['apps', 'v1', 'Deployment', 'io.k8s.api.apps.v1.Deployment'],
    ['apps', 'v1', 'DeploymentList', 'io.k8s.api.apps.v1.DeploymentList'],
    ['apps', 'v1', 'ControllerRevision', 'io.k8s.api.apps.v1.ControllerRevision'],
    ['batch', 'v1', 'CronJob', 'io.k8s.api.batch.v1.CronJob'],
    ['autoscaling', 'v2', 'HorizontalPodAutoscaler', 'io.k8s.api.autoscaling.v2.HorizontalPodAutoscaler'],
    ['autoscaling', 'v1', 'Scale', 'io.k8s.api.autoscaling.v1.Scale'],
    ['policy', 'v1', 'Eviction', 'io.k8s.api.policy.v1.Eviction'],
    ['networking.k8s.io', 'v1', 'NetworkPolicy', 'io.k8s.api.networking.v1.NetworkPolicy'],
    ['discovery.k8s.io', 'v1', 'EndpointSlice', 'io.k8s.api.discovery.v1.EndpointSlice'],
    ['events.k8s.io', 'v1', 'Event', 'io.k8s.api.events.v1.Event'],
    ['coordination.k8s.io', 'v1', 'Lease', 'io.k8s.api.coordination.v1.Lease'],
    ['rbac.authorization.k8s.io', 'v1', 'ClusterRoleBinding', 'io.k8s.api.rbac.v1.ClusterRoleBinding'],
    ['apps', 'v1', 'DeleteOptions', 'io.k8s.apimachinery.pkg.apis.meta.v1.DeleteOptions'],
  ];
  it.each(kinds)('%s/%s %s is %s, tagged with its GVK', (group, version, kind, name) => {
    expect(definitionNameForGVK(group, version, kind)).toBe(name);
    expect(definitionForGVK(group, version, kind)?.['x-kubernetes-group-version-kind']).toContainEqual({ group, version, kind });
  });
  it('answers undefined for unknown kinds and names', () => {
    expect(definitionForGVK('example.com', 'v1', 'Widget')).toBeUndefined();
    expect(getDefinition('io.k8s.api.core.v1.Nope')).toBeUndefined();
    expect(getDefinition('constructor')).toBeUndefined();
  });
});

describe('schemas follow the upstream OpenAPI v3 conventions', () => {
  const cases: { name: string; schema: () => Schema | undefined; expected: Schema }[] = [
    { name: 'int32 fields carry format int32', schema: () => prop('io.k8s.api.apps.v1.DeploymentSpec', 'replicas'), expected: { type: 'integer', format: 'int32' } },
    { name: 'int64 fields carry format int64', schema: () => prop('io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta', 'generation'), expected: { type: 'integer', format: 'int64' } },
    { name: 'described references are wrapped in allOf', schema: () => prop('io.k8s.api.apps.v1.Deployment', 'spec'), expected: { allOf: [{ $ref: '#/components/schemas/io.k8s.api.apps.v1.DeploymentSpec' }] } },
    { name: 'IntOrString fields reference the IntOrString definition', schema: () => prop('io.k8s.api.core.v1.ServicePort', 'targetPort'), expected: { allOf: [{ $ref: '#/components/schemas/io.k8s.apimachinery.pkg.util.intstr.IntOrString' }] } },
    { name: 'IntOrString is int-or-string, one of integer|string', schema: () => getDefinition('io.k8s.apimachinery.pkg.util.intstr.IntOrString'), expected: { format: 'int-or-string', oneOf: [{ type: 'integer' }, { type: 'string' }] } },
    { name: 'Quantity is one of string|number', schema: () => getDefinition('io.k8s.apimachinery.pkg.api.resource.Quantity'), expected: { oneOf: [{ type: 'string' }, { type: 'number' }] } },
    { name: 'Time is a date-time string', schema: () => getDefinition('io.k8s.apimachinery.pkg.apis.meta.v1.Time'), expected: { type: 'string', format: 'date-time' } },
    { name: 'MicroTime is a date-time string', schema: () => getDefinition('io.k8s.apimachinery.pkg.apis.meta.v1.MicroTime'), expected: { type: 'string', format: 'date-time' } },
    { name: 'RawExtension is a free-form object', schema: () => getDefinition('io.k8s.apimachinery.pkg.runtime.RawExtension'), expected: { type: 'object' } },
    { name: 'maps use additionalProperties', schema: () => prop('io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta', 'labels'), expected: { type: 'object', additionalProperties: { type: 'string' } } },
    { name: 'Secret data values are base64 bytes', schema: () => prop('io.k8s.api.core.v1.Secret', 'data'), expected: { additionalProperties: { type: 'string', format: 'byte' } } },
    {
      name: 'merge-keyed lists carry patch and list-map metadata',
      schema: () => prop('io.k8s.api.core.v1.PodSpec', 'containers'),
      expected: { type: 'array', 'x-kubernetes-list-type': 'map', 'x-kubernetes-list-map-keys': ['name'], 'x-kubernetes-patch-merge-key': 'name', 'x-kubernetes-patch-strategy': 'merge' },
    },
    { name: 'enums come from the Go +enum types', schema: () => prop('io.k8s.api.core.v1.Container', 'imagePullPolicy'), expected: { type: 'string', enum: ['Always', 'IfNotPresent', 'Never'] } },
    { name: 'atomic structs are marked', schema: () => getDefinition('io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelector'), expected: { 'x-kubernetes-map-type': 'atomic' } },
    { name: 'non-optional fields are required', schema: () => getDefinition('io.k8s.api.apps.v1.DeploymentSpec'), expected: { required: ['selector', 'template'] } },
    { name: '1.32 additions are present (PodSpec.resources)', schema: () => prop('io.k8s.api.core.v1.PodSpec', 'resources'), expected: { allOf: [{ $ref: '#/components/schemas/io.k8s.api.core.v1.ResourceRequirements' }] } },
    { name: '1.32 additions are present (Service trafficDistribution)', schema: () => prop('io.k8s.api.core.v1.ServiceSpec', 'trafficDistribution'), expected: { type: 'string' } },
  ];
  it.each(cases)('$name', ({ schema, expected }) => {
    expect(schema()).toMatchObject(expected);
  });
  it('keeps the official descriptions', () => {
    expect(prop('io.k8s.api.apps.v1.DeploymentSpec', 'replicas').description).toBe(
      'Number of desired pods. This is a pointer to distinguish between explicit zero and not specified. Defaults to 1.',
    );
  });
  it('drops fields 1.32 no longer serves (PodResourceClaim.source)', () => {
    expect(getDefinition('io.k8s.api.core.v1.PodResourceClaim')!.properties).not.toHaveProperty('source');
    expect(getDefinition('io.k8s.api.core.v1.ClaimSource')).toBeUndefined();
  });
  it('every $ref resolves to a definition', () => {
    const refs = JSON.stringify(allDefinitions()).match(/"\$ref":"[^"]+"/g) ?? [];
    const missing = refs.map((r) => refName(r.slice(8, -1))).filter((n) => !getDefinition(n));
    expect(missing).toEqual([]);
  });
});

describe('runtime helpers', () => {
  it('resolveSchema follows allOf-wrapped references', () => {
    expect(resolveSchema(prop('io.k8s.api.apps.v1.Deployment', 'spec'))).toBe(getDefinition('io.k8s.api.apps.v1.DeploymentSpec'));
  });
  it('definitionClosure collects everything a kind references', () => {
    const c = definitionClosure(['io.k8s.api.apps.v1.Deployment']);
    expect(c).toContain('io.k8s.api.core.v1.Container');
    expect(c).toContain('io.k8s.apimachinery.pkg.api.resource.Quantity');
    expect(c).not.toContain('io.k8s.api.batch.v1.Job');
    expect(c).toEqual([...c].sort());
  });
  it('records Go types the schema cannot imply', () => {
    expect(recordedGoType('io.k8s.api.core.v1.ContainerPort', 'protocol')).toBe('v1.Protocol');
    expect(recordedGoType('io.k8s.api.core.v1.ResourceRequirements', 'limits')).toBe('v1.ResourceList');
    expect(recordedGoType('io.k8s.api.apps.v1.DeploymentSpec', 'replicas')).toBeUndefined();
  });
});
