import { describe, expect, it } from 'vitest';
import type { KObject } from '../../api/types';
import { contentResult, estimatePods, gvrString, namespaceConditions, type GvrRemaining } from './reconcile';

const obj = (name: string, finalizers?: string[]): KObject => ({ metadata: { name, ...(finalizers ? { finalizers } : {}) } });
const pods = { group: '', version: 'v1', plural: 'pods' };
const deploys = { group: 'apps', version: 'v1', plural: 'deployments' };
const NOW = '2025-01-01T00:01:00Z';

describe('namespace content bookkeeping', () => {
  const cases: { name: string; in: GvrRemaining[]; estimate: number; errors: string[] }[] = [
    { name: 'nothing left: no wait, no error', in: [{ gvr: pods, remaining: [], estimate: 30 }], estimate: 0, errors: [] },
    { name: 'terminating pods: wait their grace period', in: [{ gvr: pods, remaining: [obj('a')], estimate: 30 }], estimate: 30, errors: [] },
    { name: 'objects held by finalizers: wait 15 s', in: [{ gvr: deploys, remaining: [obj('d', ['x/y'])], estimate: 0 }], estimate: 15, errors: [] },
    {
      name: 'objects left with nothing to wait for: an error naming the resource',
      in: [{ gvr: deploys, remaining: [obj('d')], estimate: 0 }],
      estimate: 0,
      errors: ['unexpected items still remain in namespace: team for gvr: apps/v1, Resource=deployments'],
    },
  ];
  for (const c of cases)
    it(c.name, () => {
      const r = contentResult('team', c.in);
      expect([r.estimate, r.errors]).toEqual([c.estimate, c.errors]);
    });

  it('prints core resources as /v1, Resource=pods', () => expect(gvrString(pods)).toBe('/v1, Resource=pods'));

  it('estimates pod termination from the longest grace period of non-terminal pods', () => {
    const p = (grace: number, phase = 'Running'): KObject => ({ metadata: {}, spec: { terminationGracePeriodSeconds: grace }, status: { phase } });
    expect(estimatePods([p(30), p(60), p(600, 'Succeeded')])).toBe(60);
  });
});

describe('namespaceConditions', () => {
  it('writes all five conditions in upstream order, ok variants when nothing remains', () => {
    const { conditions, changed } = namespaceConditions([], contentResult('team', []), NOW);
    expect(changed).toBe(true);
    expect(conditions.map((c) => [c.type, c.status, c.reason])).toEqual([
      ['NamespaceDeletionDiscoveryFailure', 'False', 'ResourcesDiscovered'],
      ['NamespaceDeletionGroupVersionParsingFailure', 'False', 'ParsedGroupVersions'],
      ['NamespaceDeletionContentFailure', 'False', 'ContentDeleted'],
      ['NamespaceContentRemaining', 'False', 'ContentRemoved'],
      ['NamespaceFinalizersRemaining', 'False', 'ContentHasNoFinalizers'],
    ]);
  });

  it('lists remaining resources and finalizers sorted, with counts', () => {
    const r = contentResult('team', [
      { gvr: pods, remaining: [obj('a'), obj('b')], estimate: 30 },
      { gvr: deploys, remaining: [obj('d', ['z/last', 'a/first'])], estimate: 0 },
    ]);
    const { conditions } = namespaceConditions([], r, NOW);
    expect(conditions[3].message).toBe('Some resources are remaining: deployments.apps has 1 resource instances, pods. has 2 resource instances');
    expect(conditions[4].message).toBe('Some content in the namespace has finalizers remaining: a/first in 1 resource instances, z/last in 1 resource instances');
  });

  it('keeps lastTransitionTime of unchanged conditions and reports no change', () => {
    const first = namespaceConditions([], contentResult('team', []), '2025-01-01T00:00:00Z').conditions;
    const again = namespaceConditions(first, contentResult('team', []), NOW);
    expect(again.changed).toBe(false);
    expect(again.conditions[0].lastTransitionTime).toBe('2025-01-01T00:00:00Z');
  });
});
