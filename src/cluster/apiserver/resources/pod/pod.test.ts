import { describe, expect, it } from 'vitest';
import { pods, podGracePeriod } from './pod';
import { copy, podManifest, podServer } from './testkit';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

describe('Pod create', () => {
  it('starts Pending with a BestEffort QoS class and the defaults', () => {
    const { create } = podServer();
    const p = create(podManifest('web'));
    expect(p.status).toEqual({ phase: 'Pending', qosClass: 'BestEffort' });
    expect(p.spec).toMatchObject({ restartPolicy: 'Always', dnsPolicy: 'ClusterFirst', enableServiceLinks: true, serviceAccountName: 'default', priority: 0 });
    expect(p.metadata.generation).toBeUndefined();
  });

  it.each<[string, Json, string]>([
    ['limits only → Guaranteed', { limits: { cpu: '1', memory: '1Gi' } }, 'Guaranteed'],
    ['requests = limits → Guaranteed', { limits: { cpu: '1', memory: '1Gi' }, requests: { cpu: '1', memory: '1Gi' } }, 'Guaranteed'],
    ['requests below limits → Burstable', { limits: { cpu: '1', memory: '1Gi' }, requests: { cpu: '500m' } }, 'Burstable'],
    ['cpu only → Burstable', { requests: { cpu: '100m' } }, 'Burstable'],
    ['none → BestEffort', {}, 'BestEffort'],
  ])('computes the QoS class: %s', (_n, resources, qos) => {
    const { create } = podServer();
    expect(create(podManifest('p', { containers: [{ name: 'c', image: 'x', resources }] })).status.qosClass).toBe(qos);
  });

  it('records SchedulingGated for gated pods', () => {
    const { create } = podServer();
    const p = create(podManifest('g', { schedulingGates: [{ name: 'example.com/wait' }] }));
    expect(p.status.conditions).toEqual([
      {
        type: 'PodScheduled',
        status: 'False',
        lastProbeTime: null,
        lastTransitionTime: null,
        reason: 'SchedulingGated',
        message: 'Scheduling is blocked due to non-empty scheduling gates',
      },
    ]);
  });

  it.each<[string, Json, string]>([
    ['no containers', { containers: [] }, 'Pod "p" is invalid: spec.containers: Required value'],
    [
      'two errors',
      { containers: [{ name: 'c', image: '' }], restartPolicy: 'Sometimes' },
      'Pod "p" is invalid: [spec.containers[0].image: Required value, spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"]',
    ],
    [
      'ephemeral containers on create',
      { ephemeralContainers: [{ name: 'dbg', image: 'busybox' }] },
      'Pod "p" is invalid: spec.ephemeralContainers: Forbidden: cannot be set on create',
    ],
    [
      'nodeName with scheduling gates',
      { nodeName: 'n1', schedulingGates: [{ name: 'a' }] },
      'Pod "p" is invalid: spec.nodeName: Forbidden: cannot be set until all schedulingGates have been cleared',
    ],
    [
      'image whitespace',
      { containers: [{ name: 'c', image: 'nginx ' }] },
      'Pod "p" is invalid: spec.containers[0].image: Invalid value: "nginx ": must not have leading or trailing whitespace',
    ],
  ])('rejects %s', (_n, spec, msg) => {
    const { create, errorOf } = podServer();
    expect(errorOf(() => create(podManifest('p', spec)))).toBe(msg);
  });

  it('drops fields of features that are off in 1.32', () => {
    const { create } = podServer();
    const p = create(podManifest('p', { hostUsers: false, containers: [{ name: 'c', image: 'x', resizePolicy: [{ resourceName: 'cpu', restartPolicy: 'NotRequired' }] }] }));
    expect(p.spec.hostUsers).toBeUndefined();
    expect(p.spec.containers[0].resizePolicy).toBeUndefined();
  });
});

describe('Pod update', () => {
  const setup = () => {
    const s = podServer();
    const p = s.create(podManifest('web', { activeDeadlineSeconds: 100 }));
    return { ...s, p };
  };

  it('may change the image', () => {
    const { update, p } = setup();
    const next = copy(p);
    next.spec.containers[0].image = 'nginx:1.27';
    expect(update(next).spec.containers[0].image).toBe('nginx:1.27');
  });

  it('may lower activeDeadlineSeconds but not raise it', () => {
    const { update, errorOf, p } = setup();
    const up = copy(p);
    up.spec.activeDeadlineSeconds = 200;
    expect(errorOf(() => update(up))).toBe('Pod "web" is invalid: spec.activeDeadlineSeconds: Invalid value: 200: must be less than or equal to previous value');
    const down = copy(p);
    down.spec.activeDeadlineSeconds = 50;
    expect(update(down).spec.activeDeadlineSeconds).toBe(50);
  });

  it('may add tolerations but not change existing ones', () => {
    const { update, errorOf, p } = setup();
    const add = copy(p);
    add.spec.tolerations.push({ key: 'k', operator: 'Exists' });
    const added = update(add);
    expect(added.spec.tolerations).toHaveLength(3);
    const change = copy(added);
    change.spec.tolerations[2].key = 'other';
    expect(errorOf(() => update(change))).toBe('Pod "web" is invalid: spec.tolerations: Forbidden: existing toleration can not be modified except its tolerationSeconds');
  });

  it('forbids other spec changes with the upstream message (without the diff)', () => {
    const { update, errorOf, p } = setup();
    const next = copy(p);
    next.spec.restartPolicy = 'Never';
    expect(errorOf(() => update(next))).toBe(
      'Pod "web" is invalid: spec: Forbidden: pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)',
    );
  });

  it('forbids adding containers', () => {
    const { update, errorOf, p } = setup();
    const next = copy(p);
    next.spec.containers.push({ name: 'b', image: 'x' });
    expect(errorOf(() => update(next))).toBe('Pod "web" is invalid: spec.containers: Forbidden: pod updates may not add or remove containers');
  });

  it('keeps the status on main-resource updates', () => {
    const { update, p } = setup();
    const next = copy(p);
    next.status = { phase: 'Running' };
    next.metadata.labels = { a: 'b' };
    expect(update(next).status.phase).toBe('Pending');
  });
});

describe('Pod graceful deletion', () => {
  it.each<[string, Json, number | undefined, number]>([
    ['unscheduled pods go at once', { spec: {}, status: {} }, undefined, 0],
    ['scheduled pods use terminationGracePeriodSeconds', { spec: { nodeName: 'n', terminationGracePeriodSeconds: 30 }, status: {} }, undefined, 30],
    ['a requested grace period wins', { spec: { nodeName: 'n', terminationGracePeriodSeconds: 30 }, status: {} }, 5, 5],
    ['terminal pods go at once', { spec: { nodeName: 'n', terminationGracePeriodSeconds: 30 }, status: { phase: 'Succeeded' } }, undefined, 0],
    ['negative becomes 1', { spec: { nodeName: 'n', terminationGracePeriodSeconds: -5 }, status: {} }, undefined, 1],
  ])('%s', (_n, pod, requested, want) => {
    expect(podGracePeriod({ metadata: {}, ...pod }, requested)).toBe(want);
  });

  it('marks a scheduled pod Terminating through the server', () => {
    const { api, create, getPod } = podServer();
    create(podManifest('web'));
    api.update(pods, 'default', 'web', { ...copy(getPod('web')), spec: { ...copy(getPod('web')).spec, nodeName: 'node-1' } });
    const res = api.delete(pods, 'default', 'web');
    expect(res.deleted).toBeFalsy();
    expect(res.object.metadata.deletionGracePeriodSeconds).toBe(30);
    expect(pods.row!(res.object, api.clock.now())[2]).toBe('Terminating');
  });
});

describe('Pod lookups', () => {
  it('answers field selectors and the nodeName index', () => {
    const { api, create } = podServer();
    create(podManifest('a'));
    create(podManifest('b', { restartPolicy: 'Never' }));
    const names = (fieldSelector: string) => api.list(pods, 'default', { fieldSelector }).items.map((o) => o.metadata.name);
    expect(names('spec.restartPolicy=Never')).toEqual(['b']);
    expect(names('status.phase=Pending')).toEqual(['a', 'b']);
    expect(names('spec.nodeName=')).toEqual(['a', 'b']);
    expect(names('spec.hostNetwork=false,spec.serviceAccountName=default')).toEqual(['a', 'b']);
  });

  it('serves discovery facts of kubectl api-resources', () => {
    expect(pods).toMatchObject({ shortNames: ['po'], categories: ['all'], namespaced: true, hasStatus: true });
    expect(pods.subresources).toContain('binding');
    expect(pods.subresources).not.toContain('resize');
  });
});
