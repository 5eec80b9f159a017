import { describe, expect, it } from 'vitest';
import { newTestCluster } from '../testing/testCluster';
import { issueToken } from './tokenRequest';

const claimsOf = (token: string) => JSON.parse(atob(token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/')));

describe('TokenRequest (serviceaccounts/token)', () => {
  it('defaults to one hour and the cluster audience, with the service account in the claims', () => {
    const c = newTestCluster({ seed: 3 });
    const api = c.cluster.api;
    const r = issueToken(api, 'default', 'default', { spec: {} } as never, api.ctx.rng);
    expect(r.spec).toMatchObject({ audiences: ['https://kubernetes.default.svc.cluster.local'], expirationSeconds: 3600, boundObjectRef: null });
    const claims = claimsOf(r.status.token);
    const sa = api.store.get('serviceaccounts', 'default', 'default')!;
    expect(claims.sub).toBe('system:serviceaccount:default:default');
    expect(claims['kubernetes.io'].serviceaccount).toEqual({ name: 'default', uid: sa.metadata.uid });
    expect(claims.exp - claims.iat).toBe(3600);
  });
  it('refuses durations under ten minutes like the API server', () => {
    const c = newTestCluster({ seed: 3 });
    const api = c.cluster.api;
    expect(() => issueToken(api, 'default', 'default', { spec: { expirationSeconds: 300 } } as never, api.ctx.rng)).toThrow(
      'TokenRequest.authentication.k8s.io "default" is invalid: spec.expirationSeconds: Invalid value: 300: may not specify a duration less than 10 minutes',
    );
  });
  it('is the same token for the same seed and requests', () => {
    const a = newTestCluster({ seed: 9 }).cluster.api;
    const b = newTestCluster({ seed: 9 }).cluster.api;
    expect(issueToken(a, 'default', 'default', undefined, a.ctx.rng).status.token).toBe(issueToken(b, 'default', 'default', undefined, b.ctx.rng).status.token);
  });
});
