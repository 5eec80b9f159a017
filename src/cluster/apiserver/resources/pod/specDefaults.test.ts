import { describe, expect, it } from 'vitest';
import { imageTag } from './imageName';
import { defaultPodSpec, defaultPodTemplateSpec } from './specDefaults';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

const spec = (over: Json = {}): Json => ({ containers: [{ name: 'c', image: 'nginx' }], ...over });
const defaulted = (s: Json, isTemplate = false) => {
  defaultPodSpec(s, { isTemplate });
  return s;
};

describe('defaultPodSpec', () => {
  it('fills the PodSpec defaults kubectl get -o yaml shows', () => {
    const s = defaulted(spec());
    expect(s).toMatchObject({
      dnsPolicy: 'ClusterFirst',
      restartPolicy: 'Always',
      securityContext: {},
      terminationGracePeriodSeconds: 30,
      schedulerName: 'default-scheduler',
      enableServiceLinks: true,
    });
    expect(s.containers[0]).toEqual({
      name: 'c',
      image: 'nginx',
      imagePullPolicy: 'Always',
      terminationMessagePath: '/dev/termination-log',
      terminationMessagePolicy: 'File',
      resources: {},
    });
  });

  it('keeps explicit values', () => {
    const s = defaulted(spec({ restartPolicy: 'Never', terminationGracePeriodSeconds: 0, dnsPolicy: 'Default' }));
    expect(s).toMatchObject({ restartPolicy: 'Never', terminationGracePeriodSeconds: 0, dnsPolicy: 'Default' });
  });

  it.each([
    ['nginx', 'Always'],
    ['nginx:latest', 'Always'],
    ['nginx:1.27', 'IfNotPresent'],
    ['registry.k8s.io/pause:3.9', 'IfNotPresent'],
    ['localhost:5000/app', 'Always'],
    [`nginx@sha256:${'a'.repeat(64)}`, 'IfNotPresent'],
    [`nginx:1.27@sha256:${'a'.repeat(64)}`, 'IfNotPresent'],
    ['NGINX', 'IfNotPresent'],
    ['', 'IfNotPresent'],
  ])('defaults imagePullPolicy of image %j to %s', (image, policy) => {
    expect(defaulted(spec({ containers: [{ name: 'c', image }] })).containers[0].imagePullPolicy).toBe(policy);
  });

  it.each([
    ['nginx', 'latest'],
    ['docker.io/library/nginx:1.25', '1.25'],
    ['localhost:5000/a/b:v1', 'v1'],
  ])('reads the tag of %s as %s', (image, tag) => expect(imageTag(image)).toBe(tag));

  it('defaults ports, probes, lifecycle hooks and env field refs', () => {
    const s = defaulted(
      spec({
        containers: [
          {
            name: 'c',
            image: 'nginx',
            ports: [{ containerPort: 80 }],
            env: [{ name: 'POD', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } }],
            livenessProbe: { httpGet: { port: 80 } },
            readinessProbe: { grpc: { port: 9000 }, periodSeconds: 5 },
            lifecycle: { preStop: { httpGet: { port: 80 } } },
          },
        ],
      }),
    );
    const c = s.containers[0];
    expect(c.ports[0]).toEqual({ containerPort: 80, protocol: 'TCP' });
    expect(c.env[0].valueFrom.fieldRef.apiVersion).toBe('v1');
    expect(c.livenessProbe).toEqual({
      httpGet: { port: 80, path: '/', scheme: 'HTTP' },
      timeoutSeconds: 1,
      periodSeconds: 10,
      successThreshold: 1,
      failureThreshold: 3,
    });
    expect(c.readinessProbe).toMatchObject({ grpc: { port: 9000, service: '' }, periodSeconds: 5 });
    expect(c.lifecycle.preStop.httpGet).toEqual({ port: 80, path: '/', scheme: 'HTTP' });
  });

  it.each<[string, Json, Json]>([
    ['an empty volume becomes emptyDir', { name: 'v' }, { name: 'v', emptyDir: {} }],
    ['configMap gets defaultMode 420', { name: 'v', configMap: { name: 'cm' } }, { name: 'v', configMap: { name: 'cm', defaultMode: 420 } }],
    ['secret gets defaultMode 420', { name: 'v', secret: { secretName: 's' } }, { name: 'v', secret: { secretName: 's', defaultMode: 420 } }],
    ['hostPath gets type ""', { name: 'v', hostPath: { path: '/x' } }, { name: 'v', hostPath: { path: '/x', type: '' } }],
    [
      'projected token gets 3600s and mode 420',
      { name: 'v', projected: { sources: [{ serviceAccountToken: { path: 't' } }] } },
      { name: 'v', projected: { defaultMode: 420, sources: [{ serviceAccountToken: { path: 't', expirationSeconds: 3600 } }] } },
    ],
    ['emptyDir sizeLimit is canonical', { name: 'v', emptyDir: { sizeLimit: '1024Mi' } }, { name: 'v', emptyDir: { sizeLimit: '1Gi' } }],
  ])('%s', (_name, volume, want) => {
    expect(defaulted(spec({ volumes: [volume] })).volumes[0]).toEqual(want);
  });

  it('copies limits into missing requests for pods only', () => {
    const res = () => ({ containers: [{ name: 'c', image: 'x', resources: { limits: { cpu: '1', memory: '1Gi' }, requests: { cpu: '500m' } } }] });
    expect(defaulted(res()).containers[0].resources.requests).toEqual({ cpu: '500m', memory: '1Gi' });
    expect(defaulted(res(), true).containers[0].resources.requests).toEqual({ cpu: '500m' });
  });

  it.each([
    ['0.5', '500m'],
    ['1000m', '1'],
    ['1n', '1m'],
    ['2Gi', '2Gi'],
    ['1.5Gi', '1536Mi'],
    [2, '2'],
    ['nonsense', 'nonsense'],
  ])('canonicalises resource quantity %j as %j', (input, want) => {
    const s = defaulted(spec({ containers: [{ name: 'c', image: 'x', resources: { limits: { cpu: input } } }] }), true);
    expect(s.containers[0].resources.limits.cpu).toBe(want);
  });

  it('sets hostPort = containerPort under hostNetwork (pods only)', () => {
    const s = () => spec({ hostNetwork: true, containers: [{ name: 'c', image: 'x', ports: [{ containerPort: 8080 }] }] });
    expect(defaulted(s()).containers[0].ports[0].hostPort).toBe(8080);
    expect(defaulted(s(), true).containers[0].ports[0].hostPort).toBeUndefined();
  });

  it('leaves pod-only fields out of templates', () => {
    const t: Json = { metadata: { labels: { app: 'web' } }, spec: spec() };
    defaultPodTemplateSpec(t);
    expect(t.spec.enableServiceLinks).toBeUndefined();
    expect(t.spec.restartPolicy).toBe('Always');
  });
});
