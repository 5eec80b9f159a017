import { describe, expect, it } from 'vitest';
import { clone, type KObject } from '../../api/types';
import { rfc3339 } from '../../sim/clock';
import { newTestCluster, type TestCluster } from '../../testing/testCluster';
import { podYaml, setPodRunning } from '../endpoints/testkit';

const CONTROLLERS = ['node-lifecycle-controller', 'taint-eviction-controller'];

/** Stand-in kubelets: renew every node's Lease each 10 s, except nodes in `down`. */
function heartbeats(t: TestCluster, down: Set<string>): void {
  const def = t.api.registry.get('coordination.k8s.io', 'leases')!;
  const beat = () => {
    for (const n of t.list('nodes')) {
      const name = n.metadata.name!;
      if (down.has(name)) continue;
      const renewTime = rfc3339(t.clock.now()).replace('Z', '.000000Z');
      const live = t.get('leases', name, 'kube-node-lease');
      const spec = { holderIdentity: name, leaseDurationSeconds: 40, renewTime };
      if (live) t.api.update(def, 'kube-node-lease', name, { ...clone(live), spec });
      else t.api.create(def, 'kube-node-lease', { apiVersion: 'coordination.k8s.io/v1', kind: 'Lease', metadata: { name, namespace: 'kube-node-lease' }, spec });
    }
    t.clock.after(10_000, beat);
  };
  beat();
  t.settle();
}

const node = (t: TestCluster, name: string) => t.get('nodes', name, '')!;
const ready = (t: TestCluster, name: string) => node(t, name).status.conditions.find((c: { type: string }) => c.type === 'Ready');
const taints = (t: TestCluster, name: string) => (node(t, name).spec.taints ?? []).map((x: { key: string; effect: string }) => `${x.key}:${x.effect}`);

/** Advances 1 s at a time until `cond` holds; returns the simulated seconds waited. */
function waitFor(t: TestCluster, cond: () => boolean, maxS = 1000): number {
  for (let s = 0; s <= maxS; s++) {
    if (cond()) return s;
    t.advance('1s');
  }
  throw new Error('condition never held');
}

describe('node-lifecycle-controller + taint-eviction-controller', () => {
  it('a node that stops heartbeating goes Unknown ~50 s later, is tainted, and its pods are evicted ~300 s after that', () => {
    const t = newTestCluster({ controllers: CONTROLLERS });
    const down = new Set<string>();
    heartbeats(t, down);
    t.apply(podYaml('web', { app: 'web' }, 'worker-1'));
    setPodRunning(t, 'web', '10.244.1.5');
    t.advance('30s');
    expect(ready(t, 'worker-1').status).toBe('True');
    // The last renewal happened at a 10 s boundary; now the kubelet dies.
    down.add('worker-1');
    const lastBeat = Date.parse(t.get('leases', 'worker-1', 'kube-node-lease')!.spec.renewTime);
    const unknownAfter = waitFor(t, () => ready(t, 'worker-1').status === 'Unknown');
    const sinceBeat = (t.clock.now() - lastBeat) / 1000;
    expect(sinceBeat).toBeGreaterThan(50);
    expect(sinceBeat).toBeLessThanOrEqual(56);
    expect(unknownAfter).toBeGreaterThan(0);
    const r = ready(t, 'worker-1');
    expect([r.reason, r.message]).toEqual(['NodeStatusUnknown', 'Kubelet stopped posting node status.']);
    expect(node(t, 'worker-1').status.conditions.filter((c: { status: string }) => c.status === 'Unknown').map((c: { type: string }) => c.type).sort()).toEqual(['DiskPressure', 'MemoryPressure', 'PIDPressure', 'Ready']);
    expect(taints(t, 'worker-1')).toContain('node.kubernetes.io/unreachable:NoSchedule');
    expect(t.events('worker-1')).toContain('NodeNotReady: Node worker-1 status is now: NodeNotReady');
    // Pods on the node are marked not ready.
    const podReady = t.get('pods', 'web')!.status.conditions.find((c: { type: string }) => c.type === 'Ready');
    expect(podReady.status).toBe('False');
    expect(t.events('web')).toContain('NodeNotReady: Node is not ready');
    // The NoExecute taint follows on the next monitor pass, with timeAdded.
    waitFor(t, () => taints(t, 'worker-1').includes('node.kubernetes.io/unreachable:NoExecute'), 10);
    const noExec = node(t, 'worker-1').spec.taints.find((x: { effect: string }) => x.effect === 'NoExecute');
    expect(noExec.timeAdded).toBe(rfc3339(t.clock.now()));
    const taintedAt = t.clock.now();
    // The pod tolerates unreachable for 300 s (DefaultTolerationSeconds), then is deleted.
    const evictedAfter = waitFor(t, () => !!t.get('pods', 'web')!.metadata.deletionTimestamp, 400);
    expect((t.clock.now() - taintedAt) / 1000).toBeGreaterThanOrEqual(300);
    expect(evictedAfter).toBeLessThanOrEqual(301);
    expect(t.events('web')).toContain('TaintManagerEviction: Marking for deletion Pod default/web');
    const dt = t.get('pods', 'web')!.status.conditions.find((c: { type: string }) => c.type === 'DisruptionTarget');
    expect([dt.reason, dt.message]).toEqual(['DeletionByTaintManager', 'Taint manager: deleting due to NoExecute taint']);
    // Other nodes are untouched.
    expect(ready(t, 'worker-2').status).toBe('True');
    expect(taints(t, 'worker-2')).toEqual([]);
  });

  it('removes the taints when the node reports Ready again and cancels pending evictions', () => {
    const t = newTestCluster({ controllers: CONTROLLERS });
    const down = new Set(['worker-2']);
    heartbeats(t, down);
    t.apply(podYaml('web', { app: 'web' }, 'worker-2'));
    setPodRunning(t, 'web', '10.244.2.5');
    waitFor(t, () => taints(t, 'worker-2').includes('node.kubernetes.io/unreachable:NoExecute'), 120);
    // The kubelet comes back and posts a Ready status.
    down.delete('worker-2');
    const n = clone(node(t, 'worker-2'));
    const now = rfc3339(t.clock.now());
    n.status.conditions = n.status.conditions.map((c: { type: string }) => ({ ...c, status: c.type === 'Ready' ? 'True' : 'False', lastHeartbeatTime: now, lastTransitionTime: now, reason: 'KubeletReady', message: 'kubelet is posting ready status' }));
    t.api.update(t.api.registry.get('', 'nodes')!, '', 'worker-2', n, {}, 'status');
    t.advance('6s');
    expect(taints(t, 'worker-2')).toEqual([]);
    expect(t.events('web')).toContain('TaintManagerEviction: Cancelling deletion of Pod default/web');
    t.advance('400s');
    expect(t.get('pods', 'web')!.metadata.deletionTimestamp).toBeUndefined();
  });

  it('evicts pods that do not tolerate a NoExecute taint at once, and leaves tolerating ones', () => {
    const t = newTestCluster({ controllers: CONTROLLERS });
    heartbeats(t, new Set());
    t.apply(podYaml('plain', { app: 'a' }, 'worker-3'));
    t.apply(podYaml('tolerant', { app: 'a' }, 'worker-3', '  tolerations:\n  - key: dedicated\n    operator: Exists\n    effect: NoExecute\n'));
    const n = clone(node(t, 'worker-3'));
    n.spec.taints = [{ key: 'dedicated', value: 'gpu', effect: 'NoExecute' }];
    t.api.update(t.api.registry.get('', 'nodes')!, '', 'worker-3', n);
    t.settle();
    expect(t.get('pods', 'plain')!.metadata.deletionTimestamp).toBeDefined();
    expect(t.get('pods', 'tolerant')!.metadata.deletionTimestamp).toBeUndefined();
  });

  it('taints cordoned nodes node.kubernetes.io/unschedulable:NoSchedule and untaints them on uncordon', () => {
    const t = newTestCluster({ controllers: CONTROLLERS });
    heartbeats(t, new Set());
    const nodes = t.api.registry.get('', 'nodes')!;
    t.api.patch(nodes, '', 'worker-1', { spec: { unschedulable: true } }, 'application/merge-patch+json', {}, '', (d, b) => ({ ...d, spec: { ...d.spec, ...(b as KObject).spec } }));
    t.settle();
    expect(node(t, 'worker-1').spec.taints).toEqual([{ key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule', timeAdded: rfc3339(t.clock.now()) }]);
    t.api.patch(nodes, '', 'worker-1', { spec: { unschedulable: false } }, 'application/merge-patch+json', {}, '', (d, b) => ({ ...d, spec: { ...d.spec, ...(b as KObject).spec } }));
    t.settle();
    expect(taints(t, 'worker-1')).toEqual([]);
  });

  it('stops tainting when every zone is fully disrupted', () => {
    const t = newTestCluster({ controllers: CONTROLLERS });
    const down = new Set(['control-plane', 'worker-1', 'worker-2', 'worker-3']);
    heartbeats(t, down);
    t.apply(podYaml('web', { app: 'web' }, 'worker-1'));
    t.advance('120s');
    expect(ready(t, 'worker-1').status).toBe('Unknown');
    expect(taints(t, 'worker-1')).toEqual(['node.kubernetes.io/unreachable:NoSchedule']);
    t.advance('400s');
    expect(t.get('pods', 'web')!.metadata.deletionTimestamp).toBeUndefined();
  });

  it('records RegisteredNode for every node it starts watching', () => {
    const t = newTestCluster({ controllers: CONTROLLERS });
    expect(t.events('worker-1')).toEqual(['RegisteredNode: Node worker-1 event: Registered Node worker-1 in Controller']);
  });
});
