import { describe, expect, it } from 'vitest';
import type { KObject } from '../../api/types';
import { reconcileTtl } from './reconcile';

const T0 = Date.UTC(2025, 0, 1);
const iso = (s: number) => new Date(T0 + s * 1000).toISOString().replace('.000Z', 'Z');
const job = (ttl: number | undefined, cond?: { type: string; status?: string; at?: number }, deleting = false): KObject => ({
  metadata: { name: 'pi', namespace: 'default', uid: 'u', ...(deleting ? { deletionTimestamp: iso(0) } : {}) },
  spec: ttl === undefined ? {} : { ttlSecondsAfterFinished: ttl },
  status: cond ? { conditions: [{ type: cond.type, status: cond.status ?? 'True', ...(cond.at !== undefined ? { lastTransitionTime: iso(cond.at) } : {}) }] } : {},
});

describe('reconcileTtl', () => {
  it.each([
    ['a job without a TTL is left alone', job(undefined, { type: 'Complete', at: 0 }), 100, { action: 'none' }],
    ['a running job is left alone', job(60), 100, { action: 'none' }],
    ['a job whose only condition is FailureTarget is not finished yet', job(60, { type: 'FailureTarget', at: 0 }), 100, { action: 'none' }],
    ['a completed job waits until finish + TTL', job(60, { type: 'Complete', at: 10 }), 30, { action: 'wait', afterMs: 40_000 }],
    ['a failed job counts from its Failed condition', job(5, { type: 'Failed', at: 10 }), 12, { action: 'wait', afterMs: 3_000 }],
    ['at finish + TTL the job is deleted', job(60, { type: 'Complete', at: 10 }), 70, { action: 'delete' }],
    ['TTL 0 deletes as soon as the job finished', job(0, { type: 'Complete', at: 10 }), 10, { action: 'delete' }],
    ['a job already being deleted is left alone', job(0, { type: 'Complete', at: 0 }, true), 10, { action: 'none' }],
    ['a Complete=False condition is not finished', job(0, { type: 'Complete', status: 'False', at: 0 }), 10, { action: 'none' }],
  ])('%s', (_name, j, nowS, want) => {
    expect(reconcileTtl(j, T0 + nowS * 1000)).toEqual(want);
  });

  it('a job that no longer exists needs nothing', () => {
    expect(reconcileTtl(undefined, T0)).toEqual({ action: 'none' });
  });
});
