import { describe, expect, it } from 'vitest';
import type { KObject } from '../../api/types';
import { pod } from '../endpoints/testkit';
import { reconcileSlices, type SliceInput } from './reconcile';

const svc: KObject = {
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name: 'web', namespace: 'default', uid: 'svc-uid', labels: { app: 'web' } },
  spec: { selector: { app: 'web' }, clusterIP: '10.96.0.20', ports: [{ name: 'http', port: 80, protocol: 'TCP', targetPort: 'http' }] },
};
const pods = (n: number, from = 0) => Array.from({ length: n }, (_, i) => pod({ name: `p${from + i}`, ip: `10.1.${(from + i) >> 8}.${(from + i) & 255}` }));
const input = (p: KObject[], slices: KObject[] = []): SliceInput => ({ svc, pods: p, slices, zoneOf: () => 'zone-a' });
let n = 0;
/** Applies a plan the way the API would: generated names for creates. */
function apply(slices: KObject[], plan: ReturnType<typeof reconcileSlices>): KObject[] {
  const gone = new Set(plan.delete.map((s) => s.metadata.name));
  const updated = new Map(plan.update.map((s) => [s.metadata.name, s]));
  const out = slices.filter((s) => !gone.has(s.metadata.name)).map((s) => updated.get(s.metadata.name) ?? s);
  for (const c of plan.create) out.push({ ...c, metadata: { ...c.metadata, name: `web-${n++}` } });
  return out;
}

describe('reconcileSlices', () => {
  it('creates one slice with an endpoint per pod, owned by the Service', () => {
    const plan = reconcileSlices(input(pods(2)));
    expect(plan.create).toHaveLength(1);
    const s = plan.create[0];
    expect(s.metadata.generateName).toBe('web-');
    expect(s.metadata.ownerReferences).toEqual([{ apiVersion: 'v1', kind: 'Service', name: 'web', uid: 'svc-uid', controller: true, blockOwnerDeletion: true }]);
    expect(s.endpoints[0]).toEqual({
      addresses: ['10.1.0.0'],
      conditions: { ready: true, serving: true, terminating: false },
      targetRef: { kind: 'Pod', namespace: 'default', name: 'p0', uid: 'uid-p0' },
      nodeName: 'worker-1',
      zone: 'zone-a',
    });
    expect(s.ports).toEqual([{ name: 'http', port: 8080, protocol: 'TCP' }]);
  });

  it('splits endpoints into slices of at most 100', () => {
    const plan = reconcileSlices(input(pods(250)));
    expect(plan.create.map((s) => s.endpoints.length)).toEqual([100, 100, 50]);
  });

  it('fills existing slices with room before creating new ones', () => {
    let slices = apply([], reconcileSlices(input(pods(150))));
    const plan = reconcileSlices(input(pods(190), slices));
    expect(plan.create).toHaveLength(0);
    expect(plan.update.map((s) => s.endpoints.length)).toEqual([90]);
    slices = apply(slices, plan);
    expect(slices.map((s) => s.endpoints.length)).toEqual([100, 90]);
  });

  it('changes nothing when the endpoints are as desired', () => {
    const slices = apply([], reconcileSlices(input(pods(3))));
    expect(reconcileSlices(input(pods(3), slices))).toEqual({ create: [], update: [], delete: [] });
  });

  it('removes endpoints of deleted pods and deletes slices left empty', () => {
    const slices = apply([], reconcileSlices(input(pods(150))));
    const plan = reconcileSlices(input(pods(40), slices));
    expect(plan.update.map((s) => s.endpoints.length)).toEqual([40]);
    expect(plan.delete).toHaveLength(1);
  });

  it('marks terminating pods ready=false, serving as their readiness, terminating=true', () => {
    const [s] = reconcileSlices(input([pod({ name: 'a', deleting: true })])).create;
    expect(s.endpoints[0].conditions).toEqual({ ready: false, serving: true, terminating: true });
  });

  it('reports unready pods ready with publishNotReadyAddresses', () => {
    const p = reconcileSlices({ ...input([pod({ name: 'a', ready: false })]), svc: { ...svc, spec: { ...svc.spec, publishNotReadyAddresses: true } } });
    expect(p.create[0].endpoints[0].conditions).toEqual({ ready: true, serving: false, terminating: false });
  });

  it('keeps one placeholder slice without ports or endpoints when nothing is selected', () => {
    const plan = reconcileSlices(input([]));
    expect(plan.create).toHaveLength(1);
    expect([plan.create[0].endpoints, plan.create[0].ports]).toEqual([null, null]);
    const slices = apply([], plan);
    expect(reconcileSlices(input([], slices))).toEqual({ create: [], update: [], delete: [] });
  });

  it('replaces the placeholder once pods appear', () => {
    const slices = apply([], reconcileSlices(input([])));
    const plan = reconcileSlices(input(pods(1), slices));
    expect([plan.create.length, plan.delete.length]).toEqual([1, 1]);
  });

  it('puts pods whose ports resolve differently into different slices', () => {
    const plan = reconcileSlices(input([pod({ name: 'a', ports: [{ name: 'http', containerPort: 80 }] }), pod({ name: 'b', ip: '10.0.0.9', ports: [{ name: 'http', containerPort: 81 }] })]));
    expect(plan.create.map((s) => s.ports[0].port)).toEqual([80, 81]);
  });
});
