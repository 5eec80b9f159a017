import { describe, expect, it } from 'vitest';
import { newTestCluster } from '../testing/testCluster';

const POD = `
apiVersion: v1
kind: Pod
metadata: { name: web }
spec: { containers: [{ name: nginx, image: nginx:1.27 }] }
`;

const eventsOf = (t: ReturnType<typeof newTestCluster>, name: string) => t.list('events', undefined, 'default').filter((e) => e.involvedObject.name === name);

describe('Events expire an hour after their last write (kube-apiserver --event-ttl=1h)', () => {
  it('a pod’s Events are there for 59 minutes and gone after 60; watchers see them DELETED', () => {
    const t = newTestCluster();
    t.apply(POD);
    t.advance('30s');
    const reasons = eventsOf(t, 'web').map((e) => e.reason);
    expect(reasons).toEqual(expect.arrayContaining(['Scheduled', 'Pulled', 'Created', 'Started']));
    const deleted: string[] = [];
    t.store.watch('events', { namespace: 'default' }, (type, o) => type === 'DELETED' && o.involvedObject.name === 'web' && deleted.push(o.reason));
    t.advance('58m');
    expect(eventsOf(t, 'web')).toHaveLength(reasons.length);
    t.advance('2m');
    expect(eventsOf(t, 'web')).toHaveLength(0);
    expect(deleted.sort()).toEqual([...reasons].sort());
    expect(t.pods().map((p) => p.status.phase)).toEqual(['Running']); // only the Events go
  });

  it('an Event written again (its count grew) lives an hour from that write', () => {
    const t = newTestCluster();
    t.apply(`
apiVersion: v1
kind: Pod
metadata: { name: bad }
spec: { containers: [{ name: c, image: nginx:no-such-tag }] }
`);
    t.advance('50m');
    const backOff = () => eventsOf(t, 'bad').find((e) => e.reason === 'BackOff');
    expect(backOff()?.count).toBeGreaterThan(1);
    t.advance('30m'); // 80 minutes after the first BackOff, but it keeps being written
    expect(backOff()).toBeDefined();
    const scheduled = eventsOf(t, 'bad').find((e) => e.reason === 'Scheduled');
    expect(scheduled).toBeUndefined(); // written once, an hour ago
  });

  it('eventTtlMs: 0 keeps every Event', () => {
    const t = newTestCluster({ eventTtlMs: 0 });
    t.apply(POD);
    t.advance('2h');
    expect(eventsOf(t, 'web').length).toBeGreaterThanOrEqual(4);
  });
});
