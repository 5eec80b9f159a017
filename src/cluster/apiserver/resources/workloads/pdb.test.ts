import { describe, expect, it } from 'vitest';
import type { KObject } from '../../../api/types';
import { poddisruptionbudgets } from './pdb';
import { mutable, workloadServer } from './testkit';

const pdb = (spec: KObject['spec']): KObject => ({
  apiVersion: 'policy/v1',
  kind: 'PodDisruptionBudget',
  metadata: { name: 'zk-pdb' },
  spec: { selector: { matchLabels: { app: 'zk' } }, ...spec },
});

describe('PodDisruptionBudget', () => {
  it('starts with zero counters and generation 1; spec updates bump the generation', () => {
    const { create, update } = workloadServer();
    const p = create(pdb({ minAvailable: 2 }));
    expect([p.status, p.metadata.generation]).toEqual([{ disruptionsAllowed: 0, currentHealthy: 0, desiredHealthy: 0, expectedPods: 0 }, 1]);
    const next = mutable(p);
    next.spec.minAvailable = 1;
    expect(update(next).metadata.generation).toBe(2);
  });

  it.each<[string, KObject['spec'], string]>([
    ['accepts minAvailable', { minAvailable: 2 }, ''],
    ['accepts a maxUnavailable percentage', { maxUnavailable: '50%' }, ''],
    [
      'refuses minAvailable together with maxUnavailable',
      { minAvailable: 2, maxUnavailable: 1 },
      'PodDisruptionBudget.policy "zk-pdb" is invalid: spec: Invalid value: policy.PodDisruptionBudgetSpec{MinAvailable:(*intstr.IntOrString)(0xc000010000), Selector:(*v1.LabelSelector)(0xc000010000), MaxUnavailable:(*intstr.IntOrString)(0xc000010000), UnhealthyPodEvictionPolicy:(*policy.UnhealthyPodEvictionPolicyType)(nil)}: minAvailable and maxUnavailable cannot be both set',
    ],
    ['refuses a negative count', { minAvailable: -1 }, 'PodDisruptionBudget.policy "zk-pdb" is invalid: spec.minAvailable: Invalid value: -1: must be greater than or equal to 0'],
    [
      'refuses more than 100%',
      { maxUnavailable: '101%' },
      'PodDisruptionBudget.policy "zk-pdb" is invalid: spec.maxUnavailable: Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:"101%"}: must not be greater than 100%',
    ],
    [
      'refuses an unknown eviction policy',
      { minAvailable: 1, unhealthyPodEvictionPolicy: 'Never' },
      'PodDisruptionBudget.policy "zk-pdb" is invalid: spec.unhealthyPodEvictionPolicy: Unsupported value: "Never": supported values: "AlwaysAllow", "IfHealthyBudget"',
    ],
  ])('%s', (_n, spec, message) => {
    const { create, errorOf } = workloadServer();
    expect(errorOf(() => create(pdb(spec)))).toBe(message);
  });

  it.each<[string, KObject['spec'], unknown[]]>([
    ['minAvailable', { minAvailable: 2 }, ['zk-pdb', '2', 'N/A', 1, '5s']],
    ['maxUnavailable', { maxUnavailable: '25%' }, ['zk-pdb', 'N/A', '25%', 1, '5s']],
  ])('prints %s', (_n, spec, cells) => {
    const p = { ...pdb(spec), status: { disruptionsAllowed: 1 } };
    p.metadata.creationTimestamp = '2025-01-01T00:00:00Z';
    expect(poddisruptionbudgets.row!(p, Date.parse('2025-01-01T00:00:05Z'))).toEqual(cells);
    expect(poddisruptionbudgets.columns!.map((c) => c.name)).toEqual(['Name', 'Min Available', 'Max Unavailable', 'Allowed Disruptions', 'Age']);
  });
});
