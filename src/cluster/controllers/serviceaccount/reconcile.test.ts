import { describe, expect, it } from 'vitest';
import type { KObject } from '../../api/types';
import { DESCRIPTION, rootCAPlan, serviceAccountToCreate } from './reconcile';

const ns = (phase = 'Active', deleting = false): KObject => ({ metadata: { name: 'team', ...(deleting ? { deletionTimestamp: 'x' } : {}) }, status: { phase } });

describe('serviceAccountToCreate', () => {
  it('creates `default` in an active namespace without one', () =>
    expect(serviceAccountToCreate(ns(), undefined)).toEqual({ apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'default', namespace: 'team' } }));
  it('does nothing when it exists', () => expect(serviceAccountToCreate(ns(), { metadata: { name: 'default' } })).toBeUndefined());
  it('does nothing in a terminating namespace', () => expect(serviceAccountToCreate(ns('Terminating', true), undefined)).toBeUndefined());
  it('does nothing for a namespace that is gone', () => expect(serviceAccountToCreate(undefined, undefined)).toBeUndefined());
});

describe('rootCAPlan', () => {
  const cm = (data: Record<string, string>, annotations?: Record<string, string>): KObject => ({ metadata: { name: 'kube-root-ca.crt', namespace: 'team', annotations }, data });
  it('creates kube-root-ca.crt with the CA and the description annotation', () => {
    const p = rootCAPlan(ns(), undefined, 'CA');
    expect(p).toEqual({
      action: 'create',
      configMap: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'kube-root-ca.crt', namespace: 'team', annotations: { 'kubernetes.io/description': DESCRIPTION } }, data: { 'ca.crt': 'CA' } },
    });
  });
  it('leaves a correct ConfigMap alone', () => expect(rootCAPlan(ns(), cm({ 'ca.crt': 'CA' }, { 'kubernetes.io/description': 'x' }), 'CA')).toEqual({ action: 'none' }));
  it('restores edited data', () => expect(rootCAPlan(ns(), cm({ 'ca.crt': 'evil' }, { 'kubernetes.io/description': 'x' }), 'CA').action).toBe('update'));
  it('adds a missing description annotation', () => {
    const p = rootCAPlan(ns(), cm({ 'ca.crt': 'CA' }), 'CA');
    expect(p.action === 'update' && p.configMap.metadata.annotations).toEqual({ 'kubernetes.io/description': DESCRIPTION });
  });
  it('does nothing in a terminating namespace', () => expect(rootCAPlan(ns('Terminating', true), undefined, 'CA')).toEqual({ action: 'none' }));
});
