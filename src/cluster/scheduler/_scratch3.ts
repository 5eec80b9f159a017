import { newTestCluster } from '../testing/testCluster';
import { explainPod } from './explain';
const t = newTestCluster({ controllers: ['default-scheduler'] });
t.apply(`
apiVersion: v1
kind: Pod
metadata: {name: web-x}
spec:
  containers: [{name: nginx, image: nginx:1.27, resources: {requests: {cpu: 100m}}}]
---
apiVersion: v1
kind: Pod
metadata: {name: big}
spec:
  containers: [{name: nginx, image: nginx:1.27, resources: {requests: {cpu: "5"}}}]
`);
t.settle();
console.log(t.get('pods', 'web-x')?.spec.nodeName, t.events());
console.log(JSON.stringify(t.get('pods', 'big')?.status, null, 1));
console.log(JSON.stringify(explainPod('default', 'web-x'), null, 1));
t.advance('30s');
console.log(t.events('big'));
