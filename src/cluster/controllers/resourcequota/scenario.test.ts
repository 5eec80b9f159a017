import { describe, expect, it } from 'vitest';
import { newTestCluster } from '../../testing/testCluster';

const QUOTA = `apiVersion: v1
kind: ResourceQuota
metadata: {name: compute}
spec:
  hard:
    pods: "10"
    requests.cpu: "2"
    requests.memory: 2Gi
    limits.memory: 4Gi
    configmaps: "5"
    count/deployments.apps: "3"
`;
const pod = (name: string, cpu: string, mem: string) => `apiVersion: v1
kind: Pod
metadata: {name: ${name}}
spec:
  containers:
  - name: c
    image: nginx
    resources:
      requests: {cpu: ${cpu}, memory: ${mem}}
      limits: {memory: ${mem}}
`;

describe('resourcequota-controller', () => {
  it('fills status.hard and a zero status.used for a new quota', () => {
    const t = newTestCluster({ controllers: ['resourcequota-controller'] });
    t.apply(QUOTA);
    const s = t.get('resourcequotas', 'compute')!.status;
    expect(s.hard).toEqual({ pods: '10', 'requests.cpu': '2', 'requests.memory': '2Gi', 'limits.memory': '4Gi', configmaps: '5', 'count/deployments.apps': '3' });
    // kube-root-ca.crt is a ConfigMap of the namespace.
    expect(s.used).toEqual({ configmaps: '1', 'count/deployments.apps': '0', 'limits.memory': '0', pods: '0', 'requests.cpu': '0', 'requests.memory': '0' });
  });

  it('adds up what pods request, and gives it back when they go', () => {
    const t = newTestCluster({ controllers: ['resourcequota-controller'] });
    t.apply(QUOTA);
    t.apply(pod('a', '250m', '256Mi'));
    t.apply(pod('b', '500m', '1Gi'));
    expect(t.get('resourcequotas', 'compute')!.status.used).toMatchObject({ pods: '2', 'requests.cpu': '750m', 'requests.memory': '1280Mi', 'limits.memory': '1280Mi' });
    t.api.delete(t.api.registry.get('', 'pods')!, 'default', 'b', {});
    t.settle();
    expect(t.get('resourcequotas', 'compute')!.status.used).toMatchObject({ pods: '1', 'requests.cpu': '250m', 'requests.memory': '256Mi' });
  });
});
