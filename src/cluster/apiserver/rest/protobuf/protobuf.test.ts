import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../api/errors';
import { decodeBody } from '../body';
import { decodeKubernetesProtobuf } from './envelope';
import { KUBECTL_BODIES } from './fixtures/kubectl-bodies';
import { ProtoError, Reader } from './wire';

const PB = 'application/vnd.kubernetes.protobuf';
const bytes = (b64: string) => Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
const decode = (name: string) => decodeKubernetesProtobuf(bytes(KUBECTL_BODIES[name].base64));

/** Expected objects are what `kubectl create … --dry-run=client -o json` prints, minus `creationTimestamp: null`. */
describe('decoding real kubectl 1.32 protobuf bodies', () => {
  it('create deployment: pointer replicas, empty structs kept, zero Time dropped', () => {
    expect(decode('deployment')).toEqual({
      kind: 'Deployment',
      apiVersion: 'apps/v1',
      metadata: { name: 'web', labels: { app: 'web' } },
      spec: {
        replicas: 2,
        selector: { matchLabels: { app: 'web' } },
        template: {
          metadata: { labels: { app: 'web' } },
          spec: { containers: [{ name: 'nginx', image: 'nginx:1.27', resources: {} }] },
        },
        strategy: {},
      },
      status: {},
    });
  });

  it('--replicas=0 survives (a pointer field keeps its zero), and ports decode', () => {
    const d = decode('deploymentZeroReplicas') as { spec: { replicas: number; template: { spec: { containers: unknown[] } } } };
    expect(d.spec.replicas).toBe(0);
    expect(d.spec.template.spec.containers).toEqual([{ name: 'nginx', image: 'nginx', ports: [{ containerPort: 80 }], resources: {} }]);
  });

  it('namespace, configmap and secret (bytes map values become base64)', () => {
    expect(decode('namespace')).toEqual({ kind: 'Namespace', apiVersion: 'v1', metadata: { name: 'team' }, spec: {}, status: {} });
    expect(decode('configmap')).toEqual({ kind: 'ConfigMap', apiVersion: 'v1', metadata: { name: 'cfg' }, data: { a: '1' } });
    expect(decode('secret')).toEqual({ kind: 'Secret', apiVersion: 'v1', metadata: { name: 's' }, data: { p: 'eA==' } });
  });

  it('service clusterip: IntOrString targetPort as a number', () => {
    expect(decode('service')).toEqual({
      kind: 'Service',
      apiVersion: 'v1',
      metadata: { name: 'web', labels: { app: 'web' } },
      spec: {
        ports: [{ name: '80-8080', protocol: 'TCP', port: 80, targetPort: 8080 }],
        selector: { app: 'web' },
        type: 'ClusterIP',
      },
      status: { loadBalancer: {} },
    });
  });

  it('job and cronjob: repeated strings, nested templates', () => {
    const container = (name: string) => ({ name, image: 'busybox', command: ['echo', 'hi'], resources: {} });
    expect(decode('job')).toEqual({
      kind: 'Job',
      apiVersion: 'batch/v1',
      metadata: { name: 'j' },
      spec: { template: { metadata: {}, spec: { containers: [container('j')], restartPolicy: 'Never' } } },
      status: {},
    });
    expect(decode('cronjob')).toEqual({
      kind: 'CronJob',
      apiVersion: 'batch/v1',
      metadata: { name: 'c' },
      spec: {
        schedule: '*/5 * * * *',
        jobTemplate: {
          metadata: { name: 'c' },
          spec: { template: { metadata: {}, spec: { containers: [container('c')], restartPolicy: 'OnFailure' } } },
        },
      },
      status: {},
    });
  });

  it('priorityclass, rolebinding, quota (Quantity map), pdb (IntOrString, non-omitempty zeros), ingress', () => {
    expect(decode('priorityclass')).toEqual({
      kind: 'PriorityClass',
      apiVersion: 'scheduling.k8s.io/v1',
      metadata: { name: 'high' },
      value: 1000,
      description: 'hi',
      preemptionPolicy: 'PreemptLowerPriority',
    });
    expect(decode('rolebinding')).toMatchObject({
      subjects: [{ kind: 'User', apiGroup: 'rbac.authorization.k8s.io', name: 'u' }],
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'r' },
    });
    expect(decode('resourcequota')).toMatchObject({ spec: { hard: { cpu: '1', pods: '2' } } });
    expect(decode('poddisruptionbudget')).toMatchObject({
      spec: { minAvailable: 1, selector: { matchLabels: { app: 'web' } } },
      status: { disruptionsAllowed: 0, currentHealthy: 0, desiredHealthy: 0, expectedPods: 0 },
    });
    expect(decode('ingress')).toMatchObject({
      spec: {
        rules: [
          { host: 'foo.com', http: { paths: [{ path: '/bar', pathType: 'Exact', backend: { service: { name: 'svc1', port: { number: 8080 } } } }] } },
        ],
      },
    });
  });
});

describe('wire format', () => {
  it('reads 10-byte negative varints as negative numbers', () => {
    // -1 as int64: nine 0xff bytes then 0x01.
    expect(new Reader(Uint8Array.of(0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01)).varint()).toBe(-1);
    expect(new Reader(Uint8Array.of(0xac, 0x02)).varint()).toBe(300);
    // 2^35 needs the high half.
    expect(new Reader(Uint8Array.of(0x80, 0x80, 0x80, 0x80, 0x80, 0x01)).varint()).toBe(2 ** 35);
  });

  it('skips fields it has no table entry for', () => {
    // ConfigMap {99 (varint): 7, 98 (fixed32), 1: metadata {1: "x"}}
    const raw = [0x98, 0x06, 0x07, 0x95, 0x06, 1, 2, 3, 4, 0x0a, 0x03, 0x0a, 0x01, 0x78];
    const typeMeta = [0x0a, 0x02, 0x76, 0x31, 0x12, 0x09, ...new TextEncoder().encode('ConfigMap')];
    const body = Uint8Array.of(0x6b, 0x38, 0x73, 0x00, 0x0a, typeMeta.length, ...typeMeta, 0x12, raw.length, ...raw);
    expect(decodeKubernetesProtobuf(body)).toEqual({ kind: 'ConfigMap', apiVersion: 'v1', metadata: { name: 'x' } });
  });

  it('rejects truncated bodies and a missing magic prefix', () => {
    const good = bytes(KUBECTL_BODIES.configmap.base64);
    expect(() => decodeKubernetesProtobuf(good.subarray(0, good.length - 3))).toThrow(ProtoError);
    expect(() => decodeKubernetesProtobuf(good.subarray(4))).toThrow(ProtoError);
  });
});

describe('decodeBody with the protobuf content type', () => {
  it('decodes from the raw bytes', () => {
    expect(decodeBody('ignored', PB, 'ConfigMap', bytes(KUBECTL_BODIES.configmap.base64))).toMatchObject({ kind: 'ConfigMap', data: { a: '1' } });
  });

  it('answers 400 for a malformed body and 415 for a kind without a table', () => {
    const err = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return e as ApiError;
      }
      throw new Error('expected an error');
    };
    expect(err(() => decodeBody(undefined, PB, 'ConfigMap', Uint8Array.of(1, 2, 3, 4, 5))).status.code).toBe(400);
    const typeMeta = [0x0a, 0x02, 0x76, 0x31, 0x12, 0x04, ...new TextEncoder().encode('Node')];
    const node = Uint8Array.of(0x6b, 0x38, 0x73, 0x00, 0x0a, typeMeta.length, ...typeMeta);
    expect(err(() => decodeBody(undefined, PB, 'Node', node)).status.code).toBe(415);
  });
});
