import { describe, expect, it } from 'vitest';
import { podManifest, podServer, defs } from '../resources/pod/testkit';
import { aggregateMessage } from './limitRanger';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

const withRange = (limits: Json[]) => {
  const s = podServer();
  s.api.create(defs.limitranges, 'default', { metadata: { name: 'limits' }, spec: { limits } });
  return s;
};
const ctr = (resources?: Json) => ({ name: 'app', image: 'nginx', ...(resources ? { resources } : {}) });

describe('LimitRanger admission', () => {
  it('fills default requests and limits and annotates the pod', () => {
    const { create } = withRange([{ type: 'Container', default: { cpu: '500m', memory: '256Mi' }, defaultRequest: { cpu: '100m' } }]);
    const p = create(podManifest('p', { containers: [ctr()] }));
    expect(p.spec.containers[0].resources).toEqual({ limits: { cpu: '500m', memory: '256Mi' }, requests: { cpu: '100m', memory: '256Mi' } });
    expect(p.metadata.annotations?.['kubernetes.io/limit-ranger']).toBe(
      'LimitRanger plugin set: cpu, memory request for container app; cpu, memory limit for container app',
    );
    expect(p.status.qosClass).toBe('Burstable');
  });

  it('leaves resources a container already sets', () => {
    const { create } = withRange([{ type: 'Container', default: { cpu: '500m' }, defaultRequest: { cpu: '100m' } }]);
    const p = create(podManifest('p', { containers: [ctr({ limits: { cpu: '2' } })] }));
    // SetDefaults_Pod copied the limit into requests before admission ran
    expect(p.spec.containers[0].resources).toEqual({ limits: { cpu: '2' }, requests: { cpu: '2' } });
    expect(p.metadata.annotations).toBeUndefined();
  });

  it('defaults from max and min like a defaulted LimitRange', () => {
    const { create } = withRange([{ type: 'Container', max: { cpu: '1' }, min: { memory: '64Mi' } }]);
    const p = create(podManifest('p', { containers: [ctr()] }));
    expect(p.spec.containers[0].resources).toEqual({ limits: { cpu: '1' }, requests: { cpu: '1', memory: '64Mi' } });
  });

  it.each<[string, Json[], Json, string, number?]>([
    [
      'a limit above max',
      [{ type: 'Container', max: { cpu: '1' } }],
      { limits: { cpu: '2' } },
      'pods "p" is forbidden: maximum cpu usage per Container is 1, but limit is 2',
    ],
    [
      'a request below min',
      [{ type: 'Container', min: { memory: '128Mi' } }],
      { requests: { memory: '64Mi' } },
      'pods "p" is forbidden: minimum memory usage per Container is 128Mi, but request is 64Mi',
    ],
    [
      'several violations',
      [{ type: 'Container', min: { cpu: '200m' }, max: { memory: '1Gi' } }],
      { requests: { cpu: '100m' }, limits: { memory: '2Gi' } },
      'pods "p" is forbidden: [minimum cpu usage per Container is 200m, but request is 100m, maximum memory usage per Container is 1Gi, but limit is 2Gi]',
    ],
    [
      'a limit/request ratio',
      [{ type: 'Container', maxLimitRequestRatio: { cpu: '2' } }],
      { requests: { cpu: '100m' }, limits: { cpu: '500m' } },
      'pods "p" is forbidden: cpu max limit to request ratio per Container is 2, but provided ratio is 5.000000',
    ],
    [
      'pod totals above a Pod max',
      [{ type: 'Pod', max: { cpu: '1' } }],
      { limits: { cpu: '800m' } },
      'pods "p" is forbidden: maximum cpu usage per Pod is 1, but limit is 1600m',
      2,
    ],
  ])('rejects %s', (_n, limits, resources, msg, count = 1) => {
    const { create, errorOf } = withRange(limits);
    const containers = Array.from({ length: count }, (_, i) => ({ ...ctr(resources), name: `c${i}` }));
    expect(errorOf(() => create(podManifest('p', { containers })))).toBe(msg);
  });

  it('aggregates like utilerrors.NewAggregate', () => {
    expect(aggregateMessage(['a'])).toBe('a');
    expect(aggregateMessage(['a', 'b', 'a'])).toBe('[a, b]');
  });
});
