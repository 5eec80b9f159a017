/**
 * Scenario tests: the real API server with only the kubelet running; tests bind pods themselves
 * (`spec.nodeName: worker-1`) and watch statuses, events, Leases and Node status change over time.
 */
import { describe, expect, it } from 'vitest';
import type { KObject } from '../api/types';
import { applyPatch } from '../apiserver/patch';
import { newTestCluster, type TestCluster } from '../testing/testCluster';

const cluster = () => newTestCluster({ controllers: ['kubelet'] });

function pod(t: TestCluster, spec: string, name = 'web', meta = ''): KObject {
  return t.apply(`apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\n${meta}spec:\n  nodeName: worker-1\n${spec}`)[0];
}
const get = (t: TestCluster, name = 'web') => t.get('pods', name)!;
const cs = (t: TestCluster, name = 'web') => get(t, name).status?.containerStatuses?.[0];
const del = (t: TestCluster, resource: string, name: string, ns = 'default') => t.api.delete(t.api.registry.resolve(resource)!, ns, name, {});
/** A merge patch of metadata.annotations (null removes the fault). */
const annotate = (t: TestCluster, resource: string, ns: string, name: string, annotations: Record<string, string | null>) =>
  t.api.patch(t.api.registry.resolve(resource)!, ns, name, { metadata: { annotations } }, 'application/merge-patch+json', {}, '', applyPatch);
const annotateNode = (t: TestCluster, name: string, fault: string | null) => annotate(t, 'nodes', '', name, { 'kubeplay.dev/fault': fault });

describe('kubelet: pod startup', () => {
  it('takes a bound pod to Running and Ready with Pulling, Pulled, Created, Started events', () => {
    const t = cluster();
    pod(t, '  containers:\n  - name: nginx\n    image: nginx:1.27\n    readinessProbe: {httpGet: {path: /, port: 80}}');
    t.advance('15s');
    const p = get(t);
    expect(p.status.phase).toBe('Running');
    expect(p.status.conditions.map((c: KObject) => `${c.type}=${c.status}`)).toEqual([
      'PodReadyToStartContainers=True',
      'Initialized=True',
      'Ready=True',
      'ContainersReady=True',
      'PodScheduled=True',
    ]);
    expect(p.status).toMatchObject({ hostIP: '172.18.0.3', hostIPs: [{ ip: '172.18.0.3' }], podIP: '10.244.1.2', podIPs: [{ ip: '10.244.1.2' }], qosClass: 'BestEffort' });
    expect(p.status.startTime).toBe('2025-01-01T00:00:00Z');
    expect(cs(t)).toMatchObject({ name: 'nginx', ready: true, started: true, restartCount: 0, image: 'docker.io/library/nginx:1.27', lastState: {} });
    expect(cs(t).containerID).toMatch(/^containerd:\/\/[0-9a-f]{64}$/);
    expect(cs(t).imageID).toMatch(/^docker\.io\/library\/nginx@sha256:[0-9a-f]{64}$/);
    expect(t.events('web')).toEqual([
      'Pulling: Pulling image "nginx:1.27"',
      expect.stringMatching(/^Pulled: Successfully pulled image "nginx:1\.27" in [\d.]+m?s \([\d.]+m?s including waiting\)\. Image size: 72996017 bytes\.$/),
      'Created: Created container nginx',
      'Started: Started container nginx',
    ]);
  });

  it('runs a container whose shell loop prints nothing (`while true; do sleep 30; done`) and keeps time moving', () => {
    const t = cluster();
    pod(t, "  containers:\n  - name: loop\n    image: busybox:1.36\n    command: ['sh', '-c', 'while true; do sleep 30; done']");
    t.advance('2m');
    expect(get(t).status.phase).toBe('Running');
    expect(cs(t)).toMatchObject({ ready: true, restartCount: 0 });
  });

  it('writes at most two statuses on the fast path: ContainerCreating, then Running + Ready', () => {
    const t = cluster();
    const writes: string[] = [];
    t.store.onCommit = (e) => {
      if (e.resource === 'pods' && e.type === 'MODIFIED' && e.object.metadata.name === 'web') writes.push(e.object.status.containerStatuses[0].state.waiting?.reason ?? 'running');
    };
    pod(t, '  containers:\n  - name: nginx\n    image: nginx:1.27\n    readinessProbe: {httpGet: {path: /, port: 80}}');
    t.advance('30s');
    expect(writes).toEqual(['ContainerCreating', 'running']);
  });

  it('says "already present" for an image the node has', () => {
    const t = cluster();
    pod(t, '  containers:\n  - {name: pause, image: "registry.k8s.io/pause:3.10"}');
    t.advance('5s');
    expect(t.events('web')[0]).toBe('Pulled: Container image "registry.k8s.io/pause:3.10" already present on machine');
  });

  it('hands out pod IPs from the node\'s podCIDR in order, and gives them out again later', () => {
    const t = cluster();
    for (const n of ['a', 'b', 'c']) pod(t, '  containers:\n  - {name: pause, image: "registry.k8s.io/pause:3.10"}', n);
    t.advance('5s');
    expect(['a', 'b', 'c'].map((n) => get(t, n).status.podIP).sort()).toEqual(['10.244.1.2', '10.244.1.3', '10.244.1.4']);
  });

  it('lists pulled images in the node status', () => {
    const t = cluster();
    pod(t, '  containers:\n  - {name: redis, image: "redis:7.4"}');
    t.advance('30s');
    const images = t.get('nodes', 'worker-1', '')!.status.images;
    expect(images).toContainEqual({ names: [expect.stringMatching(/^docker\.io\/library\/redis@sha256:/), 'docker.io/library/redis:7.4'], sizeBytes: expect.any(Number) });
  });
});

describe('kubelet: failures', () => {
  it('restarts a crashing container after back-offs of 10 s, 20 s and 40 s (CrashLoopBackOff)', () => {
    const t = cluster();
    pod(t, '  containers:\n  - {name: app, image: "busybox:1.36", command: [sh, -c, "exit 1"]}');
    // When each container instance starts: restartCount goes up with every start after the first.
    const starts: number[] = [];
    for (let i = 0; i < 1800; i++) {
      t.advance('100ms');
      const c = cs(t);
      const n = c?.state?.running || c?.lastState?.terminated ? (c.restartCount ?? 0) + 1 : 0;
      while (starts.length < n) starts.push(t.clock.now());
    }
    const c = cs(t);
    expect(c.state.waiting.reason).toBe('CrashLoopBackOff');
    expect(c.state.waiting.message).toMatch(/^back-off (1m20s|2m40s) restarting failed container=app pod=web_default\([0-9a-f-]{36}\)$/);
    expect(c.lastState.terminated).toMatchObject({ exitCode: 1, reason: 'Error' });
    const gaps = starts.slice(1).map((s, i) => Math.round((s - starts[i]) / 1000));
    // The first restart is immediate, then ≈10 s, 20 s, 40 s, 80 s (plus up to ~1.5 s of sync delay).
    expect(gaps.slice(0, 5).map((g, i) => Math.abs(g - [0, 10, 20, 40, 80][i]) <= 2)).toEqual([true, true, true, true, true]);
    expect(t.events('web')).toContain(`BackOff: Back-off restarting failed container app in pod web_default(${get(t).metadata.uid})`);
  });

  it('reports ErrImagePull, then ImagePullBackOff, for a tag that does not exist', () => {
    const t = cluster();
    pod(t, '  containers:\n  - {name: nginx, image: "nginx:nope"}');
    const reasons: string[] = [];
    for (let i = 0; i < 60; i++) {
      t.advance('500ms');
      const r = cs(t)?.state?.waiting?.reason;
      if (r && r !== reasons[reasons.length - 1]) reasons.push(r);
    }
    expect(reasons).toEqual(['ContainerCreating', 'ErrImagePull', 'ImagePullBackOff', 'ErrImagePull', 'ImagePullBackOff']);
    const err =
      'rpc error: code = NotFound desc = failed to pull and unpack image "docker.io/library/nginx:nope": failed to resolve reference "docker.io/library/nginx:nope": docker.io/library/nginx:nope: not found';
    expect(cs(t).state.waiting.message).toBe(`Back-off pulling image "nginx:nope": ErrImagePull: ${err}`);
    expect(new Set(t.events('web'))).toEqual(
      new Set([
        'Pulling: Pulling image "nginx:nope"',
        `Failed: Failed to pull image "nginx:nope": ${err}`,
        'Failed: Error: ErrImagePull',
        'BackOff: Back-off pulling image "nginx:nope"',
        'Failed: Error: ImagePullBackOff',
      ]),
    );
    expect(get(t).status.phase).toBe('Pending');
  });

  it('OOM-kills a container that uses more memory than its limit (exit 137)', () => {
    const t = cluster();
    pod(t, '  containers:\n  - name: stress\n    image: polinux/stress\n    command: [stress]\n    args: [--vm, "1", --vm-bytes, 250M, --vm-hang, "1"]\n    resources: {limits: {memory: 100Mi}}');
    t.advance('20s');
    expect(cs(t).lastState.terminated).toMatchObject({ exitCode: 137, reason: 'OOMKilled' });
  });
});

describe('kubelet: completion and termination', () => {
  it('completes `sleep 5` with restartPolicy Never: Succeeded, Ready=False PodCompleted', () => {
    const t = cluster();
    pod(t, '  restartPolicy: Never\n  containers:\n  - {name: sleeper, image: "busybox:1.36", command: [sleep, "5"]}');
    t.advance('20s');
    const p = get(t);
    expect(p.status.phase).toBe('Succeeded');
    expect(cs(t).state.terminated).toMatchObject({ exitCode: 0, reason: 'Completed' });
    const ready = p.status.conditions.find((c: KObject) => c.type === 'Ready');
    expect(ready).toMatchObject({ status: 'False', reason: 'PodCompleted' });
    const started = Date.parse(cs(t).state.terminated.startedAt);
    expect(Date.parse(cs(t).state.terminated.finishedAt) - started).toBeGreaterThanOrEqual(4000);
  });

  it('stops a deleted pod after its grace period (sh ignores SIGTERM), then deletes it with grace 0', () => {
    const t = cluster();
    pod(t, '  containers:\n  - {name: app, image: "busybox:1.36", command: [sh, -c, "sleep 3600"]}');
    t.advance('10s');
    del(t, 'pods', 'web');
    expect(get(t).metadata.deletionTimestamp).toBeDefined();
    t.advance('29s');
    expect(get(t)).toBeDefined();
    expect(t.events('web')).toContain('Killing: Stopping container app');
    t.advance('3s');
    expect(get(t)).toBeUndefined();
  });

  it('stops nginx at once: it exits on its own stop signal', () => {
    const t = cluster();
    pod(t, '  containers:\n  - {name: nginx, image: "nginx:1.27"}');
    t.advance('10s');
    del(t, 'pods', 'web');
    t.advance('2s');
    expect(get(t)).toBeUndefined();
  });
});

describe('kubelet: nodes', () => {
  it('renews its Lease every 10 s, holder = node name, 40 s duration', () => {
    const t = cluster();
    t.advance('1s');
    const lease = t.get('leases', 'worker-1', 'kube-node-lease')!;
    expect(lease.spec).toMatchObject({ holderIdentity: 'worker-1', leaseDurationSeconds: 40 });
    expect(lease.metadata.ownerReferences?.[0]).toMatchObject({ apiVersion: 'v1', kind: 'Node', name: 'worker-1' });
    const first = lease.spec.renewTime;
    t.advance('11s');
    expect(t.get('leases', 'worker-1', 'kube-node-lease')!.spec.renewTime).not.toBe(first);
  });

  it('stops renewing when the node is down and resumes when the fault is removed', () => {
    const t = cluster();
    t.advance('15s');
    annotateNode(t, 'worker-1', 'down');
    t.settle();
    const frozen = t.get('leases', 'worker-1', 'kube-node-lease')!.spec.renewTime;
    t.advance('60s');
    expect(t.get('leases', 'worker-1', 'kube-node-lease')!.spec.renewTime).toBe(frozen);
    expect(t.get('leases', 'worker-2', 'kube-node-lease')!.spec.renewTime).not.toBe(frozen);
    annotateNode(t, 'worker-1', null);
    t.advance('1s');
    expect(t.get('leases', 'worker-1', 'kube-node-lease')!.spec.renewTime).not.toBe(frozen);
    const ready = t.get('nodes', 'worker-1', '')!.status.conditions.find((c: KObject) => c.type === 'Ready');
    expect(ready).toMatchObject({ status: 'True', reason: 'KubeletReady', message: 'kubelet is posting ready status' });
  });

  it('keeps pods running behind a partition and reports them when it heals', () => {
    const t = cluster();
    pod(t, '  restartPolicy: Never\n  containers:\n  - {name: job, image: "busybox:1.36", command: [sleep, "20"]}');
    t.advance('5s');
    annotateNode(t, 'worker-1', 'partitioned');
    t.advance('40s');
    expect(get(t).status.phase).toBe('Running');
    annotateNode(t, 'worker-1', null);
    t.advance('1s');
    expect(get(t).status.phase).toBe('Succeeded');
  });

  it('registers the status of a Node created without one (capacity from kubeplay.dev/capacity)', () => {
    const t = cluster();
    t.apply('apiVersion: v1\nkind: Node\nmetadata:\n  name: worker-9\n  annotations: {kubeplay.dev/capacity: "cpu=8,memory=32Gi"}');
    t.advance('1s');
    const n = t.get('nodes', 'worker-9', '')!;
    expect(n.status.capacity).toMatchObject({ cpu: '8', memory: '32Gi', pods: '110' });
    expect(n.status.conditions.map((c: KObject) => `${c.type}=${c.status}/${c.reason}`)).toEqual([
      'MemoryPressure=False/KubeletHasSufficientMemory',
      'DiskPressure=False/KubeletHasNoDiskPressure',
      'PIDPressure=False/KubeletHasSufficientPID',
      'Ready=True/KubeletReady',
    ]);
    expect(n.status.addresses).toEqual([{ type: 'InternalIP', address: expect.stringMatching(/^172\.18\./) }, { type: 'Hostname', address: 'worker-9' }]);
    expect(t.events('worker-9')).toContain('NodeReady: Node worker-9 status is now: NodeReady');
    expect(t.get('leases', 'worker-9', 'kube-node-lease')).toBeDefined();
  });
});

describe('kubelet: pod faults', () => {
  it('crash: the container exits 1 and ends up in CrashLoopBackOff', () => {
    const t = cluster();
    pod(t, '  containers:\n  - {name: nginx, image: "nginx:1.27"}', 'web', '  annotations: {kubeplay.dev/fault: crash}\n');
    t.advance('40s');
    expect(cs(t).restartCount).toBeGreaterThanOrEqual(2);
    expect(cs(t).lastState.terminated).toMatchObject({ exitCode: 1, reason: 'Error' });
  });

  it('oom: the container is OOMKilled', () => {
    const t = cluster();
    pod(t, '  containers:\n  - {name: nginx, image: "nginx:1.27"}', 'web', '  annotations: {kubeplay.dev/fault: oom}\n');
    t.advance('40s');
    expect(cs(t).lastState.terminated).toMatchObject({ exitCode: 137, reason: 'OOMKilled' });
  });

  it('not-ready added to a running pod makes it unready; removing it makes it ready again', () => {
    const t = cluster();
    pod(t, '  containers:\n  - name: nginx\n    image: "nginx:1.27"\n    readinessProbe: {httpGet: {path: /, port: 80}, periodSeconds: 5}');
    t.advance('15s');
    expect(cs(t).ready).toBe(true);
    annotate(t, 'pods', 'default', 'web', { 'kubeplay.dev/fault': 'not-ready' });
    t.advance('20s');
    expect(cs(t).ready).toBe(false);
    expect(t.events('web')).toContain('Unhealthy: Readiness probe failed: HTTP probe failed with statuscode: 503');
  });
});

describe('kubelet: determinism', () => {
  it('same seed, same statuses and events', () => {
    const snapshot = () => {
      const t = cluster();
      pod(t, '  containers:\n  - {name: app, image: "busybox:1.36", command: [sh, -c, "sleep 2; exit 1"]}');
      t.advance('60s');
      return JSON.stringify([get(t).status, t.events('web')]);
    };
    expect(snapshot()).toBe(snapshot());
  });
});
