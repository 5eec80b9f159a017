import { describe, expect, it } from 'vitest';
import { pods } from '../resources/pod/pod';
import { podManifest, podServer, defs } from '../resources/pod/testkit';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

const withQuota = (hard: Json, extra: Json = {}) => {
  const s = podServer();
  s.api.create(defs.resourcequotas, 'default', { metadata: { name: 'q' }, spec: { hard, ...extra } });
  return s;
};
const sized = (name: string, cpu = '500m', memory = '128Mi') =>
  podManifest(name, { containers: [{ name: 'nginx', image: 'nginx', resources: { requests: { cpu, memory }, limits: { cpu, memory } } }] });

describe('ResourceQuota admission', () => {
  it('counts pods against a pods quota', () => {
    const { create, errorOf } = withQuota({ pods: '2' });
    create(podManifest('a'));
    create(podManifest('b'));
    expect(errorOf(() => create(podManifest('c')))).toBe('pods "c" is forbidden: exceeded quota: q, requested: pods=1, used: pods=2, limited: pods=2');
  });

  it('reports generated pod names in full (validating admission runs after name generation)', () => {
    const { create, errorOf } = withQuota({ pods: '0' });
    const m = podManifest('', {}, { generateName: 'web-6b474476c4-' });
    delete m.metadata.name;
    expect(errorOf(() => create(m))).toMatch(/^pods "web-6b474476c4-[a-z0-9]{5}" is forbidden: exceeded quota: q, requested: pods=1/);
  });

  it('ignores terminal pods for `pods` but not for `count/pods`', () => {
    const { api, create, getPod, errorOf } = withQuota({ pods: '1', 'count/pods': '2' });
    create(podManifest('a'));
    const done = structuredClone(getPod('a'));
    done.status.phase = 'Succeeded';
    api.update(pods, 'default', 'a', done, {}, 'status');
    create(podManifest('b'));
    expect(errorOf(() => create(podManifest('c')))).toBe(
      'pods "c" is forbidden: exceeded quota: q, requested: count/pods=1,pods=1, used: count/pods=2,pods=1, limited: count/pods=2,pods=1',
    );
  });

  it('sums compute requests and limits', () => {
    const { create, errorOf } = withQuota({ 'requests.cpu': '1', 'limits.memory': '256Mi' });
    create(sized('a'));
    create(sized('b'));
    expect(errorOf(() => create(sized('c')))).toBe(
      'pods "c" is forbidden: exceeded quota: q, requested: limits.memory=128Mi,requests.cpu=500m, used: limits.memory=256Mi,requests.cpu=1, limited: limits.memory=256Mi,requests.cpu=1',
    );
  });

  it('requires containers to declare what a compute quota tracks', () => {
    const { create, errorOf } = withQuota({ 'limits.cpu': '2', 'requests.memory': '1Gi', pods: '10' });
    const p = podManifest('p', { containers: [{ name: 'nginx', image: 'nginx' }, { name: 'side', image: 'x', resources: { requests: { memory: '1Mi' } } }] });
    expect(errorOf(() => create(p))).toBe('pods "p" is forbidden: failed quota: q: must specify limits.cpu for: nginx,side; requests.memory for: nginx');
  });

  it('counts other objects by count/<resource> and legacy names', () => {
    const { api, errorOf } = withQuota({ configmaps: '1' });
    api.create(defs.configmaps, 'default', { metadata: { name: 'a' } });
    expect(errorOf(() => api.create(defs.configmaps, 'default', { metadata: { name: 'b' } }))).toBe(
      'configmaps "b" is forbidden: exceeded quota: q, requested: configmaps=1, used: configmaps=1, limited: configmaps=1',
    );
  });

  it('counts services and node ports', () => {
    const { api, errorOf } = withQuota({ 'services.nodeports': '1' });
    const svc = (name: string) => ({ metadata: { name }, spec: { type: 'NodePort', ports: [{ name: 'http', port: 80 }, { name: 'https', port: 443 }] } });
    expect(errorOf(() => api.create(defs.services, 'default', svc('a')))).toBe(
      'services "a" is forbidden: exceeded quota: q, requested: services.nodeports=2, used: services.nodeports=0, limited: services.nodeports=1',
    );
  });

  it('applies scoped quotas only to matching pods', () => {
    const { create, errorOf } = withQuota({ pods: '1' }, { scopes: ['BestEffort'] });
    create(podManifest('free'));
    create(sized('paid-1'));
    create(sized('paid-2'));
    expect(errorOf(() => create(podManifest('free-2')))).toBe(
      'pods "free-2" is forbidden: exceeded quota: q, requested: pods=1, used: pods=1, limited: pods=1',
    );
  });

  it('matches PriorityClass scope selectors', () => {
    const { create, errorOf } = withQuota(
      { pods: '0' },
      { scopeSelector: { matchExpressions: [{ scopeName: 'PriorityClass', operator: 'In', values: ['system-node-critical'] }] } },
    );
    create(podManifest('normal'));
    expect(errorOf(() => create(podManifest('critical', { priorityClassName: 'system-node-critical' })))).toBe(
      'pods "critical" is forbidden: exceeded quota: q, requested: pods=1, used: pods=0, limited: pods=0',
    );
  });

  it('prefers status.hard once the quota controller has synced it', () => {
    const { api, create, errorOf } = withQuota({ pods: '5' });
    const q = structuredClone(api.get(defs.resourcequotas, 'default', 'q'));
    q.status = { hard: { pods: '0' }, used: { pods: '0' } };
    api.update(defs.resourcequotas, 'default', 'q', q, {}, 'status');
    expect(errorOf(() => create(podManifest('a')))).toBe('pods "a" is forbidden: exceeded quota: q, requested: pods=1, used: pods=0, limited: pods=0');
  });

  describe('charging status.used once the controller has synced it', () => {
    const synced = (hard: Json, used: Json) => {
      const s = withQuota(hard);
      const q = structuredClone(s.api.get(defs.resourcequotas, 'default', 'q'));
      q.status = { hard, used };
      s.api.update(defs.resourcequotas, 'default', 'q', q, {}, 'status');
      const used$ = () => s.api.get(defs.resourcequotas, 'default', 'q').status.used;
      return { ...s, used: used$ };
    };

    it('an accepted create adds its request to status.used, and the next create checks against it', () => {
      const { create, errorOf, used } = synced({ pods: '2', 'requests.cpu': '1' }, { pods: '0', 'requests.cpu': '0' });
      create(sized('a'));
      expect(used()).toEqual({ pods: '1', 'requests.cpu': '500m' });
      create(sized('b'));
      expect(used()).toEqual({ pods: '2', 'requests.cpu': '1' });
      expect(errorOf(() => create(sized('c')))).toBe(
        'pods "c" is forbidden: exceeded quota: q, requested: pods=1,requests.cpu=500m, used: pods=2,requests.cpu=1, limited: pods=2,requests.cpu=1',
      );
      expect(used()).toEqual({ pods: '2', 'requests.cpu': '1' });
    });

    it('uses the recorded figure, not a count of the namespace (as upstream between controller syncs)', () => {
      const { create, errorOf } = synced({ pods: '2' }, { pods: '2' });
      expect(errorOf(() => create(podManifest('a')))).toBe('pods "a" is forbidden: exceeded quota: q, requested: pods=1, used: pods=2, limited: pods=2');
    });

    it('the charge is written with the create: the quota changes just before the pod is stored', () => {
      const { api, create } = synced({ pods: '5' }, { pods: '0' });
      const rv = api.store.rv;
      const pod = create(podManifest('a'));
      const q = api.get(defs.resourcequotas, 'default', 'q');
      expect(Number(q.metadata.resourceVersion)).toBe(rv + 1);
      expect(Number(pod.metadata.resourceVersion)).toBe(rv + 2);
    });

    it('dry runs, refused creates and existing names charge nothing', () => {
      const { api, create, errorOf, used } = synced({ pods: '5', 'limits.cpu': '1' }, { pods: '0', 'limits.cpu': '0' });
      api.create(pods, 'default', sized('dry'), { dryRun: true });
      expect(used()).toEqual({ pods: '0', 'limits.cpu': '0' });
      expect(errorOf(() => create(podManifest('no-limits')))).toMatch(/failed quota: q: must specify limits.cpu/);
      create(sized('a'));
      expect(errorOf(() => create(sized('a')))).toBe('pods "a" already exists');
      expect(used()).toEqual({ pods: '1', 'limits.cpu': '500m' });
    });
  });
});

