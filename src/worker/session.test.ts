import { afterEach, describe, expect, it } from 'vitest';
import type { JournalEntry, Notice } from '../protocol/messages';
import type { MirrorSnapshot, View } from '../protocol/views';
import { Session } from './session';

const open: Session[] = [];
function session(seed = 1) {
  const notices: Notice[] = [];
  const s = new Session(seed, (n) => notices.push(n));
  open.push(s);
  return { s, notices };
}
afterEach(() => open.splice(0).forEach((s) => s.driver.halt()));

const snapshotOf = (notices: Notice[]): MirrorSnapshot => {
  const n = notices.find((x) => x.type === 'mirror.reset');
  if (n?.type !== 'mirror.reset') throw new Error('no reset');
  return n.snapshot;
};
const names = (views: View[], kind: string) => views.filter((v) => v.kind === kind).map((v) => v.name).sort();

describe('worker session', () => {
  it('publishes the default cluster as the first mirror', () => {
    const { s, notices } = session();
    s.start({ type: 'session.start', seed: 1, journal: [], playing: false, speed: 1 });
    const snap = snapshotOf(notices);
    expect(names(snap.views, 'Node')).toEqual(['control-plane', 'worker-1', 'worker-2', 'worker-3']);
    expect(names(snap.views, 'Deployment')).toContain('web');
    expect(names(snap.views, 'Service')).toContain('web');
  });

  it('scales through the scale subresource and records the request for the feed', () => {
    const { s } = session();
    s.start({ type: 'session.start', seed: 1, journal: [], playing: false, speed: 1 });
    const r = s.apply({ type: 'workload.scale', ref: { kind: 'Deployment', namespace: 'default', name: 'web' }, replicas: 5 });
    expect(r.audit).toMatchObject([{ method: 'PATCH', path: '/apis/apps/v1/namespaces/default/deployments/web/scale', status: 200, summary: 'scale deployment/web to 5' }]);
    expect(s.cluster.store.get('apps/deployments', 'default', 'web')?.spec.replicas).toBe(5);
  });

  it('attributes the scale to you and reports what changed', () => {
    const { s } = session();
    s.start({ type: 'session.start', seed: 1, journal: [], playing: false, speed: 1 });
    s.apply({ type: 'workload.scale', ref: { kind: 'Deployment', namespace: 'default', name: 'web' }, replicas: 4 });
    const delta = s.feed.flush(s.clock())!;
    expect(delta.activity.find((a) => a.target.kind === 'Deployment' && a.target.name === 'web')).toMatchObject({ actor: 'you', summary: 'replicas 3 → 4' });
    expect(delta.audit).toHaveLength(1);
  });

  it('rebuilds the same cluster from seed and journal (restart after a crash)', () => {
    const a = session();
    a.s.start({ type: 'session.start', seed: 7, journal: [], playing: false, speed: 1 });
    const journal: JournalEntry[] = [];
    a.s.cluster.clock.advance(5_000);
    const req = { type: 'node.add' as const };
    journal.push({ at: a.s.apply(req).at, request: req, changed: true });
    a.s.cluster.clock.advance(20_000);
    const scale = { type: 'workload.scale' as const, ref: { kind: 'Deployment', namespace: 'default', name: 'web' }, replicas: 6 };
    journal.push({ at: a.s.apply(scale).at, request: scale, changed: true });
    a.s.cluster.clock.advance(60_000);
    const resumeAt = a.s.cluster.clock.now();
    const before = a.s.feed.snapshot(a.s.clock()).views.filter((v) => v.kind !== 'Event');

    const b = session();
    b.s.start({ type: 'session.start', seed: 7, journal, resumeAt, playing: false, speed: 1 });
    const after = snapshotOf(b.notices).views.filter((v) => v.kind !== 'Event');
    expect(after.map((v) => v.uid).sort()).toEqual(before.map((v) => v.uid).sort());
    expect(names(after, 'Node')).toContain('worker-4');
  });

  it('credits the scheduler, not a kubelet, with an unschedulable pod\'s status', () => {
    const { s } = session();
    s.start({ type: 'session.start', seed: 1, journal: [], playing: false, speed: 1 });
    s.feed.flush(s.clock());
    const body = JSON.stringify({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'big' }, spec: { containers: [{ name: 'c', image: 'nginx:1.27', resources: { requests: { cpu: '64' } } }] } });
    s.apply({ type: 'rest.request', req: { method: 'POST', path: '/api/v1/namespaces/default/pods', query: {}, contentType: 'application/json', body } });
    s.cluster.clock.advance(2_000);
    const steps = s.feed.flush(s.clock())!.activity.filter((a) => a.target.name === 'big');
    expect(steps.map((a) => [a.actor, a.summary])).toEqual([
      ['kubectl', 'created'],
      ['default-scheduler', 'not scheduled: Unschedulable'],
    ]);
  });

  it('keeps simulated time on whole milliseconds while playing, so the cluster\'s Events are recorded', async () => {
    const { s } = session();
    s.start({ type: 'session.start', seed: 1, journal: [], playing: true, speed: 1.37, warmupMs: 30_000 });
    await new Promise((r) => setTimeout(r, 150));
    expect(Number.isInteger(s.cluster.clock.now())).toBe(true);
    const body = JSON.stringify({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'big' }, spec: { containers: [{ name: 'c', image: 'nginx:1.27', resources: { requests: { cpu: '64' } } }] } });
    s.apply({ type: 'rest.request', req: { method: 'POST', path: '/api/v1/namespaces/default/pods', query: {}, contentType: 'application/json', body } });
    await new Promise((r) => setTimeout(r, 400));
    s.driver.pause();
    expect(Number.isInteger(s.cluster.clock.now())).toBe(true);
    const events = JSON.parse(s.rest({ method: 'GET', path: '/api/v1/namespaces/default/events', query: {} }, 'test').body!) as { items: { reason: string; involvedObject: { name: string } }[] };
    expect(events.items.filter((e) => e.involvedObject.name === 'big').map((e) => e.reason)).toContain('FailedScheduling');
  });

  it('drains a node: cordons it and evicts all but DaemonSet pods', () => {
    const { s } = session();
    s.start({ type: 'session.start', seed: 1, journal: [], playing: false, speed: 1 });
    const r = s.apply({ type: 'node.drain', node: 'worker-1' });
    expect(r.audit[0]).toMatchObject({ summary: 'cordon node worker-1', status: 200 });
    expect(s.cluster.store.get('nodes', undefined, 'worker-1')?.spec.unschedulable).toBe(true);
  });

  it('describes a node with its pods', () => {
    const { s } = session();
    s.start({ type: 'session.start', seed: 1, journal: [], playing: false, speed: 1 });
    const d = s.describe({ kind: 'Node', name: 'worker-2' });
    expect(d.ref).toMatchObject({ kind: 'Node', name: 'worker-2' });
    expect((d.object as { metadata: { name: string } }).metadata.name).toBe('worker-2');
  });
});
