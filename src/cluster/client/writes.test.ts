import { describe, expect, it } from 'vitest';
import type { KObject } from '../api/types';
import { newTestServer } from '../apiserver/testing';
import { Client } from './client';
import { EventRecorder } from './recorder';

/** The cheap internal write paths must store exactly what the copying (REST-equivalent) paths store. */

const pod = (name: string): KObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, namespace: 'default', labels: { app: 'web' }, annotations: undefined },
  spec: { containers: [{ name: 'app', image: 'nginx', ports: undefined }] },
});

function twoServers() {
  const a = newTestServer(7);
  const b = newTestServer(7);
  return { a, b, ca: new Client(a.api, 'test'), cb: new Client(b.api, 'test') };
}

describe('owned writes store the same objects as copied ones', () => {
  it('an owned pod create equals a copied one (undefined keys dropped, defaults applied)', () => {
    const { ca, cb } = twoServers();
    const copied = ca.create('pods', pod('p'));
    const owned = cb.create('pods', pod('p'), { owned: true });
    expect(JSON.stringify(owned)).toBe(JSON.stringify(copied));
    expect(Object.keys(owned.metadata)).toEqual(Object.keys(copied.metadata));
    expect(Object.isFrozen(owned.spec.containers[0])).toBe(true);
  });

  it('an owned create may carry frozen parts of stored objects: they are copied before defaulting touches them', () => {
    const { ca } = twoServers();
    const first = ca.create('pods', pod('p'));
    const again = ca.create('pods', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'q', namespace: 'default' }, spec: first.spec }, { owned: true });
    expect(again.spec).toEqual(first.spec);
    expect(ca.get('pods', 'default', 'p')).toBe(first);
  });

  it('a status write takes only status, annotations and finalizers from the body; spec and labels stay as stored', () => {
    const { ca } = twoServers();
    const p = ca.create('pods', pod('p'));
    const body = { ...p, metadata: { ...p.metadata, labels: { app: 'other' }, annotations: { a: 'b' } }, spec: { containers: [] }, status: { ...p.status, phase: 'Running' } };
    const s = ca.updateStatus('pods', body);
    expect(s.status.phase).toBe('Running');
    expect(s.metadata.labels).toEqual({ app: 'web' });
    expect(s.metadata.annotations).toEqual({ a: 'b' });
    expect(s.spec).toBe(p.spec);
    expect(Number(s.metadata.resourceVersion)).toBeGreaterThan(Number(p.metadata.resourceVersion));
  });

  it('an owned status write keeps the caller’s status (frozen), a copied one leaves the caller’s object alone', () => {
    const { ca } = twoServers();
    const p = ca.create('pods', pod('p'));
    const mine = { phase: 'Running', conditions: [{ type: 'Ready', status: 'True' }] };
    const copied = ca.updateStatus('pods', { metadata: { name: 'p', namespace: 'default' }, status: mine });
    expect(Object.isFrozen(mine)).toBe(false);
    expect(copied.status).toEqual(mine);
    // New content, so the store cannot share an equal array it already holds (see store/sharing.ts).
    const conditions = [{ type: 'Ready', status: 'False' }];
    const owned = ca.updateStatus('pods', { metadata: { name: 'p', namespace: 'default' }, status: { ...mine, phase: 'Succeeded', conditions } }, { owned: true });
    expect(owned.status.phase).toBe('Succeeded');
    expect(owned.status.conditions).toBe(conditions);
    expect(Object.isFrozen(conditions)).toBe(true);
    expect(p.metadata.uid).toBe(owned.metadata.uid);
  });

  it('binding shares the unchanged parts of the pod and records PodScheduled', () => {
    const { ca } = twoServers();
    const p = ca.create('pods', pod('p'));
    ca.bind('default', 'p', 'node-1');
    const bound = ca.get('pods', 'default', 'p')!;
    expect(bound.spec.nodeName).toBe('node-1');
    expect(bound.spec.containers).toBe(p.spec.containers);
    expect(bound.status.conditions.map((c: { type: string; status: string }) => `${c.type}=${c.status}`)).toContain('PodScheduled=True');
    expect(p.spec.nodeName).toBeUndefined();
  });
});

describe('event recorder', () => {
  it('a repeated event bumps count and lastTimestamp exactly as a PATCH would', () => {
    const { a, b, ca, cb } = twoServers();
    const pa = ca.create('pods', pod('p'));
    const pb = cb.create('pods', pod('p'));
    let n = 0;
    const rec = new EventRecorder(ca, () => String(n++));
    rec.event(pa, 'Warning', 'BackOff', 'Back-off restarting failed container', 'kubelet', 'node-1', 'spec.containers{app}');
    a.clock.advance(5000);
    rec.event(pa, 'Warning', 'BackOff', 'Back-off restarting failed container', 'kubelet', 'node-1', 'spec.containers{app}');
    const viaRecorder = ca.list('events')[0];
    // The same two steps spelled out: create, then a merge PATCH of count and lastTimestamp.
    const created = cb.create('events', {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name: 'p.0', namespace: 'default' },
      involvedObject: { kind: 'Pod', namespace: 'default', name: 'p', uid: pb.metadata.uid, apiVersion: 'v1', resourceVersion: pb.metadata.resourceVersion, fieldPath: 'spec.containers{app}' },
      reason: 'BackOff',
      message: 'Back-off restarting failed container',
      source: { component: 'kubelet', host: 'node-1' },
      firstTimestamp: b.api.ctx.now,
      lastTimestamp: b.api.ctx.now,
      count: 1,
      type: 'Warning',
      eventTime: null,
      reportingComponent: 'kubelet',
      reportingInstance: 'node-1',
    });
    b.clock.advance(5000);
    const patched = cb.patch('events', 'default', created.metadata.name!, { count: 2, lastTimestamp: b.api.ctx.now });
    expect(JSON.stringify(viaRecorder)).toBe(JSON.stringify(patched));
    expect(viaRecorder.count).toBe(2);
  });

  it('forgets the oldest of 4,096 series first: its next occurrence starts a new Event', () => {
    const { ca } = twoServers();
    const p = ca.create('pods', pod('p'));
    let n = 0;
    const rec = new EventRecorder(ca, () => String(n++));
    for (let i = 0; i <= 4096; i++) rec.event(p, 'Normal', 'R', `m${i}`, 'c');
    rec.event(p, 'Normal', 'R', 'm4096', 'c'); // still remembered: aggregated
    rec.event(p, 'Normal', 'R', 'm0', 'c'); // forgotten: a new Event
    const events = ca.list('events');
    expect(events.length).toBe(4098);
    expect(events.filter((e) => e.message === 'm0').map((e) => e.count)).toEqual([1, 1]);
    expect(events.find((e) => e.message === 'm4096')!.count).toBe(2);
  });
});
