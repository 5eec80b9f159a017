import { describe, expect, it } from 'vitest';
import type { KObject } from '../api/types';
import { applyPatch } from '../apiserver/patch';
import { newTestCluster } from '../testing/testCluster';
import { explainPod, getSchedulerExplainer } from './explain';

const TAINT = 'node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }';

function cluster() {
  return newTestCluster({ controllers: ['default-scheduler'] });
}

function pod(name: string, spec: string = '', meta = ''): string {
  return `
apiVersion: v1
kind: Pod
metadata:
  name: ${name}
${meta}
spec:
  containers:
  - name: app
    image: nginx:1.27
${spec}
`;
}

const requests = (cpu: string, extra = '') => `    resources:
      requests:
        cpu: "${cpu}"
${extra}`;

const prio = (yaml: string, cls: string) => yaml.replace('spec:\n', `spec:\n  priorityClassName: ${cls}\n`);
const condition = (p: KObject | undefined, type: string) => p?.status?.conditions?.find((c: KObject) => c.type === type);

describe('default-scheduler', () => {
  it('binds a pod to a worker, never to the tainted control-plane, and says so', () => {
    const t = cluster();
    t.apply(pod('web-x', requests('100m')));
    t.settle();
    const p = t.get('pods', 'web-x')!;
    expect(p.spec.nodeName).toMatch(/^worker-[123]$/);
    expect(t.events('web-x')).toEqual([`Scheduled: Successfully assigned default/web-x to ${p.spec.nodeName}`]);
    const ev = t.list('events').find((e) => e.reason === 'Scheduled')!;
    expect([ev.type, ev.source.component, ev.involvedObject.kind]).toEqual(['Normal', 'default-scheduler', 'Pod']);
    expect(condition(p, 'PodScheduled')?.status).toBe('True');
  });

  it('reports a pod too big for any node with the exact FitError, once per attempt', () => {
    const t = cluster();
    t.apply(pod('huge', requests('8')));
    t.settle();
    const msg =
      `0/4 nodes are available: 1 ${TAINT}, 3 Insufficient cpu. ` +
      'preemption: 0/4 nodes are available: 1 Preemption is not helpful for scheduling, 3 No preemption victims found for incoming pod.';
    expect(t.events('huge')).toEqual([`FailedScheduling: ${msg}`]);
    const c = condition(t.get('pods', 'huge'), 'PodScheduled');
    expect(c).toEqual({ type: 'PodScheduled', status: 'False', lastProbeTime: null, lastTransitionTime: '2025-01-01T00:00:00Z', reason: 'Unschedulable', message: msg });
    // Nothing changes in the cluster: no retry until the 5-minute flush, then one more attempt.
    t.advance('4m');
    expect(t.list('events').find((e) => e.reason === 'FailedScheduling')!.count).toBe(1);
    t.advance('2m');
    expect(t.list('events').find((e) => e.reason === 'FailedScheduling')!.count).toBe(2);
    expect(condition(t.get('pods', 'huge'), 'PodScheduled')!.lastTransitionTime).toBe('2025-01-01T00:00:00Z');
  });

  it('honours nodeSelector and explains a selector nothing matches', () => {
    const t = cluster();
    t.apply(pod('zb', '  nodeSelector:\n    topology.kubernetes.io/zone: zone-b'));
    t.apply(pod('nowhere', '  nodeSelector:\n    disktype: ssd'));
    t.settle();
    expect(t.get('pods', 'zb')!.spec.nodeName).toBe('worker-2');
    expect(t.events('nowhere')).toEqual([
      `FailedScheduling: 0/4 nodes are available: 1 ${TAINT}, 3 node(s) didn't match Pod's node affinity/selector. ` +
        'preemption: 0/4 nodes are available: 4 Preemption is not helpful for scheduling.',
    ]);
  });

  it('honours required node affinity', () => {
    const t = cluster();
    t.apply(
      pod(
        'pinned',
        `  affinity:
    nodeAffinity:
      requiredDuringSchedulingIgnoredDuringExecution:
        nodeSelectorTerms:
        - matchExpressions:
          - {key: kubernetes.io/hostname, operator: In, values: [worker-3]}`,
      ),
    );
    t.settle();
    expect(t.get('pods', 'pinned')!.spec.nodeName).toBe('worker-3');
  });

  it('places a pod tolerating the control-plane taint there when it selects it', () => {
    const t = cluster();
    t.apply(
      pod(
        'cp',
        `  nodeSelector:
    node-role.kubernetes.io/control-plane: ""
  tolerations:
  - {key: node-role.kubernetes.io/control-plane, operator: Exists, effect: NoSchedule}`,
      ),
    );
    t.settle();
    expect(t.get('pods', 'cp')!.spec.nodeName).toBe('control-plane');
  });

  it('gives each hostPort user its own node', () => {
    const t = cluster();
    const withPort = '    ports:\n    - {containerPort: 80, hostPort: 8080}';
    for (const n of ['a', 'b', 'c', 'd']) t.apply(pod(`hp-${n}`, withPort));
    t.settle();
    const nodes = ['a', 'b', 'c'].map((n) => t.get('pods', `hp-${n}`)!.spec.nodeName);
    expect(new Set(nodes).size).toBe(3);
    expect(t.events('hp-d')).toEqual([
      `FailedScheduling: 0/4 nodes are available: 1 ${TAINT}, 3 node(s) didn't have free ports for the requested pod ports. ` +
        'preemption: 0/4 nodes are available: 1 Preemption is not helpful for scheduling, 3 No preemption victims found for incoming pod.',
    ]);
  });

  it('spreads replicas of one app across the workers', () => {
    const t = cluster();
    for (let i = 0; i < 6; i++) t.apply(pod(`web-${i}`, requests('100m'), '  labels: {app: web}'));
    t.settle();
    const perNode = new Map<string, number>();
    for (const p of t.pods('app=web')) perNode.set(p.spec.nodeName, (perNode.get(p.spec.nodeName) ?? 0) + 1);
    expect([...perNode.values()]).toEqual([2, 2, 2]);
  });

  it('spreads ReplicaSet pods by the default topology spread constraints', () => {
    const t = cluster();
    const [rs] = t.apply(`
apiVersion: apps/v1
kind: ReplicaSet
metadata: {name: web-abc}
spec:
  replicas: 3
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec: {containers: [{name: app, image: nginx:1.27}]}
`);
    const owner = `  labels: {app: web}\n  ownerReferences: [{apiVersion: apps/v1, kind: ReplicaSet, name: web-abc, uid: ${rs!.metadata.uid}, controller: true}]`;
    for (let i = 0; i < 3; i++) t.apply(pod(`web-abc-${i}`, '', owner));
    t.settle();
    expect(new Set(t.pods('app=web').map((p) => p.spec.nodeName)).size).toBe(3);
    expect(explainPod('default', 'web-abc-2', t.api)!.skipped.score).not.toContain('PodTopologySpread');
  });

  it('lets a high-priority pod preempt a lower-priority one', () => {
    const t = cluster();
    t.apply(`
apiVersion: scheduling.k8s.io/v1
kind: PriorityClass
metadata: {name: low}
value: 100
---
apiVersion: scheduling.k8s.io/v1
kind: PriorityClass
metadata: {name: high}
value: 1000
`);
    for (const n of ['1', '2', '3']) t.apply(prio(pod(`low-${n}`, requests('3')), 'low'));
    t.settle();
    expect(t.pods().every((p) => p.spec.nodeName)).toBe(true);
    t.apply(prio(pod('vip', requests('2')), 'high'));
    t.settle();
    const vip = t.get('pods', 'vip')!;
    const victims = t.pods().filter((p) => p.metadata.deletionTimestamp);
    expect(victims).toHaveLength(1);
    const victim = victims[0]!;
    expect(vip.status.nominatedNodeName).toBe(victim.spec.nodeName);
    expect(t.events('vip')).toEqual([`FailedScheduling: 0/4 nodes are available: 1 ${TAINT}, 3 Insufficient cpu.`]);
    expect(t.events(victim.metadata.name)).toContain(`Preempted: Preempted by pod ${vip.metadata.uid} on node ${victim.spec.nodeName}`);
    expect(condition(victim, 'DisruptionTarget')).toMatchObject({ status: 'True', reason: 'PreemptionByScheduler', message: 'default-scheduler: preempting to accommodate a higher priority pod' });
    // The kubelet would finish the graceful deletion; then the preemptor takes the freed node.
    t.api.delete(t.api.registry.get('', 'pods')!, 'default', victim.metadata.name!, { gracePeriodSeconds: 0 });
    t.advance('2s');
    expect(t.get('pods', 'vip')!.spec.nodeName).toBe(victim.spec.nodeName);
  });

  it('does not preempt for a pod with preemptionPolicy Never', () => {
    const t = cluster();
    t.apply(`
apiVersion: scheduling.k8s.io/v1
kind: PriorityClass
metadata: {name: polite}
value: 1000
preemptionPolicy: Never
`);
    for (const n of ['1', '2', '3']) t.apply(pod(`low-${n}`, requests('3')));
    t.apply(prio(pod('vip', requests('2')), 'polite'));
    t.settle();
    expect(t.events('vip')).toEqual([`FailedScheduling: 0/4 nodes are available: 1 ${TAINT}, 3 Insufficient cpu. preemption: not eligible due to preemptionPolicy=Never.`]);
    expect(t.pods().some((p) => p.metadata.deletionTimestamp)).toBe(false);
  });

  it('schedules a waiting pod once a node that fits joins', () => {
    const t = newTestCluster({ controllers: ['default-scheduler'], nodes: [] });
    t.apply(pod('early'));
    t.settle();
    expect(t.events('early')).toEqual(['FailedScheduling: no nodes available to schedule pods']);
    expect(condition(t.get('pods', 'early'), 'PodScheduled')?.reason).toBe('Unschedulable');
    const nodeDef = t.api.registry.get('', 'nodes')!;
    const n = t.api.create(nodeDef, '', { apiVersion: 'v1', kind: 'Node', metadata: { name: 'late' } }).object;
    t.api.update(nodeDef, '', 'late', { ...n, status: { allocatable: { cpu: '2', memory: '4Gi', pods: '110' } } }, {}, 'status');
    t.advance('20s');
    expect(t.get('pods', 'early')!.spec.nodeName).toBe('late');
  });

  it('keeps gated pods out of scheduling until the gates go', () => {
    const t = cluster();
    t.apply(pod('gated', '  schedulingGates:\n  - name: example.com/wait'));
    t.settle();
    expect(t.get('pods', 'gated')!.spec.nodeName).toBeUndefined();
    expect(t.events('gated')).toEqual([]);
    expect(explainPod('default', 'gated', t.api)).toMatchObject({ result: 'Gated', message: 'waiting for scheduling gates: [example.com/wait]' });
    t.api.patch(t.api.registry.get('', 'pods')!, 'default', 'gated', { spec: { schedulingGates: null } }, 'application/merge-patch+json', {}, '', applyPatch);
    t.settle();
    expect(t.get('pods', 'gated')!.spec.nodeName).toMatch(/^worker-/);
  });

  it('ignores pods of other schedulers', () => {
    const t = cluster();
    t.apply(pod('other', '  schedulerName: my-scheduler'));
    t.settle();
    expect(t.get('pods', 'other')!.spec.nodeName).toBeUndefined();
    expect(t.events('other')).toEqual([]);
  });

  it('waits for unbound immediate claims', () => {
    const t = cluster();
    t.apply(`
apiVersion: v1
kind: PersistentVolumeClaim
metadata: {name: data}
spec:
  storageClassName: ""
  accessModes: [ReadWriteOnce]
  resources: {requests: {storage: 1Gi}}
`);
    t.apply(pod('db', '  volumes:\n  - name: data\n    persistentVolumeClaim: {claimName: data}'));
    t.settle();
    expect(t.events('db')).toEqual([
      'FailedScheduling: 0/4 nodes are available: pod has unbound immediate PersistentVolumeClaims. preemption: 0/4 nodes are available: 4 Preemption is not helpful for scheduling.',
    ]);
  });

  it('binds a WaitForFirstConsumer claim on the chosen node before binding the pod', () => {
    const t = newTestCluster({ controllers: ['default-scheduler', 'persistentvolume-binder-controller', 'local-path-provisioner'] });
    t.apply(`
apiVersion: v1
kind: PersistentVolumeClaim
metadata: {name: data}
spec:
  accessModes: [ReadWriteOnce]
  resources: {requests: {storage: 1Gi}}
`);
    t.apply(pod('db', '  volumes:\n  - name: data\n    persistentVolumeClaim: {claimName: data}'));
    t.advance('5s');
    const node = t.get('pods', 'db')!.spec.nodeName;
    expect(node).toMatch(/^worker-/);
    const pvc = t.get('persistentvolumeclaims', 'data')!;
    expect([pvc.metadata.annotations?.['volume.kubernetes.io/selected-node'], pvc.status?.phase]).toEqual([node, 'Bound']);
  });

  it('leaves no timers behind once every pod is placed', () => {
    // Without the API server's own timer for the Events' expiry (an hour away).
    const t = newTestCluster({ controllers: ['default-scheduler'], eventTtlMs: 0 });
    for (let i = 0; i < 5; i++) t.apply(pod(`p-${i}`));
    t.settle();
    expect(t.clock.pending()).toBe(0);
  });

  it('explains every node’s verdict and score, and forgets deleted pods', () => {
    const t = cluster();
    t.apply(pod('web', requests('100m')));
    t.apply(pod('huge', requests('8')));
    t.settle();
    const e = getSchedulerExplainer(t.api)!.explainPod('default', 'web')!;
    expect(e).toMatchObject({ result: 'Scheduled', node: t.get('pods', 'web')!.spec.nodeName, totalNodes: 4, evaluatedNodes: 4, feasibleNodes: 3 });
    expect(e.nodes[0]).toEqual({
      node: 'control-plane',
      feasible: false,
      plugin: 'TaintToleration',
      code: 'UnschedulableAndUnresolvable',
      reasons: [TAINT],
    });
    expect(e.nodes[1]!.scores).toEqual({ TaintToleration: 300, NodeResourcesFit: 97, NodeResourcesBalancedAllocation: 98, ImageLocality: 0 });
    const huge = explainPod('default', 'huge', t.api)!;
    expect(huge.result).toBe('Unschedulable');
    expect(huge.message).toBe(t.events('huge')[0]!.replace('FailedScheduling: ', ''));
    expect(huge.histogram).toEqual([`1 ${TAINT}`, '3 Insufficient cpu']);
    t.api.delete(t.api.registry.get('', 'pods')!, 'default', 'huge', { gracePeriodSeconds: 0 });
    expect(explainPod('default', 'huge', t.api)).toBeUndefined();
  });
});
