import { describe, expect, it } from 'vitest';
import { computeQOSClass, formatResourceList, podLimits, podRequests, parseResourceList } from './resources';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

const c = (requests: Json, extra: Json = {}) => ({ name: 'x', resources: { requests, limits: requests }, ...extra });

describe('pod resource totals', () => {
  it.each<[string, Json, Record<string, string>]>([
    ['containers add up', { containers: [c({ cpu: '100m' }), c({ cpu: '250m', memory: '64Mi' })] }, { cpu: '350m', memory: '64Mi' }],
    ['an init container is a floor', { containers: [c({ cpu: '100m' })], initContainers: [c({ cpu: '1' })] }, { cpu: '1' }],
    [
      'sidecars add to containers and to later init containers',
      { containers: [c({ cpu: '100m' })], initContainers: [c({ cpu: '200m' }, { restartPolicy: 'Always' }), c({ cpu: '250m' })] },
      { cpu: '450m' },
    ],
    ['overhead is added', { containers: [c({ cpu: '100m' })], overhead: { cpu: '50m' } }, { cpu: '150m' }],
  ])('%s', (_n, spec, want) => {
    expect(formatResourceList(podRequests(spec))).toEqual(want);
    expect(formatResourceList(podLimits(spec))).toEqual(want);
  });

  it('can fill scheduler defaults for containers that request nothing', () => {
    const spec = { containers: [{ name: 'a' }, c({ cpu: '1' })] };
    const defaults = parseResourceList({ cpu: '100m', memory: '200Mi' });
    expect(formatResourceList(podRequests(spec, { nonMissingContainerRequests: defaults }))).toEqual({ cpu: '1100m', memory: '400Mi' });
  });

  it('skips values that are not quantities', () => {
    expect(parseResourceList({ cpu: 'lots', memory: '1Gi' }).size).toBe(1);
  });
});

describe('computeQOSClass', () => {
  it.each<[string, Json, string]>([
    ['no resources', { containers: [{}] }, 'BestEffort'],
    ['equal cpu and memory everywhere', { containers: [c({ cpu: '1', memory: '1Gi' })] }, 'Guaranteed'],
    ['one container without memory', { containers: [c({ cpu: '1', memory: '1Gi' }), c({ cpu: '1' })] }, 'Burstable'],
    ['zero quantities do not count', { containers: [c({ cpu: '0' })] }, 'BestEffort'],
    ['extended resources do not count', { containers: [c({ 'example.com/gpu': '1' })] }, 'BestEffort'],
    ['init containers count', { containers: [c({ cpu: '1', memory: '1Gi' })], initContainers: [{ name: 'i' }] }, 'Burstable'],
  ])('%s → %s', (_n, spec, want) => {
    expect(computeQOSClass(spec)).toBe(want);
  });
});
