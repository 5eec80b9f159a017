import { describe, expect, it } from 'vitest';
import { copy, podManifest, podServer, defs } from '../resources/pod/testkit';

const pc = (name: string, value: number, extra: Record<string, unknown> = {}) => ({
  apiVersion: 'scheduling.k8s.io/v1',
  kind: 'PriorityClass',
  metadata: { name },
  value,
  ...extra,
});

describe('Priority admission', () => {
  it('gives pods priority 0 and PreemptLowerPriority without a default class', () => {
    const { create } = podServer();
    const p = create(podManifest('p'));
    expect(p.spec.priority).toBe(0);
    expect(p.spec.preemptionPolicy).toBe('PreemptLowerPriority');
    expect(p.spec.priorityClassName).toBeUndefined();
  });

  it.each([
    ['system-node-critical', 2000001000],
    ['system-cluster-critical', 2000000000],
  ])('resolves the built-in class %s', (name, value) => {
    const { create } = podServer();
    expect(create(podManifest('p', { priorityClassName: name })).spec.priority).toBe(value);
  });

  it('resolves a stored class with its preemption policy', () => {
    const { api, create } = podServer();
    api.create(defs.priorityclasses, '', pc('high', 1000, { preemptionPolicy: 'Never' }));
    const p = create(podManifest('p', { priorityClassName: 'high' }));
    expect(p.spec).toMatchObject({ priority: 1000, preemptionPolicy: 'Never' });
  });

  it('uses the globalDefault class for pods without a class', () => {
    const { api, create } = podServer();
    api.create(defs.priorityclasses, '', pc('normal', 10, { globalDefault: true }));
    expect(create(podManifest('p')).spec).toMatchObject({ priorityClassName: 'normal', priority: 10 });
  });

  it.each([
    [{ priorityClassName: 'nope' }, 'pods "p" is forbidden: no PriorityClass with name nope was found'],
    [
      { priority: 5 },
      'pods "p" is forbidden: the integer value of priority (5) must not be provided in pod spec; priority admission controller computed 0 from the given PriorityClass name',
    ],
    [
      { preemptionPolicy: 'Never' },
      'pods "p" is forbidden: the string value of PreemptionPolicy (Never) must not be provided in pod spec; priority admission controller computed PreemptLowerPriority from the given PriorityClass name',
    ],
  ])('rejects %j', (spec, msg) => {
    const { create, errorOf } = podServer();
    expect(errorOf(() => create(podManifest('p', spec)))).toBe(msg);
  });

  it('keeps priority on updates that omit it', () => {
    const { create, update } = podServer();
    const p = copy(create(podManifest('p', { priorityClassName: 'system-node-critical' })));
    delete p.spec.priority;
    delete p.spec.preemptionPolicy;
    expect(update(p).spec.priority).toBe(2000001000);
  });

  it('allows only one globalDefault PriorityClass', () => {
    const { api, errorOf } = podServer();
    api.create(defs.priorityclasses, '', pc('a', 1, { globalDefault: true }));
    expect(errorOf(() => api.create(defs.priorityclasses, '', pc('b', 2, { globalDefault: true })))).toBe(
      'priorityclasses.scheduling.k8s.io "b" is forbidden: PriorityClass a is already marked as default. Only one default can exist',
    );
  });
});
