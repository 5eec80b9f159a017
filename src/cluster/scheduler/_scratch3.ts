import { newTestCluster } from '../testing/testCluster';
const t = newTestCluster({ controllers: ['default-scheduler'] });
t.apply(`
apiVersion: v1
kind: Pod
metadata: {name: ds-like}
spec:
  affinity:
    nodeAffinity:
      requiredDuringSchedulingIgnoredDuringExecution:
        nodeSelectorTerms:
        - matchFields: [{key: metadata.name, operator: In, values: [worker-1]}]
  containers: [{name: c, image: nginx, resources: {requests: {cpu: "8"}}}]
`);
t.settle();
console.log(t.events());
