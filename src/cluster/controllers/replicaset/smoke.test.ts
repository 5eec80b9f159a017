import { it, expect } from 'vitest';
import { newTestCluster } from '../../testing/testCluster';
it('smoke', () => {
  const t = newTestCluster({ controllers: ['replicaset-controller'] });
  t.apply(`
apiVersion: apps/v1
kind: ReplicaSet
metadata: {name: web}
spec:
  replicas: 3
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec: {containers: [{name: nginx, image: nginx:1.27}]}
`);
  t.settle();
  console.log(t.pods().map((p) => p.metadata.name), JSON.stringify(t.get('replicasets', 'web')?.status));
  console.log(t.events());
  console.log(JSON.stringify(t.pods()[0].metadata));
  expect(t.pods().length).toBe(3);
});
