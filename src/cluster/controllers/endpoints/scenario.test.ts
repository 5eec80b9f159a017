import { describe, expect, it } from 'vitest';
import { clone } from '../../api/types';
import { newTestCluster } from '../../testing/testCluster';
import { podYaml, setPodRunning } from './testkit';

const SVC = `apiVersion: v1
kind: Service
metadata:
  name: web
  labels: {app: web}
spec:
  selector: {app: web}
  ports:
  - name: http
    port: 80
    targetPort: http
`;

describe('endpoints-controller and endpointslice-controller in a cluster', () => {
  it('publishes ready pods as addresses and slice endpoints, and follows readiness changes', () => {
    const t = newTestCluster({ controllers: ['endpoints-controller', 'endpointslice-controller'] });
    t.apply(SVC);
    t.apply(podYaml('web-1', { app: 'web' }, 'worker-1'));
    t.apply(podYaml('web-2', { app: 'web' }, 'worker-2'));
    t.apply(podYaml('other', { app: 'db' }, 'worker-2'));
    setPodRunning(t, 'web-1', '10.244.1.5');
    setPodRunning(t, 'web-2', '10.244.2.7', false);
    setPodRunning(t, 'other', '10.244.2.9');
    const ep = t.get('endpoints', 'web')!;
    expect(ep.subsets).toEqual([
      {
        addresses: [{ ip: '10.244.1.5', nodeName: 'worker-1', targetRef: { kind: 'Pod', namespace: 'default', name: 'web-1', uid: t.get('pods', 'web-1')!.metadata.uid } }],
        notReadyAddresses: [{ ip: '10.244.2.7', nodeName: 'worker-2', targetRef: { kind: 'Pod', namespace: 'default', name: 'web-2', uid: t.get('pods', 'web-2')!.metadata.uid } }],
        ports: [{ name: 'http', port: 8080, protocol: 'TCP' }],
      },
    ]);
    expect(ep.metadata.labels).toEqual({ app: 'web' });
    const slices = t.list('endpointslices', 'kubernetes.io/service-name=web');
    expect(slices).toHaveLength(1);
    expect(slices[0].metadata.name).toMatch(/^web-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(slices[0].metadata.labels).toEqual({ app: 'web', 'kubernetes.io/service-name': 'web', 'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io' });
    expect(slices[0].addressType).toBe('IPv4');
    expect(slices[0].ports).toEqual([{ name: 'http', port: 8080, protocol: 'TCP' }]);
    expect(slices[0].endpoints.map((e: { addresses: string[]; conditions: unknown; zone?: string }) => [e.addresses[0], e.conditions, e.zone])).toEqual([
      ['10.244.1.5', { ready: true, serving: true, terminating: false }, 'zone-a'],
      ['10.244.2.7', { ready: false, serving: false, terminating: false }, 'zone-b'],
    ]);
    setPodRunning(t, 'web-2', '10.244.2.7', true);
    expect(t.get('endpoints', 'web')!.subsets[0].addresses).toHaveLength(2);
    expect(t.list('endpointslices', 'kubernetes.io/service-name=web')[0].endpoints.every((e: { conditions: { ready: boolean } }) => e.conditions.ready)).toBe(true);
  });

  it('drops a terminating pod from Endpoints but keeps it in the slice as terminating', () => {
    const t = newTestCluster({ controllers: ['endpoints-controller', 'endpointslice-controller'] });
    t.apply(SVC);
    t.apply(podYaml('web-1', { app: 'web' }));
    setPodRunning(t, 'web-1', '10.244.1.5');
    t.api.delete(t.api.registry.get('', 'pods')!, 'default', 'web-1', {});
    t.settle();
    expect(t.get('endpoints', 'web')!.subsets).toBeUndefined();
    const [slice] = t.list('endpointslices', 'kubernetes.io/service-name=web');
    expect(slice.endpoints[0].conditions).toEqual({ ready: false, serving: true, terminating: true });
  });

  it('keeps a placeholder slice and an empty Endpoints for a Service without pods, and removes Endpoints with the Service', () => {
    const t = newTestCluster({ controllers: ['endpoints-controller', 'endpointslice-controller'] });
    t.apply(SVC);
    expect(t.get('endpoints', 'web')).toBeDefined();
    const slices = t.list('endpointslices', 'kubernetes.io/service-name=web');
    expect(slices).toHaveLength(1);
    expect(slices[0].endpoints).toBeNull();
    expect(slices[0].ports).toBeNull();
    t.api.delete(t.api.registry.get('', 'services')!, 'default', 'web', {});
    t.settle();
    expect(t.get('endpoints', 'web')).toBeUndefined();
  });

  it('points the kubernetes Service at the control-plane node on port 6443', () => {
    const t = newTestCluster({ controllers: ['endpoints-controller', 'endpointslice-controller'] });
    expect(t.get('endpoints', 'kubernetes')!.subsets).toEqual([{ addresses: [{ ip: '172.18.0.2' }], ports: [{ name: 'https', port: 6443, protocol: 'TCP' }] }]);
    const slice = t.get('endpointslices', 'kubernetes')!;
    expect(slice.endpoints).toEqual([{ addresses: ['172.18.0.2'], conditions: { ready: true } }]);
    expect(slice.metadata.labels).toEqual({ 'kubernetes.io/service-name': 'kubernetes' });
  });

  it('moves a pod between Services when its labels change', () => {
    const t = newTestCluster({ controllers: ['endpoints-controller', 'endpointslice-controller'] });
    t.apply(SVC);
    t.apply(SVC.replace(/web/g, 'db'));
    t.apply(podYaml('p', { app: 'web' }));
    setPodRunning(t, 'p', '10.244.1.5');
    expect(t.get('endpoints', 'web')!.subsets).toHaveLength(1);
    const p = clone(t.get('pods', 'p')!);
    p.metadata.labels = { app: 'db' };
    t.api.update(t.api.registry.get('', 'pods')!, 'default', 'p', p);
    t.settle();
    expect(t.get('endpoints', 'web')!.subsets).toBeUndefined();
    expect(t.get('endpoints', 'db')!.subsets[0].addresses[0].ip).toBe('10.244.1.5');
  });
});
