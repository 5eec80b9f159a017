import { describe, expect, it } from 'vitest';
import { nodeObject } from '../../bootstrap/nodes';
import { newTestCluster, type TestCluster } from '../../testing/testCluster';
import { bindDaemonPods, mergePatch, runPod } from '../job/testkit';

const dsYaml = (extra = '', image = 'agent:v1') => `apiVersion: apps/v1
kind: DaemonSet
metadata: {name: node-agent}
spec:
  selector: {matchLabels: {app: agent}}
  template:
    metadata: {labels: {app: agent}}
    spec:
${extra}
      containers: [{name: node-agent, image: "${image}"}]
`;

const newCluster = () => newTestCluster({ controllers: ['daemonset-controller'] });
const nodeOf = (t: TestCluster) =>
  t
    .pods('app=agent')
    .filter((p) => !p.metadata.deletionTimestamp)
    .map((p) => p.spec.nodeName ?? p.spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchFields[0].values[0])
    .sort();
const runAll = (t: TestCluster) => {
  bindDaemonPods(t);
  for (const p of t.pods('app=agent')) if (p.status.phase === 'Pending' && !p.metadata.deletionTimestamp) runPod(t, p.metadata.name!);
};

describe('daemonset-controller scenarios', () => {
  it('puts one pod on each worker and none on the tainted control-plane', () => {
    const t = newCluster();
    t.apply(dsYaml());
    expect(nodeOf(t)).toEqual(['worker-1', 'worker-2', 'worker-3']);
    const p = t.pods()[0]!;
    expect(p.metadata.name).toMatch(/^node-agent-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(p.metadata.labels).toMatchObject({ app: 'agent', 'pod-template-generation': '1' });
    expect(p.spec.tolerations.map((x: { key: string; effect: string }) => `${x.key}:${x.effect}`)).toEqual([
      'node.kubernetes.io/not-ready:NoExecute',
      'node.kubernetes.io/unreachable:NoExecute',
      'node.kubernetes.io/disk-pressure:NoSchedule',
      'node.kubernetes.io/memory-pressure:NoSchedule',
      'node.kubernetes.io/pid-pressure:NoSchedule',
      'node.kubernetes.io/unschedulable:NoSchedule',
    ]);
    expect(t.events('node-agent').filter((e) => e.startsWith('SuccessfulCreate: Created pod: node-agent-'))).toHaveLength(3);
    runAll(t);
    const ds = t.get('daemonsets', 'node-agent')!;
    expect(ds.status).toEqual({
      currentNumberScheduled: 3,
      desiredNumberScheduled: 3,
      numberAvailable: 3,
      numberMisscheduled: 0,
      numberReady: 3,
      observedGeneration: 1,
      updatedNumberScheduled: 3,
    });
    const cr = t.list('controllerrevisions', undefined, 'default')[0]!;
    expect(cr.metadata.name).toBe(`node-agent-${p.metadata.labels!['controller-revision-hash']}`);
    expect(cr.revision).toBe(1);
  });

  it('tolerating the control-plane taint adds a pod there too', () => {
    const t = newCluster();
    t.apply(dsYaml('      tolerations: [{key: node-role.kubernetes.io/control-plane, operator: Exists, effect: NoSchedule}]'));
    expect(nodeOf(t)).toEqual(['control-plane', 'worker-1', 'worker-2', 'worker-3']);
  });

  it('honours nodeSelector', () => {
    const t = newCluster();
    t.apply(dsYaml('      nodeSelector: {topology.kubernetes.io/zone: zone-b}'));
    expect(nodeOf(t)).toEqual(['worker-2']);
  });

  it('a new node gets its daemon pod; a deleted node’s unscheduled pod goes away', () => {
    const t = newCluster();
    t.apply(dsYaml());
    t.api.create(t.api.registry.get('', 'nodes')!, '', nodeObject({ name: 'worker-4', cpu: '4', memory: '16Gi', ip: '172.18.0.6' }, 4));
    t.settle();
    expect(nodeOf(t)).toEqual(['worker-1', 'worker-2', 'worker-3', 'worker-4']);
    t.api.delete(t.api.registry.get('', 'nodes')!, '', 'worker-4');
    t.settle();
    expect(nodeOf(t)).toEqual(['worker-1', 'worker-2', 'worker-3']);
  });

  it('rolls out a new template one node at a time (maxUnavailable 1)', () => {
    const t = newCluster();
    t.apply(dsYaml());
    runAll(t);
    mergePatch(t, 'apps/daemonsets', 'node-agent', { spec: { template: { spec: { containers: [{ name: 'node-agent', image: 'node-agent:v2' }] } } } });
    const image = () =>
      t
        .pods()
        .filter((p) => !p.metadata.deletionTimestamp)
        .map((p) => p.spec.containers[0].image)
        .sort();
    // one old pod was deleted and replaced (bound pods terminate gracefully: wait for the kubelet)
    const terminating = t.pods().filter((p) => p.metadata.deletionTimestamp);
    expect(terminating).toHaveLength(1);
    for (const p of terminating) t.api.delete(t.api.registry.get('', 'pods')!, 'default', p.metadata.name!, { gracePeriodSeconds: 0 });
    t.settle();
    expect(image()).toEqual(['agent:v1', 'agent:v1', 'node-agent:v2']);
    expect(t.get('daemonsets', 'node-agent')!.status).toMatchObject({ updatedNumberScheduled: 1, observedGeneration: 2 });
    for (let i = 0; i < 4; i++) {
      runAll(t);
      for (const p of t.pods().filter((x) => x.metadata.deletionTimestamp)) t.api.delete(t.api.registry.get('', 'pods')!, 'default', p.metadata.name!, { gracePeriodSeconds: 0 });
      t.settle();
    }
    runAll(t);
    expect(image()).toEqual(['node-agent:v2', 'node-agent:v2', 'node-agent:v2']);
    expect(t.get('daemonsets', 'node-agent')!.status).toMatchObject({ updatedNumberScheduled: 3, numberAvailable: 3, desiredNumberScheduled: 3 });
    expect(t.list('controllerrevisions', undefined, 'default').map((r) => r.revision).sort()).toEqual([1, 2]);
  });

  it('OnDelete keeps old pods until they are deleted', () => {
    const t = newCluster();
    t.apply(`apiVersion: apps/v1
kind: DaemonSet
metadata: {name: node-agent}
spec:
  updateStrategy: {type: OnDelete}
  selector: {matchLabels: {app: agent}}
  template:
    metadata: {labels: {app: agent}}
    spec: {containers: [{name: node-agent, image: v1}]}
`);
    runAll(t);
    mergePatch(t, 'apps/daemonsets', 'node-agent', { spec: { template: { spec: { containers: [{ name: 'node-agent', image: 'v2' }] } } } });
    expect(t.pods().every((p) => p.spec.containers[0].image === 'v1' && !p.metadata.deletionTimestamp)).toBe(true);
    expect(t.get('daemonsets', 'node-agent')!.status.updatedNumberScheduled).toBeUndefined();
  });
});
