import { describe, expect, it } from 'vitest';
import type { ApiError } from '../../api/errors';
import { applyStrategicMergePatch } from './strategic';

type J = Record<string, unknown>;

const deployment = (): J => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', namespace: 'default', finalizers: ['a', 'b'], labels: { app: 'web', tier: 'fe' } },
  spec: {
    replicas: 1,
    selector: { matchLabels: { app: 'web' } },
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
    template: {
      metadata: { labels: { app: 'web' } },
      spec: {
        tolerations: [{ key: 'k', operator: 'Exists' }],
        volumes: [
          { name: 'v1', emptyDir: {} },
          { name: 'v2', configMap: { name: 'cm' } },
        ],
        containers: [
          {
            name: 'nginx',
            image: 'nginx:1.27',
            ports: [{ containerPort: 80, protocol: 'TCP' }, { containerPort: 443 }],
            env: [
              { name: 'A', value: '1' },
              { name: 'B', value: '2' },
              { name: 'C', value: '3' },
            ],
            resources: { limits: { cpu: '1' } },
          },
          { name: 'side', image: 'busybox', args: ['x', 'y'] },
        ],
      },
    },
  },
});

/** Reads a dotted path; numeric segments index lists. */
function at(o: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((v, k) => (v as J)?.[k], o);
}

const podSpec = 'spec.template.spec';
const nginx = `${podSpec}.containers.0`;

describe('strategic merge patch on a Deployment', () => {
  const cases: { name: string; patch: J; path: string; want: unknown }[] = [
    {
      name: 'kubectl set image changes one container and keeps the rest',
      patch: { spec: { template: { spec: { containers: [{ name: 'nginx', image: 'nginx:1.28' }] } } } },
      path: `${podSpec}.containers`,
      want: [{ ...(at(deployment(), nginx) as J), image: 'nginx:1.28' }, at(deployment(), `${podSpec}.containers.1`)],
    },
    {
      name: "kubectl apply's patch sets last-applied and keeps the $setElementOrder order",
      patch: {
        metadata: { annotations: { 'kubectl.kubernetes.io/last-applied-configuration': '{"kind":"Deployment"}\n' } },
        spec: { template: { spec: { '$setElementOrder/containers': [{ name: 'nginx' }, { name: 'side' }], containers: [{ image: 'nginx:1.28', name: 'nginx' }] } } },
      },
      path: 'metadata.annotations',
      want: { 'kubectl.kubernetes.io/last-applied-configuration': '{"kind":"Deployment"}\n' },
    },
    {
      name: 'a container named only by a plain patch is prepended',
      patch: { spec: { template: { spec: { containers: [{ name: 'new', image: 'x' }] } } } },
      path: `${podSpec}.containers`,
      want: [{ name: 'new', image: 'x' }, at(deployment(), nginx), at(deployment(), `${podSpec}.containers.1`)],
    },
    {
      name: '$patch: delete removes a container by name',
      patch: { spec: { template: { spec: { '$setElementOrder/containers': [{ name: 'nginx' }], containers: [{ $patch: 'delete', name: 'side' }] } } } },
      path: `${podSpec}.containers`,
      want: [at(deployment(), nginx)],
    },
    {
      name: '$patch: delete removes an env var, the others stay in order',
      patch: { spec: { template: { spec: { containers: [{ name: 'nginx', env: [{ name: 'B', $patch: 'delete' }] }] } } } },
      path: `${nginx}.env`,
      want: [
        { name: 'A', value: '1' },
        { name: 'C', value: '3' },
      ],
    },
    {
      name: 'env additions land where $setElementOrder/env puts them',
      patch: { spec: { template: { spec: { containers: [{ name: 'nginx', '$setElementOrder/env': [{ name: 'A' }, { name: 'D' }, { name: 'B' }, { name: 'C' }], env: [{ name: 'D', value: '4' }] }] } } } },
      path: `${nginx}.env`,
      want: [
        { name: 'A', value: '1' },
        { name: 'D', value: '4' },
        { name: 'B', value: '2' },
        { name: 'C', value: '3' },
      ],
    },
    {
      name: 'env items of a plain patch come first in patch order, changed ones merged',
      patch: { spec: { template: { spec: { containers: [{ name: 'nginx', env: [{ name: 'D', value: '4' }, { name: 'A', value: '9' }] }] } } } },
      path: `${nginx}.env`,
      want: [
        { name: 'D', value: '4' },
        { name: 'A', value: '9' },
        { name: 'B', value: '2' },
        { name: 'C', value: '3' },
      ],
    },
    {
      name: 'a $patch: replace list item makes the patch the whole list',
      patch: { spec: { template: { spec: { containers: [{ name: 'nginx', env: [{ name: 'Z', value: '4' }, { $patch: 'replace' }] }] } } } },
      path: `${nginx}.env`,
      want: [{ name: 'Z', value: '4' }],
    },
    {
      name: 'container ports merge by containerPort',
      patch: { spec: { template: { spec: { containers: [{ name: 'nginx', ports: [{ containerPort: 8080 }, { containerPort: 80, name: 'http' }] }] } } } },
      path: `${nginx}.ports`,
      want: [{ containerPort: 8080 }, { containerPort: 80, protocol: 'TCP', name: 'http' }, { containerPort: 443 }],
    },
    {
      name: 'tolerations have no patch strategy and are replaced',
      patch: { spec: { template: { spec: { tolerations: [{ key: 'z', operator: 'Exists' }] } } } },
      path: `${podSpec}.tolerations`,
      want: [{ key: 'z', operator: 'Exists' }],
    },
    {
      name: 'container args are atomic',
      patch: { spec: { template: { spec: { containers: [{ name: 'side', args: ['q'] }] } } } },
      path: `${podSpec}.containers.1.args`,
      want: ['q'],
    },
    {
      name: 'null deletes a list field',
      patch: { spec: { template: { spec: { tolerations: null } } } },
      path: `${podSpec}.tolerations`,
      want: undefined,
    },
    {
      name: '$patch: delete in a map empties it',
      patch: { spec: { template: { spec: { containers: [{ name: 'nginx', resources: { $patch: 'delete' } }] } } } },
      path: `${nginx}.resources`,
      want: {},
    },
    {
      name: '$patch: replace in a map replaces it',
      patch: { spec: { strategy: { $patch: 'replace', type: 'Recreate' } } },
      path: 'spec.strategy',
      want: { type: 'Recreate' },
    },
    {
      name: '$retainKeys clears the members it does not list',
      patch: { spec: { strategy: { $retainKeys: ['type'], type: 'Recreate' } } },
      path: 'spec.strategy',
      want: { type: 'Recreate' },
    },
    {
      name: '$retainKeys inside a merged volume switches its source',
      patch: { spec: { template: { spec: { volumes: [{ name: 'v1', $retainKeys: ['name', 'configMap'], configMap: { name: 'x' } }] } } } },
      path: `${podSpec}.volumes`,
      want: [
        { name: 'v1', configMap: { name: 'x' } },
        { name: 'v2', configMap: { name: 'cm' } },
      ],
    },
    {
      name: 'null members of a new subtree are dropped',
      patch: { spec: { template: { spec: { affinity: { nodeAffinity: null, podAffinity: { x: null } }, nodeSelector: { a: 'b', c: null } } } } },
      path: podSpec,
      want: { ...(at(deployment(), podSpec) as J), affinity: { podAffinity: {} }, nodeSelector: { a: 'b' } },
    },
    {
      name: 'directive keys inside an appended container do not reach storage',
      patch: { spec: { template: { spec: { containers: [{ name: 'n2', image: 'i', env: [{ name: 'X', $patch: 'delete' }, { name: 'Y', value: '1' }] }] } } } },
      path: `${podSpec}.containers.0`,
      want: { name: 'n2', image: 'i', env: [{ name: 'X' }, { name: 'Y', value: '1' }] },
    },
    {
      name: 'two patch items with the same name both merge into one container',
      patch: { spec: { template: { spec: { containers: [{ name: 'nginx', image: 'a' }, { name: 'nginx', imagePullPolicy: 'Always' }] } } } },
      path: nginx,
      want: { ...(at(deployment(), nginx) as J), image: 'a', imagePullPolicy: 'Always' },
    },
    {
      name: "kubectl label --overwrite and label foo- (null)",
      patch: { metadata: { labels: { tier: null, app: 'api' } } },
      path: 'metadata.labels',
      want: { app: 'api' },
    },
    {
      name: 'finalizers merge as a set, new ones first',
      patch: { metadata: { finalizers: ['c', 'a'] } },
      path: 'metadata.finalizers',
      want: ['c', 'a', 'b'],
    },
    {
      name: '$deleteFromPrimitiveList/finalizers removes finalizers',
      patch: { metadata: { '$deleteFromPrimitiveList/finalizers': ['a', 'zz'] } },
      path: 'metadata.finalizers',
      want: ['b'],
    },
    {
      name: '$setElementOrder/finalizers orders a primitive list',
      patch: { metadata: { '$setElementOrder/finalizers': ['b', 'c', 'a'], finalizers: ['c'] } },
      path: 'metadata.finalizers',
      want: ['b', 'c', 'a'],
    },
  ];
  it.each(cases)('$name', ({ patch, path, want }) => {
    expect(at(applyStrategicMergePatch(deployment(), patch, 'Deployment'), path)).toEqual(want);
  });

  it('keeps the rest of the object untouched', () => {
    const out = applyStrategicMergePatch(deployment(), { spec: { replicas: 3 } }, 'Deployment');
    expect(out).toEqual({ ...deployment(), spec: { ...(deployment().spec as J), replicas: 3 } });
  });

  it('never mutates the document or the patch', () => {
    const doc = deployment();
    const patch = { spec: { template: { spec: { '$setElementOrder/containers': [{ name: 'nginx' }], containers: [{ $patch: 'delete', name: 'side' }] } } } };
    const before = structuredClone(patch);
    applyStrategicMergePatch(doc, patch, 'Deployment');
    expect(doc).toEqual(deployment());
    expect(patch).toEqual(before);
  });

  it('a null body changes nothing; a non-object body is a 400', () => {
    expect(applyStrategicMergePatch(deployment(), null, 'Deployment')).toEqual(deployment());
    expect(() => applyStrategicMergePatch(deployment(), [1], 'Deployment')).toThrow(
      'json: cannot unmarshal array into Go value of type map[string]interface {}',
    );
  });
});

describe('strategic merge patch errors match the apiserver', () => {
  const spec = (s: J) => ({ spec: { template: { spec: s } } });
  const cases: { name: string; patch: J; code: number; message: string }[] = [
    { name: 'a list item without its merge key', patch: spec({ containers: [{ image: 'x' }] }), code: 500, message: 'map: map[image:x] does not contain declared merge key: name' },
    { name: '$patch: merge in a list', patch: spec({ containers: [{ name: 'x', $patch: 'merge' }] }), code: 500, message: 'merging lists cannot yet be specified in the patch' },
    { name: '$patch: merge in a map', patch: { spec: { template: { $patch: 'merge', spec: {} } } }, code: 500, message: 'unknown patch type: merge in map: map[$patch:merge spec:map[]]' },
    { name: 'an unknown $patch value', patch: spec({ containers: [{ name: 'x', $patch: 'foo' }] }), code: 500, message: 'unknown patch type: foo in map: map[$patch:foo name:x]' },
    {
      name: 'a patch list out of $setElementOrder',
      patch: spec({ '$setElementOrder/containers': [{ name: 'nginx' }], containers: [{ name: 'zzz', image: 'x' }] }),
      code: 500,
      message: "The order in patch list:\n[map[image:x name:zzz]]\n doesn't match $setElementOrder list:\n[map[name:nginx]]\n",
    },
    { name: 'a member missing from $retainKeys', patch: { spec: { strategy: { $retainKeys: ['type'], rollingUpdate: { maxSurge: 2 } } } }, code: 400, message: 'invalid patch format of retainKeys' },
    { name: '$retainKeys that is not a list', patch: { spec: { strategy: { $retainKeys: 'type' } } }, code: 400, message: 'invalid patch format of retainKeys' },
    { name: 'a malformed $setElementOrder key', patch: { spec: { $setElementOrderX: [1] } }, code: 400, message: 'invalid patch format of setElementOrder list' },
    { name: 'a malformed $deleteFromPrimitiveList key', patch: { metadata: { $deleteFromPrimitiveList: ['a'] } }, code: 400, message: 'invalid patch format of primitive list' },
    { name: '$setElementOrder that is not a list', patch: { metadata: { '$setElementOrder/finalizers': 'a' } }, code: 500, message: 'expected a []interface {}, but received a string' },
    { name: 'mixed element types', patch: { metadata: { finalizers: [1] } }, code: 500, message: 'list element types are not identical: [[a b] [1]]' },
  ];
  it.each(cases)('$name', ({ patch, code, message }) => {
    try {
      applyStrategicMergePatch(deployment(), patch, 'Deployment');
      expect.unreachable();
    } catch (e) {
      expect((e as ApiError).code).toBe(code);
      expect((e as ApiError).status.message).toBe(message);
    }
  });

  it('a list of lists is the generic 422', () => {
    const doc = { kind: 'Deployment', metadata: { name: 'x' } };
    try {
      applyStrategicMergePatch({ ...doc, metadata: { finalizers: [['a']] } }, { metadata: { finalizers: [['b']] } }, 'Deployment');
      expect.unreachable();
    } catch (e) {
      expect((e as ApiError).status).toMatchObject({ code: 422, reason: 'Invalid', message: 'the server rejected our request due to an error in our request' });
    }
  });
});
