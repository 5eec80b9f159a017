import { it } from 'vitest';
import { newTestCluster } from '../../testing/testCluster';
import { Client } from '../../client/client';
import { nodeObject } from '../../bootstrap/nodes';
it('perf: DS on 5000 nodes', () => {
  let t0 = performance.now();
  const t = newTestCluster({ controllers: ['daemonset-controller', 'job-controller', 'statefulset-controller'] });
  const nd = t.api.registry.get('', 'nodes')!;
  for (let i = 0; i < 5000; i++) {
    const n = nodeObject({ name: `n${i}`, cpu: '4', memory: '16Gi', ip: `10.0.${i >> 8}.${i & 255}` }, 0);
    n.spec.podCIDR = `10.${64 + (i >> 8)}.${i & 255}.0/24`; n.spec.podCIDRs = [n.spec.podCIDR];
    t.api.create(nd, '', n);
  }
  t.settle();
  console.log('boot', performance.now() - t0);
  t0 = performance.now();
  t.apply(`apiVersion: apps/v1
kind: DaemonSet
metadata: {name: agent}
spec:
  selector: {matchLabels: {app: agent}}
  template:
    metadata: {labels: {app: agent}}
    spec: {containers: [{name: a, image: a}]}
`);
  t.settle();
  console.log('create DS pods', performance.now() - t0, t.pods('app=agent').length, JSON.stringify(t.get('daemonsets','agent')!.status));
  // make them ready one by one at distinct instants (kubelet-like)
  const client = new Client(t.api, 'kubelet');
  t0 = performance.now();
  let i = 0;
  for (const p of t.pods('app=agent')) {
    const node = p.spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchFields[0].values[0];
    client.bind('default', p.metadata.name!, node);
    if (++i % 10 === 0) t.advance('10ms'); else t.settle();
  }
  console.log('bind all', performance.now() - t0);
  t0 = performance.now();
  i = 0;
  for (const p of t.pods('app=agent')) {
    const q = structuredClone(p);
    q.status = { ...q.status, phase: 'Running', conditions: [{ type: 'Ready', status: 'True', lastTransitionTime: t.api.ctx.now }] };
    client.updateStatus('pods', q);
    if (++i % 10 === 0) t.advance('10ms'); else t.settle();
  }
  console.log('ready all', performance.now() - t0, JSON.stringify(t.get('daemonsets','agent')!.status));
}, 600_000);
