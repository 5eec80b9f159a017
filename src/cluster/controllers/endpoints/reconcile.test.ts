import { describe, expect, it } from 'vitest';
import type { KObject } from '../../api/types';
import { pod } from './testkit';
import { computeSubsets, MAX_CAPACITY, reconcileEndpoints, truncateSubsets, type Subset } from './reconcile';

const svc = (spec: Record<string, unknown> = {}, labels: Record<string, string> = { app: 'web' }): KObject => ({
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name: 'web', namespace: 'default', uid: 'svc-uid', labels, creationTimestamp: '2025-01-01T00:00:00Z' },
  spec: { selector: { app: 'web' }, clusterIP: '10.96.0.20', ports: [{ name: 'http', port: 80, protocol: 'TCP', targetPort: 'http' }], ...spec },
});

const ips = (s: Subset[], field: 'addresses' | 'notReadyAddresses' = 'addresses') => s.flatMap((x) => (x[field] ?? []).map((a) => a.ip));

describe('computeSubsets', () => {
  const cases: { name: string; svc: KObject; pods: KObject[]; ready: string[]; notReady: string[]; ports?: unknown }[] = [
    {
      name: 'ready pods are addresses, unready pods notReadyAddresses',
      svc: svc(),
      pods: [pod({ name: 'a', ip: '10.0.0.2' }), pod({ name: 'b', ip: '10.0.0.1', ready: false })],
      ready: ['10.0.0.2'],
      notReady: ['10.0.0.1'],
    },
    {
      name: 'terminating pods are dropped',
      svc: svc(),
      pods: [pod({ name: 'a', ip: '10.0.0.2', deleting: true }), pod({ name: 'b', ip: '10.0.0.3' })],
      ready: ['10.0.0.3'],
      notReady: [],
    },
    {
      name: 'publishNotReadyAddresses lists unready and terminating pods as addresses',
      svc: svc({ publishNotReadyAddresses: true }),
      pods: [pod({ name: 'a', ip: '10.0.0.2', deleting: true }), pod({ name: 'b', ip: '10.0.0.3', ready: false })],
      ready: ['10.0.0.2', '10.0.0.3'],
      notReady: [],
    },
    {
      name: 'pods without an IP and terminal pods are skipped',
      svc: svc(),
      pods: [pod({ name: 'a', ip: '' }), pod({ name: 'b', ip: '10.0.0.3', phase: 'Succeeded' })],
      ready: [],
      notReady: [],
    },
    {
      name: 'addresses are sorted by IP numerically',
      svc: svc(),
      pods: [pod({ name: 'a', ip: '10.0.0.10' }), pod({ name: 'b', ip: '10.0.0.9' })],
      ready: ['10.0.0.9', '10.0.0.10'],
      notReady: [],
    },
    {
      name: 'a named targetPort resolves to the container port of that name',
      svc: svc(),
      pods: [pod({ name: 'a', ip: '10.0.0.2', ports: [{ name: 'http', containerPort: 9376 }] })],
      ready: ['10.0.0.2'],
      notReady: [],
      ports: [{ name: 'http', port: 9376, protocol: 'TCP' }],
    },
    {
      name: 'a pod without the named port is left out',
      svc: svc(),
      pods: [pod({ name: 'a', ip: '10.0.0.2', ports: [{ name: 'web', containerPort: 80 }] })],
      ready: [],
      notReady: [],
    },
    {
      name: 'a headless Service without ports still lists its pods',
      svc: svc({ clusterIP: 'None', ports: [] }),
      pods: [pod({ name: 'a', ip: '10.0.0.2' })],
      ready: ['10.0.0.2'],
      notReady: [],
    },
  ];
  for (const c of cases)
    it(c.name, () => {
      const s = computeSubsets(c.svc, c.pods);
      expect(ips(s)).toEqual(c.ready);
      expect(ips(s, 'notReadyAddresses')).toEqual(c.notReady);
      if (c.ports) expect(s[0].ports).toEqual(c.ports);
    });

  it('groups pods whose ports resolve differently into separate subsets', () => {
    const s = computeSubsets(svc(), [
      pod({ name: 'a', ip: '10.0.0.1', ports: [{ name: 'http', containerPort: 80 }] }),
      pod({ name: 'b', ip: '10.0.0.2', ports: [{ name: 'http', containerPort: 8080 }] }),
      pod({ name: 'c', ip: '10.0.0.3', ports: [{ name: 'http', containerPort: 80 }] }),
    ]);
    expect(s.map((x) => [x.ports![0].port, ips([x])])).toEqual([
      [80, ['10.0.0.1', '10.0.0.3']],
      [8080, ['10.0.0.2']],
    ]);
  });

  it('sets hostname when the pod subdomain names the Service, and targetRef/nodeName always', () => {
    const [s] = computeSubsets(svc(), [pod({ name: 'a', ip: '10.0.0.1', hostname: 'a', subdomain: 'web', node: 'worker-2' })]);
    expect(s.addresses![0]).toEqual({ ip: '10.0.0.1', hostname: 'a', nodeName: 'worker-2', targetRef: { kind: 'Pod', namespace: 'default', name: 'a', uid: 'uid-a' } });
  });
});

describe('truncateSubsets', () => {
  const addrs = (n: number, base: number) => Array.from({ length: n }, (_, i) => ({ ip: `10.${base}.${i >> 8}.${i & 255}`, targetRef: { kind: 'Pod' as const, namespace: 'default', name: `p${i}`, uid: `u${i}` } }));
  it('leaves 1000 or fewer addresses alone', () => {
    expect(truncateSubsets([{ addresses: addrs(1000, 0) }]).truncated).toBe(false);
  });
  it('keeps every ready address and truncates not-ready ones to fill 1000', () => {
    const r = truncateSubsets([{ addresses: addrs(800, 0), notReadyAddresses: addrs(400, 1) }]);
    expect(r.truncated).toBe(true);
    expect([r.subsets[0].addresses!.length, r.subsets[0].notReadyAddresses!.length]).toEqual([800, 200]);
  });
  it('with over 1000 ready addresses keeps 1000 ready split by share and drops not-ready ones', () => {
    const r = truncateSubsets([{ addresses: addrs(900, 0), notReadyAddresses: addrs(5, 2) }, { addresses: addrs(300, 1) }]);
    const sizes = r.subsets.map((s) => s.addresses!.length);
    expect(sizes).toEqual([750, 250]);
    expect(sizes.reduce((a, b) => a + b)).toBe(MAX_CAPACITY);
    expect(r.subsets[0].notReadyAddresses).toBeUndefined();
  });
});

describe('reconcileEndpoints', () => {
  const ready = [pod({ name: 'a', ip: '10.0.0.1' })];
  it('creates Endpoints named after the Service with its labels', () => {
    const p = reconcileEndpoints(svc(), ready, undefined, '2025-01-01T00:00:05Z');
    expect(p.action).toBe('create');
    if (p.action !== 'create') return;
    expect(p.endpoints.metadata).toEqual({ name: 'web', namespace: 'default', labels: { app: 'web' }, annotations: { 'endpoints.kubernetes.io/last-change-trigger-time': '2025-01-01T00:00:05Z' } });
  });
  it('does nothing when subsets and labels are unchanged', () => {
    const first = reconcileEndpoints(svc(), ready, undefined, undefined);
    if (first.action !== 'create') throw new Error('expected create');
    expect(reconcileEndpoints(svc(), ready, first.endpoints, '2025-01-01T00:01:00Z')).toEqual({ action: 'none' });
  });
  it('labels the Endpoints of a headless Service service.kubernetes.io/headless', () => {
    const p = reconcileEndpoints(svc({ clusterIP: 'None' }), ready, undefined, undefined);
    expect(p.action === 'create' && p.endpoints.metadata.labels).toEqual({ app: 'web', 'service.kubernetes.io/headless': '' });
  });
  it('marks truncated Endpoints with endpoints.kubernetes.io/over-capacity', () => {
    const pods = Array.from({ length: 1001 }, (_, i) => pod({ name: `p${i}`, ip: `10.1.${i >> 8}.${i & 255}` }));
    const p = reconcileEndpoints(svc(), pods, undefined, undefined);
    expect(p.action === 'create' && p.endpoints.metadata.annotations).toEqual({ 'endpoints.kubernetes.io/over-capacity': 'truncated' });
  });
  it('leaves Services without a selector alone', () => {
    expect(reconcileEndpoints(svc({ selector: undefined }), ready, undefined, undefined)).toEqual({ action: 'none' });
  });
  it('deletes the Endpoints of a deleted Service', () => {
    expect(reconcileEndpoints(undefined, [], { metadata: { name: 'web' } }, undefined)).toEqual({ action: 'delete' });
  });
});
