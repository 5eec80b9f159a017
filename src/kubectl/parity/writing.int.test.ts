/** kubectl parity (see testing/paritySuite.ts): apply, create -f, edit, generators, run, expose, label, annotate, patch, delete. */
import { describe, it } from 'vitest';
import { clusterPair, expectInStep, expectParity, kubectlPath, paritySuite, same } from '../testing/paritySuite';

paritySuite('writing');

const APP = `apiVersion: v1
kind: ConfigMap
metadata:
  name: app
data:
  mode: blue
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: shop
  labels: {app: shop}
spec:
  replicas: 2
  selector:
    matchLabels: {app: shop}
  template:
    metadata:
      labels: {app: shop}
    spec:
      containers:
      - name: c
        image: nginx:1.27
        resources:
          requests: {cpu: 100m, memory: 64Mi}
`;

describe.skipIf(!kubectlPath)('kubectl parity: writing (apply, create, run, expose, delete, label, patch, edit)', () => {
  const rig = clusterPair();

  it('apply -f (file and stdin), create -f, edit', async () => {
    const f = rig().file('app.yaml', APP);
    await same(rig(), [`apply -f ${f}`, `apply -f ${f}`, `create -f ${f}`]);
    rig().file('app.yaml', APP.replace('mode: blue', 'mode: green'));
    await same(rig(), [`apply -f ${f}`, 'get cm app -o yaml']);
    const stdin = APP.replace('replicas: 2', 'replicas: 3');
    const { real, ours } = await rig().both('apply -f -', stdin);
    expectParity('apply -f - (heredoc)', real, ours);
    rig().advance(20_000);
    await same(rig(), ['get deploy shop', 'get pods -l app=shop -o wide']);
    rig().editWith([['replicas: 3', 'replicas: 4']]);
    await same(rig(), ['edit deployment shop']);
    rig().editWith([['replicas: 4', 'replicas: four']]);
    await same(rig(), ['edit deployment shop']);
    rig().advance(10_000);
    await same(rig(), ['get deploy shop -o wide']);
    expectInStep(rig());
  });

  it('create generators, run, expose', async () => {
    await same(rig(), [
      'create deployment api --image=nginx:1.27 --replicas=2 --port=8080',
      'create service clusterip api --tcp=80:8080',
      'create service nodeport edge --tcp=80:80',
      'create configmap cfg --from-literal=a=1 --from-literal=b=2',
      'create secret generic sec --from-literal=pw=hunter2',
      'create secret docker-registry reg --docker-server=r.example --docker-username=u --docker-password=p<&',
      'create secret docker-registry reg2 --docker-username=u --docker-password=p --docker-email=a@b.c --dry-run=client -o json',
      'create secret docker-registry reg3',
      'create namespace team',
      'create job once --image=busybox -- echo hi',
      'create cronjob nightly --image=busybox --schedule=*/5 * * * *',
      'create deployment api --image=nginx',
      'create deployment dry --image=nginx --dry-run=client -o yaml',
      'create deployment dry --image=nginx --dry-run=server -o name',
      'run solo --image=nginx --labels=tier=solo',
      'run solo --image=nginx',
      'run tmp --image=busybox --restart=Never --dry-run=client -o yaml -- sleep 10',
      'expose deployment web --name=web-np --port=8080 --target-port=80 --type=NodePort',
      'expose pod solo --port=80',
    ]);
    rig().advance(30_000);
    await same(rig(), ['get all', 'get cm,secret', 'get secret sec -o yaml', 'get cronjob', 'get jobs', 'get ns', 'get svc -o wide', 'describe svc web-np', 'describe cronjob nightly', 'describe job once']);
    expectInStep(rig());
  });

  it('label, annotate, patch', async () => {
    await same(rig(), [
      'label pod solo tier=front',
      'label pod solo tier=back',
      'label pod solo tier=back --overwrite',
      'label pod solo tier-',
      'label deploy --all team=a',
      'get deploy --show-labels',
      'annotate deployment api note=hi',
      'annotate deployment api note=again',
      'annotate deployment api note-',
      'patch deployment api -p {"spec":{"replicas":3}}',
      'patch deployment api -p {"spec":{"replicas":3}}',
      'patch deployment api --type=merge -p {"metadata":{"labels":{"x":"y"}}}',
      'patch deployment api --type=json -p [{"op":"replace","path":"/spec/replicas","value":2}]',
      'patch deployment api --type=json -p [{"op":"replace","path":"/spec/nope/x","value":2}]',
      'patch deployment api -p {"spec":{"replicas":"x"}}',
      'get deploy api -o jsonpath={.spec.replicas} {.metadata.labels}',
    ]);
    expectInStep(rig());
  });

  it('delete: by name, -l, --all, --grace-period, --force, -f', async () => {
    const f = rig().file('app.yaml', APP);
    await same(rig(), [
      'delete pod solo --grace-period=0 --force',
      'delete cm cfg',
      'delete secret --all',
      'delete deploy -l app=api --wait=false',
      'delete svc api edge --wait=false',
      `delete -f ${f} --wait=false`,
      'delete pods -l app=web --grace-period=5 --wait=false',
      'delete ns team --wait=false',
    ]);
    rig().advance(40_000);
    await same(rig(), ['get all', 'get ns']);
    const r = await rig().concurrent('delete pods -l app=web', [10_000, 40_000], { untilExit: true });
    expectParity('delete pods -l app=web (waits for the pods to go)', r.real, r.ours);
    expectInStep(rig());
  });
});

/** A help text's option lines (`    -o, --output='':`) and its usage line. */
