import { describe, expect, it } from 'vitest';
import type { KObject } from '../../../api/types';
import { coreServer, mutable } from './testkit';

const quota = (spec: KObject['spec']): KObject => ({ apiVersion: 'v1', kind: 'ResourceQuota', metadata: { name: 'q' }, spec });
const limits = (items: unknown[]): KObject => ({ apiVersion: 'v1', kind: 'LimitRange', metadata: { name: 'lr' }, spec: { limits: items } });

describe('ResourceQuota', () => {
  it('starts with an empty status and prints NAME, AGE, REQUEST, LIMIT (1.32 order)', () => {
    const { create, defOf, row } = coreServer();
    const q = create(quota({ hard: { pods: '10', 'requests.cpu': '1', 'limits.memory': '2Gi' } }));
    expect([q.status, row(q)]).toEqual([{}, ['q', '5s', '', '']]);
    const seen = mutable(q);
    seen.status = { hard: q.spec.hard, used: { pods: '2', 'requests.cpu': '500m' } };
    expect(defOf(q).row!(seen, Date.parse(q.metadata.creationTimestamp!) + 5000)).toEqual([
      'q',
      '5s',
      'pods: 2/10, requests.cpu: 500m/1',
      'limits.memory: 0/2Gi',
    ]);
    expect(defOf(q).columns!.map((c) => c.name)).toEqual(['Name', 'Age', 'Request', 'Limit']);
  });

  it('canonicalises quantities', () => {
    const { create } = coreServer();
    expect(create(quota({ hard: { 'requests.memory': '1.5Gi', 'requests.cpu': '0.5' } })).spec.hard).toEqual({
      'requests.memory': '1536Mi',
      'requests.cpu': '500m',
    });
  });

  it.each<[string, KObject['spec'], string]>([
    [
      'refuses a resource that is not a quota resource',
      { hard: { foo: '1' } },
      'ResourceQuota "q" is invalid: [spec.hard[foo]: Invalid value: "foo": must be a standard resource type or fully qualified, spec.hard[foo]: Invalid value: "foo": must be a standard resource for quota]',
    ],
    ['refuses a fractional pod count', { hard: { pods: '1500m' } }, 'ResourceQuota "q" is invalid: spec.hard[pods]: Invalid value: "1500m": must be an integer'],
    ['refuses a negative quantity', { hard: { cpu: '-1' } }, 'ResourceQuota "q" is invalid: spec.hard[cpu]: Invalid value: "-1": must be greater than or equal to 0'],
    ['accepts object counts', { hard: { 'count/deployments.apps': '5' } }, ''],
    [
      'refuses conflicting scopes',
      { hard: { pods: '5' }, scopes: ['BestEffort', 'NotBestEffort'] },
      'ResourceQuota "q" is invalid: spec.scopes: Invalid value: []core.ResourceQuotaScope{"BestEffort", "NotBestEffort"}: conflicting scopes',
    ],
    [
      'refuses a scope that does not apply to a resource',
      { hard: { cpu: '1' }, scopes: ['BestEffort'] },
      'ResourceQuota "q" is invalid: spec.scopes: Invalid value: []core.ResourceQuotaScope{"BestEffort"}: unsupported scope applied to resource',
    ],
  ])('%s', (_n, spec, message) => {
    const { create, errorOf } = coreServer();
    expect(errorOf(() => create(quota(spec)))).toBe(message);
  });

  it('refuses scope changes', () => {
    const { create, update, errorOf } = coreServer();
    const q = mutable(create(quota({ hard: { pods: '5' }, scopes: ['NotBestEffort'] })));
    q.spec.scopes = ['Terminating'];
    expect(errorOf(() => update(q))).toBe('ResourceQuota "q" is invalid: spec.scopes: Invalid value: []core.ResourceQuotaScope{"Terminating"}: field is immutable');
  });
});

describe('LimitRange', () => {
  it('defaults Container limits from max and requests from default and min', () => {
    const { create } = coreServer();
    const lr = create(limits([{ type: 'Container', max: { cpu: '1' }, min: { memory: '64Mi' }, default: { memory: '256Mi' } }]));
    expect(lr.spec.limits[0]).toMatchObject({ default: { cpu: '1', memory: '256Mi' }, defaultRequest: { cpu: '1', memory: '256Mi' } });
  });

  it.each<[string, unknown[], string]>([
    [
      'refuses min above max',
      [{ type: 'Pod', max: { cpu: '1' }, min: { cpu: '2' } }],
      'LimitRange "lr" is invalid: spec.limits[0].min[cpu]: Invalid value: "2": min value 2 is greater than max value 1',
    ],
    [
      'forbids defaults on Pod limits',
      [{ type: 'Pod', default: { cpu: '1' } }],
      "LimitRange \"lr\" is invalid: spec.limits[0].default: Forbidden: may not be specified when `type` is 'Pod'",
    ],
    ['refuses an unknown type', [{ type: 'Foo' }], 'LimitRange "lr" is invalid: spec.limits[0].type: Invalid value: "Foo": must be a standard limit type or fully qualified'],
    [
      'requires a storage bound for claims',
      [{ type: 'PersistentVolumeClaim' }],
      'LimitRange "lr" is invalid: spec.limits[0].limits: Required value: either minimum or maximum storage value is required, but neither was provided',
    ],
    [
      'refuses a duplicate type',
      [{ type: 'Pod', max: { cpu: '2' } }, { type: 'Pod', max: { cpu: '1' } }],
      'LimitRange "lr" is invalid: spec.limits[1].type: Duplicate value: "Pod"',
    ],
    [
      'refuses a ratio below 1',
      [{ type: 'Pod', maxLimitRequestRatio: { cpu: '500m' } }],
      'LimitRange "lr" is invalid: spec.limits[0].maxLimitRequestRatio[cpu]: Invalid value: "500m": ratio 500m is less than 1',
    ],
  ])('%s', (_n, items, message) => {
    const { create, errorOf } = coreServer();
    expect(errorOf(() => create(limits(items)))).toBe(message);
  });

  it('prints the default NAME / CREATED AT table', () => {
    const { create, row } = coreServer();
    const lr = create(limits([{ type: 'Container', max: { cpu: '1' } }]));
    expect(row(lr)).toEqual(['lr', lr.metadata.creationTimestamp]);
  });
});
