import { describe, expect, it } from 'vitest';
import { newTestCluster } from '../../testing/testCluster';
import { DESCRIPTION } from './reconcile';

const controllers = ['serviceaccount-controller', 'root-ca-certificate-publisher-controller'];

describe('serviceaccount-controller and root-ca-certificate-publisher-controller', () => {
  it('gives a new namespace a default ServiceAccount and kube-root-ca.crt', () => {
    const t = newTestCluster({ controllers });
    t.apply('apiVersion: v1\nkind: Namespace\nmetadata:\n  name: team\n');
    expect(t.get('serviceaccounts', 'default', 'team')).toBeDefined();
    const cm = t.get('configmaps', 'kube-root-ca.crt', 'team')!;
    expect(cm.metadata.annotations).toEqual({ 'kubernetes.io/description': DESCRIPTION });
    expect(cm.data['ca.crt']).toContain('BEGIN CERTIFICATE');
  });

  it('recreates them when deleted', () => {
    const t = newTestCluster({ controllers });
    t.api.delete(t.api.registry.get('', 'serviceaccounts')!, 'default', 'default', {});
    t.api.delete(t.api.registry.get('', 'configmaps')!, 'default', 'kube-root-ca.crt', {});
    t.settle();
    expect(t.get('serviceaccounts', 'default')).toBeDefined();
    expect(t.get('configmaps', 'kube-root-ca.crt')).toBeDefined();
  });

  it('adds the description annotation to the bootstrap ConfigMaps', () => {
    const t = newTestCluster({ controllers });
    expect(t.get('configmaps', 'kube-root-ca.crt', 'kube-system')!.metadata.annotations).toEqual({ 'kubernetes.io/description': DESCRIPTION });
  });
});
