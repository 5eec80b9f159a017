import { describe, expect, it } from 'vitest';
import type { KObject } from '../../api/types';
import { evaluatorFor } from '../../apiserver/admission/quotaUsage';
import { pod } from '../endpoints/testkit';
import { computeUsed, hardOf, quotaStatus } from './reconcile';

const quota = (hard: Record<string, string>, extra: Record<string, unknown> = {}): KObject => ({ metadata: { name: 'q', namespace: 'default' }, spec: { hard, ...extra } });
const withRequests = (name: string, cpu: string, o: { phase?: string; deleting?: boolean } = {}): KObject => {
  const p = pod({ name, phase: o.phase });
  p.spec.containers[0].resources = { requests: { cpu } };
  if (o.deleting) p.metadata.deletionTimestamp = '2025-01-01T00:00:00Z';
  if (o.deleting) p.metadata.deletionGracePeriodSeconds = 30;
  return p;
};
const pods = evaluatorFor('', 'pods')!;
const NOW = Date.UTC(2025, 0, 1);

describe('resource quota usage', () => {
  it('status.hard is spec.hard in canonical form', () => expect(hardOf(quota({ 'requests.memory': '1024Mi', cpu: '0.5' }))).toEqual({ 'requests.memory': '1Gi', cpu: '500m' }));

  it('sums requests of counted pods; terminal pods do not count', () => {
    const used = computeUsed(quota({ 'requests.cpu': '4', pods: '10' }), [{ evaluator: pods, objects: [withRequests('a', '100m'), withRequests('b', '1'), withRequests('c', '2', { phase: 'Succeeded' })] }], NOW);
    expect(used).toEqual({ pods: '2', 'requests.cpu': '1100m' });
  });

  it('pods terminating past their grace period stop counting', () => {
    const used = computeUsed(quota({ pods: '10' }), [{ evaluator: pods, objects: [withRequests('a', '1', { deleting: true })] }], NOW + 31_000);
    expect(used).toEqual({ pods: '0' });
  });

  it('only counts pods in the quota scopes', () => {
    const besteffort = pod({ name: 'be' });
    const used = computeUsed(quota({ pods: '10' }, { scopes: ['NotBestEffort'] }), [{ evaluator: pods, objects: [besteffort, withRequests('b', '1')] }], NOW);
    expect(used).toEqual({ pods: '1' });
  });

  it('reports hard resources nothing charges as 0', () =>
    expect(computeUsed(quota({ 'count/secrets': '5' }), [{ evaluator: evaluatorFor('', 'secrets')!, objects: [] }], NOW)).toEqual({ 'count/secrets': '0' }));

  it('writes only when hard or used changed', () => {
    const q = quota({ pods: '1' });
    const s = quotaStatus(q, { pods: '0' })!;
    expect(s).toEqual({ hard: { pods: '1' }, used: { pods: '0' } });
    expect(quotaStatus({ ...q, status: s }, { pods: '0' })).toBeUndefined();
  });
});
