import { describe, expect, it } from 'vitest';
import { clone } from '../../api/types';
import { newTestCluster, type TestCluster } from '../../testing/testCluster';

const ready = (t: TestCluster, node: string) => t.get('nodes', node, '')!.status.conditions.find((c: { type: string }) => c.type === 'Ready');
const taints = (t: TestCluster, node: string) => (t.get('nodes', node, '')!.spec.taints ?? []).map((x: { key: string; effect: string }) => `${x.key}:${x.effect}`);
const webOn = (t: TestCluster, node: string) => t.pods('app=web').filter((p) => p.spec.nodeName === node && !p.metadata.deletionTimestamp);

function waitFor(t: TestCluster, cond: () => boolean, maxS: number): number {
  for (let s = 0; s <= maxS; s++) {
    if (cond()) return s;
    t.advance('1s');
  }
  throw new Error('condition never held');
}

describe('a worker goes down in the full cluster (kubelet fault `down`)', () => {
  it('Ready=Unknown after ~50 s, unreachable taints, endpoints drop its pods, pods evicted ~300 s later and replaced elsewhere', () => {
    const t = newTestCluster({ empty: false });
    t.advance('60s');
    const victims = webOn(t, 'worker-1');
    expect(victims.length).toBeGreaterThan(0);
    expect(ready(t, 'worker-1').status).toBe('True');
    const node = clone(t.get('nodes', 'worker-1', '')!);
    node.metadata.annotations = { ...node.metadata.annotations, 'kubeplay.dev/fault': 'down' };
    t.api.update(t.api.registry.get('', 'nodes')!, '', 'worker-1', node);
    const lastRenew = Date.parse(t.get('leases', 'worker-1', 'kube-node-lease')!.spec.renewTime);
    waitFor(t, () => ready(t, 'worker-1').status === 'Unknown', 70);
    const silent = (t.clock.now() - lastRenew) / 1000;
    expect(silent).toBeGreaterThan(50);
    expect(silent).toBeLessThanOrEqual(61);
    expect(taints(t, 'worker-1')).toContain('node.kubernetes.io/unreachable:NoSchedule');
    // Its pods are not ready any more, so the Service stops sending them traffic.
    const ips = victims.map((p) => p.status.podIP);
    const addresses = (t.get('endpoints', 'web')!.subsets ?? []).flatMap((s: { addresses?: { ip: string }[] }) => (s.addresses ?? []).map((a) => a.ip));
    for (const ip of ips) expect(addresses).not.toContain(ip);
    waitFor(t, () => taints(t, 'worker-1').includes('node.kubernetes.io/unreachable:NoExecute'), 10);
    const tainted = t.clock.now();
    waitFor(t, () => victims.every((v) => !!t.get('pods', v.metadata.name!)?.metadata.deletionTimestamp), 320);
    expect((t.clock.now() - tainted) / 1000).toBeGreaterThanOrEqual(300);
    t.advance('30s');
    // The ReplicaSet replaced them on healthy nodes.
    const running = t.pods('app=web').filter((p) => !p.metadata.deletionTimestamp);
    expect(running).toHaveLength(3);
    expect(running.every((p) => p.spec.nodeName !== 'worker-1')).toBe(true);
  });
});
