import { describe, expect, it } from 'vitest';
import type { KObject } from '../../../api/types';
import { deployments } from './deployment';
import { mutable, workloadServer } from './testkit';

const deployment = (mut: (d: KObject) => void = () => {}): KObject => {
  const d: KObject = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web' },
    spec: {
      selector: { matchLabels: { app: 'web' } },
      template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx' }] } },
    },
  };
  mut(d);
  return d;
};

const percentMsg =
  "a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')";

describe('Deployment defaults', () => {
  it('fills replicas, a 25%/25% RollingUpdate, history, deadline, template defaults, generation and an empty status', () => {
    const { create } = workloadServer();
    const d = create(deployment());
    expect(d.spec.replicas).toBe(1);
    expect(d.spec.strategy).toEqual({ type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '25%', maxSurge: '25%' } });
    expect(d.spec.revisionHistoryLimit).toBe(10);
    expect(d.spec.progressDeadlineSeconds).toBe(600);
    expect(d.spec.template.spec.restartPolicy).toBe('Always');
    expect(d.spec.template.spec.containers[0].imagePullPolicy).toBe('Always');
    expect(d.metadata.generation).toBe(1);
    expect(d.status).toEqual({});
  });

  it.each([
    ['keeps a Recreate strategy without rollingUpdate', { type: 'Recreate' }, { type: 'Recreate' }],
    ['fills only the missing half of rollingUpdate', { rollingUpdate: { maxSurge: 1 } }, { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: '25%' } }],
  ])('%s', (_n, strategy, expected) => {
    const { create } = workloadServer();
    expect(create(deployment((d) => (d.spec.strategy = strategy))).spec.strategy).toEqual(expected);
  });
});

describe('Deployment validation', () => {
  const cases: [string, (d: KObject) => void, string][] = [
    [
      'requires a selector and reports the template labels it cannot match',
      (d) => delete d.spec.selector,
      'Deployment.apps "web" is invalid: [spec.selector: Required value, spec.template.metadata.labels: Invalid value: map[string]string{"app":"web"}: `selector` does not match template `labels`]',
    ],
    [
      'rejects a selector that does not match the template',
      (d) => (d.spec.selector.matchLabels.app = 'db'),
      'Deployment.apps "web" is invalid: spec.template.metadata.labels: Invalid value: map[string]string{"app":"web"}: `selector` does not match template `labels`',
    ],
    [
      'rejects an empty selector',
      (d) => (d.spec.selector = {}),
      'Deployment.apps "web" is invalid: spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string(nil), MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: empty selector is invalid for deployment',
    ],
    ['rejects negative replicas', (d) => (d.spec.replicas = -1), 'Deployment.apps "web" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0'],
    [
      'rejects maxUnavailable 0 with maxSurge 0',
      (d) => (d.spec.strategy = { rollingUpdate: { maxUnavailable: 0, maxSurge: 0 } }),
      'Deployment.apps "web" is invalid: spec.strategy.rollingUpdate.maxUnavailable: Invalid value: intstr.IntOrString{Type:0, IntVal:0, StrVal:""}: may not be 0 when `maxSurge` is 0',
    ],
    [
      'rejects a string that is not a percentage',
      (d) => (d.spec.strategy = { rollingUpdate: { maxSurge: '1' } }),
      `Deployment.apps "web" is invalid: spec.strategy.rollingUpdate.maxSurge: Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:"1"}: ${percentMsg}`,
    ],
    [
      'rejects maxUnavailable over 100%',
      (d) => (d.spec.strategy = { rollingUpdate: { maxUnavailable: '150%' } }),
      'Deployment.apps "web" is invalid: spec.strategy.rollingUpdate.maxUnavailable: Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:"150%"}: must not be greater than 100%',
    ],
    [
      'rejects an unknown strategy type',
      (d) => (d.spec.strategy = { type: 'Foo' }),
      'Deployment.apps "web" is invalid: spec.strategy: Unsupported value: apps.DeploymentStrategy{Type:"Foo", RollingUpdate:(*apps.RollingUpdateDeployment)(nil)}: supported values: "Recreate", "RollingUpdate"',
    ],
    [
      'forbids rollingUpdate with Recreate',
      (d) => (d.spec.strategy = { type: 'Recreate', rollingUpdate: {} }),
      "Deployment.apps \"web\" is invalid: spec.strategy.rollingUpdate: Forbidden: may not be specified when strategy `type` is 'Recreate'",
    ],
    [
      'requires restartPolicy Always',
      (d) => (d.spec.template.spec.restartPolicy = 'Never'),
      'Deployment.apps "web" is invalid: spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always"',
    ],
    [
      'forbids activeDeadlineSeconds in the template',
      (d) => (d.spec.template.spec.activeDeadlineSeconds = 30),
      'Deployment.apps "web" is invalid: spec.template.spec.activeDeadlineSeconds: Forbidden: activeDeadlineSeconds in ReplicaSet is not Supported',
    ],
    [
      'requires progressDeadlineSeconds above minReadySeconds',
      (d) => Object.assign(d.spec, { minReadySeconds: 10, progressDeadlineSeconds: 10 }),
      'Deployment.apps "web" is invalid: spec.progressDeadlineSeconds: Invalid value: 10: must be greater than minReadySeconds',
    ],
    [
      'rejects a negative revisionHistoryLimit',
      (d) => (d.spec.revisionHistoryLimit = -2),
      'Deployment.apps "web" is invalid: spec.revisionHistoryLimit: Invalid value: -2: must be greater than or equal to 0',
    ],
  ];
  it.each(cases)('%s', (_n, mut, message) => {
    const { create, errorOf } = workloadServer();
    expect(errorOf(() => create(deployment(mut)))).toBe(message);
  });
});

describe('Deployment updates', () => {
  it('refuses a selector change as immutable', () => {
    const { create, update, errorOf } = workloadServer();
    const d = mutable(create(deployment()));
    d.spec.selector.matchLabels.app = 'web2';
    d.spec.template.metadata.labels.app = 'web2';
    expect(errorOf(() => update(d))).toBe(
      'Deployment.apps "web" is invalid: spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"app":"web2"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: field is immutable',
    );
  });

  it.each([
    ['a spec change bumps the generation', (d: KObject) => (d.spec.replicas = 3), 2],
    ['an annotation change bumps the generation', (d: KObject) => (d.metadata.annotations = { a: 'b' }), 2],
    ['a label change does not', (d: KObject) => (d.metadata.labels = { a: 'b' }), 1],
  ])('%s', (_n, mut, generation) => {
    const { create, update } = workloadServer();
    const d = mutable(create(deployment()));
    mut(d);
    expect(update(d).metadata.generation).toBe(generation);
  });

  it('keeps the status on main-resource updates', () => {
    const { create, update } = workloadServer();
    const d = mutable(create(deployment()));
    d.status = { replicas: 5 };
    expect(update(d).status).toEqual({});
  });
});

describe('Deployment table', () => {
  it.each([
    ['a fresh deployment', {}, ['web', '0/1', 0, 0, '0s', 'nginx', 'nginx', 'app=web']],
    ['a rolled-out deployment', { readyReplicas: 2, updatedReplicas: 3, availableReplicas: 2 }, ['web', '2/1', 3, 2, '0s', 'nginx', 'nginx', 'app=web']],
  ])('prints %s', (_n, status, cells) => {
    const { create, clock } = workloadServer();
    const d = { ...mutable(create(deployment())), status };
    expect(deployments.row!(d, clock.now())).toEqual(cells);
  });

  it('names the columns as kubectl shows them', () => {
    expect(deployments.columns!.map((c) => [c.name, c.priority])).toEqual([
      ['Name', 0],
      ['Ready', 0],
      ['Up-to-date', 0],
      ['Available', 0],
      ['Age', 0],
      ['Containers', 1],
      ['Images', 1],
      ['Selector', 1],
    ]);
  });

  it('maps the scale subresource', () => {
    const d = deployment((x) => Object.assign(x.spec, { replicas: 4 }));
    d.status = { replicas: 3 };
    expect([deployments.scale!.specReplicas(d), deployments.scale!.statusReplicas(d), deployments.scale!.selector(d)]).toEqual([4, 3, 'app=web']);
  });
});
